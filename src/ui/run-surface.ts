import type { ErrorMark } from '../editor/python-editor';
import type { InterpreterCounts, RunResult, Sandbox, SandboxState } from '../runtime/sandbox';
import { describeResult } from '../runtime/verdict';
import { GraphicsPane, type GraphicsFit } from '../graphics/graphics-pane';
import type { SandboxPolicy } from '../wire/protocol';
import { ConsoleView } from './console-view';
import { StatusLine } from './status-line';
import { StdinLine } from './stdin-line';
import { TruncationBanner } from './truncation-banner';

/** The elements a run is shown on; the scratch pad has them in index.html, a widget builds its own. */
export interface RunSurfaceElements {
  /** Where Ctrl/Cmd+Enter runs the code: the document for the scratch pad, the widget's own root. */
  readonly shortcutScope: HTMLElement | Document;
  readonly run: HTMLButtonElement;
  readonly stop: HTMLButtonElement;
  readonly output: HTMLElement;
  readonly truncationBanner: HTMLElement;
  readonly downloadOutput: HTMLButtonElement;
  readonly stdinForm: HTMLFormElement;
  readonly status: HTMLElement;
  /** Puts the turtle drawing's pane in its place, the first time a program draws. */
  readonly placeGraphics: (pane: HTMLElement) => void;
  readonly graphicsFit: GraphicsFit;
}

export interface RunSurfaceActions {
  /** Run was asked for: the button, or Ctrl/Cmd+Enter anywhere in the scope. */
  readonly run: () => void;
  readonly stop: () => void;
}

/** What the surface needs of an editor: error marks (skipped until the editor has loaded). */
export interface MarkableEditor {
  clearMarks(): void;
  markError(mark: ErrorMark): void;
}

export interface SurfaceRun {
  readonly code: string;
  readonly timeoutMs: number;
  readonly policy?: SandboxPolicy;
  /** Interpreter memory limit, named when a program runs out of memory. */
  readonly memoryLimitBytes: number;
  /** Shows more about the result (a widget's output check) before the run counts as finished. */
  readonly beforeFinish?: (result: RunResult) => void;
}

/**
 * Everything the scratch pad and a widget both show a run on: Run and Stop (and the shortcut), the
 * console with its truncation banner, the input line, the status line. The two shells are faces of this
 * one surface; they add their own chrome (share, notices, output checks) around it.
 */
export class RunSurface {
  readonly console: ConsoleView;
  readonly stdinLine: StdinLine;
  readonly status: StatusLine;
  private readonly banner: TruncationBanner;
  private editor: MarkableEditor | null = null;
  /** The last run's error mark, kept for an editor that arrives after the run (Monaco waits for runs). */
  private mark: ErrorMark | null = null;
  private graphics: GraphicsPane | null = null;
  private readonly listeners = new AbortController();

  constructor(
    private readonly elements: RunSurfaceElements,
    actions: RunSurfaceActions,
  ) {
    this.banner = new TruncationBanner(
      elements.truncationBanner,
      elements.downloadOutput,
      () => this.console.archive,
    );
    this.console = new ConsoleView(elements.output, this.banner);
    this.stdinLine = new StdinLine(elements.stdinForm);
    this.status = new StatusLine(elements.status);
    const { signal } = this.listeners;
    elements.run.addEventListener('click', () => actions.run(), { signal });
    elements.stop.addEventListener('click', () => actions.stop(), { signal });
    elements.shortcutScope.addEventListener(
      'keydown',
      (event) => {
        const key = event as KeyboardEvent;
        if ((key.ctrlKey || key.metaKey) && key.key === 'Enter') {
          key.preventDefault();
          actions.run();
        }
      },
      { signal },
    );
  }

  /** The editor whose lines error marks go to, once it has loaded. */
  setEditor(editor: MarkableEditor | null): void {
    this.editor = editor;
    if (editor !== null && this.mark !== null) editor.markError(this.mark);
  }

  /** The turtle drawing, made and placed when a program first draws or waits for a key or click. */
  private graphicsPane(): GraphicsPane {
    if (this.graphics === null) {
      this.graphics = new GraphicsPane(this.elements.output.ownerDocument, this.elements.graphicsFit);
      this.elements.placeGraphics(this.graphics.root);
    }
    return this.graphics;
  }

  /** Sandbox callbacks that keep the buttons and the status line up to date. */
  readonly showState = (state: SandboxState): void => {
    this.status.setState(state);
    this.elements.run.disabled = state === 'running';
    this.elements.stop.disabled = state !== 'running';
  };

  readonly showInterpreters = ({ warm, live }: InterpreterCounts): void => {
    this.status.setInterpreters(warm, live);
  };

  /**
   * Runs the code and shows it: output streams into the console, `input()` asks on the input line
   * (echoing what is typed), an error marks its line, a verdict note closes the run, and the status
   * line's `data-runs` moves only once the console shows everything (the test contract). Returns null
   * when the sandbox was already running (nothing was started).
   */
  async run(sandbox: Sandbox, run: SurfaceRun): Promise<RunResult | null> {
    const output = this.console;
    output.clear();
    this.mark = null;
    this.editor?.clearMarks();
    this.graphics?.beginRun();
    let result: RunResult;
    try {
      result = await sandbox.run(run.code, {
        timeoutMs: run.timeoutMs,
        ...(run.policy ? { policy: run.policy } : {}),
        onOutput: (chunk) => output.append(chunk.stream, chunk.text),
        onGraphics: (commands) => this.graphicsPane().receive(commands),
        onEventWait: (timeoutMs) => this.graphicsPane().waitForEvent(timeoutMs),
        onInput: async (prompt) => {
          const line = await this.stdinLine.ask(prompt);
          if (line === null) output.note('info', 'End of input.');
          else output.append('stdin', `${line}\n`);
          return line;
        },
      });
    } catch (error) {
      // A second Run while one is in flight, or a disposed sandbox; nothing was started.
      output.note('warning', error instanceof Error ? error.message : String(error));
      return null;
    } finally {
      this.stdinLine.cancel();
    }
    output.endProgramOutput();
    if (result.status === 'error') {
      output.append('stderr', result.error.traceback);
      if (result.error.line !== null) {
        this.mark = {
          line: result.error.line,
          column: result.error.column,
          endColumn: result.error.endColumn,
          message: `${result.error.type}: ${result.error.message}`,
        };
        this.editor?.markError(this.mark);
      }
    }
    // A flood's backlog would keep drawing for seconds after Stop; the learner asked for it to end now.
    const cutShort = result.status === 'stopped' || result.status === 'timeout';
    if (cutShort) output.skipBacklog();
    const description = describeResult(result, run.memoryLimitBytes);
    if (description.note) output.note(description.note.kind, description.note.text);
    if (description.help) output.note('help', description.help);
    await Promise.all([output.drained(), this.graphics?.finishRun({ complete: !cutShort })]);
    output.finishRun();
    run.beforeFinish?.(result);
    this.status.finishRun(result.status, description.summary);
    return result;
  }

  dispose(): void {
    this.listeners.abort();
    this.console.dispose();
    this.stdinLine.dispose();
    this.banner.dispose();
    this.graphics?.dispose();
    this.graphics = null;
    this.editor = null;
  }
}
