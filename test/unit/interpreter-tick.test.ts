/**
 * The interpreter's tick (worker/interpreter-tick.ts): how often CPython polls for an interrupt, and the
 * Pyodide internals that rely on (the exported poll counter, reset before the poll so our value stays).
 */
import { readFileSync } from 'node:fs';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FLOOD_LINES_PER_MS,
  STDOUT_INTERVAL_MS,
  STDOUT_SIGNALS,
  StdoutBuffering,
  installInterpreterTick,
  PollInterval,
  pollCounterOf,
  type SignalSource,
} from '../../worker/interpreter-tick';

const indexURL = new URL('../../node_modules/pyodide/', import.meta.url).pathname;
const outputModule = new URL('../../worker/python/sandpit_output.py', import.meta.url).pathname;

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
    const adaptive = countTicks((onTick) => installInterpreterTick(pyodide, onTick, noSignals, () => 0));
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
      installInterpreterTick(
        pyodide,
        () => ticks++,
        { take: () => (looks++, 0) },
        () => 0,
      );
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
    installInterpreterTick(
      pyodide,
      () => {},
      { take: () => (++looks === 5000 ? 2 : 0) },
      () => 0,
    );
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
    installInterpreterTick(
      pyodide,
      () => ticks++,
      signals,
      () => 0,
    );
    try {
      expect(() => pyodide.runPython('while True:\n    pass\n')).toThrow(/KeyboardInterrupt/);
    } finally {
      pyodide.setInterruptBuffer(undefined as unknown as Uint8Array);
    }
  });
});

describe('StdoutBuffering', () => {
  it('asks once per interval, for block buffering only while the program prints a flood', () => {
    let now = 0;
    let lines = 0;
    const buffering = new StdoutBuffering(
      () => now,
      () => lines,
    );
    const flood = FLOOD_LINES_PER_MS * STDOUT_INTERVAL_MS;
    const asked = [];
    // The lines JavaScript sees each interval: block-buffered, the first interval's wait in the buffer.
    for (const seen of [0, 10, flood, 0, flood, 10, 0]) {
      now += STDOUT_INTERVAL_MS / 2;
      lines += seen / 2;
      asked.push(buffering.next());
      now += STDOUT_INTERVAL_MS / 2;
      lines += seen / 2;
      asked.push(buffering.next());
    }
    const { line, block } = STDOUT_SIGNALS;
    expect(asked).toEqual([0, line, 0, line, 0, block, 0, block, 0, block, 0, line, 0, line]);
  });

  it('measures the rate over the time that went by, however late the poll', () => {
    let now = 0;
    let lines = 0;
    const buffering = new StdoutBuffering(
      () => now,
      () => lines,
    );
    // A flood's worth of lines spread over ten intervals (a poll delayed by a long call) is no flood.
    now += STDOUT_INTERVAL_MS * 10;
    lines += FLOOD_LINES_PER_MS * STDOUT_INTERVAL_MS;
    expect(buffering.next()).toBe(STDOUT_SIGNALS.line);
  });
});

describe("stdout's buffering, set by the tick's signals (sandpit_output)", () => {
  let pyodide: PyodideAPI;
  const writes: { stream: 'stdout' | 'stderr'; text: string; at: number }[] = [];
  let linesPrinted = 0;

  beforeAll(async () => {
    pyodide = await loadPyodide({ indexURL, packages: [] });
    const decoder = new TextDecoder();
    const writer = (stream: 'stdout' | 'stderr') => ({
      write: (bytes: Uint8Array) => {
        const text = decoder.decode(bytes);
        if (stream === 'stdout') linesPrinted += text.split('\n').length - 1;
        writes.push({ stream, text, at: performance.now() });
        return bytes.length;
      },
      isatty: false,
    });
    pyodide.setStdout(writer('stdout'));
    pyodide.setStderr(writer('stderr'));
    pyodide.FS.writeFile('/home/pyodide/sandpit_output.py', readFileSync(outputModule, 'utf8'));
    pyodide.runPython(
      `import sandpit_output\nsandpit_output.install(${STDOUT_SIGNALS.line}, ${STDOUT_SIGNALS.block})`,
    );
    installInterpreterTick(
      pyodide,
      () => {},
      { take: () => 0 },
      () => linesPrinted,
    );
  }, 60_000);

  it('prints a flood in a few writes, every line intact, and is line-buffered again once it ends', () => {
    writes.length = 0;
    const lines = 200_000;
    pyodide.runPython(`
import sys, time
for i in range(${lines}):
    print(i)
started = time.perf_counter()
while time.perf_counter() - started < 0.1:
    pass
`);
    const text = writes.map((write) => write.text).join('');
    expect(text).toBe(Array.from({ length: lines }, (_, i) => `${i}\n`).join(''));
    expect(writes.length).toBeLessThan(lines / 20);
    expect(pyodide.runPython('sys.stdout.line_buffering')).toBe(true);
  });

  it('shows a line printed before a long call into C at once, when the program is not flooding', () => {
    writes.length = 0;
    pyodide.runPython(`
import time
started = time.perf_counter()
while time.perf_counter() - started < 0.1:
    pass
print("summing")
sum(range(3_000_000))
print("done")
`);
    const summing = writes.find((write) => write.text.includes('summing'));
    const done = writes.find((write) => write.text.includes('done'));
    expect(summing?.text).toBe('summing\n');
    // The sum is one call that handles no signal: "summing" was written when printed, not after it.
    expect((done?.at ?? 0) - (summing?.at ?? Infinity)).toBeGreaterThan(100);
  });

  it('shows a line printed without its newline while the program computes', () => {
    writes.length = 0;
    pyodide.runPython(`
import time
print("working", end="")
started = time.perf_counter()
while time.perf_counter() - started < 0.4:
    pass
print(" done")
`);
    pyodide.runPython('import sys\nsys.stdout.flush()');
    const working = writes.find((write) => write.text.includes('working'));
    const done = writes.find((write) => write.text.includes('done'));
    // Written by a stdout signal's handler within a few of the tick's intervals, not with the end.
    expect(working?.text).not.toContain('done');
    expect((done?.at ?? 0) - (working?.at ?? Infinity)).toBeGreaterThan(300);
  });

  it('keeps stdout and stderr in the order they were written, in either mode', () => {
    writes.length = 0;
    pyodide.runPython(`
import sys
for i in range(20_000):
    print(i)
    if i % 1000 == 999:
        print("err", i, file=sys.stderr)
sys.stdout.flush()
`);
    const expected: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      expected.push(`stdout:${i}\n`);
      if (i % 1000 === 999) expected.push(`stderr:err ${i}\n`);
    }
    // Rebuilt line by line from the writes, whatever their sizes.
    const seen: string[] = [];
    for (const write of writes)
      for (const line of write.text.split(/(?<=\n)/)) if (line !== '') seen.push(`${write.stream}:${line}`);
    expect(seen).toEqual(expected);
  });
});
