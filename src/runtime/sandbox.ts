import type {
  FatalReason,
  OutputChunk,
  PythonErrorReport,
  RunStatus,
  SandboxPolicy,
  StdinPlan,
} from '../../worker/protocol';
import { sharedMemoryAvailable } from '../../worker/shared-memory';
import { createInterpreterWorker } from './create-worker';
import { InterpreterPool } from './interpreter-pool';
import type { WorkerFactory } from './interpreter-process';
import { LEARNER_POLICY } from './policy';
import {
  InterpreterSupervisor,
  type InterpreterCounts,
  type RunEnd,
  type SupervisorState,
} from './supervisor';

export type { OutputChunk, PythonErrorReport, RunStatus, SandboxPolicy };
export type SandboxState = SupervisorState;
export type { InterpreterCounts };

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MEMORY_LIMIT_BYTES = 512 * 1024 * 1024;

export interface SandboxOptions {
  /** Python-side policy for every run (default: the learner policy: stdlib yes, host bridges no). */
  readonly policy?: SandboxPolicy;
  /** Time limit per run, in milliseconds (default 10 000). Time spent waiting in `input()` doesn't count. */
  readonly timeoutMs?: number;
  /** Largest memory one program's interpreter may use, in bytes (default 512 MiB). */
  readonly memoryLimitBytes?: number;
  /**
   * Interpreters kept loaded and unused (default 2: the next run's, and a spare that takes over at once
   * after a kill). Every run uses a fresh one, which is killed afterwards.
   */
  readonly warmInterpreters?: number;
  /** The file name tracebacks show for the code (default `main.py`). */
  readonly filename?: string;
  /** Most characters kept per stream in `RunResult.stdout`/`stderr` (default 1 MiB); the rest is dropped. */
  readonly maxCollectedChars?: number;
  readonly onStateChange?: (state: SandboxState) => void;
  /** Warm and live interpreter counts, whenever they change. */
  readonly onInterpretersChange?: (counts: InterpreterCounts) => void;
  /** A worker failed to load Python; the sandbox retries by itself. */
  readonly onLoadFailure?: (reason: string, attempt: number) => void;
  /** Where interpreters come from; tests and embedders may substitute their own. */
  readonly createWorker?: WorkerFactory;
  /** Use SharedArrayBuffer (default: when the page is cross-origin isolated). */
  readonly sharedMemory?: boolean;
  /**
   * Interpreters shared with other sandboxes of the page (from `createSharedInterpreters`). The pool's
   * own settings then apply instead of `warmInterpreters`, `memoryLimitBytes`, `createWorker` and
   * `sharedMemory`, which must match.
   */
  readonly pool?: InterpreterPool;
}

export interface SharedInterpretersOptions {
  /** Interpreters kept warm for whichever sandbox runs next (default 1). */
  readonly warm?: number;
  /** Most interpreters alive at once, running ones included (default 3). */
  readonly maxLive?: number;
  readonly memoryLimitBytes?: number;
  readonly createWorker?: WorkerFactory;
  readonly sharedMemory?: boolean;
  readonly onLoadFailure?: (reason: string, attempt: number) => void;
}

/**
 * One small pool of interpreters for many sandboxes on a page (a tutorial's widgets): each run still gets
 * a fresh interpreter, killed afterwards, so the sandboxes never see each other's state; the pool only
 * bounds how many are alive at once.
 */
export function createSharedInterpreters(options: SharedInterpretersOptions = {}): InterpreterPool {
  return new InterpreterPool({
    createWorker: options.createWorker ?? createInterpreterWorker,
    warm: options.warm ?? 1,
    maxLive: options.maxLive ?? 3,
    memoryLimitBytes: options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES,
    sharedMemory: options.sharedMemory ?? sharedMemoryAvailable(),
    onBootFailure: options.onLoadFailure,
  });
}

export interface RunOptions {
  readonly timeoutMs?: number;
  readonly policy?: SandboxPolicy;
  /** Text the program reads with `input()`/`sys.stdin`, one line per `\n`, before anything is asked. */
  readonly stdin?: string;
  /**
   * Asked for a line when the program wants more input than `stdin` holds. Resolve with the line (no
   * newline), or `null` for end of file. Without it, the program sees end of file.
   */
  readonly onInput?: (prompt: string) => Promise<string | null>;
  /** Output as it streams, in the order the program wrote it. */
  readonly onOutput?: (chunk: OutputChunk) => void;
  /** Aborting stops the run (result `stopped`). */
  readonly signal?: AbortSignal;
}

export interface RunResult {
  readonly status: RunStatus;
  readonly stdout: string;
  readonly stderr: string;
  /** True when `stdout`/`stderr` hit `maxCollectedChars` and the rest was dropped. */
  readonly outputTruncated: boolean;
  /** The Python exception, when `status` is `error`. */
  readonly error?: PythonErrorReport;
  /** The code passed to `sys.exit()`/`exit()`/`os._exit()` when it was not 0. */
  readonly exitCode?: number;
  /** A sentence for the learner when the run did not end by itself (timeout, stop, crash). */
  readonly message?: string;
  readonly durationMs: number;
}

export interface Sandbox {
  readonly state: SandboxState;
  /** Whether Stop can interrupt a program gently and `input()` can wait for typing (shared memory). */
  readonly interactive: boolean;
  /** Workers alive right now (warm, booting and running). */
  readonly interpreterCount: number;
  /** Resolves when an interpreter is loaded and idle. */
  whenReady(): Promise<void>;
  run(code: string, options?: RunOptions): Promise<RunResult>;
  /** Stops the running program, if any: KeyboardInterrupt first, then the worker is killed. */
  interrupt(): void;
  /** Ends every interpreter and timer; the sandbox can't be used afterwards. */
  dispose(): void;
}

