import type { AnalysisProblem } from '../wire/protocol';
import { monaco } from './monaco-python';
import { EDITOR_FONT_SIZE } from './monaco-stages';

/** Where the editor should mark an error: 1-based line, optional 1-based columns. */
export interface ErrorMark {
  readonly line: number;
  readonly column?: number | null;
  readonly endColumn?: number | null;
  readonly message: string;
}

/** A problem to show as a squiggle: what the analysis worker finds, less its kind (unused by the editor). */
export type EditorProblem = Omit<AnalysisProblem, 'code'>;

export interface PythonEditorOptions {
  readonly container: HTMLElement;
  readonly initialCode: string;
  /**
   * The whole new text once typing pauses (CHANGE_DEBOUNCE_MS), not on every keystroke; `getCode()` is
   * always current, and a pending change is delivered by `flushChange()` and `dispose()`.
   */
  readonly onChange: (code: string) => void;
  /** Ctrl/Cmd+Enter. */
  readonly onRunShortcut: () => void;
  readonly readOnly?: boolean;
  /** What a screen reader calls the editor (default "Python code"); the way out of it is added. */
  readonly label?: string;
  /** Default: the system's colour scheme. */
  readonly theme?: 'light' | 'dark';
  /**
   * The problems in the code, asked for each time typing pauses (PROBLEMS_DEBOUNCE_MS); null means "no
   * answer" (superseded or failed) and leaves the squiggles as they are.
   */
  readonly problems?: (code: string) => Promise<readonly EditorProblem[] | null>;
  /** The code formatted, or null when it can't be: what Format (and Shift+Alt+F) puts in its place. */
  readonly formatter?: (code: string) => Promise<string | null>;
}

export interface PythonEditor {
  getCode(): string;
  /** Delivers a change that is still waiting for typing to pause, now. */
  flushChange(): void;
  /** Replaces the text as one undoable edit, so Ctrl+Z brings the previous code back. */
  setCode(code: string): void;
  markError(mark: ErrorMark): void;
  clearMarks(): void;
  /** Formats the code (one undoable edit); resolves with whether anything could be formatted. */
  format(): Promise<boolean>;
  focus(): void;
  dispose(): void;
}

const MARKER_OWNER = 'sandpit';
const PROBLEMS_OWNER = 'sandpit-problems';

/** How long typing must pause before the code is looked at for problems. */
export const PROBLEMS_DEBOUNCE_MS = 400;

/** Each model's formatter, for the one formatting provider Monaco has for Python. */
const formatters = new WeakMap<object, (code: string) => Promise<string | null>>();
let formattingProviderRegistered = false;

function registerFormattingProvider(): void {
  if (formattingProviderRegistered) return;
  formattingProviderRegistered = true;
  monaco.languages.registerDocumentFormattingEditProvider('python', {
    async provideDocumentFormattingEdits(model) {
      const format = formatters.get(model);
      if (format === undefined) return [];
      const before = model.getValue();
      const versionId = model.getVersionId();
      const after = await format(before);
      // Typed into meanwhile, or nothing to change: no edit.
      if (after === null || after === before || model.getVersionId() !== versionId) return [];
      return [{ range: model.getFullModelRange(), text: after }];
    },
  });
}

function markerOf(problem: EditorProblem, model: { getLineCount(): number }): MonacoMarker {
  const lastLine = model.getLineCount();
  return {
    severity: problem.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: problem.message,
    startLineNumber: Math.min(problem.line, lastLine),
    startColumn: problem.column,
    endLineNumber: Math.min(problem.endLine, lastLine),
    endColumn: problem.endColumn,
    tags: problem.unnecessary ? [monaco.MarkerTag.Unnecessary] : [],
  };
}

type MonacoMarker = Parameters<typeof monaco.editor.setModelMarkers>[2][number];

/** How long typing must pause before a change is reported: a burst of keystrokes is one change. */
export const CHANGE_DEBOUNCE_MS = 250;

/** Monaco's own binding for "Tab moves focus" (editor.action.toggleTabFocusMode), by platform. */
function tabFocusKeys(): string {
  return /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? 'Ctrl+Shift+M' : 'Ctrl+M';
}

/**
 * Tab indents inside the editor, so a keyboard user needs to be told the way out. Shown under the editor
 * while it has focus (`editor-hint`), and part of what a screen reader hears on entering it.
 */
function editorHint(): string {
  return `Tab indents here. To move on with Tab instead, press ${tabFocusKeys()} first (again to go back). Ctrl+Enter runs.`;
}

function prefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/** Monaco's theme for an editor's `theme` option. */
function monacoTheme(theme: PythonEditorOptions['theme']): 'vs' | 'vs-dark' {
  return (theme ?? (prefersDark() ? 'dark' : 'light')) === 'dark' ? 'vs-dark' : 'vs';
}

/**
 * The first editor of a page writes the theme's style sheet into the page (the browser then parses it)
 * and starts Python's tokenizer: a third of monaco.editor.create's task, traced. Colourising a word of
 * Python, detached, does both, in a task of its own, before any editor is made.
 */
export async function prepareFirstEditor(theme?: PythonEditorOptions['theme']): Promise<void> {
  const sample = document.createElement('div');
  sample.textContent = 'pass';
  await monaco.editor.colorizeElement(sample, { mimeType: 'python', theme: monacoTheme(theme) });
}

/**
 * A Monaco editor for Python. It emits edits and the run shortcut and shows error marks; it knows nothing
 * about running code. The container gets `data-error-line` while a mark is shown (test contract).
 */
