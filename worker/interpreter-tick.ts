import type { PyodideAPI } from 'pyodide';

/**
 * A periodic callback while Python code runs, so buffered output reaches the page even when the program
 * prints a burst and then computes silently for seconds (the worker's event loop is blocked meanwhile, so
 * timers can't fire).
 *
 * How: CPython's eval loop polls `Module.Py_EmscriptenSignalBuffer[0]` every 50 eval-breaker checks (up
 * to 200 here, see PollInterval) to look for a pending SIGINT, and `pyodide.setInterruptBuffer` just
 * stores the object it is given. We give it an object whose element 0 is a getter: the getter runs
 * `onTick`, then answers with the real interrupt flag (from the SharedArrayBuffer, when there is one).
 * This relies on Pyodide internals that are not a public contract, which is why it lives alone here and
 * test/e2e checks streaming through it.
 */
export interface SignalSource {
  /** Reads and clears, in one atomic step, the pending signal number (0 when none). */
  take(): number;
}

/**
 * The counter CPython counts down between two polls. CPython 3.14 (emscripten_signal.c) resets it to 50
 * and then polls, so a value written during the poll replaces the 50; Pyodide exports its address.
 * Emscripten internals: test/unit/interpreter-tick.test.ts fails if a Pyodide upgrade changes them.
 */
export interface PollCounter {
  set(checks: number): void;
  /**
   * Whether this poll is CPython's periodic one: that one resets the counter to its own interval (50)
   * just before polling. CPython also polls from `PyErr_CheckSignals`, which its buffered writer calls
   * after every write: printing a line polls once or more, with the counter anywhere in its count.
   */
  periodic(): boolean;
}

/** The interval CPython writes into the counter before its periodic poll (emscripten_signal.c). */
const CPYTHON_POLL_INTERVAL = 50;

/**
 * How many eval-breaker checks go by between two polls. A poll is a call from WebAssembly into
 * JavaScript; every 50 checks (CPython's own interval) a tight loop made about 150 000 of them a second,
 * which cost a CPU-bound program 6–11% (a build without the tick ran as fast as raw Pyodide). While polls
 * come less than FAST_MS apart the interval doubles, up to MOST_CHECKS; once one comes late it drops
 * back. The cap bounds how late Stop's KeyboardInterrupt can arrive when a loop turns slow: MOST_CHECKS
 * iterations, 200 ms for iterations of a millisecond, inside the supervisor's 300 ms grace before a kill (STOP_GRACE_MS).
 */
export class PollInterval {
  /** Never fewer checks than CPython's own interval. */
  static readonly FEWEST_CHECKS = CPYTHON_POLL_INTERVAL;
  static readonly MOST_CHECKS = 200;
  static readonly FAST_MS = 1;
  static readonly LATE_MS = 4;
  private checks = PollInterval.FEWEST_CHECKS;
  private lastPoll: number;

  constructor(private readonly now: () => number) {
    this.lastPoll = now();
  }

  /** Called at each poll: the number of checks until the next one. */
  next(): number {
    const now = this.now();
    const gap = now - this.lastPoll;
    this.lastPoll = now;
    if (gap < PollInterval.FAST_MS) this.checks = Math.min(this.checks * 2, PollInterval.MOST_CHECKS);
    else if (gap > PollInterval.LATE_MS) this.checks = PollInterval.FEWEST_CHECKS;
    return this.checks;
  }
}

/**
 * The signals the tick raises to set how sys.stdout buffers (sandpit_output.py): each handler leaves stdout
 * in its mode and writes out what it holds. Real-time signals next to YIELD_SIGNAL (64); CPython drops
 * them while no handler is installed.
 */
export const STDOUT_SIGNALS = { line: 62, block: 63 } as const;

/** How stale buffered output may get while a program computes: one frame. */
export const STDOUT_INTERVAL_MS = 16;

/** Printed lines a millisecond from which a program is flooding: 256 in a frame's 16 ms. */
export const FLOOD_LINES_PER_MS = 16;

