import { expect, test } from './support/scratch-pad.ts';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

test('a flood is summed up for a screen reader instead of read out line by line', async ({ pad }) => {
  await pad.open({ code: 'for i in range(500):\n    print("line", i)\n' });
  const summary = pad.page.getByTestId('output-summary');
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveAttribute('aria-live', 'off');
  await expect(summary).toHaveText('The program printed 500 lines; they are in the console.');
  await expect(summary).toHaveAttribute('role', 'status');

  // A short run is read out as it comes, and has nothing to sum up.
  await pad.setCode('print("short")');
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveAttribute('aria-live', 'polite');
  await expect(summary).toHaveText('');
});

test('the scratch pad works from the keyboard alone, and the editor tells the way out of it', async ({
  pad,
}) => {
  await pad.open({ code: '' });
  await pad.waitForEditor();
  const hint = pad.page.getByTestId('editor-hint');
  const textArea = pad.editor.getByRole('textbox', { name: /^Python code/ });
  // From the top of the page, Tab reaches the editor.
  await pad.page.locator('body').focus();
  for (
    let presses = 0;
    presses < 20 && !(await textArea.evaluate((node) => node === document.activeElement));
    presses++
  )
    await pad.page.keyboard.press('Tab');
  await expect(textArea).toBeFocused();
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('Ctrl+M');
  await expect(textArea).toHaveAccessibleName(/Ctrl\+M/);

  await pad.page.keyboard.type('print(6 * 7)');
  await pad.page.keyboard.press('Control+Enter');
  expect(await pad.waitForRunsToReach(1)).toBe('ok');
  await expect(pad.output).toHaveText('42\n');

  // Ctrl+M makes Tab move focus: out of the editor, on to the console's controls.
  await textArea.focus();
  await pad.page.keyboard.press('Control+KeyM');
  await pad.page.keyboard.press('Tab');
  await expect(textArea).not.toBeFocused();
  await expect(hint).toBeHidden();
  expect(await pad.editorText()).toBe('print(6 * 7)');
});

/** Presses Tab until `target` has focus (at most `limit` times); fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 100): Promise<void> {
  for (
    let presses = 0;
    presses < limit && !(await target.evaluate((node) => node === document.activeElement));
    presses++
  )
    await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

test('a widget works from the keyboard alone: Run, input(), into its code and out of it again', async ({
  pad,
}) => {
  const { page } = pad;
  await page.goto('./embed.html');
  const widget = page.locator('sandpit-python#greeting');
  const status = widget.getByTestId('status');
  const stdin = widget.getByTestId('stdin');
  const output = widget.getByTestId('output');

  // Tab from the top of the tutorial reaches the widget's Run button; Enter runs, and the input line
  // takes the focus for the answer.
  await page.locator('body').focus();
  await tabTo(page, widget.getByTestId('run'));
  await page.keyboard.press('Enter');
  await expect(stdin).toBeFocused();
  await page.keyboard.type('Ada');
  await page.keyboard.press('Enter');
  await expect(status).toHaveAttribute('data-runs', '1');
  await expect(status).toHaveAttribute('data-last-result', 'ok');
  await expect(output).toContainText('Hello, Ada!');

  // The code is the next stop after Run; Enter opens the editor there, Ctrl+Enter runs what was typed.
  const staticCode = widget.locator('pre[tabindex="0"]');
  await page.locator('body').focus();
  await tabTo(page, staticCode);
  await expect(staticCode).toHaveAccessibleName(/press Enter/);
  await page.keyboard.press('Enter');
  const textArea = widget.getByRole('textbox', { name: /^Python code/ });
  await expect(textArea).toBeFocused();
  await expect(textArea).toHaveAccessibleName(/Ctrl\+M/);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nprint("typed from the keyboard")');
  await page.keyboard.press('Control+Enter');
  await expect(stdin).toBeFocused();
  await page.keyboard.type('Grace');
  await page.keyboard.press('Enter');
  await expect(status).toHaveAttribute('data-runs', '2');
  await expect(output).toContainText('Hello, Grace!\ntyped from the keyboard');

  // Ctrl+M makes Tab move focus: out of the widget's editor, on to its console.
  await textArea.focus();
  await page.keyboard.press('Control+KeyM');
  await page.keyboard.press('Tab');
  await expect(textArea).not.toBeFocused();
  await expect(output).toBeFocused();
});

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(', ')})`,
    );
}

test('axe finds nothing serious on the scratch pad, after an error with its help, nor on the widget page', async ({
  pad,
}) => {
  await pad.open({ code: 'age = 12\nprint("Age: " + age)\n' });
  await pad.waitForEditor();
  expect(await seriousViolations(pad.page)).toEqual([]);
  expect(await pad.run()).toBe('error');
  await expect(pad.output.locator('.console-note-help')).toBeVisible();
  expect(await seriousViolations(pad.page)).toEqual([]);

  await pad.page.goto('./embed.html');
  await expect(pad.page.locator('sandpit-python [data-testid=status]').first()).toBeVisible();
  expect(await seriousViolations(pad.page)).toEqual([]);
});
