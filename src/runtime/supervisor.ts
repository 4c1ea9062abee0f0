import type { WireChunk, RunReport, RunRequest, WorkerEvent } from '../wire/protocol';
import type { InterpreterProcess } from './interpreter-process';
import type { InterpreterPool, PoolOwner } from './interpreter-pool';
import { PausableDeadline } from './pausable-deadline';

/** `data-state` of the test contract. */
export type SupervisorState = 'loading' | 'ready' | 'running';

export interface InterpreterCounts {
  readonly warm: number;
  readonly live: number;
}

/** How a supervised run ended. Only `reported` came from the worker; the rest are the supervisor's verdicts. */
export type RunEnd =
  | { readonly kind: 'reported'; readonly report: RunReport }
  /** The time limit ran out; or (`hardCap`) the run reached HARD_CAP_MS of wall-clock time, waits included. */
  | { readonly kind: 'timeout'; readonly hardCap?: boolean }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'crashed'; readonly reason: string };

/**
 * The longest any run may take by the wall clock, waiting included (for input, for turtle's events,
 * asleep): two hours, twice the longest time limit there is. The time limit pauses while the worker says
 * its program waits, and a program that reached a JavaScript object could say so falsely; this bound
 * holds whatever the worker says.
 */
export const HARD_CAP_MS = 2 * 60 * 60 * 1000;

/**
 * Stop's grace: a program has STOP_GRACE_MS to end once interrupted; one whose SIGINT handler raised the
 * KeyboardInterrupt by then (it is running its `except`/`finally`) has CLEANUP_GRACE_MS more. On a loaded
 * 2-core machine a cooperative program's `finally` sometimes missed the 300 ms alone: its output and its end
 * were still queued behind a flood's when the kill came. A program that ignores SIGINT, or loops in C, is
 * killed after STOP_GRACE_MS; one that lies about receiving it gains at most CLEANUP_GRACE_MS.
 */
export const STOP_GRACE_MS = 300;
export const CLEANUP_GRACE_MS = 600;

export interface SupervisorOptions {
  /** Where the interpreters come from: the sandbox's own pool, or one shared by the widgets of a page. */
  readonly pool: InterpreterPool;
  /** After Stop raised KeyboardInterrupt, how long the program may take to end before it is killed. */
  readonly stopGraceMs?: number;
  /**
   * How much longer a program that said it received the KeyboardInterrupt (its SIGINT handler raised it)
   * may take for its `except`/`finally` blocks, counted from the end of the grace above.
   */
  readonly cleanupGraceMs?: number;
  readonly onStateChange?: (state: SupervisorState) => void;
  /** How many interpreters are warm (unused, booted) and alive in all, whenever either changes. */
  readonly onInterpretersChange?: (counts: InterpreterCounts) => void;
  /** A worker failed to load Python; the pool retries after a pause. */
  readonly onBootFailure?: (reason: string, attempt: number) => void;
  /** HARD_CAP_MS unless given (tests). */
  readonly hardCapMs?: number;
}

export interface SupervisedRun {
  /** The program, as it crosses to Python whole; the supervisor adds the run id. */
  readonly request: Omit<RunRequest, 'runId'>;
  readonly deadlineMs: number;
  readonly onOutput: (chunks: readonly WireChunk[]) => void;
  /** The program waits in `input()`; answer with `provideInput`. The time limit is paused meanwhile. */
  readonly onInputRequest?: (prompt: string) => void;
  /**
   * turtle waits for a key, a click or a timer; answer with `provideEvent`. Without this, the program is
   * told no event will come. The time limit is paused meanwhile and starts afresh after the answer.
   */
  readonly onEventWait?: (timeoutMs: number) => void;
}

interface ActiveRun {
  readonly runId: number;
  readonly process: InterpreterProcess;
  readonly run: SupervisedRun;
  readonly deadline: PausableDeadline;
  readonly settle: (end: RunEnd) => void;
  readonly markFlushed: () => void;
  waitingForInput: boolean;
  waitingForEvent: boolean;
  graceTimer: ReturnType<typeof setTimeout> | null;
  /** The worker said (event or shared cell) that the program raised the KeyboardInterrupt. */
  interruptReceived: boolean;
  readonly hardCap: ReturnType<typeof setTimeout>;
}

