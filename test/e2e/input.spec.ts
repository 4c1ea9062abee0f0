import { expect, test } from './support/scratch-pad.ts';

test('input() shows its prompt and an input line, echoes what is typed, and asks as often as needed', async ({
  pad,
}) => {
  await pad.open({
    code: 'name = input("Name? ")\nage = int(input("Age? "))\nprint(f"Hello {name}, next year you are {age + 1}")\n',
  });
  const stdin = pad.page.getByTestId('stdin');
  await expect(stdin).toBeHidden();
  await pad.runButton.click();
  await expect(stdin).toBeVisible();
  await expect(pad.output).toHaveText('Name? ');
  await stdin.fill('Ada');
  await stdin.press('Enter');
  await expect(pad.output).toContainText('Name? Ada\nAge? ');
  await stdin.fill('36');
  await stdin.press('Enter');
  expect(await pad.waitForRunsToReach(1)).toBe('ok');
  await expect(pad.output).toHaveText('Name? Ada\nAge? 36\nHello Ada, next year you are 37\n');
  await expect(pad.output.locator('.console-stdin')).toHaveText(['Ada\n', '36\n']);
  await expect(stdin).toBeHidden();
});

test('waiting for input does not count against the time limit', async ({ pad }) => {
  // Eight seconds: enough for a busy 2-core machine (a spare booting beside the run, the whole suite on
  // both cores) to reach input(); 5 s was not, once.
  await pad.open({ code: 'print(input("? ") * 2)\n', timeoutSeconds: 8 });
  await pad.runButton.click();
  const stdin = pad.page.getByTestId('stdin');
  await expect(stdin).toBeVisible();
  // Longer than the time limit, measured by the page's own clock rather than a sleep in the test.
  await pad.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 9000)));
  await stdin.fill('ab');
  await stdin.press('Enter');
  expect(await pad.waitForRunsToReach(1)).toBe('ok');
  await expect(pad.output).toContainText('abab');
});

test('end of input (button or Ctrl+D) raises EOFError', async ({ pad }) => {
  await pad.open({
    code: 'try:\n    input("> ")\nexcept EOFError:\n    print("got EOF")\ninput("again> ")\n',
  });
  await pad.runButton.click();
  await expect(pad.page.getByTestId('stdin')).toBeVisible();
  await pad.page.getByTestId('stdin-eof').click();
  await expect(pad.output).toContainText('got EOF');
  await expect(pad.output).toContainText('again> ');
  await pad.page.getByTestId('stdin').press('Control+d');
  expect(await pad.waitForRunsToReach(1)).toBe('error');
  await expect(pad.output).toContainText('EOFError: EOF when reading a line');
});
