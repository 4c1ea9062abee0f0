import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { securityHeaders } from '../../tools/security-headers.ts';
import { serveStatic } from '../../tools/static-server.ts';
import { expect, recordMostInterpreters, test } from './support/widget-page.ts';

const POOL_CAP = 3;

test('every widget of the demo tutorial runs, each as its attributes say', async ({ page, widgets }) => {
  await page.goto('./embed.html');
  const counting = widgets('counting');
  expect(await counting.run()).toBe('ok');
  await expect(counting.output).toContainText('hello 0\nhello 1\nhello 2\na dice roll:');

  const pass = widgets('squares-pass');
  expect(await pass.run()).toBe('ok');
  await expect(pass.check).toHaveAttribute('data-result', 'pass');
  await expect(pass.check).toContainText('The output is what was expected');

  const fail = widgets('squares-fail');
  expect(await fail.run()).toBe('ok');
  await expect(fail.check).toHaveAttribute('data-result', 'fail');
  await expect(fail.check.getByTestId('check-diff')).toContainText('- 1\n+ 2');

  const forever = widgets('forever');
  expect(await forever.run()).toBe('timeout');
  await expect(forever.output).toContainText('time limit');

  const greeting = widgets('greeting');
  const finished = await greeting.start();
  const stdin = greeting.element.getByTestId('stdin');
  await expect(stdin).toBeVisible();
  await stdin.fill('Ada');
  await stdin.press('Enter');
  expect(await finished()).toBe('ok');
  await expect(greeting.output).toContainText('Hello, Ada!');

  // readonly + autorun + policy="no-imports": it ran by itself once scrolled near.
  const readonly = widgets('readonly-dark');
  await readonly.element.scrollIntoViewIfNeeded();
  await expect(readonly.status).toHaveAttribute('data-runs', '1');
  await expect(readonly.output).toContainText('1 + 2 + ... + 100 = 5050');
  await readonly.setCode('import math\n');
  expect(await readonly.run()).toBe('error');
  await expect(readonly.output).toContainText("module 'math' is not available in the sandbox");

  // The allow-list widget refuses what it doesn't list.
  await counting.setCode('import os\n');
  expect(await counting.run()).toBe('error');
  await expect(counting.output).toContainText("module 'os' is not available in the sandbox");
});

test("one widget's endless loop times out while the others keep working", async ({ page, widgets }) => {
  await page.goto('./embed.html');
  // A looping widget with a time limit long enough for the others to run meanwhile, on any machine.
  await page.evaluate(() => {
    const widget = document.createElement('sandpit-python');
    widget.id = 'loop';
    widget.setAttribute('timeout', '45');
    widget.textContent = 'while True:\n    pass\n';
    document.querySelector('main')?.prepend(widget);
  });
  const loop = widgets('loop');
  const counting = widgets('counting');
  const pass = widgets('squares-pass');
  const loopEnded = await loop.start();
  await expect(loop.status).toHaveAttribute('data-state', 'running');
  expect(await counting.run()).toBe('ok');
  expect(await pass.run()).toBe('ok');
  await expect(pass.check).toHaveAttribute('data-result', 'pass');
  expect(await loop.runs()).toBe(0); // still looping while the others ran
  expect(await loopEnded()).toBe('timeout');
  await expect(loop.output).toContainText('took longer than the 45 s time limit');
  expect(await counting.run()).toBe('ok');
  expect(await widgets('forever').run()).toBe('timeout');
});

test("widgets never see each other's variables, even when they run one after the other", async ({
  page,
  widgets,
}) => {
  await page.goto('./embed.html');
  const first = widgets('counting');
  const second = widgets('greeting');
  await first.setCode('secret = 42\nimport math\nmath.tau = 0\nprint("set")\n');
  expect(await first.run()).toBe('ok');
  await second.setCode('print("secret" in globals(), __import__("math").tau > 6)\n');
  expect(await second.run()).toBe('ok');
  await expect(second.output).toHaveText('False True\n');
});

