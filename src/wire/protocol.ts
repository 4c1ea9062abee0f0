/**
 * Everything that crosses the worker boundary, typed once. Both sides import this file with `import type`,
 * so it must stay free of runtime code and of DOM- or worker-only types.
 *
 * Direction of trust: the main thread calls the worker through Comlink (`WorkerApi`) and receives events on
 * a dedicated MessagePort (`WorkerEvent`). The worker runs untrusted code, so the main thread validates every
 * value it receives (see src/runtime/worker-message-guard.ts) and exposes nothing back to the worker.
 */

/** How a run ended, as the learner and the test contract see it (`data-last-result`). */
export type RunStatus = 'ok' | 'error' | 'timeout' | 'stopped' | 'crashed';

export type OutputStream = 'stdout' | 'stderr';

/**
 * The streams output batches carry: the program's text, and turtle's drawing commands (one JSON array
 * per line, checked by src/graphics/turtle-commands.ts), which share the text's batching, back-pressure
 * and flood limits.
 */
export type WireStream = OutputStream | 'graphics';

/** Which modules user code may import. Names match a module and its submodules; `prefix*` matches by prefix. */
export interface ModulePolicy {
  /** `'*'`: any module that is not denied. Otherwise only these (and their submodules). */
  readonly allow: '*' | readonly string[];
  /** Always refused, even when `allow` would admit them. */
  readonly deny: readonly string[];
}

/** The Python-side policy for one run: data, so presets and per-widget policies are just values. */
export interface SandboxPolicy {
  readonly name: string;
  readonly modules: ModulePolicy;
  /** The builtins user code sees (an allowlist). `__import__` is always replaced by the import guard. */
  readonly builtins: readonly string[];
}

/**
 * How the worker starts Python: from scratch; for a snapshot the pool can reuse (`make`: from the build's
 * prebuilt snapshot when there is one, else from scratch, taking one); or from a snapshot the pool gives.
 * Snapshots travel as Blobs: immutable, so one serves every worker, and each worker reads its own copy of
 * the 30 MiB off the main thread (copying it there stalled the page for up to 250 ms per boot).
 */
export type SnapshotMode =
  { readonly mode: 'none' } | { readonly mode: 'make' } | { readonly mode: 'load'; readonly snapshot: Blob };

/** The SharedArrayBuffers of src/wire/shared-memory.ts, when the page is cross-origin isolated. */
export interface SharedCellBuffers {
  readonly signals: SharedArrayBuffer;
  readonly stdin: SharedArrayBuffer;
  readonly outputCredit: SharedArrayBuffer;
}

/**
 * How a running program and the page reach each other, chosen by the page (src/runtime/interaction-mode.ts):
 * - `shared-memory` (cross-origin isolated pages): SharedArrayBuffer cells; the worker blocks in
 *   `Atomics.wait` for input and sleep, Stop writes a signal cell that CPython polls;
 * - `jspi` (no isolation, a browser with WebAssembly JavaScript Promise Integration): Python is suspended
 *   (`run_sync`) while it waits, and every few dozen milliseconds of running, so the worker's event loop
 *   receives the page's `ControlMessage`s;
 * - `none`: nothing reaches a running program; Stop kills it and `input()` can't wait.
 */
export type InteractionMode = 'shared-memory' | 'jspi' | 'none';

export type BootChannel =
  | { readonly mode: 'shared-memory'; readonly shared: SharedCellBuffers }
  /** The page posts `ControlMessage`s on this port. */
  | { readonly mode: 'jspi'; readonly control: MessagePort }
  | { readonly mode: 'none' };

/** From the page to a worker in `jspi` mode (the page is trusted; the worker still checks the shape). */
export type ControlMessage =
  /** Stop: raise KeyboardInterrupt, and wake the program from input or sleep. */
  | { readonly type: 'interrupt' }
  /** The answer to an `input-request`: a line without its newline, or `null` for end of file. */
  | { readonly type: 'input'; readonly line: string | null }
  /** The page has handled this many characters of output: the worker may send more. */
  | { readonly type: 'credit'; readonly chars: number };

export interface BootOptions {
  /** URL of the folder holding Pyodide's runtime files, ending in `/`. Default: `../pyodide/` from the worker. */
  readonly indexURL?: string;
  /** Port on which the worker posts `WorkerEvent`s for the whole life of the worker. */
  readonly eventPort: MessagePort;
  /** Largest WebAssembly memory the interpreter may grow to, in bytes. */
  readonly memoryLimitBytes: number;
  readonly snapshot: SnapshotMode;
  readonly channel: BootChannel;
}

export interface BootReport {
  readonly pythonVersion: string;
  readonly pyodideVersion: string;
  /** Milliseconds from the start of `boot` to a ready interpreter, measured in the worker. */
  readonly bootMs: number;
  readonly fromSnapshot: boolean;
  /** The memory snapshot, when `snapshot.mode` was `make`: the build's prebuilt one, or one made now. */
  readonly snapshot?: Blob;
}

export interface RunRequest {
  /** Chosen by the main thread; every event about this run carries it, so stale events can be dropped. */
  readonly runId: number;
  readonly code: string;
  /** The name tracebacks show for the learner's code, e.g. `main.py`. */
  readonly filename: string;
  readonly policy: SandboxPolicy;
  readonly stdin: StdinPlan;
  /** The page answers turtle's event waits (`event-wait`): keys, clicks and timers reach the program. */
  readonly events: boolean;
}

