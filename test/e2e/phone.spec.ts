import { expect, test } from './support/scratch-pad.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('on a phone the header fits, nothing is cut off, the editor and console stack, and a tap runs', async ({
  pad,
}) => {
  await pad.open({ code: 'print("from a phone")' });
  for (const width of [360, 390, 430]) {
    await pad.page.setViewportSize({ width, height: 800 });
    for (const id of ['run', 'stop', 'timeout', 'history', 'share']) {
      const box = await pad.page.getByTestId(id).boundingBox();
      expect(box, `${id} at ${width} px`).not.toBeNull();
      if (box === null) continue;
      expect(box.x, `${id} at ${width} px`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${id} at ${width} px`).toBeLessThanOrEqual(width);
    }
    // Nothing makes the page wider than the screen.
    const tooWide = await pad.page.evaluate(
      (screen) =>
        [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > screen + 0.5)
          .filter((element) => !element.closest('.monaco-editor .lines-content'))
          .map(
            (element) => `${element.tagName}.${element.className} ${element.getBoundingClientRect().right}`,
          ),
      width,
    );
    expect(tooWide, `wider than ${width} px`).toEqual([]);
    // And the page does not scroll sideways (once the editor has re-laid itself out for the new width).
    await expect
      .poll(() => pad.page.evaluate(() => document.documentElement.scrollWidth), {
        message: `page width at ${width} px`,
      })
      .toBeLessThanOrEqual(width);
    // "Time limit" stays on one line with its field.
    const label = await pad.page.locator('.timeout-field').boundingBox();
    const field = await pad.page.getByTestId('timeout').boundingBox();
    expect(label && field && label.height < field.height * 1.6, `time limit label at ${width} px`).toBe(true);
    const editor = await pad.page.locator('.editor-pane').boundingBox();
    const console = await pad.page.locator('.console-pane').boundingBox();
    expect(editor && console && console.y >= editor.y + editor.height - 1, `stacked at ${width} px`).toBe(
      true,
    );
  }
  // A touch keyboard must not capitalise or "correct" code.
  const editor = pad.editor.getByRole('textbox', { name: /^Python code/ });
  await expect(editor).toHaveAttribute('autocapitalize', 'off');
  await expect(editor).toHaveAttribute('autocorrect', 'off');
  await expect(editor).toHaveAttribute('spellcheck', 'false');
  await pad.runButton.tap();
  expect(await pad.waitForRunsToReach(1)).toBe('ok');
  await expect(pad.output).toHaveText('from a phone\n');
});
