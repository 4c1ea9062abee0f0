import type { InteractionMode, SnapshotMode, WorkerEvent } from '../wire/protocol';
import { InterpreterProcess, type WorkerFactory } from './interpreter-process';
import type { SnapshotStore } from './snapshot-store';

export interface InterpreterPoolOptions {
  readonly createWorker: WorkerFactory;
  /** Interpreters kept booted and unused, so a run never waits for Python to load (default 1). */
  readonly warm?: number;
  readonly memoryLimitBytes: number;
  readonly interaction: InteractionMode;
  /** Boot later interpreters from a memory snapshot of the first (default true). */
  readonly useSnapshots?: boolean;
  /** Where the first interpreter's snapshot is kept for the next visit (none: every visit makes one). */
  readonly snapshotStore?: SnapshotStore | null;
  readonly indexURL?: string;
  /** Pause before retrying after a boot failure (default: 0.5 s doubling up to 30 s). */
  readonly retryDelayMs?: number;
  /**
   * Most workers alive at once, warm, booting and running together (default: no cap). A page of many
   * widgets sets it, so that many runs at once wait for an interpreter instead of each booting one.
   */
  readonly maxLive?: number;
  /**
   * Most boots nobody waits for while a program runs (default: no cap). On a 2-core machine a boot beside
   * a run takes the core the page needs: the page's frames stalled for 100-190 ms, its tasks (drawing
   * output, evaluating the editor's code) took twice as long. Boots beyond it are stopped when a run
   * starts and started again when it ends; a run that waits for an interpreter still gets one at once.
   */
  readonly bootsBesideRuns?: number;
  readonly onBootFailure?: (reason: string, attempt: number) => void;
}

/** Who holds an interpreter handed out by `acquire`: its events and its death go there. */
export interface PoolOwner {
  onEvent(process: InterpreterProcess, event: WorkerEvent): void;
  /** The interpreter died by itself (crash, protocol violation). */
  onDeath(process: InterpreterProcess, reason: string): void;
}

type Waiter = {
  readonly owner: PoolOwner;
  readonly resolve: (process: InterpreterProcess) => void;
  readonly reject: (error: Error) => void;
};

/**
 * Keeps fresh interpreters warm. Every run gets an interpreter nobody has used, and gives it back to be
 * killed: nothing one program does can be seen by the next. The first interpreter boots from scratch and
 * leaves a memory snapshot; later ones boot from a copy of it in about a fifth of the time.
 */
export class InterpreterPool {
  private readonly target: number;
  private readonly bootsBesideRuns: number;
  private readonly warm: InterpreterProcess[] = [];
  private readonly booting = new Set<InterpreterProcess>();
  /** Spawns waiting for the last visit's snapshot to be looked up. */
  private preparing = 0;
  private readonly inUse = new Map<InterpreterProcess, PoolOwner>();
  private readonly listeners = new Set<() => void>();
  private readonly bootFailureListeners = new Set<(reason: string, attempt: number) => void>();
  private readonly waiters: Waiter[] = [];
  private snapshot: Blob | null = null;
  private snapshotState: 'none' | 'making' | 'ready' | 'unusable';
  /** Set when the stored snapshot failed to boot: it is not tried again, a new one is made instead. */
  private storedSnapshotFailed = false;
  /**
   * Whether an interpreter of this page has run Python's start-up. That is what warms V8's optimised code
   * up for every worker of the page; interpreters restored from a snapshot skip it, and a page where
   * all of them did ran its first programs up to 2.5x slower. Set after the first boot from scratch.
   */
  private startedFromScratch = false;
  /** That first boot from scratch while it is under way (a run may stop it, and then it is done again). */
  private fromScratchSpare: InterpreterProcess | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private refillScheduled = false;
  private disposed = false;

  constructor(private readonly options: InterpreterPoolOptions) {
    this.target = Math.max(1, options.warm ?? 1);
    this.bootsBesideRuns = options.bootsBesideRuns ?? Infinity;
    this.snapshotState = options.useSnapshots === false ? 'unusable' : 'none';
    // Not synchronously: subscribers get their first change after their constructors have finished.
    this.scheduleRefill();
  }

