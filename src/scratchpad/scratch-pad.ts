import { memoryFromUrl, timeoutFromUrl, warmInterpretersFromUrl } from '../config/url-options';
import { sharedCodeAnalysis } from '../analysis/code-analysis';
import { loadEditorFactory } from '../editor/load-editor';
import { yieldToBrowser } from '../editor/yield-to-browser';
import type { PythonEditor } from '../editor/python-editor';
import { createSandbox, type Sandbox } from '../runtime/sandbox';
import { codeParameter, decodeCode, shareLink } from '../share/share-link';
import {
  Autosave,
  browserSessionStore,
  browserStore,
  type SaveResult,
  type Version,
} from '../storage/autosave';
import { SaveScheduler } from '../storage/save-scheduler';
import { RunSurface } from '../ui/run-surface';
import { HistoryPanel } from './history-panel';
import { NoticeBar, type NoticeAction, type NoticeKind } from './notice-bar';
import { ScratchPadElements } from './scratch-pad-elements';

/** The longest Monaco waits for interpreters to finish booting before it loads anyway. */
const EDITOR_WAITS_FOR_BOOTS_MS = 10_000;

export const WELCOME_CODE = `# Welcome to Sandpit! Press Run (or Ctrl+Enter) to run this program.
name = "world"
for i in range(3):
    print(f"Hello, {name}! ({i + 1})")
`;

/**
 * The scratch pad: one editor, one sandbox, one run surface (the same one widgets use). Wires them
 * together and owns the learner's code (autosave, share links); the editor and the runtime never talk to
 * each other directly.
 */
export class ScratchPad {
  private readonly ui = new ScratchPadElements(document);
  private readonly surface: RunSurface;
  private readonly notices = new NoticeBar(this.ui.notice);
  private readonly autosave = new Autosave(browserStore(), '', browserSessionStore());
  private readonly saves: SaveScheduler;
  private readonly historyPanel: HistoryPanel;
  /** Saving failed and the learner was told: once per page is enough. */
  private toldSaveProblem = false;
  private readonly sandbox: Sandbox;
  private readonly memoryLimitBytes: number;
  private readonly listeners = new AbortController();
  private editor: PythonEditor | null = null;
  /** The code as last edited in the plain text area; the source of truth until Monaco has loaded. */
  private plainCode: string;
  /** Waiting for no program to run (whenNothingRuns). */
  private readonly idleWaiters: (() => void)[] = [];
  /**
   * A run is under way, from Run until its output is all on screen: after the interpreter is done, a
   * flood's backlog may still be drawing, and Monaco's style sheets arriving then made the browser lay
   * the console's thousands of lines out again (a 114 ms frame, traced).
   */
  private runInProgress = false;
  /** An interpreter boots or runs: see busy(). */
  private interpreterBooting = true;
  /** Until when Monaco waits for boots to end: a page whose boots keep failing still gets its editor. */
  private editorWaitsForBootsUntil = 0;

