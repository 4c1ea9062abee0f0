/**
 * Timing bounds (Stop within a second, ready within 150 ms after a kill). The "timing" Playwright project
 * runs these files after all other tests, one at a time, so a busy machine running other tests in parallel
 * can't distort them.
 */
import { expect, test, type ScratchPadPage } from './support/scratch-pad.ts';
import { readyAfterLastKill, recordStateChanges } from './support/page-probes.ts';

/** Clicks Stop and returns how long it took for the run to end (data-runs to move), in ms. */
async function stopAndTime(pad: ScratchPadPage, runsBefore: number): Promise<number> {
  const clicked = Date.now();
  await pad.stopButton.click();
  await pad.waitForRunsToReach(runsBefore + 1);
  return Date.now() - clicked;
}

test.describe('Stop', () => {
  test('interrupts a Python loop at once, so finally blocks run, and the next run works', async ({ pad }) => {
    await pad.open({
      code: 'try:\n    print("looping")\n    while True:\n        pass\nfinally:\n    print("finally ran")\n',
    });
    await pad.waitForWarmSpares();
    await recordStateChanges(pad.page);
    await pad.runButton.click();
    await expect(pad.output).toContainText('looping');
    expect(await stopAndTime(pad, 0)).toBeLessThan(1000);
    expect(await pad.status.getAttribute('data-last-result')).toBe('stopped');
    await expect(pad.output).toHaveText('looping\nfinally ran\nStopped.\n');
    await pad.waitForState('ready');
    expect(await readyAfterLastKill(pad.page)).toBeLessThanOrEqual(150);
    await pad.setCode('print("next")');
    expect(await pad.run()).toBe('ok');
  });

  test('kills a C-level loop that ignores interrupts within a second', async ({ pad }) => {
    await pad.open({ code: 'print("summing")\nprint(sum(range(10**12)))\n' });
    await pad.runButton.click();
    await expect(pad.output).toContainText('summing');
    expect(await stopAndTime(pad, 0)).toBeLessThan(1000);
    expect(await pad.status.getAttribute('data-last-result')).toBe('stopped');
    await pad.setCode('print("next")');
    expect(await pad.run()).toBe('ok');
  });

  test('kills a program that ignores SIGINT within a second', async ({ pad }) => {
    await pad.open({
      code: 'import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nprint("deaf")\nwhile True:\n    pass\n',
    });
    await pad.runButton.click();
    await expect(pad.output).toContainText('deaf');
    expect(await stopAndTime(pad, 0)).toBeLessThan(1000);
    expect(await pad.status.getAttribute('data-last-result')).toBe('stopped');
    await pad.setCode('print("next")');
    expect(await pad.run()).toBe('ok');
  });
});

test('after a timeout the warm spare is ready within 150 ms, and it runs the next program', async ({
  pad,
}) => {
  await pad.open({ code: 'while True:\n    pass\n', timeoutSeconds: 1 });
  await pad.waitForWarmSpares();
  await recordStateChanges(pad.page);
  expect(await pad.run()).toBe('timeout');
  await pad.waitForState('ready');
  expect(await readyAfterLastKill(pad.page)).toBeLessThanOrEqual(150);
  await pad.setCode('print("fresh")');
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('fresh\n');
});
