import { encodeCode } from '../../src/share/share-link.ts';
import { expect, test } from './support/scratch-pad.ts';

test('a share link round-trips the code, Unicode included, without running it', async ({ pad, browser }) => {
  const code = 'print("héllo 🐍")\nprint(sum(range(10)))';
  await pad.open({ code });
  await pad.page.getByTestId('share').click();
  const link = await pad.page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#code=[A-Za-z0-9_-]+$/);

  const other = await browser.newPage();
  const status = other.getByTestId('status');
  await other.goto(link);
  await expect(status).toHaveAttribute('data-state', 'ready');
  // Loaded, not run.
  await expect(status).toHaveAttribute('data-runs', '0');
  await expect(other.getByTestId('output')).toHaveText('');
  await expect(other.getByTestId('editor')).toContainText('héllo 🐍');
  await other.getByTestId('run').click();
  await expect(status).toHaveAttribute('data-runs', '1');
  await expect(other.getByTestId('output')).toHaveText('héllo 🐍\n45\n');
  await other.close();
});

test('code typed in the editor survives a reload', async ({ pad }) => {
  await pad.open();
  await pad.waitForEditor();
  await pad.editor.locator('.view-lines').click();
  await pad.page.keyboard.press('ControlOrMeta+A');
  await pad.page.keyboard.press('Delete');
  await pad.page.keyboard.insertText('total = 40 + 2\nprint("saved", total)\n');
  await pad.page.reload();
  await pad.waitForState('ready');
  expect(await pad.editorText()).toContain('print("saved", total)');
  expect(await pad.run()).toBe('ok');
  await expect(pad.output).toHaveText('saved 42\n');
});

test('a broken share link explains itself and never wipes the autosaved code', async ({ pad }) => {
  await pad.open({ code: 'print("my own work")' });
  await pad.waitForEditor();
  // Not base64url; an impossible length (cut short); cut inside a UTF-8 character; a single character.
  for (const broken of ['%%%', 'cHJpbnQoM', encodeCode('🐍🐍').slice(0, 7), 'a']) {
    await pad.page.goto('about:blank');
    await pad.page.goto(`./#code=${broken}`);
    await pad.waitForState('ready');
    await expect(pad.page.getByTestId('notice')).toContainText("This share link can't be opened");
    await expect(pad.page.getByTestId('notice')).toContainText('Your own code is unchanged');
    expect(await pad.editorText()).toContain('print("my own work")');
  }
});

test("opening a share link keeps the learner's previous code and can bring it back", async ({ pad }) => {
  await pad.open({ code: 'print("mine")' });
  await pad.page.goto(`./#code=${encodeCode('print("theirs")')}`);
  await pad.waitForState('ready');
  expect(await pad.editorText()).toContain('theirs');
  // The fragment is gone, so a reload keeps later edits instead of reapplying the link.
  expect(new URL(pad.page.url()).hash).toBe('');
  await pad.page.getByTestId('notice-action').click();
  expect(await pad.editorText()).toContain('print("mine")');
  await pad.page.reload();
  expect(await pad.editorText()).toContain('print("mine")');
});
