/**
 * Timing bounds for input() and time.sleep; see stop-and-restart.timing.spec.ts for why these run alone.
 * (That a sleep leaves the worker's CPU idle is checked in every deployment: test/e2e/deployments.spec.ts.)
 */
import { expect, test } from './support/scratch-pad.ts';

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
