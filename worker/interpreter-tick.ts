import type { PyodideAPI } from 'pyodide';

/**
 * A periodic callback while Python code runs, so buffered output reaches the page even when the program
 * prints a burst and then computes silently for seconds (the worker's event loop is blocked meanwhile, so
 * timers can't fire).
 *
 * How: CPython's eval loop polls `Module.Py_EmscriptenSignalBuffer[0]` every few dozen eval-breaker checks
 * to look for a pending SIGINT, and `pyodide.setInterruptBuffer` just stores the object it is given. We give
 * it an object whose element 0 is a getter: the getter runs `onTick`, then answers with the real interrupt
 * flag (from the SharedArrayBuffer, when there is one). This relies on Pyodide internals that are not a
 * public contract, which is why it lives alone here and test/e2e checks streaming through it.
 */
export interface SignalSource {
  /** Reads and clears, in one atomic step, the pending signal number (0 when none). */
  take(): number;
}

export function installInterpreterTick(pyodide: PyodideAPI, onTick: () => void, signals: SignalSource): void {
  const tickingBuffer = {
    get 0(): number {
      onTick();
      return signals.take();
    },
    // Pyodide clears the slot after reading it; `take` already did, atomically.
    set 0(_value: number) {},
  };
  // The type says TypedArray; Pyodide only ever reads and writes index 0.
  pyodide.setInterruptBuffer(tickingBuffer as unknown as Uint8Array);
}

/** No SharedArrayBuffer: nothing can interrupt the program from outside, but the tick still runs. */
export const NO_SIGNALS: SignalSource = { take: () => 0 };