class OutputCollector {
  stdout = '';
  stderr = '';
  truncated = false;
  constructor(private readonly maxChars: number) {}

  add(chunk: OutputChunk): void {
    const current = this[chunk.stream];
    const room = this.maxChars - current.length;
    if (chunk.text.length > room) this.truncated = true;
    if (room > 0) this[chunk.stream] = current + chunk.text.slice(0, room);
  }
}

function describeLimit(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function fatalMessage(reason: FatalReason, memoryLimitBytes: number): string {
  switch (reason) {
    case 'stack-overflow':
      return 'The program recursed too deeply for the interpreter (a stack overflow inside Python itself), so Python crashed and was replaced. Look for a recursion without an end, or a very deep one.';
    case 'out-of-memory':
      return `The program ran out of memory (the limit is ${describeBytes(memoryLimitBytes)}), so Python crashed and was replaced.`;
    case 'aborted':
      return 'The program stopped the interpreter abruptly (os.abort() or an internal error); Python was replaced.';
    case 'internal':
      return 'The Python interpreter failed and was replaced.';
  }
}

interface Verdict {
  readonly stopRequested: boolean;
  readonly timeoutMs: number;
  readonly memoryLimitBytes: number;
}

function toResult(
  end: RunEnd,
  verdict: Verdict,
): Omit<RunResult, 'stdout' | 'stderr' | 'outputTruncated' | 'durationMs'> {
  // Whatever the program did after Stop (ended by KeyboardInterrupt, caught it and finished, was killed),
  // the learner asked for it to stop.
  if (verdict.stopRequested && end.kind !== 'timeout') return { status: 'stopped', message: 'Stopped.' };
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
          return { status: 'crashed', message: fatalMessage(outcome.reason, verdict.memoryLimitBytes) };
      }
      break;
    }
    case 'timeout':
      return {
        status: 'timeout',
        message: `Stopped: the program took longer than the ${describeLimit(verdict.timeoutMs)} time limit.`,
      };
    case 'stopped':
      return { status: 'stopped', message: 'Stopped.' };
    case 'crashed':
      return {
        status: 'crashed',
        message: `The Python interpreter crashed and was replaced. (${end.reason})`,
      };
  }
}

function stdinPlan(stdin: string | undefined, canAsk: boolean, wantsToAsk: boolean): StdinPlan {
  const lines = stdin === undefined || stdin === '' ? [] : stdin.replace(/\n$/, '').split('\n');
  return { lines, whenExhausted: !wantsToAsk ? 'eof' : canAsk ? 'ask' : 'unavailable' };
}

/**
 * The one runtime API behind every face of Sandpit (scratch pad, widgets, embedders' own UIs): run Python
 * code in a fresh, supervised, terminable interpreter and get a typed result.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const sharedMemory = options.pool?.sharedMemory ?? options.sharedMemory ?? sharedMemoryAvailable();
  const memoryLimitBytes =
    options.pool?.memoryLimitBytes ?? options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES;
  const supervisor = new InterpreterSupervisor({
    ...(options.pool ? { pool: options.pool } : {}),
    createWorker: options.createWorker ?? createInterpreterWorker,
    memoryLimitBytes,
    sharedMemory,
    warmInterpreters: options.warmInterpreters ?? 2,
    onStateChange: options.onStateChange,
    onInterpretersChange: options.onInterpretersChange,
    onBootFailure: options.onLoadFailure,
  });
  let stopRequested = false;

  return {
    get state() {
      return supervisor.state;
    },
    get interactive() {
      return sharedMemory;
    },
    get interpreterCount() {
      return supervisor.interpreterCount;
    },

    whenReady: () => supervisor.whenReady(),

    async run(code, runOptions = {}) {
      const timeoutMs = runOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const collector = new OutputCollector(options.maxCollectedChars ?? 1 << 20);
      if (runOptions.signal?.aborted) throw new Error('[sandpit] the run was aborted before it started');
      const onAbort = () => {
        stopRequested = true;
        supervisor.stop();
      };
      runOptions.signal?.addEventListener('abort', onAbort, { once: true });
      stopRequested = false;
      const started = performance.now();
      const onInput = runOptions.onInput;
      try {
        const end = await supervisor.run({
          code,
          filename: options.filename ?? 'main.py',
          policy: runOptions.policy ?? options.policy ?? LEARNER_POLICY,
          stdin: stdinPlan(runOptions.stdin, sharedMemory, onInput !== undefined),
          deadlineMs: timeoutMs,
          onOutput: (chunks) => {
            for (const chunk of chunks) {
              collector.add(chunk);
              runOptions.onOutput?.(chunk);
            }
          },
          onInputRequest: (prompt) => {
            if (!onInput) return supervisor.provideInput(null);
            onInput(prompt).then(
              (line) => supervisor.provideInput(line),
              () => supervisor.provideInput(null),
            );
          },
        });
        return {
          ...toResult(end, { stopRequested, timeoutMs, memoryLimitBytes }),
          stdout: collector.stdout,
          stderr: collector.stderr,
          outputTruncated: collector.truncated,
          durationMs: performance.now() - started,
        };
      } finally {
        runOptions.signal?.removeEventListener('abort', onAbort);
      }
    },

    interrupt() {
      if (supervisor.state !== 'running') return;
      stopRequested = true;
      supervisor.stop();
    },

    dispose() {
      supervisor.dispose();
    },
  };
}
