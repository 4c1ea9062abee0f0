import { expect, ScratchPadPage, test } from './support/scratch-pad.ts';

test('each tab keeps its own draft through reloads; a new tab opens with the code edited last', async ({
  pad,
}) => {
  await pad.open({ code: 'print("the first tab")' });
  const second = new ScratchPadPage(await pad.page.context().newPage());
  await second.open({ code: 'print("the second tab")' });

  await pad.page.reload();
  await pad.waitForState('ready');
  expect(await pad.editorText()).toContain('the first tab');
  await second.page.reload();
  await second.waitForState('ready');
  expect(await second.editorText()).toContain('the second tab');

  // Typed into the first tab last: a new tab starts from that.
  await pad.editor.locator('.view-lines').click();
  await pad.page.keyboard.press('ControlOrMeta+End');
  await pad.page.keyboard.insertText('\nprint("typed last")');
  await expect(pad.editor).toContainText('typed last');
  await expect
    .poll(() => pad.page.evaluate(() => localStorage.getItem('sandpit:code')))
    .toContain('typed last');
  const third = new ScratchPadPage(await pad.page.context().newPage());
  await third.open();
  await expect(third.editor).toContainText('typed last');
  await second.page.close();
  await third.page.close();
});

test('History brings back an earlier version with one click, after a reload too, and Ctrl+Z undoes it', async ({
  pad,
}) => {
  await pad.open({ code: 'print("version one")' });
  await pad.setCode('print("version two")');
  await pad.page.reload();
  await pad.waitForState('ready');
  expect(await pad.editorText()).toContain('version two');

  await pad.page.getByTestId('history').click();
  const panel = pad.page.getByTestId('history-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('history-entry').filter({ hasText: 'version one' }).click();
  await expect(panel).toBeHidden();
  await expect(pad.editor).toContainText('version one');
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('version one\n');

  await pad.editor.locator('.view-lines').click();
  await pad.page.keyboard.press('ControlOrMeta+Z');
  await expect(pad.editor).toContainText('version two');
});

test('where storage refuses to save, the learner is told once, plainly, and the code stays', async ({
  pad,
}) => {
  await pad.page.addInitScript(() => {
    const calls = { count: 0 };
    (globalThis as unknown as { __saveAttempts: typeof calls }).__saveAttempts = calls;
    Storage.prototype.setItem = () => {
      calls.count++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const attempts = () =>
    pad.page.evaluate(
      () => (globalThis as unknown as { __saveAttempts: { count: number } }).__saveAttempts.count,
    );
  await pad.open({ code: 'print("not saved, still here")' });
  const notice = pad.page.getByTestId('notice');
  await expect(notice).toContainText("can't be saved in this browser (storage is full)");
  await expect(pad.page.getByTestId('save-problem')).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await pad.waitForEditor();
  const before = await attempts();
  await pad.editor.locator('.view-lines').click();
  await pad.page.keyboard.press('ControlOrMeta+End');
  await pad.page.keyboard.insertText('\nprint("more")');
  await expect(pad.editor).toContainText('print("more")');
  // Told once: more failed saves don't bring the notice back.
  await expect.poll(attempts).toBeGreaterThan(before);
  await expect(notice).toBeHidden();
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('not saved, still here\nmore\n');
});