  constructor() {
    this.saves = new SaveScheduler({
      write: (code) => this.autosave.save(code),
      onResult: (saved) => this.showSaveResult(saved),
    });
    this.historyPanel = new HistoryPanel(
      this.ui.historyPanel,
      this.ui.history,
      () => this.autosave.history(),
      (version) => this.restoreVersion(version),
    );
    this.plainCode = this.initialCode();
    this.ui.showPlainEditor(this.plainCode, (code) => this.codeChanged(code));

    const timeout = timeoutFromUrl(location.search);
    this.ui.timeout.value = String(timeout.seconds);
    if (timeout.problem) this.notices.show('warning', `Ignoring ?timeout: ${timeout.problem}.`);
    const memory = memoryFromUrl(location.search);
    if (memory.problem) this.notices.show('warning', `Ignoring ?memory: ${memory.problem}.`);
    this.memoryLimitBytes = memory.mebibytes * 1024 * 1024;
    const warm = warmInterpretersFromUrl(location.search);
    if (warm.problem) this.notices.show('warning', `Ignoring ?warm: ${warm.problem}.`);

    this.surface = new RunSurface(this.ui.surfaceElements(), {
      run: () => void this.run(),
      stop: () => this.sandbox.interrupt(),
    });
    this.sandbox = createSandbox({
      memoryLimitBytes: this.memoryLimitBytes,
      warmInterpreters: warm.count,
      onStateChange: (state) => {
        this.surface.showState(state);
        this.releaseIdleWaiters();
      },
      onInterpretersChange: (counts) => {
        this.surface.showInterpreters(counts);
        // Live beyond the warm ones: booting, or running (which busy() counts anyway).
        this.interpreterBooting = counts.live > counts.warm;
        this.releaseIdleWaiters();
      },
      onLoadFailure: (reason, attempt) => {
        this.surface.console.note('error', `Python failed to load (attempt ${attempt}); retrying. ${reason}`);
      },
    });
    this.sandbox.whenReady().then(
      () => this.surface.status.setDetail('Python is ready'),
      () => {},
    );

    const { signal } = this.listeners;
    this.ui.share.addEventListener('click', () => void this.share(), { signal });
    this.ui.clear.addEventListener('click', () => this.surface.console.clear(), { signal });
    this.ui.format.addEventListener('click', () => void this.format(), { signal });
    window.addEventListener('hashchange', () => this.loadSharedCodeFromHash(), { signal });
    // A reload or a closed tab right after typing: write what the editor holds now.
    window.addEventListener('pagehide', () => this.saveNow(), { signal });
    document.addEventListener(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'hidden') this.saveNow();
      },
      { signal },
    );
  }

  /** Resolves once the first interpreter is ready to run a program. */
  whenPythonReady(): Promise<void> {
    return this.sandbox.whenReady();
  }

  /**
   * Resolves when no program runs and the browser has a moment to spare. Monaco's module takes a few
   * hundred milliseconds of the main thread to evaluate (235 ms measured on a 2-core machine), in one
   * piece: started beside a run, it stalled the run's output for that long.
   */
  async whenNothingRuns(): Promise<void> {
    for (;;) {
      if (this.busy()) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      await new Promise<void>((resolve) =>
        'requestIdleCallback' in globalThis
          ? requestIdleCallback(() => resolve(), { timeout: 1000 })
          : setTimeout(resolve, 50),
      );
      if (!this.busy()) return;
    }
  }

  /**
   * A program runs, or its run is still drawing its output; or, for a while after the editor starts to
   * load, an interpreter boots. Monaco's code evaluated beside a boot on 2 cores made tasks of 110-140 ms;
   * after it, none over 50 ms.
   */
  private busy(): boolean {
    const booting = this.interpreterBooting && performance.now() < this.editorWaitsForBootsUntil;
    return this.runInProgress || this.sandbox.state === 'running' || booting;
  }

  /** Lets whoever waits in whenNothingRuns go on, once nothing runs. */
  private releaseIdleWaiters(): void {
    if (!this.busy()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Reloading the page would bring what it lacks (input, a gentle Stop) and cut nothing short. */
  mayReloadForIsolation(): boolean {
    return this.sandbox.interaction === 'none' && this.sandbox.state !== 'running';
  }

  /** A message in the notice bar, from outside the pad (the offline service worker's news). */
  notify(kind: NoticeKind, text: string, action?: NoticeAction): void {
    this.notices.show(kind, text, action);
  }

  /** Loads Monaco (a separate chunk) after the page is interactive. */
  async loadEditor(): Promise<void> {
    this.editorWaitsForBootsUntil = performance.now() + EDITOR_WAITS_FOR_BOOTS_MS;
    // At the deadline the editor goes on even if no interpreter's state changes to say so.
    setTimeout(() => this.releaseIdleWaiters(), EDITOR_WAITS_FOR_BOOTS_MS);
    const createEditor = await loadEditorFactory(() => this.whenNothingRuns());
    // From the plain text area's code as it is now: whatever was typed while Monaco loaded is kept.
    this.ui.removePlainEditor();
    const editor = createEditor({
      container: this.ui.editor,
      initialCode: this.plainCode,
      onChange: (code) => this.codeChanged(code),
      onRunShortcut: () => void this.run(),
      ...sharedCodeAnalysis().editorOptions(),
    });
    this.ui.format.disabled = false;
    this.editor = editor;
    this.surface.setEditor(editor);
    // Focusing lays the new editor out at once: in a task of its own, not the one that made the editor.
    await yieldToBrowser();
    editor.focus();
    this.ui.editor.dataset.ready = 'true';
  }

  /** Format: the code laid out in the standard style, or a note saying why it can't be. */
  private async format(): Promise<void> {
    const editor = this.editor;
    if (editor === null) return;
    this.ui.format.disabled = true;
    try {
      const changed = await editor.format();
      if (!changed)
        this.notices.show(
          'info',
          'Format changed nothing: the code is already laid out, or it has an error to fix first.',
        );
    } finally {
      this.ui.format.disabled = false;
      editor.focus();
    }
  }

  /** Ends the sandbox, the editor and every listener (the page is going away, or a test is done). */
  dispose(): void {
    this.saveNow();
    this.listeners.abort();
    this.saves.dispose();
    this.historyPanel.dispose();
    this.surface.dispose();
    this.editor?.dispose();
    this.editor = null;
    this.sandbox.dispose();
  }

  private code(): string {
    return this.editor?.getCode() ?? this.plainCode;
  }

  private initialCode(): string {
    const shared = this.readSharedCode();
    if (shared !== null) return shared;
    return this.autosave.load() ?? WELCOME_CODE;
  }

  /**
   * The code of a `#code=` link, or null. A broken link only shows a message; a good one replaces the
   * editor's code after setting the learner's own aside. Either way the fragment is removed, so a reload
   * shows the autosaved code instead of reapplying the link over later edits.
   */
  private readSharedCode(): string | null {
    const encoded = codeParameter(location.hash);
    if (encoded === null) return null;
    history.replaceState(null, '', location.pathname + location.search);
    const decoded = decodeCode(encoded);
    if (!decoded.ok) {
      this.notices.show(
        'error',
        `This share link can't be opened: ${decoded.reason}. Your own code is unchanged.`,
      );
      return null;
    }
    this.saveNow();
    const own = this.autosave.load();
    if (own !== null && own !== decoded.code && own !== WELCOME_CODE) {
      this.autosave.setAside(own);
      this.notices.show('info', 'Opened the shared code. Your previous code was kept.', {
        label: 'Bring it back',
        action: () => this.restoreSetAside(),
      });
    } else {
      this.notices.show('info', 'Opened the shared code.');
    }
    this.saves.schedule(decoded.code);
    this.saves.flush();
    return decoded.code;
  }

  private loadSharedCodeFromHash(): void {
    const code = this.readSharedCode();
    if (code === null) return;
    this.replaceCode(code);
  }

  private restoreSetAside(): void {
    const previous = this.autosave.setAsideCode();
    if (previous !== null) this.replaceCode(previous);
    this.notices.hide();
  }

  /** Brings back a kept version; the code it replaces is kept first, and the editor can undo it. */
  private restoreVersion(version: Version): void {
    const current = this.code();
    if (current === version.code) return;
    this.autosave.keep(current);
    this.replaceCode(version.code);
    this.notices.show('info', 'Restored an earlier version. Ctrl+Z (⌘+Z) undoes it.');
  }

  /** The toolbar says when saving fails; the first time, a notice says what it means for the learner. */
  private showSaveResult(saved: SaveResult): void {
    this.ui.setSaveProblem(saved.ok ? null : `Not saved: ${saved.reason}`);
    if (saved.ok || this.toldSaveProblem) return;
    this.toldSaveProblem = true;
    this.notices.show(
      'warning',
      `Your code can't be saved in this browser (${saved.reason}). It stays in the editor while this page is open: use Share, or copy it somewhere, to keep it.`,
    );
  }

  private replaceCode(code: string): void {
    this.plainCode = code;
    if (this.editor !== null) {
      this.editor.setCode(code);
      this.editor.flushChange();
    } else this.ui.showPlainEditor(code, (edited) => this.codeChanged(edited));
    this.codeChanged(code);
  }

  private codeChanged(code: string): void {
    if (this.editor === null) this.plainCode = code;
    this.saves.schedule(code);
  }

  private saveNow(): void {
    if (this.editor !== null) this.saves.schedule(this.editor.getCode());
    this.saves.flush();
  }

  private async run(): Promise<void> {
    if (this.sandbox.state === 'running') return;
    this.runInProgress = true;
    try {
      await this.surface.run(this.sandbox, {
        code: this.code(),
        timeoutMs: this.ui.timeoutSeconds() * 1000,
        memoryLimitBytes: this.memoryLimitBytes,
      });
    } finally {
      this.runInProgress = false;
      this.releaseIdleWaiters();
    }
  }

  private async share(): Promise<void> {
    const link = shareLink(location.href, this.code());
    let copied = false;
    try {
      await navigator.clipboard.writeText(link);
      copied = true;
    } catch {
      // Clipboard access can be refused; the link is still shown to copy by hand.
    }
    this.ui.showShareLink(link, copied);
  }
}