/**
 * How sys.stdout should buffer, decided once per STDOUT_INTERVAL_MS from the lines the program printed.
 *
 * Line-buffered (as Pyodide sets it up), each printed line is a write into this worker's JavaScript,
 * about 2 us: two fifths of a 200 000-line flood's loop. Block-buffered, a flood costs a write per block,
 * but a line printed just before a long call into C (`print("summing"); sum(range(10**12))`) waits for
 * the call to return, since no signal is handled until then. So stdout is line-buffered unless the
 * last interval printed a flood, and is written out at every interval either way (a line printed without
 * its newline shows while the program computes). The answer is the same signal for as long as the mode
 * should stay: a handler that found stdout busy (it can run inside stdout's own writer) does nothing,
 * and the next interval asks again.
 *
 * Block-buffered, the lines an interval prints reach JavaScript only when the next signal's handler
 * writes them out, so each interval's count is its predecessor's lines. The first interval after the
 * switch would count none; it keeps the block mode unasked.
 */
export class StdoutBuffering {
  private lastDecision: number;
  private linesAtLastDecision: number;
  private lastAsked = 0;
  private askedBefore = 0;

  constructor(
    private readonly now: () => number,
    private readonly linesPrinted: () => number,
  ) {
    this.lastDecision = now();
    this.linesAtLastDecision = linesPrinted();
  }

  /** The signal to raise now: 0 until an interval has passed, then the mode stdout should be in. */
  next(): number {
    const now = this.now();
    const elapsed = now - this.lastDecision;
    if (elapsed < STDOUT_INTERVAL_MS) return 0;
    const lines = this.linesPrinted() - this.linesAtLastDecision;
    this.lastDecision = now;
    this.linesAtLastDecision += lines;
    const flooding = lines >= FLOOD_LINES_PER_MS * elapsed;
    const justSwitched = this.lastAsked === STDOUT_SIGNALS.block && this.askedBefore !== STDOUT_SIGNALS.block;
    this.askedBefore = this.lastAsked;
    this.lastAsked = flooding || justSwitched ? STDOUT_SIGNALS.block : STDOUT_SIGNALS.line;
    return this.lastAsked;
  }
}

export function installInterpreterTick(
  pyodide: PyodideAPI,
  onTick: () => void,
  signals: SignalSource,
  linesPrinted: () => number,
): void {
  const counter = pollCounterOf(pyodide);
  const now = performance.now.bind(performance);
  const interval = new PollInterval(now);
  const stdout = new StdoutBuffering(now, linesPrinted);
  const tickingBuffer = {
    get 0(): number {
      // The polls that come with printing (hundreds of thousands in a flood, a quarter of its time when
      // each one ticked) only look for a signal, so Stop reaches a print loop as fast as before. The
      // periodic polls tick. (Once a period the counter passes 50 and a print's poll ticks too: harmless.)
      if (counter === null || counter.periodic()) {
        onTick();
        counter?.set(interval.next());
        // A pending Stop or yield goes first; stdout's signal comes at the next periodic poll.
        const signal = signals.take();
        return signal !== 0 ? signal : stdout.next();
      }
      return signals.take();
    },
    // Pyodide clears the slot after reading it; `take` already did, atomically.
    set 0(_value: number) {},
  };
  // The type says TypedArray; Pyodide only ever reads and writes index 0.
  pyodide.setInterruptBuffer(tickingBuffer as unknown as Uint8Array);
}

/** CPython's poll counter in the interpreter's memory; null (polls every 50 checks) if the build lacks it. */
export function pollCounterOf(pyodide: PyodideAPI): PollCounter | null {
  const module = (pyodide as unknown as { _module: EmscriptenPollCounter })._module;
  const address = module.__Py_emscripten_signal_clock;
  if (typeof address !== 'number' || address === 0) return null;
  // HEAP32 is read each time: Emscripten replaces the view when the memory grows.
  return {
    set: (checks) => (module.HEAP32[address >>> 2] = checks),
    periodic: () => module.HEAP32[address >>> 2] === CPYTHON_POLL_INTERVAL,
  };
}

interface EmscriptenPollCounter {
  readonly HEAP32: Int32Array;
  readonly __Py_emscripten_signal_clock?: number;
}

/** No SharedArrayBuffer: nothing can interrupt the program from outside, but the tick still runs. */
export const NO_SIGNALS: SignalSource = { take: () => 0 };
