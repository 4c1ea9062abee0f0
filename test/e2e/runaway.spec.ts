import { expect, test } from './support/scratch-pad.ts';

test('every run starts clean: nothing one program changes is seen by the next', async ({ pad }) => {
  const dirty = [
    'import sys, os, math, json, atexit, weakref, asyncio, functools',
    'math.pi = 3',
    'json.dumps = lambda *a, **k: "patched"',
    'functools.reduce = None',
    'sys.setrecursionlimit(77)',
    'open("random.py", "w").write("raise SystemExit(99)")',
    'open(os.path.join(sys.path[0] or ".", "string.py"), "w").write("raise SystemExit(98)")',
    'sys.path.insert(0, "/tmp/elsewhere")',
    'atexit.register(print, "atexit leaked")',
    'class Leak:\n    pass',
    'keep = Leak()',
    'weakref.finalize(keep, print, "finalizer leaked")',
    'asyncio.get_event_loop().call_later(0.05, print, "callback leaked")',
    'leftover = "still here"',
    'print("dirtied")',
  ].join('\n');
  const check = [
    'import sys, math, json, random, string, os, functools',
    'print(len([1, 2]), math.pi > 3.14, json.dumps([1]), sys.getrecursionlimit(), callable(functools.reduce))',
    'print("/tmp/elsewhere" in sys.path)',
    'print(os.path.exists("random.py"), "leftover" in globals())',
  ].join('\n');
  await pad.open({ code: dirty });
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('dirtied\n');
  await pad.setCode(check);
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('2 True [1] 1000 True\nFalse\nFalse False\n');
});

test.describe('memory', () => {
  test('a single huge allocation gets MemoryError with the limit named, and the next run works', async ({
    pad,
  }) => {
    // Growing the memory to 300 MiB takes seconds on a loaded 2-core machine: a limit that can't get in the way.
    await pad.open({ code: 'x = bytearray(600 * 1024 * 1024)\nprint("allocated")\n', timeoutSeconds: 60 });
    expect(await pad.run()).toBe('error');
    await expect(pad.output).toContainText('MemoryError');
    await expect(pad.output).toContainText('ran out of memory (the limit is 512 MiB)');
    expect(await pad.page.evaluate(() => 1 + 1)).toBe(2);
    await pad.setCode('x = bytearray(300 * 1024 * 1024)\nprint(len(x) // 2**20, "MiB is fine")');
    expect(await pad.run()).toBe('ok');
    await expect(pad.output).toHaveText('300 MiB is fine\n');
  });

  test('the limit is configurable with ?memory= and a slowly growing program hits it', async ({ pad }) => {
    await pad.open({
      code: 'chunks = []\nwhile True:\n    chunks.append(bytearray(1024 * 1024))\n',
      timeoutSeconds: 20,
      params: { memory: '128' },
    });
    const result = await pad.run();
    expect(['error', 'crashed']).toContain(result);
    await expect(pad.output).toContainText('128 MiB');
    await pad.setCode('print("alive")');
    expect(await pad.run()).toBe('ok');
  });
});

test.describe('recursion', () => {
  test('unbounded recursion gives a short RecursionError', async ({ pad }) => {
    await pad.open({ code: 'def f():\n    f()\n\nf()\n' });
    expect(await pad.run()).toBe('error');
    const output = await pad.outputText();
    expect(output).toContain('RecursionError: maximum recursion depth exceeded');
    expect(output).toContain('[Previous line repeated');
    expect(output.split('\n').length).toBeLessThan(25);
    await expect(pad.editor).toHaveAttribute('data-error-line', '2');
  });

  test('under a raised recursion limit, a RecursionError still ends as a short error, well inside the time limit', async ({
    pad,
  }) => {
    // The traceback of a million frames took 14 s to format (on a machine 2.5 times faster than the 2-core
    // one these tests run on) before tracebacks were cut where they are walked; now the whole run takes
    // about 2 s here alone, and over 5 s with the rest of the suite beside it.
    await pad.open({
      code: 'import sys\nsys.setrecursionlimit(10**6)\ndef down(n):\n    return down(n + 1)\ndown(0)\n',
      timeoutSeconds: 20,
    });
    const result = await pad.run();
    const output = await pad.outputText();
    expect(result, output).toBe('error');
    expect(output).toContain('RecursionError');
    expect(output).toContain('frames in the middle of this traceback are not shown');
    expect(output.split('\n').length).toBeLessThan(25);
    await expect(pad.editor).toHaveAttribute('data-error-line', '4');
  });

  test('recursion deep inside C code crashes the interpreter: explained in plain words, then replaced', async ({
    pad,
  }) => {
    const code =
      'import sys\nsys.setrecursionlimit(10**6)\nnested = []\nfor _ in range(10**6):\n    nested = [nested]\nprint(repr(nested)[:5])\n';
    await pad.open({ code });
    expect(await pad.run()).toBe('crashed');
    await expect(pad.output).toContainText('recursed too deeply');
    const output = await pad.outputText();
    expect(output).not.toContain('/lib/');
    expect(output).not.toContain('Stack (most recent call first)');
    await pad.waitForState('ready');
    await pad.setCode('print("replaced")');
    expect(await pad.run()).toBe('ok');
  });
});

test('leaving early: exit codes are shown, abrupt exits never break the page or the next run', async ({
  pad,
}) => {
  const cases: [string, string, string | null][] = [
    ['exit()', 'ok', null],
    ['quit()', 'ok', null],
    ['import sys\nsys.exit(3)', 'ok', 'Program exited with code 3.'],
    ['raise SystemExit(4)', 'ok', 'Program exited with code 4.'],
    ['import os\nprint("bye", flush=True)\nos._exit(2)', 'ok', 'Program exited with code 2.'],
    ['import os\nos.abort()', 'crashed', 'os.abort()'],
    ['import sys\nsys.stdout.close()\nprint("lost")', 'error', 'I/O operation on closed file'],
    ['import sys\nsys.stdout = None\nprint("lost")', 'ok', null],
    [
      'import sys\nclass Loud:\n    def write(self, s):\n        sys.__stdout__.write(s.upper())\n    def flush(self):\n        pass\nsys.stdout = Loud()\nprint("quiet")',
      'ok',
      'QUIET',
    ],
    ['raise KeyboardInterrupt', 'error', 'KeyboardInterrupt'],
  ];
  for (const [index, [code, result, expected]] of cases.entries()) {
    await pad.setCodeOrOpen(index === 0, code);
    expect(await pad.run(), code).toBe(result);
    if (expected !== null) await expect(pad.output, code).toContainText(expected);
  }
  await pad.setCode('print("still fine")');
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('still fine\n');
});

test('an exception whose __str__ never returns is ended by the time limit', async ({ pad }) => {
  await pad.open({
    code: 'class Endless(Exception):\n    def __str__(self):\n        while True:\n            pass\n\nraise Endless()\n',
    timeoutSeconds: 2,
  });
  expect(await pad.run()).toBe('timeout');
  await pad.setCode('print("next")');
  expect(await pad.run()).toBe('ok');
});
