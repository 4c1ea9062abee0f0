import { sharedCodeAnalysis } from '../analysis/code-analysis';
import { loadEditorFactory } from '../editor/load-editor';
import { yieldToBrowser } from '../editor/yield-to-browser';
import type { PythonEditor } from '../editor/python-editor';
import { createSandbox, type RunResult, type Sandbox } from '../runtime/sandbox';
import { RunSurface } from '../ui/run-surface';
import { dedent } from './dedent';
import { acquirePageInterpreters, whenNearViewport, type PageInterpreters } from './embed-runtime';
import { showOutputCheck } from './output-check-view';
import { renderHighlighted } from './static-highlight';
import { readWidgetConfig, WIDGET_ATTRIBUTES, type WidgetConfig } from './widget-config';
import { buildWidget, type WidgetElements } from './widget-elements';

/** `sandpit-result`'s detail: the run's result, plus `passed` when the widget has an `expected-output`. */
export type WidgetResultDetail = RunResult & { readonly passed?: boolean };

const LINE_HEIGHT_PX = 21;

/** What a connected widget holds; all of it is released when the element leaves the page. */
interface Mounted {
  readonly ui: WidgetElements;
  readonly surface: RunSurface;
  readonly stopWatching: () => void;
  readonly listeners: AbortController;
  interpreters: PageInterpreters | null;
  sandbox: Sandbox | null;
  editor: PythonEditor | null;
  editorRequested: boolean;
}

/**
 * `<sandpit-python>`: a runnable Python example in an author's page. Its text is the initial code. It shows
 * highlighted code at once; Python starts when the widget comes near the viewport (from the page's shared
 * pool of interpreters) and Monaco loads when the code is first clicked. Light DOM, so the page's tests
 * and tools reach the same test ids as in the scratch pad, scoped inside the element. The widget is the
 * run surface the scratch pad also uses, with an output check; removing it from the page releases its
 * editor, sandbox, listeners and (with the last widget) the page's interpreters.
 */
export class SandpitPythonElement extends HTMLElement {
  static readonly observedAttributes: readonly string[] = WIDGET_ATTRIBUTES;

  private config: WidgetConfig = readWidgetConfig(() => null);
  private currentCode: string | null = null;
  private mounted: Mounted | null = null;

  connectedCallback(): void {
    if (this.mounted !== null) return;
    this.currentCode ??= dedent(this.textContent ?? '');
    this.config = readWidgetConfig((name) => this.getAttribute(name));
    this.mounted = this.mount();
  }

  disconnectedCallback(): void {
    const mounted = this.mounted;
    if (mounted === null) return;
    this.mounted = null;
    // Whatever runs stops; a widget moved elsewhere in the page mounts again and wakes when seen.
    this.currentCode = mounted.editor?.getCode() ?? this.currentCode;
    mounted.stopWatching();
    mounted.listeners.abort();
    mounted.editor?.dispose();
    mounted.sandbox?.dispose();
    mounted.interpreters?.release();
    mounted.surface.dispose();
  }

  attributeChangedCallback(): void {
    this.config = readWidgetConfig((name) => this.getAttribute(name));
    if (this.mounted !== null) this.applyConfig(this.mounted.ui);
  }

  /** The code as it is now (edited or not). */
  get code(): string {
    return this.mounted?.editor?.getCode() ?? this.currentCode ?? dedent(this.textContent ?? '');
  }

  set code(code: string) {
    this.currentCode = code;
    const mounted = this.mounted;
    if (mounted === null) return;
    if (mounted.editor !== null) mounted.editor.setCode(code);
    else renderHighlighted(mounted.ui.staticCode, code);
    this.fitHeight(mounted);
  }

  /** Runs the code; resolves with the result, or null if a run was already going. */
  async run(): Promise<WidgetResultDetail | null> {
    const mounted = this.mounted;
    const sandbox = mounted === null ? null : this.wake(mounted);
    if (mounted === null || sandbox === null || sandbox.state === 'running') return null;
    const code = this.code;
    const config = this.config;
    this.dispatchEvent(new CustomEvent('sandpit-run', { bubbles: true, composed: true, detail: { code } }));
    mounted.ui.check.hidden = true;
    let passed: boolean | undefined;
    const result = await mounted.surface.run(sandbox, {
      code,
      timeoutMs: config.timeoutMs,
      policy: config.policy,
      memoryLimitBytes: mounted.interpreters?.pool.memoryLimitBytes ?? 0,
      beforeFinish: (finished) => {
        if (config.expectedOutput !== null)
          passed = showOutputCheck(mounted.ui.check, config.expectedOutput, finished);
      },
    });
    if (result === null) return null;
    const detail: WidgetResultDetail = passed === undefined ? result : { ...result, passed };
    this.dispatchEvent(new CustomEvent('sandpit-result', { bubbles: true, composed: true, detail }));
    return detail;
  }