  /** Calls `listener` whenever the number of warm or live interpreters changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` after every failed boot (the pool retries by itself); returns the unsubscribe. */
  subscribeBootFailures(listener: (reason: string, attempt: number) => void): () => void {
    this.bootFailureListeners.add(listener);
    return () => this.bootFailureListeners.delete(listener);
  }

  /** How the page reaches the interpreters' running programs (interrupts, interactive input). */
  get interaction(): InteractionMode {
    return this.options.interaction;
  }

  get memoryLimitBytes(): number {
    return this.options.memoryLimitBytes;
  }

  get warmCount(): number {
    return this.warm.length;
  }

  /** Workers alive right now: warm, booting and in use. */
  get liveCount(): number {
    return this.warm.length + this.booting.size + this.inUse.size;
  }

  /** A fresh, booted interpreter for one run. Waits for one when none is warm. */
  acquire(owner: PoolOwner): Promise<InterpreterProcess> {
    if (this.disposed) return Promise.reject(new Error('[sandpit] the interpreter pool was disposed'));
    const ready = this.warm.shift();
    const handedOut = ready
      ? Promise.resolve(this.handOut(ready, owner))
      : new Promise<InterpreterProcess>((resolve, reject) => this.waiters.push({ owner, resolve, reject }));
    if (ready) {
      this.stopBootsBeyond(this.bootsBesideRuns);
      this.changed();
    }
    // With a spare still warm, the replacement boots when this run ends (`release`): a boot copies the
    // snapshot and instantiates the WebAssembly, and beside a CPU-bound program on 2 cores it made the
    // program a fifth slower (0.44 s against 0.37 s). With none left it boots now, after the caller has
    // started its run, where `bootsBesideRuns` allows: the next run, or another widget's, would otherwise
    // have to wait for it.
    if (this.warm.length === 0) this.scheduleRefill();
    return handedOut;
  }

  /** The run is over: the interpreter is killed, never reused. */
  release(process: InterpreterProcess, reason: string): void {
    this.inUse.delete(process);
    process.kill(reason);
    this.changed();
    this.scheduleRefill();
  }

