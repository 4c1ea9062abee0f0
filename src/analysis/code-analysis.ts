import { wrap, type Remote } from 'comlink';
import type { PythonEditorOptions } from '../editor/python-editor';
import type { AnalysisApi, AnalysisProblem } from '../wire/protocol';

/** The longest a problem's message may be, and how many problems one answer may hold. */
const MAX_MESSAGE_CHARS = 500;
const MAX_PROBLEMS = 100;
/** An analysis that takes longer than this (a pathological input) costs the worker its life. */
const ANSWER_TIMEOUT_MS = 10_000;

function positiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value < 10_000_000;
}

/**
 * Checks what the analysis worker answered. It never runs a program's code, but the page treats every
 * worker as untrusted: a malformed answer is dropped whole.
 */
export function parseProblems(data: unknown): AnalysisProblem[] | null {
  if (!Array.isArray(data) || data.length > MAX_PROBLEMS) return null;
  const problems: AnalysisProblem[] = [];
  for (const item of data) {
    if (typeof item !== 'object' || item === null) return null;
    const { severity, message, line, column, endLine, endColumn, code, unnecessary } = item as Record<
      string,
      unknown
    >;
    if (severity !== 'error' && severity !== 'warning') return null;
    if (typeof message !== 'string' || message.length > MAX_MESSAGE_CHARS) return null;
    if (![line, column, endLine, endColumn].every(positiveInteger)) return null;
    if (code !== null && typeof code !== 'string') return null;
    problems.push({
      severity,
      message,
      line: line as number,
      column: column as number,
      endLine: endLine as number,
      endColumn: endColumn as number,
      code: code === null ? null : String(code).slice(0, 40),
      unnecessary: unnecessary === true,
    });
  }
  return problems;
}

export interface CodeAnalysisOptions {
  readonly createWorker?: () => Worker;
}

function createAnalysisWorker(): Worker {
  return new Worker(new URL('../../worker/analysis.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sandpit-analysis',
  });
}

/**
 * The page's code analysis: problems as the learner types, and Format. One worker for the page (the
 * scratch pad and every widget share it), started on first use.
 */
export class CodeAnalysis {
  private worker: Worker | null = null;
  private remote: Promise<Remote<AnalysisApi>> | null = null;

  constructor(private readonly options: CodeAnalysisOptions = {}) {}

  /** The problems in `code`, or null when the analysis failed (the editor drops answers to old code). */
  async problems(code: string): Promise<AnalysisProblem[] | null> {
    const answer = await this.ask((api) => api.problems(code));
    return answer === undefined ? null : parseProblems(answer);
  }

  /** `code` formatted, or null (it doesn't parse, or formatting would change it). */
  async format(code: string): Promise<string | null> {
    const answer = await this.ask((api) => api.format(code));
    return typeof answer === 'string' && answer.length <= code.length * 2 + 1024 ? answer : null;
  }

  /** What an editor needs for problems as the learner types and for Format (and Shift+Alt+F). */
  editorOptions(): Pick<PythonEditorOptions, 'problems' | 'formatter'> {
    return { problems: (code) => this.problems(code), formatter: (code) => this.format(code) };
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.remote = null;
  }

  private api(): Promise<Remote<AnalysisApi>> {
    if (this.remote === null) {
      const worker = (this.options.createWorker ?? createAnalysisWorker)();
      this.worker = worker;
      const remote = wrap<AnalysisApi>(worker);
      this.remote = remote.boot({}).then(() => remote);
      this.remote.catch(() => this.dispose());
    }
    return this.remote;
  }

  /**
   * One question, once the worker has booted (Python's start-up may take seconds on a busy machine),
   * raced against a time limit: a worker that doesn't answer is replaced.
   */
  private async ask(question: (api: Remote<AnalysisApi>) => Promise<unknown>): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const api = await this.api();
      const timedOut = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => {
          this.dispose();
          resolve(undefined);
        }, ANSWER_TIMEOUT_MS);
      });
      return await Promise.race([question(api), timedOut]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

let shared: CodeAnalysis | null = null;

/** The page's one CodeAnalysis. */
export function sharedCodeAnalysis(): CodeAnalysis {
  shared ??= new CodeAnalysis();
  return shared;
}
