import { memoryFromUrl, timeoutFromUrl, warmInterpretersFromUrl } from '../config/url-options';
import type { PythonEditor } from '../editor/python-editor';
import { createSandbox, type Sandbox } from '../runtime/sandbox';
import { codeParameter, decodeCode, shareLink } from '../share/share-link';
import { Autosave, browserStore } from '../storage/autosave';
import { runInConsole, type RunSurface } from '../ui/console-run';
import { ConsoleView } from '../ui/console-view';
import { StatusLine } from '../ui/status-line';
import { StdinLine } from '../ui/stdin-line';
import { TruncationBanner } from '../ui/truncation-banner';
import { NoticeBar, type NoticeAction, type NoticeKind } from './notice-bar';
import { ScratchPadElements } from './scratch-pad-elements';

export const WELCOME_CODE = `# Welcome to Sandpit! Press Run (or Ctrl+Enter) to run this program.
name = "world"
for i in range(3):
    print(f"Hello, {name}! ({i + 1})")
`;

/**
 * The scratch pad: one editor, one sandbox, one console. Wires them together and owns the learner's code
 * (autosave, share links); the editor and the runtime never talk to each other directly.
 */
export class ScratchPad {
  private readonly ui = new ScratchPadElements(document);
  private readonly console: ConsoleView = new ConsoleView(
    this.ui.output,
    new TruncationBanner(this.ui.truncationBanner, this.ui.downloadOutput, () => this.console.archive),
  );
  private readonly stdinLine = new StdinLine(this.ui.stdinForm);
  private readonly status = new StatusLine(this.ui.status);
  private readonly notices = new NoticeBar(this.ui.notice);
  private readonly autosave = new Autosave(browserStore());
  private readonly sandbox: Sandbox;
  private readonly memoryLimitBytes: number;
  private editor: PythonEditor | null = null;
  private readonly surface: RunSurface;
  /** The code as last edited; the source of truth until Monaco has loaded. */
  private code: string;

  constructor() {
    this.code = this.initialCode();
    this.ui.showPlainEditor(this.code, (code) => this.codeChanged(code));

    const timeout = timeoutFromUrl(location.search);
    this.ui.timeout.value = String(timeout.seconds);
    if (timeout.problem) this.notices.show('warning', `Ignoring ?timeout: ${timeout.problem}.`);

    const memory = memoryFromUrl(location.search);
    if (memory.problem) this.notices.show('warning', `Ignoring ?memory: ${memory.problem}.`);
    this.memoryLimitBytes = memory.mebibytes * 1024 * 1024;
    this.surface = {
      console: this.console,
      stdinLine: this.stdinLine,
      status: this.status,
      editor: () => this.editor,
      memoryLimitBytes: this.memoryLimitBytes,
    };
    const warm = warmInterpretersFromUrl(location.search);
    if (warm.problem) this.notices.show('warning', `Ignoring ?warm: ${warm.problem}.`);

    this.sandbox = createSandbox({
      memoryLimitBytes: this.memoryLimitBytes,
      warmInterpreters: warm.count,
      onStateChange: (state) => {
        this.status.setState(state);
        this.ui.setRunning(state === 'running');
      },
      onInterpretersChange: ({ warm, live }) => this.status.setInterpreters(warm, live),
      onLoadFailure: (reason, attempt) => {
        this.console.note('error', `Python failed to load (attempt ${attempt}); retrying. ${reason}`);
      },
    });
    this.sandbox.whenReady().then(
      () => this.status.setDetail('Python is ready'),
      () => {},
    );

    this.ui.run.addEventListener('click', () => void this.run());
    this.ui.stop.addEventListener('click', () => this.sandbox.interrupt());
    this.ui.share.addEventListener('click', () => void this.share());
    this.ui.clear.addEventListener('click', () => this.console.clear());
    document.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void this.run();
      }
    });
    window.addEventListener('hashchange', () => this.loadSharedCodeFromHash());
  }

  /** Resolves once the first interpreter is ready to run a program. */
  whenPythonReady(): Promise<void> {
    return this.sandbox.whenReady();
  }

  /** A message in the notice bar, from outside the pad (the offline service worker's news). */
  notify(kind: NoticeKind, text: string, action?: NoticeAction): void {
    this.notices.show(kind, text, action);
  }

  /** Loads Monaco (a separate chunk) after the page is interactive. */
  async loadEditor(): Promise<void> {
    const { createPythonEditor } = await import('../editor/python-editor');
    this.ui.removePlainEditor();
    this.editor = createPythonEditor({
      container: this.ui.editor,
      initialCode: this.code,
      onChange: (code) => this.codeChanged(code),
      onRunShortcut: () => void this.run(),
    });
    this.ui.editor.dataset.ready = 'true';
    this.editor.focus();
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
    this.autosave.save(decoded.code);
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

  private replaceCode(code: string): void {
    this.code = code;
    if (this.editor !== null) this.editor.setCode(code);
    else this.ui.showPlainEditor(code, (edited) => this.codeChanged(edited));
    this.codeChanged(code);
  }

  private codeChanged(code: string): void {
    this.code = code;
    const saved = this.autosave.save(code);
    this.ui.setSaveProblem(saved.ok ? null : `Not saved: ${saved.reason}`);
  }

  private async run(): Promise<void> {
    if (this.sandbox.state === 'running') return;
    await runInConsole(
      this.sandbox,
      this.surface,
      this.editor?.getCode() ?? this.code,
      this.ui.timeoutSeconds() * 1000,
    );
  }

  private async share(): Promise<void> {
    const code = this.editor?.getCode() ?? this.code;
    const link = shareLink(location.href, code);
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
