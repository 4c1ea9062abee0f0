/** Timing bounds for input() and time.sleep; see stop-and-restart.timing.spec.ts for why these run alone. */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../tools/chromium.ts';
import { encodeCode } from '../../src/share/share-link.ts';
import { expect, test } from './support/scratch-pad.ts';
import { treeCpuSeconds } from '../../tools/process-tree.ts';

test('Stop works while the program waits for input', async ({ pad }) => {
  await pad.open({ code: 'try:\n    input("waiting> ")\nfinally:\n    print("cleaned up")\n' });
  await pad.runButton.click();
  await expect(pad.page.getByTestId('stdin')).toBeVisible();
  const clicked = Date.now();
  await pad.stopButton.click();
  expect(await pad.waitForRunsToReach(1)).toBe('stopped');
  expect(Date.now() - clicked).toBeLessThan(1000);
  await expect(pad.output).toContainText('cleaned up');
  await expect(pad.page.getByTestId('stdin')).toBeHidden();
  await pad.setCode('print("next")');
  expect(await pad.run()).toBe('ok');
});

test('time.sleep sleeps the right time, and Stop wakes it at once', async ({ pad }) => {
  await pad.open({
    code: 'import time\nstart = time.monotonic()\ntime.sleep(0.3)\nprint(round(time.monotonic() - start, 1))\nprint("long nap")\ntime.sleep(60)\n',
  });
  await pad.runButton.click();
  await expect(pad.output).toContainText('0.3\nlong nap');
  const clicked = Date.now();
  await pad.stopButton.click();
  expect(await pad.waitForRunsToReach(1)).toBe('stopped');
  expect(Date.now() - clicked).toBeLessThan(1000);
  await pad.setCode('print("next")');
  expect(await pad.run()).toBe('ok');
});

test('time.sleep does not burn CPU', async () => {
  // Our own browser, so the CPU of its processes is ours alone (other tests run in parallel).
  const server = await chromium.launchServer({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const pid = server.process().pid;
    test.skip(pid === undefined || treeCpuSeconds(pid) === null, 'needs /proc to read CPU time');
    const page = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    const status = page.getByTestId('status');
    await page.goto(
      `./#code=${encodeCode('import time\nprint("asleep", flush=True)\ntime.sleep(3)\nprint("awake")\n')}`,
    );
    await expect(status).toHaveAttribute('data-warm', '2');
    await page.getByTestId('run').click();
    await expect(page.getByTestId('output')).toContainText('asleep');
    const cpuBefore = treeCpuSeconds(pid as number) as number;
    const wallBefore = Date.now();
    await expect(status).toHaveAttribute('data-runs', '1', { timeout: 10_000 });
    const cpu = (treeCpuSeconds(pid as number) as number) - cpuBefore;
    const wall = (Date.now() - wallBefore) / 1000;
    console.log(`sleeping program: ${cpu.toFixed(2)} s of CPU in ${wall.toFixed(2)} s`);
    expect(wall).toBeGreaterThan(2);
    // A busy-waiting sleep would use about one CPU-second per second.
    expect(cpu / wall).toBeLessThan(0.35);
    await expect(page.getByTestId('output')).toContainText('awake');
  } finally {
    await browser.close();
    await server.close();
  }
});

test('without cross-origin isolation, input() fails with a clear message and Stop still works', async ({
  pad,
}) => {
  // Strip COOP/COEP from every response, as a host that can't send headers would.
  await pad.page.route('**/*', async (route) => {
    // Only documents and scripts decide isolation; Pyodide's big files pass untouched (fetching them
    // through the test process would load the machine and distort the timing below).
    const type = route.request().resourceType();
    if (type !== 'document' && type !== 'script' && !route.request().url().endsWith('.js')) {
      await route.continue();
      return;
    }
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  await pad.open({ code: 'name = input("Name? ")\n' });
  expect(await pad.page.evaluate(() => crossOriginIsolated)).toBe(false);
  expect(await pad.run()).toBe('error');
  await expect(pad.output).toContainText("input() can't wait for typing on this page");
  await expect(pad.page.getByTestId('stdin')).toBeHidden();

  await pad.setCode('print("looping")\nwhile True:\n    pass\n');
  await pad.runButton.click();
  await expect(pad.output).toContainText('looping');
  const clicked = Date.now();
  await pad.stopButton.click();
  expect(await pad.waitForRunsToReach(2)).toBe('stopped');
  expect(Date.now() - clicked).toBeLessThan(1000);
  // Scripts the page still loads lazily (Monaco's workers) must not reach the handler after the test.
  await pad.page.unrouteAll({ behavior: 'ignoreErrors' });
});
