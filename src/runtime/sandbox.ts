import { DEFAULT_TIME_LIMIT_MS } from '../config/time-limit';
import type {
  InteractionMode,
  OutputChunk,
  PythonErrorReport,
  RunStatus,
  SandboxPolicy,
  StdinPlan,
  TurtleEvent,
} from '../wire/protocol';
import { inputUnavailableReason, pageCapabilities, pickInteractionMode } from './interaction-mode';
import { SNAPSHOT_BUILD_ID } from './build-id';
import { createInterpreterWorker } from './create-worker';
import { InterpreterPool } from './interpreter-pool';
import type { WorkerFactory } from './interpreter-process';
import { LEARNER_POLICY } from './policy';
import { browserSnapshotStore } from './snapshot-store';
import { InterpreterSupervisor, type InterpreterCounts, type SupervisorState } from './supervisor';
import { judgeRun, type RunResult } from './verdict';

export type {
  InteractionMode,
  OutputChunk,
  PythonErrorReport,
  RunResult,
  RunStatus,
  SandboxPolicy,
  TurtleEvent,
};
export type SandboxState = SupervisorState;
export type { InterpreterCounts };

export const DEFAULT_TIMEOUT_MS = DEFAULT_TIME_LIMIT_MS;
export const DEFAULT_MEMORY_LIMIT_BYTES = 512 * 1024 * 1024;

export interface SandboxOptions {
  /** Python-side policy for every run (default: the learner policy: stdlib yes, host bridges no). */
  readonly policy?: SandboxPolicy;
  /** Time limit per run, in milliseconds (default 10 000). Time spent waiting in `input()` doesn't count. */
  readonly timeoutMs?: number;
  /** The file name tracebacks show for the code (default `main.py`). */
  readonly filename?: string;
  /** Most characters kept per stream in `RunResult.stdout`/`stderr` (default 1 MiB); the rest is dropped. */
  readonly maxCollectedChars?: number;
  readonly onStateChange?: (state: SandboxState) => void;
  /** Warm and live interpreter counts, whenever they change. */
  readonly onInterpretersChange?: (counts: InterpreterCounts) => void;
  /** A worker failed to load Python; the sandbox retries by itself. */
  readonly onLoadFailure?: (reason: string, attempt: number) => void;
  /**
   * Interpreters shared with other sandboxes of the page (from `createSharedInterpreters`). Without it the
   * sandbox makes its own from the four options below, which then must not be given: they belong to the
   * shared interpreters (set them on `createSharedInterpreters`).
   */
  readonly pool?: InterpreterPool;
  /**
   * Interpreters kept loaded and unused (default 2: the next run's, and a spare that takes over at once
   * after a kill). Every run uses a fresh one, which is killed afterwards.
   */
  readonly warmInterpreters?: number;
  /** Largest memory one program's interpreter may use, in bytes (default 512 MiB). */
  readonly memoryLimitBytes?: number;
  /** Where interpreters come from; tests and embedders may substitute their own. */
  readonly createWorker?: WorkerFactory;
  /**
   * How the page reaches a running program (default: `shared-memory` on a cross-origin isolated page,
   * else `jspi` where the browser has WebAssembly promise integration, else `none`).
   */
  readonly interaction?: InteractionMode;
}

/** The options that make interpreters: set on the pool, never both on the pool and on a sandbox using it. */
const POOL_OPTIONS = ['warmInterpreters', 'memoryLimitBytes', 'createWorker', 'interaction'] as const;

export interface SharedInterpretersOptions {
  /** Interpreters kept warm for whichever sandbox runs next (default 1). */
  readonly warm?: number;
  /** Most interpreters alive at once, running ones included (default 3). */
  readonly maxLive?: number;
  readonly memoryLimitBytes?: number;
  readonly createWorker?: WorkerFactory;
  readonly interaction?: InteractionMode;
  readonly onLoadFailure?: (reason: string, attempt: number) => void;
}

/**
 * Interpreters for one sandbox, or for many on a page (a tutorial's widgets, `createSharedInterpreters`):
 * each run still gets a fresh interpreter, killed afterwards, so sandboxes never see each other's state;
 * a shared pool only bounds how many are alive at once.
 */
function createPool(options: SharedInterpretersOptions, defaults: { warm: number; maxLive?: number }) {
  return new InterpreterPool({
    createWorker: options.createWorker ?? createInterpreterWorker,
    warm: options.warm ?? defaults.warm,
    maxLive: options.maxLive ?? defaults.maxLive,
    memoryLimitBytes: options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES,
    interaction: options.interaction ?? pickInteractionMode(pageCapabilities()),
    // Only our own workers' snapshots are kept: a substituted worker's belong to whoever substituted it.
    snapshotStore: options.createWorker ? null : browserSnapshotStore(SNAPSHOT_BUILD_ID),
    bootsBesideRuns: bootsBesideRuns(),
    onBootFailure: options.onLoadFailure,
  });
}

