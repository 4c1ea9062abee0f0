import { transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type {
  BootChannel,
  BootOptions,
  BootReport,
  ControlMessage,
  InteractionMode,
  RunReport,
  RunRequest,
  SnapshotMode,
  WorkerApi,
  WorkerEvent,
} from '../wire/protocol';
import { OutputCredit, SignalCell, StdinMailbox } from '../wire/shared-memory';
import { approximateChars, FloodGuard } from './flood-guard';
import { parseBootReport, parseRunReport, parseWorkerEvent, ProtocolViolation } from './worker-message-guard';

/** What the supervisor needs from a Worker; tests pass a fake built on a MessageChannel. */

/** Output credit is returned at the next animation frame, or after this long where frames don't run. */
const REFUND_FALLBACK_MS = 50;
export interface WorkerHandle extends Endpoint {
  terminate(): void;
}

export type WorkerFactory = () => WorkerHandle;

export class InterpreterDied extends Error {
  constructor(readonly reason: string) {
    super(`[sandpit] the interpreter worker is gone: ${reason}`);
    this.name = 'InterpreterDied';
  }
}

export interface InterpreterProcessOptions {
  readonly createWorker: WorkerFactory;
  readonly memoryLimitBytes: number;
  readonly snapshot: SnapshotMode;
  /** How the page reaches the running program (interrupts, interactive input, output back-pressure). */
  readonly interaction: InteractionMode;
  readonly indexURL?: string;
  /** Every validated event from this worker. */
  readonly onEvent: (event: WorkerEvent) => void;
  /** Called once when the worker dies for any reason other than `kill()`. */
  readonly onDeath: (reason: string) => void;
}

/** The page's end of the channel to a running program: shared cells, or a control port (JSPI). */
type PageChannel =
  | {
      readonly mode: 'shared-memory';
      readonly signals: SignalCell;
      readonly stdin: StdinMailbox;
      readonly credit: OutputCredit;
    }
  | { readonly mode: 'jspi'; readonly control: MessagePort; readonly workerEnd: MessagePort }
  | { readonly mode: 'none' };

function openChannel(mode: InteractionMode): PageChannel {
  switch (mode) {
    case 'shared-memory':
      return {
        mode,
        signals: SignalCell.create(),
        stdin: StdinMailbox.create(),
        credit: OutputCredit.create(),
      };
    case 'jspi': {
      const { port1, port2 } = new MessageChannel();
      return { mode, control: port1, workerEnd: port2 };
    }
    case 'none':
      return { mode };
  }
}

function bootChannel(channel: PageChannel): BootChannel {
  switch (channel.mode) {
    case 'shared-memory':
      return {
        mode: channel.mode,
        shared: {
          signals: channel.signals.buffer,
          stdin: channel.stdin.buffer,
          outputCredit: channel.credit.buffer,
        },
      };
    case 'jspi':
      return { mode: channel.mode, control: channel.workerEnd };
    case 'none':
      return { mode: channel.mode };
  }
}

/**
 * One interpreter worker's life: spawn, boot, guarded calls, interrupts and input through its own shared
 * cells, death. Comlink never settles a call to a terminated worker, so every call here races the worker's
 * death and rejects with `InterpreterDied`. Anything the worker sends is validated; an invalid message
 * kills it.
 */
export class InterpreterProcess {
  readonly bootPromise: Promise<BootReport>;
  private readonly worker: WorkerHandle;
  private readonly remote: Remote<WorkerApi>;
  private readonly events: MessagePort;
  private readonly channel: PageChannel;
  private readonly died: Promise<never>;
  private rejectDied: (error: InterpreterDied) => void = () => {};
  private deathReason: string | null = null;
  private bootReportValue: BootReport | null = null;
  private pendingRefund = 0;
  private refundScheduled = false;
  /** One budget for both channels (Comlink replies on the worker, events on the port). */
  private readonly floodGuard = new FloodGuard();

  constructor(private readonly options: InterpreterProcessOptions) {
    this.died = new Promise<never>((_resolve, reject) => {
      this.rejectDied = reject;
    });
    // Nobody may be awaiting death yet; don't report it as unhandled.
    this.died.catch(() => {});
    this.channel = openChannel(options.interaction);
    this.worker = options.createWorker();
    this.remote = wrap<WorkerApi>(this.worker);
    const channel = new MessageChannel();
    this.events = channel.port1;
    this.events.onmessage = (message: MessageEvent<unknown>) => this.receive(message.data);
    this.events.onmessageerror = () => this.fail('an event could not be deserialized');
    this.worker.addEventListener('error', (event: Event) => {
      const message = (event as ErrorEvent).message;
      this.fail(message ? `the worker failed: ${message}` : 'the worker failed to start');
    });
    this.worker.addEventListener('messageerror', () => this.fail('a reply could not be deserialized'));
    // Comlink's own listener handles replies; this one only counts, so a flood of unsolicited messages on
    // the worker's own channel ends the worker too.
    this.worker.addEventListener('message', (event: Event) =>
      this.countMessage((event as MessageEvent<unknown>).data),
    );

    const boot: BootOptions = {
      eventPort: channel.port2,
      memoryLimitBytes: options.memoryLimitBytes,
      snapshot: options.snapshot,
      channel: bootChannel(this.channel),
      ...(options.indexURL ? { indexURL: options.indexURL } : {}),
    };
    const transfers: Transferable[] = [channel.port2];
    if (this.channel.mode === 'jspi') transfers.push(this.channel.workerEnd);
    this.bootPromise = this.call(this.remote.boot(transfer(boot, transfers))).then((raw) => {
      const report = parseBootReport(raw);
      this.bootReportValue = report;
      return report;
    });
    this.bootPromise.catch(() => {});
  }

  /** The boot report once the interpreter is ready, else null. */
  get bootReport(): BootReport | null {
    return this.bootReportValue;
  }

  get alive(): boolean {
    return this.deathReason === null;
  }

  /** True when Stop can reach the running program (shared memory or JSPI): otherwise only `kill` can. */
  get interruptible(): boolean {
    return this.channel.mode !== 'none';
  }

  run(request: RunRequest): Promise<RunReport> {
    return this.call(this.remote.run(request)).then((report) => parseRunReport(report, request.runId));
  }

  /** With shared memory, whether the worker marked the interrupt received (see SignalCell). */
  interruptReceived(): boolean {
    return this.channel.mode === 'shared-memory' && this.channel.signals.interruptReceived();
  }

  /** Raises KeyboardInterrupt in the running program (and wakes it from sleep or input). */
  interrupt(): void {
    if (this.channel.mode === 'shared-memory') this.channel.signals.raise();
    else this.control({ type: 'interrupt' });
  }

  /** Answers the program's `input()`: a line, or `null` for end of file. */
  provideInput(line: string | null): void {
    if (this.channel.mode === 'shared-memory') this.channel.stdin.deliver(line);
    else this.control({ type: 'input', line });
  }

  /** Ends the worker now. Pending calls reject with `InterpreterDied(reason)`; `onDeath` is not called. */
  kill(reason: string): void {
    if (this.deathReason !== null) return;
    this.deathReason = reason;
    this.worker.terminate();
    this.events.onmessage = null;
    this.events.close();
    if (this.channel.mode === 'jspi') this.channel.control.close();
    this.rejectDied(new InterpreterDied(reason));
  }

  private control(message: ControlMessage): void {
    if (this.channel.mode === 'jspi' && this.deathReason === null) this.channel.control.postMessage(message);
  }

  private fail(reason: string): void {
    if (this.deathReason !== null) return;
    this.kill(reason);
    this.options.onDeath(reason);
  }

  private call<T>(pending: Promise<T>): Promise<T> {
    if (this.deathReason !== null) return Promise.reject(new InterpreterDied(this.deathReason));
    return Promise.race([pending, this.died]);
  }

  /** False (and the worker is killed) when the worker has sent too much. */
  private countMessage(data: unknown): boolean {
    if (this.deathReason !== null) return false;
    const flood = this.floodGuard.count(approximateChars(data));
    if (flood === null) return true;
    this.fail(`the interpreter flooded the page: ${flood}`);
    return false;
  }

  private receive(data: unknown): void {
    if (!this.countMessage(data)) return;
    let event: WorkerEvent;
    try {
      event = parseWorkerEvent(data);
    } catch (error) {
      this.fail(error instanceof ProtocolViolation ? error.message : 'an event could not be read');
      return;
    }
    this.options.onEvent(event);
    // Handled: let the worker send more (see OutputCredit), at the next frame.
    if (event.type === 'output' && this.channel.mode !== 'none') {
      this.pendingRefund += event.chunks.reduce((total, chunk) => total + chunk.text.length, 0);
      this.scheduleRefund();
    }
  }

  /**
   * Credit goes back once per animation frame, so a flooding program sends at most its in-flight limit
   * per frame: the page spends its frames rendering rather than receiving output it would drop. A timer
   * stands in where frames don't run (a hidden tab, Node).
   */
  private scheduleRefund(): void {
    if (this.refundScheduled) return;
    this.refundScheduled = true;
    let frame: number | undefined;
    const refund = () => {
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      this.refundScheduled = false;
      const chars = this.pendingRefund;
      this.pendingRefund = 0;
      if (this.channel.mode === 'shared-memory') this.channel.credit.refund(chars);
      else this.control({ type: 'credit', chars });
    };
    const timer = setTimeout(refund, REFUND_FALLBACK_MS);
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(refund);
  }
}