/**
 * Runs one program at a time, each in a fresh interpreter from the pool, with a deadline. Stop first
 * raises KeyboardInterrupt (so `finally` blocks run) and kills the worker if the program hasn't ended
 * after a short grace; a timeout or crash kills it at once. Only the supervisor decides timeouts and kills;
 * nothing the worker says can start or stop anything.
 */
export class InterpreterSupervisor {
  private readonly pool: InterpreterPool;
  private readonly unsubscribe: () => void;
  private readonly owner: PoolOwner = {
    onEvent: (process, event) => this.handleEvent(process, event),
    onDeath: (process, reason) => {
      if (this.active?.process === process) this.end({ kind: 'crashed', reason }, reason);
    },
  };
  private stateValue: SupervisorState = 'loading';
  private active: ActiveRun | null = null;
  private starting = false;
  /** Stop was pressed while the run still waited for an interpreter. */
  private stopBeforeStart = false;
  private nextRunId = 1;
  private disposed = false;
  private readyWaiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(private readonly options: SupervisorOptions) {
    this.pool = options.pool;
    const changed = () => {
      this.updateState();
      options.onInterpretersChange?.({ warm: this.pool.warmCount, live: this.pool.liveCount });
    };
    const unsubscribeChanges = this.pool.subscribe(changed);
    const unsubscribeFailures = options.onBootFailure
      ? this.pool.subscribeBootFailures(options.onBootFailure)
      : () => {};
    this.unsubscribe = () => {
      unsubscribeChanges();
      unsubscribeFailures();
    };
    // The pool may have been warm for a while (a page's shared one): take its state now rather than at
    // its next change, but after the constructor, so the caller's callbacks see a finished supervisor.
    queueMicrotask(changed);
  }

  get state(): SupervisorState {
    return this.stateValue;
  }

  /** Workers alive (warm, booting, running): the pool's size, for tests and the widget page. */
  get interpreterCount(): number {
    return this.pool.liveCount;
  }