/**
 * Boots that may go on while a program runs: one core is the program's and one the page's; only the
 * rest are free for boots. On 2 cores that is none: traced, a boot beside a run left the page's frames
 * 100-190 ms apart with no task of the page's own to blame.
 */
function bootsBesideRuns(): number {
  const cores = typeof navigator === 'undefined' ? 0 : navigator.hardwareConcurrency || 0;
  return cores === 0 ? Infinity : Math.max(0, cores - 2);
}

export function createSharedInterpreters(options: SharedInterpretersOptions = {}): InterpreterPool {
  return createPool(options, { warm: 1, maxLive: 3 });
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
  /**
   * turtle's drawing commands as they stream: lines of JSON, unchecked (src/graphics/turtle-commands.ts
   * checks them). Without it they are dropped.
   */
  readonly onGraphics?: (commands: string) => void;
  /**
   * turtle waits for a key, a click or its next timer (`timeoutMs`, -1 for none): resolve with an event,
   * `'timeout'` once the time has passed, or `null` when no event will come. Without it, turtle's
   * `mainloop()` returns at once. Needs an interactive sandbox, like `onInput`.
   */
  readonly onEventWait?: (timeoutMs: number) => Promise<TurtleEvent | 'timeout' | null>;
  /** Aborting stops the run (result `stopped`). */
  readonly signal?: AbortSignal;
}

export interface Sandbox {
  readonly state: SandboxState;
  /** Whether Stop can interrupt a program gently and `input()` can wait for typing (`interaction` isn't `none`). */
  readonly interactive: boolean;
  readonly interaction: InteractionMode;
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

function stdinPlan(stdin: string | undefined, canAsk: boolean, wantsToAsk: boolean): StdinPlan {
  const lines = stdin === undefined || stdin === '' ? [] : stdin.replace(/\n$/, '').split('\n');
  if (!wantsToAsk) return { lines, whenExhausted: 'eof' };
  if (canAsk) return { lines, whenExhausted: 'ask' };
  return {
    lines,
    whenExhausted: 'unavailable',
    unavailableReason: inputUnavailableReason(pageCapabilities()),
  };
}

/** The sandbox's interpreters: the shared pool it was given, or its own (which it disposes of). */
function interpretersFor(options: SandboxOptions): { pool: InterpreterPool; owned: boolean } {
  const { pool } = options;
  if (pool === undefined) {
    return {
      pool: createPool(
        {
          memoryLimitBytes: options.memoryLimitBytes,
          createWorker: options.createWorker,
          interaction: options.interaction,
        },
        { warm: options.warmInterpreters ?? 2 },
      ),
      owned: true,
    };
  }
  const conflicting = POOL_OPTIONS.filter((name) => options[name] !== undefined);
  if (conflicting.length > 0) {
    const names = conflicting.join(', ');
    throw new Error(
      `[sandpit] createSandbox({ pool }) was also given ${names}, which belong to the shared interpreters: pass ${conflicting.length > 1 ? 'them' : 'it'} to createSharedInterpreters() instead`,
    );
  }
  return { pool, owned: false };
}

/**
 * The one runtime API behind every face of Sandpit (scratch pad, widgets, embedders' own UIs): run Python
 * code in a fresh, supervised, terminable interpreter and get a typed result.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const { pool, owned } = interpretersFor(options);
  const supervisor = new InterpreterSupervisor({
    pool,
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
      return pool.interaction !== 'none';
    },
    get interaction() {
      return pool.interaction;
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
      const { onInput, onEventWait } = runOptions;
      try {
        const end = await supervisor.run({
          request: {
            code,
            filename: options.filename ?? 'main.py',
            policy: runOptions.policy ?? options.policy ?? LEARNER_POLICY,
            stdin: stdinPlan(runOptions.stdin, pool.interaction !== 'none', onInput !== undefined),
            events: pool.interaction !== 'none' && onEventWait !== undefined,
          },
          deadlineMs: timeoutMs,
          onOutput: (chunks) => {
            for (const { stream, text } of chunks) {
              if (stream === 'graphics') {
                runOptions.onGraphics?.(text);
                continue;
              }
              const chunk = { stream, text };
              collector.add(chunk);
              runOptions.onOutput?.(chunk);
            }
          },
          onEventWait: (timeoutMs) => {
            if (!onEventWait) return supervisor.provideEvent(null);
            onEventWait(timeoutMs).then(
              (event) => supervisor.provideEvent(event === 'timeout' ? '' : event && JSON.stringify(event)),
              () => supervisor.provideEvent(null),
            );
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
          ...judgeRun(end, { stopRequested, timeoutMs, memoryLimitBytes: pool.memoryLimitBytes }),
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
      if (owned) pool.dispose();
    },
  };
}
