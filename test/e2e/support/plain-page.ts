import { expect, type Page } from '@playwright/test';
import { encodeCode } from '../../../src/share/share-link.ts';

/**
 * Driving the scratch pad on a page the test opened itself (its own server or browser context), through
 * the test contract only: a share link for the code, the Run button, `data-runs` for the end of a run.
 */

/** Opens `code` through a share link and waits until the editor shows `marker` (a word of it). */
export async function openCode(page: Page, code: string, marker: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `code=${encodeCode(code)}`);
  await expect(page.getByTestId('editor')).toContainText(marker);
}

/** Runs `code` once the interpreter is ready and returns the console's text when the run has ended. */
export async function runProgram(page: Page, code: string, marker: string): Promise<string> {
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-state', 'ready');
  const before = Number(await status.getAttribute('data-runs'));
  await openCode(page, code, marker);
  await page.getByTestId('run').click();
  await expect(status).toHaveAttribute('data-runs', String(before + 1));
  return (await page.getByTestId('output').textContent()) ?? '';
}
