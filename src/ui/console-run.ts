import type { ErrorMark } from '../editor/python-editor';
import type { RunResult, Sandbox } from '../runtime/sandbox';
import { describeResult } from './describe-result';
import type { ConsoleView } from './console-view';
import type { StatusLine } from './status-line';
import type { StdinLine } from './stdin-line';

/** What a run is shown on: the scratch pad and every widget have one each. */
export interface RunSurface {
  readonly console: ConsoleView;
  readonly stdinLine: StdinLine;
  readonly status: StatusLine;
  /** The editor, once it has loaded (marks are skipped before). */
  readonly editor: () => { clearMarks(): void; markError(mark: ErrorMark): void } | null;
  readonly memoryLimitBytes: number;
}

/**
 * Runs `code` and shows it: output streams into the console, `input()` asks on the input line (echoing
 * what is typed), an error marks its line, a verdict note closes the run, and the status line's
 * `data-runs` moves only once the console shows everything (the test contract). Returns null when the
 * sandbox was already running (nothing was started).
 */
export async function runInConsole(
  sandbox: Sandbox,
  surface: RunSurface,
  code: string,
  timeoutMs: number,
  /** Shows more about the result (a widget's output check) before the run counts as finished. */
  beforeFinish?: (result: RunResult) => void,
): Promise<RunResult | null> {
  const { console: output, stdinLine } = surface;
  output.clear();
  surface.editor()?.clearMarks();
  let result: RunResult;
  try {
    result = await sandbox.run(code, {
      timeoutMs,
      onOutput: (chunk) => output.append(chunk.stream, chunk.text),
      onInput: async (prompt) => {
        const line = await stdinLine.ask(prompt);
        if (line === null) output.note('info', 'End of input.');
        else output.append('stdin', `${line}\n`);
        return line;
      },
    });
  } catch (error) {
    // A second Run while one is in flight; nothing was started.
    output.note('warning', error instanceof Error ? error.message : String(error));
    return null;
  } finally {
    stdinLine.cancel();
  }
  if (result.error) {
    output.append('stderr', result.error.traceback);
    if (result.error.line !== null) {
      surface.editor()?.markError({
        line: result.error.line,
        column: result.error.column,
        endColumn: result.error.endColumn,
        message: `${result.error.type}: ${result.error.message}`,
      });
    }
  }
  const description = describeResult(result, surface.memoryLimitBytes);
  if (description.note) output.note(description.note.kind, description.note.text);
  await output.drained();
  beforeFinish?.(result);
  surface.status.finishRun(result.status, description.summary);
  return result;
}