  /** Resolves when an interpreter is warm and no program runs. */
  whenReady(): Promise<void> {
    if (this.disposed) return Promise.reject(new Error('[sandpit] the sandbox was disposed'));
    if (this.stateValue === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  async run(run: SupervisedRun): Promise<RunEnd> {
    if (this.active !== null || this.starting)
      throw new Error('[sandpit] a program is already running; stop it first');
    if (this.disposed) throw new Error('[sandpit] the sandbox was disposed');
    this.starting = true;
    this.stopBeforeStart = false;
    this.updateState();
    let process: InterpreterProcess;
    try {
      process = await this.pool.acquire(this.owner);
    } finally {
      this.starting = false;
    }
    if (this.stopBeforeStart || this.disposed) {
      this.pool.release(process, 'stopped before it started');
      this.updateState();
      return { kind: 'stopped' };
    }
    const runId = this.nextRunId++;
    let settle!: (end: RunEnd) => void;
    const ended = new Promise<RunEnd>((resolve) => (settle = resolve));
    let markFlushed!: () => void;
    const outputComplete = new Promise<void>((resolve) => (markFlushed = resolve));
    const deadline = new PausableDeadline(run.deadlineMs, () => this.end({ kind: 'timeout' }, 'time limit'));
    this.active = {
      runId,
      process,
      run,
      deadline,
      settle,
      markFlushed,
      waitingForInput: false,
      waitingForEvent: false,
      graceTimer: null,
      interruptReceived: false,
      hardCap: setTimeout(
        () => this.end({ kind: 'timeout', hardCap: true }, 'the longest a run may take'),
        this.options.hardCapMs ?? HARD_CAP_MS,
      ),
    };
    this.updateState();

    process
      .run({ ...run.request, runId })
      .then(async (report) => {
        // The result and the output travel on different channels; wait until every batch is in.
        await outputComplete;
        if (this.active?.runId === runId) this.end({ kind: 'reported', report }, 'finished');
      })
      .catch((error: unknown) => {
        if (this.active?.runId !== runId) return;
        const reason = error instanceof Error ? error.message : String(error);
        this.end({ kind: 'crashed', reason }, reason);
      });
    return ended;
  }

  /**
   * Stops the running program: KeyboardInterrupt first, then, after the grace period (STOP_GRACE_MS, and
   * CLEANUP_GRACE_MS more once the program said it received the interrupt; at once where nothing can
   * reach it), the worker is killed. Either way the run ends as `stopped`.
   */
  stop(): void {
    if (this.starting) this.stopBeforeStart = true;
    const active = this.active;
    if (active === null || active.graceTimer !== null) return;
    if (!active.process.interruptible) {
      this.end({ kind: 'stopped' }, 'stopped by the user');
      return;
    }
    active.process.interrupt();
    active.deadline.resume();
    active.graceTimer = setTimeout(() => {
      if (this.active !== active) return;
      if (!active.interruptReceived && !active.process.interruptReceived()) {
        this.end({ kind: 'stopped' }, 'did not stop when interrupted');
        return;
      }
      active.graceTimer = setTimeout(
        () => this.end({ kind: 'stopped' }, 'did not finish cleaning up after the interrupt'),
        this.options.cleanupGraceMs ?? CLEANUP_GRACE_MS,
      );
    }, this.options.stopGraceMs ?? STOP_GRACE_MS);
  }

  /** Answers the program's pending `input()` with a line, or end of file (`null`). */
  provideInput(line: string | null): void {
    const active = this.active;
    if (active === null || !active.waitingForInput) return;
    active.waitingForInput = false;
    active.process.provideInput(line);
    active.deadline.resume();
  }

  /**
   * Answers turtle's pending event wait: an event as JSON, `''` (the wait timed out) or `null` (none will
   * come). The time limit was paused while the page waited. A key press or click (an event) gives the
   * program the whole limit again, since the learner acted: a game steered by keys runs until Stop. A
   * timeout or "none" resumes the limit where it was: the page's own timers renew nothing, so a worker
   * that asks for waits it doesn't make (a program with a JavaScript handle) gains only the waits the page
   * itself sat through, and a fresh limit only for what the learner did.
   */
  provideEvent(line: string | null): void {
    const active = this.active;
    if (active === null || !active.waitingForEvent) return;
    active.waitingForEvent = false;
    active.process.provideInput(line);
    if (active.graceTimer === null && line !== null && line !== '') active.deadline.restart();
    else active.deadline.resume();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.end({ kind: 'stopped' }, 'disposed');
    this.unsubscribe();
    for (const waiter of this.readyWaiters.splice(0))
      waiter.reject(new Error('[sandpit] the sandbox was disposed'));
  }

  /** Ends the active run with `end`: its interpreter is always killed, never reused. */
  private end(end: RunEnd, reason: string): void {
    const active = this.active;
    if (active === null) return;
    this.active = null;
    active.deadline.cancel();
    clearTimeout(active.hardCap);
    if (active.graceTimer !== null) clearTimeout(active.graceTimer);
    this.pool.release(active.process, reason);
    this.updateState();
    active.settle(end);
  }

  private handleEvent(process: InterpreterProcess, event: WorkerEvent): void {
    const active = this.active;
    if (active === null || active.process !== process || event.runId !== active.runId) return; // stale
    switch (event.type) {
      case 'output':
        active.run.onOutput(event.chunks);
        break;
      case 'run-flushed':
        active.markFlushed();
        break;
      case 'interrupt-received':
        // Counted only after a Stop. The shared cell can be written at any time; either way a program gains
        // at most CLEANUP_GRACE_MS.
        if (active.graceTimer !== null) active.interruptReceived = true;
        break;
      case 'input-request':
        active.waitingForInput = true;
        active.deadline.pause();
        active.run.onInputRequest?.(event.prompt);
        break;
      case 'event-wait':
        active.waitingForEvent = true;
        active.deadline.pause();
        if (active.run.onEventWait) active.run.onEventWait(event.timeoutMs);
        else this.provideEvent(null);
        break;
    }
  }

  private updateState(): void {
    const busy = this.active !== null || this.starting;
    const state: SupervisorState = busy ? 'running' : this.pool.warmCount > 0 ? 'ready' : 'loading';
    if (state !== this.stateValue) {
      this.stateValue = state;
      this.options.onStateChange?.(state);
    }
    if (state === 'ready') for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
  }
}