test('a widget shows the same plain-language help under a traceback', async ({ page, widgets }) => {
  await page.goto('./embed.html');
  const widget = widgets('counting');
  await widget.setCode('scores = {"ada": 3}\nprint(scores["Ada"])\n');
  expect(await widget.run()).toBe('error');
  await expect(widget.output).toContainText("KeyError: 'Ada'");
  await expect(widget.output.locator('.console-note-help')).toContainText("It does have 'ada'");
});

test('the page never has more interpreters than the shared pool allows', async ({ page, widgets }) => {
  await page.goto('./embed.html');
  const mostInterpreters = await recordMostInterpreters(page);
  const ids = ['counting', 'squares-pass', 'squares-fail', 'forever', 'greeting'];
  // Start them all at once: runs beyond the cap wait for an interpreter instead of each booting one.
  const ends = [];
  for (const id of ids) ends.push(await widgets(id).start());
  await widgets('greeting').element.getByTestId('stdin').fill('Bo');
  await widgets('greeting').element.getByTestId('stdin').press('Enter');
  const results = [];
  for (const end of ends) results.push(await end());
  expect(results).toEqual(['ok', 'ok', 'ok', 'timeout', 'ok']);
  expect(await mostInterpreters()).toBeLessThanOrEqual(POOL_CAP);
  expect(page.workers().length).toBeLessThanOrEqual(POOL_CAP);
});

test('the embedding script works from any folder of an author’s site', async ({ browser }) => {
  // An author's page at /course/lesson.html, with Sandpit's build copied to /course/vendor/sandpit/.
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sandpit-author-'));
  await writeFile(
    path.join(folder, 'lesson.html'),
    `<!doctype html><meta charset="utf-8"><title>Lesson</title>
<script type="module" src="vendor/sandpit/sandpit-embed.js"></script>
<p>Try it:</p>
<sandpit-python id="lesson">print("from a subfolder", 6 * 7)</sandpit-python>`,
  );
  const server = await serveStatic(
    { '/course/': folder, '/course/vendor/sandpit/': path.resolve('dist') },
    securityHeaders(),
  );
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/course/lesson.html`);
    const widget = page.locator('sandpit-python#lesson');
    await widget.getByTestId('run').click();
    await expect(widget.getByTestId('status')).toHaveAttribute('data-last-result', 'ok');
    await expect(widget.getByTestId('output')).toHaveText('from a subfolder 42\n');
    const foreign = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .filter((name) => !name.startsWith(`${location.origin}/course/`))
          .filter((name) => name !== `${location.origin}/favicon.ico`), // the browser's own request
    );
    expect(foreign).toEqual([]);
    await page.close();
  } finally {
    await server.close();
  }
});

test('widgets far below the fold start no worker and fetch no Python until scrolled near', async ({
  browser,
}) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sandpit-below-'));
  await writeFile(
    path.join(folder, 'long.html'),
    `<!doctype html><meta charset="utf-8"><title>A long lesson</title>
<script type="module" src="sandpit/sandpit-embed.js"></script>
<p>Read all of this first.</p>
<div style="height: 4000px"></div>
<sandpit-python id="far">print("down here")</sandpit-python>`,
  );
  const server = await serveStatic({ '/': folder, '/sandpit/': path.resolve('dist') }, securityHeaders());
  const page = await browser.newPage();
  try {
    const pythonRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/pyodide\/|sandbox\.worker/.test(request.url())) pythonRequests.push(request.url());
    });
    await page.goto(`${server.url}/long.html`);
    const far = page.locator('sandpit-python#far');
    // The widget is there (highlighted code, its status line), asleep.
    await expect(far.getByTestId('status')).toHaveText(/Python loads when needed/);
    // Nothing to wait for: give the page its idle time, measured by its own clock, then count.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2000)));
    expect(page.workers()).toHaveLength(0);
    expect(pythonRequests).toEqual([]);

    await far.scrollIntoViewIfNeeded();
    await expect(far.getByTestId('status')).toHaveAttribute('data-state', 'ready');
    expect(pythonRequests.some((url) => /pyodide\.asm\.wasm(\.gz)?$/.test(url))).toBe(true);
    await far.getByTestId('run').click();
    await expect(far.getByTestId('output')).toHaveText('down here\n');
  } finally {
    await page.close();
    await server.close();
  }
});
