import type { ControlMessage, WireChunk } from '../src/wire/protocol';
import { SIGINT } from '../src/wire/shared-memory';
import { countChars, OUTPUT_IN_FLIGHT_LIMIT, type ProgramHost, type ProgramHostWiring } from './program-host';
import { STDOUT_SIGNALS } from './interpreter-tick';

/**
 * The signal the tick raises to make a running program let the page in. sandpit_host installs a Python
 * handler for it that suspends the program (`run_sync`) for one turn of the worker's event loop. The
 * highest real-time signal: a learner's program that sets a handler for it only turns Stop back into a
 * kill for itself.
 */
export const YIELD_SIGNAL = 64;

/** How often a running program lets the page in: Stop's latency, and the cost of a turn each time. */
export const YIELD_INTERVAL_MS = 40;

/** How long a yield the tick asked for may take to come before it is asked for again. */
const ASK_EXPIRY_MS = 4 * YIELD_INTERVAL_MS;

export interface JspiHostOptions {
  readonly now?: () => number;
  /** One turn of the event loop, so messages already queued are handled (default: a MessageChannel ping). */
  readonly turn?: () => Promise<void>;
}

function messageChannelTurn(): () => Promise<void> {
  const { port1, port2 } = new MessageChannel();
  const waiting: (() => void)[] = [];
  port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      port2.postMessage(0);
    });
}

/** Only these shapes are acted on; the page is trusted, but nothing unchecked is used. */
function readControl(data: unknown): ControlMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type === 'interrupt') return { type: 'interrupt' };
  if (message.type === 'input' && (typeof message.line === 'string' || message.line === null))
    return { type: 'input', line: message.line };
  if (message.type === 'credit' && typeof message.chars === 'number' && Number.isFinite(message.chars))
    return { type: 'credit', chars: message.chars };
  return null;
}

/**
 * The `jspi` host (no cross-origin isolation, a browser with WebAssembly JavaScript Promise Integration).
 * There is no shared memory, so the page's messages (Stop, a line of input, output credit) arrive on a
 * port and are only delivered while the worker's event loop is free, which is while Python is suspended:
 * - `input()` and `time.sleep` return promises that Python waits on with `run_sync`: no CPU burned;
 * - while a program runs, the tick asks for a yield every YIELD_INTERVAL_MS (and when the page is
 *   behind on output): Python's handler for YIELD_SIGNAL suspends it for one turn, in which Stop lands;
 * - output beyond OUTPUT_IN_FLIGHT_LIMIT unhandled characters waits in the worker and goes at the next
 *   yield, when credit has come back.
 */
