import type { PythonEditor } from '../editor/python-editor';
import { createSandbox, type RunResult, type Sandbox } from '../runtime/sandbox';
import { runInConsole, type RunSurface } from '../ui/console-run';
import { ConsoleView } from '../ui/console-view';
import { StatusLine } from '../ui/status-line';
import { StdinLine } from '../ui/stdin-line';
import { TruncationBanner } from '../ui/truncation-banner';
import { dedent } from './dedent';
import { loadEditor, pageInterpreters, whenNearViewport } from './embed-runtime';
import { checkOutput } from './output-check';
import { renderHighlighted } from './static-highlight';
import { readWidgetConfig, type WidgetConfig } from './widget-config';
import { buildWidget, type WidgetElements } from './widget-elements';

/** `sandpit-result`'s detail: the run's result, plus `passed` when the widget has an `expected-output`. */
export type WidgetResultDetail = RunResult & { readonly passed?: boolean };

const LINE_HEIGHT_PX = 21;

/**
 * `<sandpit-python>`: a runnable Python example in an author's page. Its text is the initial code. It shows
 * highlighted code at once; Python starts when the widget comes near the viewport (from the page's shared
 * pool of interpreters) and Monaco loads when the code is first clicked. Light DOM, so the page's tests
 * and tools reach the same test ids as in the scratch pad, scoped inside the element.
 */
export class SandpitPythonElement extends HTMLElement {
  private ui: WidgetElements | null = null;
  private config: WidgetConfig = readWidgetConfig(() => null);
  private currentCode = '';
  private sandbox: Sandbox | null = null;
  private editor: PythonEditor | null = null;
  private editorRequested = false;
  private surface: RunSurface | null = null;
  private stopWatching: (() => void) | null = null;

  connectedCallback(): void {
    if (this.ui === null) this.build();
    this.stopWatching = whenNearViewport(this, () => this.wake());
  }

  disconnectedCallback(): void {
    this.stopWatching?.();
    this.stopWatching = null;
    // Whatever runs stops; a widget moved elsewhere in the page wakes again when it comes into view.
    this.sandbox?.dispose();
    this.sandbox = null;
  }

  /** The code as it is now (edited or not). */
  get code(): string {
    return this.editor?.getCode() ?? this.currentCode;
  }

  set code(code: string) {
    this.currentCode = code;
    if (this.editor !== null) this.editor.setCode(code);
    else if (this.ui !== null) renderHighlighted(this.ui.staticCode, code);
    this.fitHeight();
  }

  /** Runs the code; resolves with the result, or null if a run was already going. */
  async run(): Promise<WidgetResultDetail | null> {
    const sandbox = this.wake();
    const surface = this.surface;
    if (sandbox === null || surface === null || this.ui === null || sandbox.state === 'running') return null;
    const code = this.code;
    this.dispatchEvent(new CustomEvent('sandpit-run', { bubbles: true, composed: true, detail: { code } }));
    this.ui.check.hidden = true;
    let passed: boolean | undefined;
    const result = await runInConsole(sandbox, surface, code, this.config.timeoutMs, (finished) => {
      if (this.config.expectedOutput !== null) passed = this.showCheck(this.config.expectedOutput, finished);
    });
    if (result === null) return null;
    const detail: WidgetResultDetail = passed === undefined ? result : { ...result, passed };
    this.dispatchEvent(new CustomEvent('sandpit-result', { bubbles: true, composed: true, detail }));
    return detail;
  }

  stop(): void {
    this.sandbox?.interrupt();
  }