export function createPythonEditor(options: PythonEditorOptions): PythonEditor {
  const { container } = options;
  const editor = monaco.editor.create(container, {
    value: options.initialCode,
    language: 'python',
    theme: monacoTheme(options.theme),
    automaticLayout: true,
    minimap: { enabled: false },
    // No overview ruler: it is a canvas, and the first time its texture went to the compositor (software,
    // as on a machine without a GPU) one commit took 103 ms in the middle of a flood, a frame gap of 118 ms.
    // A learner's program is a screen or two long; the marks themselves stay in the text and the gutter.
    overviewRulerLanes: 0,
    overviewRulerBorder: false,
    hideCursorInOverviewRuler: true,
    fontSize: EDITOR_FONT_SIZE,
    tabSize: 4,
    insertSpaces: true,
    scrollBeyondLastLine: false,
    readOnly: options.readOnly ?? false,
    renderValidationDecorations: 'on',
    fixedOverflowWidgets: true,
    // Monaco's screen-reader mode (a plainer, fully readable text area) once a screen reader is detected.
    accessibilitySupport: 'auto',
    ariaLabel: `${options.label ?? 'Python code'}. ${editorHint()}`,
  });
  const hint = document.createElement('p');
  hint.className = 'editor-hint';
  hint.dataset.testid = 'editor-hint';
  hint.textContent = editorHint();
  hint.hidden = true;
  container.after(hint);
  const focusSubscription = editor.onDidFocusEditorText(() => (hint.hidden = options.readOnly === true));
  const blurSubscription = editor.onDidBlurEditorText(() => (hint.hidden = true));
  const model = editor.getModel();
  if (model === null) throw new Error('[sandpit] Monaco created an editor without a model');

  let changeTimer: ReturnType<typeof setTimeout> | null = null;
  const flushChange = () => {
    if (changeTimer === null) return;
    clearTimeout(changeTimer);
    changeTimer = null;
    options.onChange(editor.getValue());
  };
  // Problems as the learner types: asked for once typing pauses, shown for the code they were found in.
  let problemsTimer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;
  const lookForProblems = () => {
    problemsTimer = null;
    const findProblems = options.problems;
    if (findProblems === undefined || disposed) return;
    const versionId = model.getVersionId();
    void findProblems(editor.getValue()).then((problems) => {
      if (problems === null || disposed || model.getVersionId() !== versionId) return;
      monaco.editor.setModelMarkers(
        model,
        PROBLEMS_OWNER,
        problems.map((problem) => markerOf(problem, model)),
      );
      container.dataset.problems = String(problems.length);
    });
  };
  if (options.problems !== undefined) lookForProblems();
  if (options.formatter !== undefined) {
    registerFormattingProvider();
    formatters.set(model, options.formatter);
  }
  const changeSubscription = editor.onDidChangeModelContent(() => {
    if (changeTimer !== null) clearTimeout(changeTimer);
    changeTimer = setTimeout(flushChange, CHANGE_DEBOUNCE_MS);
    if (options.problems !== undefined) {
      delete container.dataset.problems;
      if (problemsTimer !== null) clearTimeout(problemsTimer);
      problemsTimer = setTimeout(lookForProblems, PROBLEMS_DEBOUNCE_MS);
    }
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onRunShortcut());
  if (options.formatter !== undefined) {
    // Shift+Alt+F formats on every system (Monaco's own binding is Ctrl+Shift+I on Linux).
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () => {
      void editor.getAction('editor.action.formatDocument')?.run();
    });
  }

  const colorScheme = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  const onSchemeChange = () => monaco.editor.setTheme(prefersDark() ? 'vs-dark' : 'vs');
  colorScheme?.addEventListener('change', onSchemeChange);

  return {
    getCode: () => editor.getValue(),
    flushChange,
    setCode(code) {
      editor.pushUndoStop();
      editor.executeEdits(MARKER_OWNER, [{ range: model.getFullModelRange(), text: code }]);
      editor.pushUndoStop();
    },
    markError(mark) {
      const line = Math.min(Math.max(1, mark.line), model.getLineCount());
      const lineEnd = model.getLineMaxColumn(line);
      const firstColumn = model.getLineFirstNonWhitespaceColumn(line) || 1;
      const hasColumns = mark.column != null && mark.endColumn != null && mark.endColumn > mark.column;
      monaco.editor.setModelMarkers(model, MARKER_OWNER, [
        {
          severity: monaco.MarkerSeverity.Error,
          message: mark.message,
          startLineNumber: line,
          endLineNumber: line,
          startColumn: hasColumns ? Math.min(mark.column ?? 1, lineEnd) : firstColumn,
          endColumn: hasColumns ? Math.min(mark.endColumn ?? lineEnd, lineEnd) : lineEnd,
        },
      ]);
      container.dataset.errorLine = String(line);
      editor.revealLineInCenterIfOutsideViewport(line);
    },
    clearMarks() {
      monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
      delete container.dataset.errorLine;
    },
    async format() {
      const action = editor.getAction('editor.action.formatDocument');
      if (action === null || options.formatter === undefined) return false;
      const before = model.getAlternativeVersionId();
      await action.run();
      return model.getAlternativeVersionId() !== before;
    },
    focus: () => editor.focus(),
    dispose() {
      disposed = true;
      if (problemsTimer !== null) clearTimeout(problemsTimer);
      flushChange();
      colorScheme?.removeEventListener('change', onSchemeChange);
      changeSubscription.dispose();
      focusSubscription.dispose();
      blurSubscription.dispose();
      hint.remove();
      editor.dispose();
    },
  };
}
