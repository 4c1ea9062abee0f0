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

  it("ticks only at CPython's periodic polls, not at the polls each printed line makes", () => {
    let ticks = 0;
    let looks = 0;
    const lines = 20_000;
    pyodide.setStdout({ write: (bytes: Uint8Array) => bytes.length, isatty: false });
    try {
      installInterpreterTick(pyodide, () => ticks++, { take: () => (looks++, 0) });
      pyodide.runPython(`for i in range(${lines}):\n    print(i)\n`);
    } finally {
      pyodide.setInterruptBuffer(undefined as unknown as Uint8Array);
      pyodide.setStdout();
    }
    // Every line is flushed (line buffering), and every flush looks for a signal...
    expect(looks).toBeGreaterThanOrEqual(lines);
    // ...but only the eval loop's own polls, every 50 to 200 checks, tick.
    expect(ticks).toBeLessThan(lines / 20);
    expect(ticks).toBeGreaterThan(0);
  });

  it('still delivers a KeyboardInterrupt to a print loop, from the polls its lines make', () => {
    let looks = 0;
    pyodide.setStdout({ write: (bytes: Uint8Array) => bytes.length, isatty: false });
    // The signal arrives once the loop is well under way, between two of the eval loop's own polls.
    installInterpreterTick(pyodide, () => {}, { take: () => (++looks === 5000 ? 2 : 0) });
    try {
      expect(() => pyodide.runPython('i = 0\nwhile True:\n    print(i)\n    i += 1\n')).toThrow(
        /KeyboardInterrupt/,
      );
      expect(Number(pyodide.globals.get('i'))).toBeLessThan(5000);
    } finally {
      pyodide.setInterruptBuffer(undefined as unknown as Uint8Array);
      pyodide.setStdout();
    }
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