  /** Stops boots nobody waits for beyond `allowed`; they start again when the runs are over (release). */
  private stopBootsBeyond(allowed: number): void {
    // The snapshot maker is never stopped: every later boot waits for it.
    if (this.snapshotState === 'making') return;
    for (const process of [...this.booting].slice(allowed)) {
      this.booting.delete(process);
      process.kill('stopped to leave the run its core');
      if (process === this.fromScratchSpare) {
        this.fromScratchSpare = null;
        this.startedFromScratch = false;
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    for (const process of [...this.warm, ...this.booting, ...this.inUse.keys()]) process.kill('disposed');
    this.warm.length = 0;
    this.booting.clear();
    this.inUse.clear();
    this.snapshot = null;
    this.listeners.clear();
    this.bootFailureListeners.clear();
    for (const waiter of this.waiters.splice(0))
      waiter.reject(new Error('[sandpit] the interpreter pool was disposed'));
  }

  private handOut(process: InterpreterProcess, owner: PoolOwner): InterpreterProcess {
    this.inUse.set(process, owner);
    return process;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private scheduleRefill(): void {
    if (this.refillScheduled || this.disposed) return;
    this.refillScheduled = true;
    setTimeout(() => {
      this.refillScheduled = false;
      this.refill();
    }, 0);
  }

  private refill(): void {
    if (this.disposed || this.retryTimer !== null) return;
    // While the first interpreter is making the snapshot, wait for it rather than boot slowly in parallel.
    const maxLive = this.options.maxLive ?? Infinity;
    while (
      this.warm.length + this.booting.size + this.preparing < this.target + this.waiters.length &&
      this.liveCount + this.preparing < maxLive
    ) {
      if (this.snapshotState === 'making') return;
      const besideRun = this.inUse.size > 0 && this.waiters.length === 0;
      if (besideRun && this.booting.size + this.preparing >= this.bootsBesideRuns) return;
      this.spawn();
    }
  }

  private spawn(): void {
    if (
      this.snapshotState === 'ready' &&
      !this.startedFromScratch &&
      this.warm.length > 0 &&
      this.waiters.length === 0
    ) {
      // The first interpreter came from the build's snapshot: this one, a second warm interpreter nobody
      // waits for, starts from scratch in the background, so the programs that follow run in optimised
      // code. (A pool kept one deep, as on widget pages, never has such a spare: all its boots are fast.)
      this.startedFromScratch = true;
      this.fromScratchSpare = this.start({ mode: 'none' });
      return;
    }
    if (this.snapshotState === 'ready' && this.snapshot !== null) {
      // Every worker reads its own copy out of the immutable Blob: a program can't alter the next one's start.
      this.start({ mode: 'load', snapshot: this.snapshot });
      return;
    }
    if (this.snapshotState === 'none') {
      this.snapshotState = 'making';
      const store = this.storedSnapshotFailed ? null : (this.options.snapshotStore ?? null);
      if (store === null) {
        this.start({ mode: 'make' });
        return;
      }
      // The last visit's snapshot, if there is one: no network, no start-up from scratch.
      this.preparing += 1;
      void store.load().then((stored) => {
        this.preparing -= 1;
        if (this.disposed) return;
        if (stored === null) this.start({ mode: 'make' });
        else this.start({ mode: 'load', snapshot: stored }, stored);
      });
      return;
    }
    this.start({ mode: 'none' });
  }

  /** `stored`: the snapshot `snapshot` copies, kept from an earlier visit; it becomes the pool's once it boots. */
  private start(snapshot: SnapshotMode, stored?: Blob): InterpreterProcess {
    const process: InterpreterProcess = new InterpreterProcess({
      createWorker: this.options.createWorker,
      memoryLimitBytes: this.options.memoryLimitBytes,
      interaction: this.options.interaction,
      snapshot,
      ...(this.options.indexURL ? { indexURL: this.options.indexURL } : {}),
      onEvent: (event) => {
        this.inUse.get(process)?.onEvent(process, event);
      },
      onDeath: (reason) => this.handleDeath(process, reason),
    });
    this.booting.add(process);
    this.changed();
    process.bootPromise.then(
      (report) => {
        if (!this.booting.delete(process)) return;
        this.failures = 0;
        if (snapshot.mode === 'make') {
          this.snapshot = report.snapshot ?? null;
          this.snapshotState = this.snapshot ? 'ready' : 'unusable';
          if (this.snapshot !== null) void this.options.snapshotStore?.save(this.snapshot);
        } else if (stored !== undefined) {
          this.snapshot = stored;
          this.snapshotState = 'ready';
        }
        if (!report.fromSnapshot) this.startedFromScratch = true;
        const waiter = this.waiters.shift();
        if (waiter) {
          waiter.resolve(this.handOut(process, waiter.owner));
        } else {
          this.warm.push(process);
        }
        this.changed();
        this.refill();
      },
      (error: unknown) => this.handleBootFailure(process, snapshot, error, stored !== undefined),
    );
    return process;
  }

  private handleBootFailure(
    process: InterpreterProcess,
    snapshot: SnapshotMode,
    error: unknown,
    fromStore: boolean,
  ): void {
    if (!this.booting.delete(process) || this.disposed) return;
    process.kill('boot failed');
    this.changed();
    const reason = error instanceof Error ? error.message : String(error);
    if (fromStore) {
      // A stored snapshot that doesn't boot (damaged, or from a browser that changed): not a failure of
      // the page's, so no back-off; a new one is made at once.
      this.storedSnapshotFailed = true;
      this.snapshotState = 'none';
      this.scheduleRefill();
      return;
    }
    if (snapshot.mode !== 'none') {
      // A snapshot that can't be made or loaded is dropped: later interpreters boot from scratch.
      this.snapshot = null;
      this.snapshotState = 'unusable';
    }
    this.failures += 1;
    this.options.onBootFailure?.(reason, this.failures);
    for (const listener of this.bootFailureListeners) listener(reason, this.failures);
    const delay = this.options.retryDelayMs ?? Math.min(30_000, 500 * 2 ** (this.failures - 1));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.refill();
    }, delay);
  }

  private handleDeath(process: InterpreterProcess, reason: string): void {
    const owner = this.inUse.get(process);
    if (owner !== undefined) {
      this.inUse.delete(process);
      this.changed();
      owner.onDeath(process, reason);
      this.scheduleRefill();
      return;
    }
    const index = this.warm.indexOf(process);
    if (index >= 0) {
      this.warm.splice(index, 1);
      this.changed();
      this.scheduleRefill();
    }
    // A death while booting is handled by handleBootFailure, which backs off before retrying.
  }
}