/**
 * Where `input()` gets its lines: first `lines`, then, once they run out, `whenExhausted` decides:
 * `ask` the main thread (an `input-request` event; needs shared memory), signal end of file (`eof`), or
 * fail with a message saying input is `unavailable` on this page.
 */
export interface StdinPlan {
  readonly lines: readonly string[];
  readonly whenExhausted: 'ask' | 'eof' | 'unavailable';
  /** With `unavailable`: the learner's explanation of why this page can't wait for typing. */
  readonly unavailableReason?: string;
}

/** A Python exception, already trimmed to the learner's own frames. */
export interface PythonErrorReport {
  /** The exception class name, e.g. `ZeroDivisionError`. */
  readonly type: string;
  readonly message: string;
  /** 1-based line in the learner's code, when the error can be placed there. */
  readonly line: number | null;
  /** 1-based columns on `line`, when Python knows them (syntax errors, fine-grained locations). */
  readonly column: number | null;
  readonly endColumn: number | null;
  /** The formatted, trimmed traceback, ending with the exception line. */
  readonly traceback: string;
  /**
   * Plain-language help for the errors beginners hit most (worker/python/sandpit_explain.py): a sentence
   * or two naming the learner's line and names; null for errors it does not explain.
   */
  readonly explanation: string | null;
}

/**
 * How the program ended, from inside the worker. The main thread turns this into a `RunStatus`: it alone
 * knows whether it asked for a stop, and it alone decides on timeouts and crashes.
 */
export type RunOutcome =
  | { readonly kind: 'completed' }
  | { readonly kind: 'exited'; readonly exitCode: number }
  | { readonly kind: 'raised'; readonly error: PythonErrorReport }
  /** The interpreter itself died (Pyodide's fatal error); the worker can't be used again. */
  | { readonly kind: 'fatal'; readonly reason: FatalReason };

/** Why the interpreter died, in categories the learner's message is chosen from. */
export type FatalReason = 'stack-overflow' | 'out-of-memory' | 'aborted' | 'internal';

export interface RunReport {
  readonly runId: number;
  readonly outcome: RunOutcome;
}

/** One slice of the program's text output. */
export interface OutputChunk {
  readonly stream: OutputStream;
  readonly text: string;
}

/** One slice of a batch; a batch keeps the order in which the program wrote its streams. */
export interface WireChunk {
  readonly stream: WireStream;
  readonly text: string;
}

/**
 * What the page answers a turtle event wait with (the page is trusted; Python still checks the shape):
 * a key (DOM key names turned into Tk's keysyms, as turtle programs name them) or a click in turtle
 * coordinates.
 */
export type TurtleEvent =
  | { readonly type: 'key'; readonly key: string; readonly down: boolean }
  | { readonly type: 'click'; readonly x: number; readonly y: number; readonly button: number };

export type WorkerEvent =
  | { readonly type: 'output'; readonly runId: number; readonly chunks: readonly WireChunk[] }
  /** Sent after the last output batch of a run, before `run()` resolves: the run's output is complete. */
  | { readonly type: 'run-flushed'; readonly runId: number }
  /**
   * After a Stop, the program's SIGINT handler raised KeyboardInterrupt: its `except`/`finally` blocks
   * run now, and get the cleanup grace (pages with shared memory read a cell instead: SignalCell).
   */
  | { readonly type: 'interrupt-received'; readonly runId: number }
  /** The program waits in `input()`; answer through the stdin mailbox. */
  | { readonly type: 'input-request'; readonly runId: number; readonly prompt: string }
  /**
   * turtle waits for a key, a click or its next timer: answer through the stdin mailbox with a
   * `TurtleEvent` as JSON, `""` once `timeoutMs` has passed (-1: no timeout), or end of file when none
   * will come. The time limit is paused meanwhile and starts afresh when the program goes on.
   */
  | { readonly type: 'event-wait'; readonly runId: number; readonly timeoutMs: number };

/** The worker's Comlink API. `export type WorkerApi` mirrors `typeof api` in worker/worker-api.ts. */
export interface WorkerApi {
  boot(options: BootOptions): Promise<BootReport>;
  run(request: RunRequest): Promise<RunReport>;
}

/**
 * A problem the analysis worker found in the code as typed (worker/python/sandpit_analysis.py): where it
 * is (1-based lines and columns, the end exclusive) and what it is, in CPython's words for syntax errors.
 */
export interface AnalysisProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** `syntax`, `syntax-warning`, `undefined-name`, `unused-import`, `unused-variable`. */
  readonly code: string | null;
  /** Code that does nothing (an unused import): the editor fades it. */
  readonly unnecessary: boolean;
}

/**
 * The analysis worker's Comlink API (worker/analysis.worker.ts): a Python of its own that reads the
 * learner's code as they type and never runs it.
 */
export interface AnalysisApi {
  /** Loads Pyodide and the analysis modules; resolves when `problems` and `format` can answer. */
  boot(options: { readonly indexURL?: string }): Promise<void>;
  problems(code: string): Promise<unknown>;
  /** The code laid out in the standard style, or null when it can't be formatted without changing it. */
  format(code: string): Promise<unknown>;
}
