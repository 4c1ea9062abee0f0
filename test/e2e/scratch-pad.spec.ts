import { expect, test } from './support/scratch-pad.ts';

test('hello world runs and prints', async ({ pad }) => {
  await pad.open({ code: 'print("Hello, world!")' });
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('Hello, world!\n');
  await expect(pad.status).toHaveAttribute('data-state', 'ready');
});

test('Ctrl+Enter runs the program from the editor', async ({ pad }) => {
  await pad.open({ code: 'print(6 * 7)' });
  await pad.waitForEditor();
  await pad.editor.locator('.view-lines').click();
  await pad.page.keyboard.press('Control+Enter');
  expect(await pad.waitForRunsToReach(1)).toBe('ok');
  await expect(pad.output).toHaveText('42\n');
});

test('output streams while the program runs, stdout and stderr in order and visibly distinct', async ({
  pad,
}) => {
  const code = [
    'import sys',
    'for i in range(3):',
    '    print("out", i)',
    '    print("err", i, file=sys.stderr)',
    // A burst followed by silent computation must show up while the program still computes: the loop
    // only ends when the test stops it, so "still running" never depends on how fast the machine is.
    'print("burst 1"); print("burst 2")',
    'try:',
    '    while True:',
    '        pass',
    'finally:',
    '    print("done")',
  ].join('\n');
  await pad.open({ code, timeoutSeconds: 120 });
  await pad.runButton.click();
  await expect(pad.output).toContainText('burst 2');
  await expect(pad.status).toHaveAttribute('data-state', 'running');
  await pad.stopButton.click();
  expect(await pad.waitForRunsToReach(1)).toBe('stopped');
  expect(await pad.outputText()).toMatch(
    /^out 0\nerr 0\nout 1\nerr 1\nout 2\nerr 2\nburst 1\nburst 2\ndone\n(.|\n)*Stopped\.\n$/,
  );
  await expect(pad.output.locator('.console-stderr').first()).toHaveText('err 0\n');
  const colours = await pad.output.evaluate((element) => {
    const out = element.querySelector('.console-stdout');
    const err = element.querySelector('.console-stderr');
    return [out && getComputedStyle(out).color, err && getComputedStyle(err).color];
  });
  expect(colours[0]).not.toBe(colours[1]);
});

test("a traceback shows only the learner's frames and the failing line is marked, then cleared", async ({
  pad,
}) => {
  const code = [
    'import json',
    '',
    'def parse(text):',
    '    return json.loads(text)',
    '',
    'parse("{oops")',
  ].join('\n');
  await pad.open({ code });
  await pad.waitForEditor();
  expect(await pad.run()).toBe('error');
  const output = await pad.outputText();
  expect(output).toContain('Traceback (most recent call last):');
  expect(output).toContain('File "main.py", line 6, in <module>');
  expect(output).toContain('File "main.py", line 4, in parse');
  expect(output).toContain('json.decoder.JSONDecodeError');
  expect(output).not.toContain('/lib/');
  expect(output).not.toContain('_pyodide');
  expect(output).not.toContain('sandpit');
  await expect(pad.editor).toHaveAttribute('data-error-line', '4');
  await expect(pad.editor.locator('.squiggly-error')).toHaveCount(1);

  await pad.setCode('print("fixed")');
  expect(await pad.run()).toBe('ok');
  await expect(pad.editor).not.toHaveAttribute('data-error-line');
  await expect(pad.editor.locator('.squiggly-error')).toHaveCount(0);
});

test("a beginner's error gets plain-language help under the real traceback, naming their own line and names", async ({
  pad,
}) => {
  await pad.open({ code: 'age = 12\nprint("Age: " + age)\n' });
  expect(await pad.run()).toBe('error');
  const output = await pad.outputText();
  // The traceback stays whole and comes first; the help follows it.
  expect(output).toContain('TypeError: can only concatenate str (not "int") to str\nHelp: Line 2 ');
  const help = pad.output.locator('.console-note-help');
  await expect(help).toHaveCount(1);
  await expect(help).toContainText("('Age: ' and age)");
  await expect(help).toContainText('str(...)');

  await pad.setCode('print(42)');
  expect(await pad.run()).toBe('ok');
  await expect(pad.output.locator('.console-note-help')).toHaveCount(0);
});

