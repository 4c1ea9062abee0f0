/**
 * The interpreter's tick (worker/interpreter-tick.ts): how often CPython polls for an interrupt, and the
 * Pyodide internals that rely on (the exported poll counter, reset before the poll so our value stays).
 */
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  installInterpreterTick,
  PollInterval,
  pollCounterOf,
  type SignalSource,
} from '../../worker/interpreter-tick';

const indexURL = new URL('../../node_modules/pyodide/', import.meta.url).pathname;

describe('PollInterval', () => {
  it('doubles the checks between polls while polls come fast, up to the cap', () => {
    let now = 0;
    const interval = new PollInterval(() => now);
    const seen = [];
    for (let poll = 0; poll < 5; poll++) {
      now += 0.2;
      seen.push(interval.next());
    }
    expect(seen).toEqual([100, 200, 200, 200, 200]);
  });

  it('keeps the interval while polls come a few milliseconds apart, and drops back once one is late', () => {
    let now = 0;
    const interval = new PollInterval(() => now);
    now += 0.5;
    expect(interval.next()).toBe(100);
    now += 2;
    expect(interval.next()).toBe(100);
    now += 50;
    expect(interval.next()).toBe(PollInterval.FEWEST_CHECKS);
  });
});

describe('the tick in a real interpreter', () => {
  let pyodide: PyodideAPI;

  beforeAll(async () => {
    pyodide = await loadPyodide({ indexURL, packages: [] });
  }, 60_000);

  const LOOP = 'for i in range(300_000):\n    pass\n';

  function countTicks(install: (onTick: () => void) => void): number {
    let ticks = 0;
    install(() => ticks++);
    pyodide.runPython(LOOP);
    pyodide.setInterruptBuffer(undefined as unknown as Uint8Array);
    return ticks;
  }

  it("finds CPython's poll counter", () => {
    expect(pollCounterOf(pyodide)).not.toBeNull();
  });

  it('polls several times less often in a tight loop than CPython alone would', () => {
    const noSignals: SignalSource = { take: () => 0 };
    const everyFifty = countTicks((onTick) =>
      pyodide.setInterruptBuffer({
        get 0() {
          onTick();
          return 0;
        },
        set 0(_value: number) {},
      } as unknown as Uint8Array),
    );
    const adaptive = countTicks((onTick) => installInterpreterTick(pyodide, onTick, noSignals));
    expect(everyFifty).toBeGreaterThan(1000);
    // Each poll of the loop comes microseconds after the last: the interval reaches its cap, four times 50.
    expect(adaptive).toBeLessThan(everyFifty / 3);
    expect(adaptive).toBeGreaterThan(everyFifty / 5);
  });

  it('still delivers a KeyboardInterrupt to a loop that never ends', () => {
    let ticks = 0;
    const signals: SignalSource = { take: () => (ticks > 100 ? 2 : 0) };
    installInterpreterTick(pyodide, () => ticks++, signals);
    try {
      expect(() => pyodide.runPython('while True:\n    pass\n')).toThrow(/KeyboardInterrupt/);
    } finally {
      pyodide.setInterruptBuffer(undefined as unknown as Uint8Array);
    }
  });
});