  private build(): void {
    this.currentCode = dedent(this.textContent ?? '');
    this.config = readWidgetConfig((name) => this.getAttribute(name));
    const ui = buildWidget();
    this.ui = ui;
    ui.root.dataset.theme = this.config.theme;
    if (this.config.readonly) ui.root.dataset.readonly = '';
    this.replaceChildren(ui.root);
    renderHighlighted(ui.staticCode, this.currentCode);
    if (this.config.height !== 'auto') ui.code.style.height = this.config.height;
    if (this.config.problems.length > 0) {
      ui.problems.textContent = `Ignored: ${this.config.problems.join('; ')}.`;
      ui.problems.hidden = false;
    }

    const console: ConsoleView = new ConsoleView(
      ui.output,
      new TruncationBanner(ui.banner, ui.download, () => console.archive),
    );
    this.surface = {
      console,
      stdinLine: new StdinLine(ui.stdinForm),
      status: new StatusLine(ui.status),
      editor: () => this.editor,
      memoryLimitBytes: pageInterpreters().memoryLimitBytes,
    };
    this.surface.status.setDetail('Python loads when needed');

    ui.run.addEventListener('click', () => void this.run());
    ui.stop.addEventListener('click', () => this.stop());
    if (!this.config.readonly) {
      ui.staticCode.addEventListener('click', () => void this.openEditor());
      ui.staticCode.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !(event.ctrlKey || event.metaKey)) void this.openEditor();
      });
    }
    ui.root.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void this.run();
      }
    });
  }

  /** Starts this widget's sandbox on the page's shared interpreters (once). */
  private wake(): Sandbox | null {
    if (this.sandbox !== null || this.ui === null || this.surface === null) return this.sandbox;
    const { ui, surface } = this;
    const sandbox = createSandbox({
      pool: pageInterpreters(),
      timeoutMs: this.config.timeoutMs,
      policy: this.config.policy,
      onStateChange: (state) => {
        surface.status.setState(state);
        ui.run.disabled = state === 'running';
        ui.stop.disabled = state !== 'running';
      },
      onInterpretersChange: ({ warm, live }) => surface.status.setInterpreters(warm, live),
    });
    this.sandbox = sandbox;
    sandbox.whenReady().then(
      () => {
        surface.status.setDetail('Python is ready');
        if (this.config.autorun && surface.status && this.sandbox === sandbox) void this.run();
      },
      () => {},
    );
    return sandbox;
  }

  private async openEditor(): Promise<void> {
    if (this.editorRequested || this.ui === null) return;
    this.editorRequested = true;
    const { ui } = this;
    const theme = this.config.theme === 'auto' ? undefined : this.config.theme;
    const host = document.createElement('div');
    host.className = 'sp-monaco';
    ui.code.append(host);
    this.fitHeight();
    const editor = await loadEditor({
      container: host,
      initialCode: this.currentCode,
      onChange: (code) => {
        this.currentCode = code;
        this.fitHeight();
      },
      onRunShortcut: () => void this.run(),
      ...(theme ? { theme } : {}),
    });
    ui.staticCode.remove();
    this.editor = editor;
    ui.code.dataset.ready = 'true';
    editor.focus();
  }

  /** `height="auto"`: the code area grows with the code. */
  private fitHeight(): void {
    if (this.ui === null || this.config.height !== 'auto' || !this.editorRequested) return;
    const lines = Math.max(3, this.code.split('\n').length);
    this.ui.code.style.height = `${lines * LINE_HEIGHT_PX + 12}px`;
  }

  /** Shows pass or fail (with a line diff) under the console; returns whether it passed. */
  private showCheck(expected: string, result: RunResult): boolean {
    const ui = this.ui;
    if (ui === null) return false;
    const check = checkOutput(expected, result.stdout);
    const passed = result.status === 'ok' && check.passed;
    ui.check.dataset.result = passed ? 'pass' : 'fail';
    const heading = document.createElement('div');
    heading.className = 'sp-check-heading';
    heading.textContent = passed
      ? '✓ The output is what was expected.'
      : result.status !== 'ok'
        ? '✗ The program did not finish, so its output was not checked.'
        : '✗ The output differs from what was expected (- expected, + printed):';
    ui.check.replaceChildren(heading);
    if (!passed && result.status === 'ok') {
      const diff = document.createElement('pre');
      diff.className = 'sp-diff';
      diff.dataset.testid = 'check-diff';
      for (const line of check.diff) {
        const row = document.createElement('span');
        row.className =
          line.kind === '+' ? 'sp-diff-added' : line.kind === '-' ? 'sp-diff-removed' : 'sp-diff-same';
        row.textContent = `${line.kind === '=' ? ' ' : line.kind} ${line.text}\n`;
        diff.append(row);
      }
      ui.check.append(diff);
    }
    ui.check.hidden = false;
    return passed;
  }
}