export function createJspiHost(
  control: MessagePort,
  wiring: ProgramHostWiring,
  options: JspiHostOptions = {},
): ProgramHost {
  const now = options.now ?? (() => performance.now());
  const turn = options.turn ?? messageChannelTurn();
  let interruptPending = false;
  /** Stop was pressed during this run: output goes at once from then on (see SignalCell.stopping). */
  let stopping = false;
  let running = false;
  /** Python is suspended in one of our waits: Python code the event loop runs meanwhile is not the program. */
  let suspended = false;
  let lastYield = now();
  /**
   * When the tick last asked for a yield that hasn't come yet (or null). The handler's own Python code
   * polls too: asking again before it has yielded would nest handlers until the stack overflows
   * (measured). A request CPython dropped (no handler installed yet) expires after ASK_EXPIRY_MS.
   */
  let askedAt: number | null = null;
  let inFlight = 0;
  const queued: (readonly WireChunk[])[] = [];
  let answerLine: ((line: string | undefined | false) => void) | null = null;
  let endSleep: ((interrupted: boolean) => void) | null = null;
  /** Woken whenever credit comes back or Stop arrives; each re-checks what it waits for. */
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  const waitUntil = async (condition: () => boolean) => {
    while (!condition()) await new Promise<void>((resolve) => waiters.push(resolve));
  };

  /**
   * Marks Python suspended until it says it is back (`resumed`). Not when the promise settles: Pyodide
   * then runs Python code of its own to hand the answer over, and a yield asked for there would take a
   * Stop into that code, where the KeyboardInterrupt is lost and the program never resumes (seen in CI:
   * Stop during input() printed Pyodide's "Unexpected error:" and the program's finally never ran).
   */
  const whileSuspended = <T>(wait: Promise<T>): Promise<T> => {
    suspended = true;
    return wait;
  };

  /** Input and turtle's event waits are both answered with a line (`input`), or interrupted by Stop. */
  const waitForAnswer = (ask: () => void): Promise<string | undefined | false> => {
    if (interruptPending) return Promise.resolve(false);
    return whileSuspended(
      new Promise((resolve) => {
        answerLine = resolve;
        ask();
      }),
    );
  };

  const behind = () => !stopping && (queued.length > 0 || inFlight > OUTPUT_IN_FLIGHT_LIMIT);
  const sendQueued = () => {
    while (queued.length > 0 && (stopping || inFlight <= OUTPUT_IN_FLIGHT_LIMIT)) {
      const chunks = queued.shift() as readonly WireChunk[];
      inFlight += countChars(chunks);
      wiring.post(chunks);
    }
    wake();
  };

  control.onmessage = (event: MessageEvent<unknown>) => {
    const message = readControl(event.data);
    if (message === null) return;
    switch (message.type) {
      case 'interrupt':
        interruptPending = true;
        stopping = true;
        answerLine?.(false);
        answerLine = null;
        endSleep?.(true);
        endSleep = null;
        sendQueued();
        break;
      case 'input':
        answerLine?.(message.line ?? undefined);
        answerLine = null;
        break;
      case 'credit':
        inFlight = Math.max(0, inFlight - message.chars);
        sendQueued();
        break;
    }
  };

  return {
    promising: true,
    signals: {
      // Stop is never delivered as SIGINT from here: the tick may run inside Pyodide's own Python code
      // (its event loop, while the program is suspended), and a KeyboardInterrupt there is lost to the
      // program. A pending Stop makes the program yield at once instead; the yield handler, back on the
      // program's own stack, raises it (sandpit_host.yield_handler).
      take() {
        if (!running || suspended) return 0;
        const time = now();
        if (askedAt !== null && time - askedAt < ASK_EXPIRY_MS) return 0;
        // Once per interval at most while the page keeps up; at once when Stop or output is waiting.
        if (!interruptPending && !behind() && time - lastYield < YIELD_INTERVAL_MS) return 0;
        askedAt = time;
        return YIELD_SIGNAL;
      },
    },
    functions: {
      can_wait: true,
      asynchronous: true,
      yield_signal: YIELD_SIGNAL,
      stdout_line_signal: STDOUT_SIGNALS.line,
      stdout_block_signal: STDOUT_SIGNALS.block,
      read_line(prompt: string): Promise<string | undefined | false> {
        return waitForAnswer(() => wiring.requestLine(prompt));
      },
      wait_event(timeoutMs: number): Promise<string | undefined | false> {
        return waitForAnswer(() => wiring.requestEvent(timeoutMs));
      },
      sleep(milliseconds: number): Promise<boolean> {
        wiring.flushOutput();
        if (interruptPending) return Promise.resolve(true);
        return whileSuspended(
          new Promise((resolve) => {
            const timer = setTimeout(() => {
              endSleep = null;
              resolve(false);
            }, milliseconds);
            endSleep = (interrupted) => {
              clearTimeout(timer);
              resolve(interrupted);
            };
          }),
        );
      },
      take_signal() {
        askedAt = null;
        const pending = interruptPending;
        interruptPending = false;
        return pending ? SIGINT : 0;
      },
      resumed() {
        suspended = false;
      },
      interrupt_received() {
        wiring.flushOutput();
        wiring.reportInterruptReceived();
      },
      yield_now(): Promise<void> {
        askedAt = null;
        wiring.flushOutput();
        return whileSuspended(
          (async () => {
            await waitUntil(() => !behind() || interruptPending);
            await turn();
            lastYield = now();
          })(),
        );
      },
    },
    send(chunks) {
      if (!behind()) {
        inFlight += countChars(chunks);
        wiring.post(chunks);
      } else queued.push(chunks);
    },
    setRunning(value) {
      running = value;
      suspended = false;
      askedAt = null;
      lastYield = now();
      if (!value) interruptPending = false;
      if (value) stopping = false;
    },
    settle: () => waitUntil(() => queued.length === 0),
  };
}