  stop(): void {
    this.mounted?.sandbox?.interrupt();
  }

  private mount(): Mounted {
    const ui = buildWidget();
    this.replaceChildren(ui.root);
    const code = this.currentCode ?? '';
    renderHighlighted(ui.staticCode, code);
    const listeners = new AbortController();
    const surface = new RunSurface(
      {
        shortcutScope: ui.root,
        run: ui.run,
        stop: ui.stop,
        output: ui.output,
        truncationBanner: ui.banner,
        downloadOutput: ui.download,
        stdinForm: ui.stdinForm,
        status: ui.status,
        placeGraphics: (pane) => ui.stdinForm.after(pane),
        graphicsFit: 'width',
      },
      { run: () => void this.run(), stop: () => this.stop() },
    );
    surface.status.setDetail('Python loads when needed');
    const mounted: Mounted = {
      ui,
      surface,
      listeners,
      // Python starts only when the widget comes near the viewport: nothing is fetched before.
      stopWatching: whenNearViewport(this, () => {
        if (this.mounted === mounted) this.wake(mounted);
      }),
      interpreters: null,
      sandbox: null,
      editor: null,
      editorRequested: false,
    };
    const { signal } = listeners;
    ui.staticCode.addEventListener('click', () => void this.openEditor(mounted), { signal });
    ui.staticCode.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Enter' && !(event.ctrlKey || event.metaKey)) void this.openEditor(mounted);
      },
      { signal },
    );
    this.applyConfig(ui);
    return mounted;
  }

  /** Attributes that show (theme, read-only, height, problems); the rest apply from the next run on. */
  private applyConfig(ui: WidgetElements): void {
    const { config } = this;
    ui.root.dataset.theme = config.theme;
    if (config.readonly) ui.root.dataset.readonly = '';
    else delete ui.root.dataset.readonly;
    ui.code.style.height = config.height === 'auto' ? '' : config.height;
    ui.problems.textContent = config.problems.length > 0 ? `Ignored: ${config.problems.join('; ')}.` : '';
    ui.problems.hidden = config.problems.length === 0;
    if (this.mounted !== null) this.fitHeight(this.mounted);
  }

  /** Starts this widget's sandbox on the page's shared interpreters (once per mount). */
  private wake(mounted: Mounted): Sandbox | null {
    if (mounted.sandbox !== null) return mounted.sandbox;
    const interpreters = acquirePageInterpreters();
    const { surface } = mounted;
    const sandbox = createSandbox({
      pool: interpreters.pool,
      onStateChange: surface.showState,
      onInterpretersChange: surface.showInterpreters,
    });
    mounted.interpreters = interpreters;
    mounted.sandbox = sandbox;
    sandbox.whenReady().then(
      () => {
        if (this.mounted !== mounted) return;
        surface.status.setDetail('Python is ready');
        if (this.config.autorun && surface.status.runCount === 0) void this.run();
      },
      () => {},
    );
    return sandbox;
  }

  private async openEditor(mounted: Mounted): Promise<void> {
    if (mounted.editorRequested || this.config.readonly) return;
    mounted.editorRequested = true;
    const { ui } = mounted;
    const theme = this.config.theme === 'auto' ? undefined : this.config.theme;
    const host = document.createElement('div');
    host.className = 'sp-monaco';
    ui.code.append(host);
    this.fitHeight(mounted);
    const createEditor = await loadEditorFactory();
    if (this.mounted !== mounted) return; // removed from the page while Monaco loaded
    const editor = createEditor({
      container: host,
      initialCode: this.currentCode ?? '',
      onChange: () => this.fitHeight(mounted),
      onRunShortcut: () => void this.run(),
      // Problems as the learner types, and Shift+Alt+F, from the page's one analysis worker.
      ...sharedCodeAnalysis().editorOptions(),
      ...(theme ? { theme } : {}),
    });
    ui.staticCode.remove();
    mounted.editor = editor;
    mounted.surface.setEditor(editor);
    // Focusing lays the new editor out at once: in a task of its own, not the one that made the editor.
    await yieldToBrowser();
    if (this.mounted !== mounted) return;
    editor.focus();
    ui.code.dataset.ready = 'true';
  }

  /** `height="auto"`: the code area grows with the code. */
  private fitHeight(mounted: Mounted): void {
    if (this.config.height !== 'auto' || !mounted.editorRequested) return;
    const lines = Math.max(3, this.code.split('\n').length);
    mounted.ui.code.style.height = `${lines * LINE_HEIGHT_PX + 12}px`;
  }
}
