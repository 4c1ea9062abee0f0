import { expect, test } from './support/scratch-pad.ts';
import { startFrameGapProbe, stopFrameGapProbe } from './support/page-probes.ts';

/**
 * The first seconds after Python is ready are when the page does the most besides running programs: the
 * spare interpreter boots, V8 optimises the WebAssembly, Monaco arrives. A program started at once must
 * still never see the page stall.
 */
test('a busy loop and a flood started as soon as Python is ready never stall the page', async ({ pad }) => {
  await pad.open({
    code: 'import time\nstart = time.time()\nwhile time.time() - start < 1.5:\n    pass\nfor i in range(30_000):\n    print("line", i)\n',
    timeoutSeconds: 30,
  });
  await startFrameGapProbe(pad.page);
  expect(await pad.run()).toBe('ok');
  const duringTheRun = await stopFrameGapProbe(pad.page);
  await expect(pad.output).toContainText('line 29999');
  // Monaco waits until no program runs, and arrives a layer at a time, its code compiled off the main
  // thread (tools/compile-hints.ts): no task of it may stall the page. Frames are bounded more loosely:
  // two tasks in a row under the bound can still make a gap over it on a busy 2-core machine.
  await startFrameGapProbe(pad.page);
  await pad.waitForEditor();
  const editorArriving = await stopFrameGapProbe(pad.page);
  const report = (probe: { maxGap: number; longestTask: number }) =>
    `longest frame gap ${probe.maxGap.toFixed(1)} ms (longest task ${probe.longestTask.toFixed(1)} ms)`;
  console.log(
    `startup: during the run ${report(duringTheRun)}; while the editor arrived ${report(editorArriving)}`,
  );
  expect(duringTheRun.maxGap).toBeLessThanOrEqual(100);
  expect(editorArriving.longestTask).toBeLessThanOrEqual(100);
  expect(editorArriving.maxGap).toBeLessThanOrEqual(300);
});

test('a RecursionError under a raised recursion limit ends as a short error within 2 s', async ({ pad }) => {
  await pad.open({
    code: 'import sys\nsys.setrecursionlimit(10**6)\ndef down(n):\n    return down(n + 1)\ndown(0)\n',
    timeoutSeconds: 30,
  });
  await pad.waitForWarmSpares();
  const clicked = Date.now();
  expect(await pad.run()).toBe('error');
  const took = Date.now() - clicked;
  console.log(`deep RecursionError: ${took} ms from Run to the error on screen`);
  expect(took).toBeLessThan(2000);
  const output = await pad.outputText();
  expect(output).toContain('RecursionError');
  expect(output.split('\n').length).toBeLessThan(25);
});
