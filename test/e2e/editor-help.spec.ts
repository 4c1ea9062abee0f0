import { expect, test } from './support/scratch-pad.ts';

/**
 * The editor helps as the learner types: problems found by a Python of their own (never running the
 * code) are squiggles with hover text, and Format lays the code out in the standard style, undoably.
 */
test('problems show as squiggles as the learner types, with Python’s own words, and clear once fixed', async ({
  pad,
}) => {
  await pad.open({ code: 'import os\nscore = 3\nprint(scroe)\n' });
  await pad.waitForEditor();
  // Found off the page's main thread, once the analysis worker has started: an undefined name (an error)
  // and an unused import (a warning, shown faded).
  await expect(pad.editor).toHaveAttribute('data-problems', '2', { timeout: 60_000 });
  await expect(pad.editor.locator('.squiggly-error').first()).toBeVisible();
  await expect(pad.editor.locator('.squiggly-inline-unnecessary').first()).toBeVisible();
  await pad.editor.locator('.squiggly-error').first().hover({ force: true });
  await expect(pad.page.locator('.monaco-hover:visible').first()).toContainText(
    "NameError: name 'scroe' is not defined",
  );

  // Fixed: the squiggle goes; a syntax error comes with CPython's own message.
  await pad.editor.locator('.view-lines').click();
  await pad.page.keyboard.press('ControlOrMeta+A');
  await pad.page.keyboard.insertText('score = 3\nfor i in range(score)\n    print(i)\n');
  await expect(pad.editor).toHaveAttribute('data-problems', '1');
  await pad.editor.locator('.squiggly-error').first().hover({ force: true });
  await expect(pad.page.locator('.monaco-hover:visible').first()).toContainText("SyntaxError: expected ':'");
  await pad.page.keyboard.press('Escape');
  await pad.editor.locator('.view-lines').click();
  await pad.page.keyboard.press('ControlOrMeta+A');
  await pad.page.keyboard.insertText('score = 3\nfor i in range(score):\n    print(i)\n');
  await expect(pad.editor).toHaveAttribute('data-problems', '0');
  await expect(pad.editor.locator('.squiggly-error')).toHaveCount(0);
  expect(await pad.run()).toBe('ok');
});

test('Format lays the code out in the standard style without changing what it does, and Ctrl+Z undoes it', async ({
  pad,
}) => {
  const messy = 'def area( r ):\n  return 3.14*r**2\nx=[1,2 ,3]\nprint(area(2),x)';
  await pad.open({ code: messy });
  await pad.waitForEditor();
  const format = pad.page.getByTestId('format');
  await expect(format).toBeEnabled();
  await format.click();
  // The code as saved (the editor's view leaves out empty lines).
  const saved = () => pad.page.evaluate(() => localStorage.getItem('sandpit:code'));
  await expect
    .poll(saved)
    .toBe('def area(r):\n    return 3.14 * r ** 2\n\n\nx = [1, 2, 3]\nprint(area(2), x)\n');
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('12.56 [1, 2, 3]\n');

  await pad.editor.locator('.view-lines').click();
  await pad.page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(saved).toBe(messy);

  // Shift+Alt+F does the same from the keyboard.
  await pad.page.keyboard.press('Shift+Alt+F');
  await expect.poll(saved).toContain('def area(r):\n    return 3.14 * r ** 2\n');

  // Code with a syntax error is left as it is, and the learner is told why.
  await pad.setCode('print("unfinished"', 'unfinished');
  await format.click();
  await expect(pad.page.getByTestId('notice')).toContainText('Format changed nothing');
  expect(await pad.editorText()).toContain('print("unfinished"');
});

test('an editable widget shows problems as the learner types', async ({ pad }) => {
  await pad.page.goto('./embed.html');
  const widget = pad.page.locator('sandpit-python').first();
  await widget.locator('.sp-static').click();
  const editor = widget.getByTestId('editor');
  await expect(editor).toHaveAttribute('data-ready', 'true');
  await editor.locator('.view-lines').click();
  await pad.page.keyboard.press('ControlOrMeta+End');
  await pad.page.keyboard.insertText('\nprint(undefined_name)');
  await expect(widget.locator('.squiggly-error').first()).toBeVisible({ timeout: 60_000 });
});

test("Monaco's icons draw in its icon font, which the page declared before the editor came", async ({
  pad,
}) => {
  await pad.open({ code: 'print("find me")\n' });
  // Declared when the page starts (a font face arriving later makes the browser lay out all the text
  // again: src/editor/codicon-font.ts); no style sheet brings a second declaration.
  expect(
    await pad.page.evaluate(() => [...document.fonts].filter((face) => face.family === 'codicon').length),
  ).toBe(1);
  await pad.waitForEditor();
  await pad.editor.locator('.view-lines').click();
  await pad.page.keyboard.press('ControlOrMeta+F');
  const close = pad.page.locator('.find-widget .codicon-widget-close');
  await expect(close).toBeVisible();
  expect(await close.evaluate((element) => getComputedStyle(element).fontFamily)).toContain('codicon');
  // Fetched under the page's Content-Security-Policy from our own build, and used.
  await expect
    .poll(() =>
      pad.page.evaluate(() => [...document.fonts].find((face) => face.family === 'codicon')?.status),
    )
    .toBe('loaded');
  const declaredBySheets = await pad.page.evaluate(
    () =>
      [...document.styleSheets]
        .flatMap((sheet) => [...sheet.cssRules])
        .filter(
          (rule) =>
            rule instanceof CSSFontFaceRule && rule.style.getPropertyValue('font-family').includes('codicon'),
        ).length,
  );
  expect(declaredBySheets).toBe(0);
});
