/**
 * The SharedArrayBuffer cells the main thread and one interpreter worker share, when the page is
 * cross-origin isolated. Each worker gets its own set, so one worker can't disturb another. The main thread
 * writes requests (interrupt, a line of input, returned output credit) and wakes the worker with
 * `Atomics.notify`; the worker blocks on `Atomics.wait`, which is what lets a busy interpreter be reached at
 * all (its event loop is blocked while Python runs).
 *
 * Runtime code used by both sides; plain ECMAScript only (no DOM or worker globals).
 */

export const SIGINT = 2;

/**
 * The pending signal for the interpreter (0 = none), polled by CPython's eval loop via the tick; in a
 * second cell that is never cleared, whether Stop was ever pressed; in a third, set by the worker,
 * whether the program's SIGINT handler raised KeyboardInterrupt (the program is cleaning up).
 */
export class SignalCell {
  readonly cells: Int32Array;
  constructor(readonly buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer, 0, 3);
  }
  static create(): SignalCell {
    return new SignalCell(new SharedArrayBuffer(12));
  }
  /** Main thread: ask for a KeyboardInterrupt, and wake the worker if it sleeps or waits for input. */
  raise(signal = SIGINT): void {
    Atomics.store(this.cells, 1, 1);
    Atomics.store(this.cells, 0, signal);
    Atomics.notify(this.cells, 0);
  }
  /**
   * Worker: Stop was pressed during this run. Output no longer waits for the page then: the program's
   * `finally` blocks must print before the grace period ends, and it ends soon anyway.
   */
  stopping(): boolean {
    return Atomics.load(this.cells, 1) !== 0;
  }
  /** Worker: the program's SIGINT handler raised KeyboardInterrupt; its `except`/`finally` run now. */
  markInterruptReceived(): void {
    Atomics.store(this.cells, 2, 1);
  }
  /**
   * Main thread: whether the program said it reacted to Stop. Read at once, whatever messages are
   * still queued; the worker may write it falsely, which only earns it the bounded cleanup grace.
   */
  interruptReceived(): boolean {
    return Atomics.load(this.cells, 2) !== 0;
  }
  /** Worker: read and clear the pending signal in one step. */
  take(): number {
    return Atomics.exchange(this.cells, 0, 0);
  }
  pending(): boolean {
    return Atomics.load(this.cells, 0) !== 0;
  }
  /** Worker: sleep up to `ms`, waking early when a signal arrives. Returns true if one did. */
  sleep(ms: number): boolean {
    if (this.pending()) return true;
    Atomics.wait(this.cells, 0, 0, ms);
    return this.pending();
  }
}

/** What a blocking read of one line of input ended with. */
export type LineResult =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'eof' }
  | { readonly kind: 'interrupted' };

const IDLE = 0;
const WAITING = 1;
const LINE = 2;
const EOF = 3;

/**
 * One line of input at a time, from the main thread to a worker blocked in `input()`. Layout: an Int32
 * state and byte length, then the UTF-8 bytes of the line (longer lines are cut at the capacity).
 */
export class StdinMailbox {
  static readonly CAPACITY = 64 * 1024;
  private readonly header: Int32Array;
  private readonly bytes: Uint8Array;
  constructor(readonly buffer: SharedArrayBuffer) {
    this.header = new Int32Array(buffer, 0, 2);
    this.bytes = new Uint8Array(buffer, 8);
  }
  static create(): StdinMailbox {
    return new StdinMailbox(new SharedArrayBuffer(8 + StdinMailbox.CAPACITY));
  }

  /** Main thread: deliver a line (without its newline) or end-of-file (`null`). */
  deliver(text: string | null): void {
    if (text === null) {
      Atomics.store(this.header, 1, 0);
      Atomics.store(this.header, 0, EOF);
    } else {
      // encodeInto refuses shared memory: encode, then copy (cut at the capacity).
      const encoded = new TextEncoder().encode(text).subarray(0, this.bytes.length);
      this.bytes.set(encoded);
      Atomics.store(this.header, 1, encoded.length);
      Atomics.store(this.header, 0, LINE);
    }
    Atomics.notify(this.header, 0);
  }

  /**
   * Worker: block until a line or EOF arrives, or a signal is raised (polled every 50 ms). `announce` tells
   * the main thread a line is wanted; it runs once the mailbox is waiting, so no answer can be lost.
   */
  readLine(signals: SignalCell, announce: () => void): LineResult {
    Atomics.store(this.header, 0, WAITING);
    announce();
    for (;;) {
      const result = this.take();
      if (result !== null) return result;
      if (signals.pending()) {
        Atomics.store(this.header, 0, IDLE);
        return { kind: 'interrupted' };
      }
      Atomics.wait(this.header, 0, WAITING, 50);
    }
  }

  /** Worker: the delivered line or EOF, if one is there (without blocking), else null. */
  take(): LineResult | null {
    const state = Atomics.load(this.header, 0);
    if (state !== LINE && state !== EOF) return null;
    const length = Math.min(Atomics.load(this.header, 1), this.bytes.length);
    // Copy out of shared memory first: TextDecoder refuses shared views.
    const text = state === LINE ? new TextDecoder().decode(this.bytes.slice(0, length)) : '';
    Atomics.store(this.header, 0, IDLE);
    return state === LINE ? { kind: 'line', text } : { kind: 'eof' };
  }
}

/**
 * Back-pressure for output: the worker adds the characters of each batch it sends, the main thread
 * subtracts them once handled. A program that prints faster than the page can show waits, instead of
 * queueing megabytes of messages.
 */
export class OutputCredit {
  private readonly cells: Int32Array;
  constructor(readonly buffer: SharedArrayBuffer) {
    this.cells = new Int32Array(buffer, 0, 1);
  }
  static create(): OutputCredit {
    return new OutputCredit(new SharedArrayBuffer(4));
  }
  /** Worker: account for a batch just sent. */
  spend(chars: number): number {
    return Atomics.add(this.cells, 0, chars) + chars;
  }
  /** Main thread: a batch was handled. */
  refund(chars: number): void {
    Atomics.sub(this.cells, 0, chars);
    Atomics.notify(this.cells, 0);
  }
  /** Worker: block while more than `limit` characters are unhandled, or until a signal arrives. */
  waitBelow(limit: number, signals: SignalCell): void {
    for (;;) {
      const inFlight = Atomics.load(this.cells, 0);
      if (inFlight <= limit || signals.pending() || signals.stopping()) return;
      Atomics.wait(this.cells, 0, inFlight, 50);
    }
  }
}