test('a syntax error marks its line', async ({ pad }) => {
  await pad.open({ code: 'x = 1\nprint("unclosed"\ny = 2\n' });
  await pad.waitForEditor();
  expect(await pad.run()).toBe('error');
  await expect(pad.output).toContainText('File "main.py", line 2');
  await expect(pad.output).toContainText('SyntaxError');
  await expect(pad.editor).toHaveAttribute('data-error-line', '2');
});

test('the time limit stops a runaway loop, a fresh interpreter comes up, and the code is untouched', async ({
  pad,
}) => {
  const code = 'print("spinning")\nwhile True:\n    pass\n';
  await pad.open({ code, timeoutSeconds: 1 });
  await expect(pad.page.getByTestId('timeout')).toHaveValue('1');
  const before = await pad.editorText();
  expect(await pad.run()).toBe('timeout');
  await expect(pad.output).toContainText('spinning');
  await expect(pad.output).toContainText('took longer than the 1 s time limit');
  await expect(pad.output.locator('.console-note-help')).toContainText('a loop that never ends');
  await pad.waitForState('ready');
  expect(await pad.editorText()).toBe(before);

  await pad.setCode('print("after the timeout")');
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('after the timeout\n');
});

test('the time limit can be changed in the page', async ({ pad }) => {
  await pad.open({ code: 'import time\nwhile True:\n    time.sleep(0.01)\n' });
  await pad.page.getByTestId('timeout').fill('2');
  const started = Date.now();
  expect(await pad.run()).toBe('timeout');
  expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  await expect(pad.output).toContainText('2 s time limit');
});

test('Stop ends a running program and the next run works', async ({ pad }) => {
  await pad.open({ code: 'print("looping")\nwhile True:\n    pass\n' });
  await pad.runButton.click();
  await expect(pad.output).toContainText('looping');
  await expect(pad.stopButton).toBeEnabled();
  await pad.stopButton.click();
  expect(await pad.waitForRunsToReach(1)).toBe('stopped');
  await expect(pad.output).toContainText('Stopped.');
  await pad.setCode('print("next")');
  expect(await pad.run()).toBe('ok');
});

test('host bridges are refused with a message that says they are not available', async ({ pad }) => {
  for (const [index, statement] of [
    'import js',
    'import pyodide',
    'from pyodide.ffi import to_js',
    'import micropip',
    'import ctypes',
  ].entries()) {
    const name = statement.split(' ')[1] ?? '';
    await pad.setCodeOrOpen(index === 0, statement);
    expect(await pad.run()).toBe('error');
    await expect(pad.output).toContainText(
      `ModuleNotAvailable: module '${name}' is not available in the sandbox`,
    );
  }
});

test('output is rendered as text, never as markup', async ({ pad }) => {
  await pad.open({ code: 'print("<img src=x onerror=alert(1)><b>bold</b>")\nraise ValueError("<i>x</i>")' });
  expect(await pad.run()).toBe('error');
  await expect(pad.output).toContainText('<img src=x onerror=alert(1)><b>bold</b>');
  await expect(pad.output.locator('img, b, i, script')).toHaveCount(0);
});

test.describe("in the learner's time zone", () => {
  test.use({ timezoneId: 'Asia/Tokyo' });

  test("every run draws its own random numbers and sees the learner's time zone", async ({ pad }) => {
    // Interpreters start from memory snapshots (the build's, then the pool's); neither may carry the
    // random state or the time zone of the process that made it.
    await pad.open({
      code: 'import random, time\nprint(random.random())\nprint(time.timezone, time.tzname, time.strftime("%Z"))',
    });
    const draws = new Set<string>();
    for (let run = 0; run < 3; run++) {
      expect(await pad.run()).toBe('ok');
      const [draw, zone] = (await pad.outputText()).split('\n');
      expect(zone).toBe("-32400 ('UTC+0900', 'UTC+0900') UTC+0900");
      draws.add(draw ?? '');
    }
    expect(draws.size).toBe(3);
  });
});
