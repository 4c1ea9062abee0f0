import type { FatalReason, PythonErrorReport } from '../wire/protocol';
import { describeBytes, describeDuration, describeLimit } from './quantities';
import { HARD_CAP_MS, type RunEnd } from './supervisor';

/**
 * A run's verdict and every word the learner reads about it: how the supervisor's `RunEnd` becomes a
 * `RunResult`, and how a result is summed up on the status line and in the console. The one owner of
 * these rules and sentences; the shells only show what this module says.
 */

/** What every result carries, whatever the status. */
export interface RunOutput {
  readonly stdout: string;
  readonly stderr: string;
  /** True when `stdout`/`stderr` hit `maxCollectedChars` and the rest was dropped. */
  readonly outputTruncated: boolean;
  readonly durationMs: number;
}

/**
 * How a run ended, one shape per status. The members that don't have `error`, `exitCode` or `message`
 * declare them `undefined`, so `result.error?.type` reads the same on any result.
 */
export type RunVerdict =
  | {
      readonly status: 'ok';
      /** The code passed to `sys.exit()`/`exit()`/`os._exit()` when it was not 0. */
      readonly exitCode?: number;
      readonly error?: undefined;
      readonly message?: undefined;
    }
  | {
      readonly status: 'error';
      /** The Python exception, trimmed to the learner's own frames. */
      readonly error: PythonErrorReport;
      readonly exitCode?: undefined;
      readonly message?: undefined;
    }
  | {
      readonly status: 'timeout' | 'stopped' | 'crashed';
      /** A sentence for the learner: the run did not end by itself. */
      readonly message: string;
      readonly error?: undefined;
      readonly exitCode?: undefined;
    };

export type RunResult = RunOutput & RunVerdict;

/** What the verdict depends on besides how the run ended. */
export interface VerdictContext {
  /** The learner pressed Stop (or aborted the run) while it ran. */
  readonly stopRequested: boolean;
  readonly timeoutMs: number;
  readonly memoryLimitBytes: number;
}

const STOPPED = 'Stopped.';

function outOfMemory(memoryLimitBytes: number): string {
  return `The program ran out of memory (the limit is ${describeBytes(memoryLimitBytes)})`;
}

function fatalMessage(reason: FatalReason, memoryLimitBytes: number): string {
  switch (reason) {
    case 'stack-overflow':
      return 'The program recursed too deeply for the interpreter (a stack overflow inside Python itself), so Python crashed and was replaced. Look for a recursion without an end, or a very deep one.';
    case 'out-of-memory':
      return `${outOfMemory(memoryLimitBytes)}, so Python crashed and was replaced.`;
    case 'aborted':
      return 'The program stopped the interpreter abruptly (os.abort() or an internal error); Python was replaced.';
    case 'internal':
      return 'The Python interpreter failed and was replaced.';
  }
}

export function hardCapMessage(capMs: number): string {
  const hours = capMs / 3_600_000;
  const length = hours >= 1 ? `${hours} hour${hours === 1 ? '' : 's'}` : describeLimit(capMs);
  return `Stopped: the program ran for ${length}, the longest any run may take, waiting included.`;
}

export function timeLimitMessage(timeoutMs: number): string {
  return `Stopped: the program took longer than the ${describeLimit(timeoutMs)} time limit.`;
}

/** The verdict on a run that ended as `end`. Only the main thread's own knowledge decides stop and timeout. */
export function judgeRun(end: RunEnd, context: VerdictContext): RunVerdict {
  // Whatever the program did after Stop (ended by KeyboardInterrupt, caught it and finished, was killed),
  // the learner asked for it to stop.
  if (context.stopRequested && end.kind !== 'timeout') return { status: 'stopped', message: STOPPED };
  switch (end.kind) {
    case 'reported': {
      const outcome = end.report.outcome;
      switch (outcome.kind) {
        case 'completed':
          return { status: 'ok' };
        case 'exited':
          return { status: 'ok', exitCode: outcome.exitCode };
        case 'raised':
          return { status: 'error', error: outcome.error };
        case 'fatal':
          return { status: 'crashed', message: fatalMessage(outcome.reason, context.memoryLimitBytes) };
      }
      break;
    }
    case 'timeout':
      return {
        status: 'timeout',
        message: end.hardCap ? hardCapMessage(HARD_CAP_MS) : timeLimitMessage(context.timeoutMs),
      };
    case 'stopped':
      return { status: 'stopped', message: STOPPED };
    case 'crashed':
      return {
        status: 'crashed',
        message: `The Python interpreter crashed and was replaced. (${end.reason})`,
      };
  }
}

/** Lines Sandpit itself writes into the console, styled apart from the program's output. */
export type NoteKind = 'info' | 'warning' | 'error' | 'help';

export interface ResultDescription {
  /** For the status line: how the last run ended, in a few words. */
  readonly summary: string;
  /** A line for the console, when the run ended in a way its output doesn't show. */
  readonly note?: { readonly kind: NoteKind; readonly text: string };
  /** Plain-language help for the learner, shown after everything else (never instead of the traceback). */
  readonly help?: string;
}

/** Shown after a time-limit stop: what usually makes a beginner's program run for ever. */
export const ENDLESS_LOOP_HELP =
  'If it was not meant to take this long, look for a loop that never ends: a while loop whose condition ' +
  'never becomes false (does the loop change what the condition tests?), or a loop waiting for a break ' +
  'that never comes.';

function withHelp(description: ResultDescription, help: string | null): ResultDescription {
  return help ? { ...description, help: `Help: ${help}` } : description;
}

export function describeResult(result: RunResult, memoryLimitBytes: number): ResultDescription {
  const took = describeDuration(result.durationMs);
  switch (result.status) {
    case 'ok':
      if (result.exitCode !== undefined) {
        return {
          summary: `Exited with code ${result.exitCode} after ${took}`,
          note: { kind: 'info', text: `Program exited with code ${result.exitCode}.` },
        };
      }
      return { summary: `Finished in ${took}` };
    case 'error':
      if (result.error.type === 'MemoryError')
        return {
          summary: `MemoryError after ${took}`,
          note: { kind: 'error', text: `${outOfMemory(memoryLimitBytes)}.` },
        };
      return withHelp({ summary: `${result.error.type} after ${took}` }, result.error.explanation);
    case 'timeout':
      return withHelp(
        { summary: 'Stopped: time limit', note: { kind: 'warning', text: result.message } },
        ENDLESS_LOOP_HELP,
      );
    case 'stopped':
      return { summary: `Stopped after ${took}`, note: { kind: 'warning', text: result.message } };
    case 'crashed':
      return { summary: 'The interpreter crashed', note: { kind: 'error', text: result.message } };
  }
}
