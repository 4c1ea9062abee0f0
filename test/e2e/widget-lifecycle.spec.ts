import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { securityHeaders } from '../../tools/security-headers.ts';
import { serveStatic } from '../../tools/static-server.ts';
import { expect, test } from '@playwright/test';

/** Event listeners on the window and on every node in the document, as DevTools counts them. */
async function listenerCount(cdp: CDPSession): Promise<number> {
  let total = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId ?? '',
      depth: -1,
      pierce: true,
    });
    total += listeners.length;
  }
  return total;
}

function interpreterWorkers(page: Page): number {
  return page.workers().filter((worker) => worker.url().includes('sandbox.worker')).length;
}

/** Adds a widget, waits for Python, opens its editor (Monaco), runs it (if `run`), and removes it again. */
async function mountRunAndRemove(page: Page, index: number, run = true): Promise<void> {
  await page.evaluate((i) => {
    const widget = document.createElement('sandpit-python');
    widget.id = `w${i}`;
    widget.textContent = `print("run", ${i})`;
    document.body.append(widget);
  }, index);
  const widget = page.locator(`sandpit-python#w${index}`);
  await widget.locator('.sp-static').click();
  await expect(widget.getByTestId('editor')).toHaveAttribute('data-ready', 'true');
  await expect(widget.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  if (run) {
    await widget.getByTestId('run').click();
    await expect(widget.getByTestId('status')).toHaveAttribute('data-runs', '1');
    await expect(widget.getByTestId('output')).toHaveText(`run ${index}\n`);
  }
  await page.evaluate((i) => {
    const element = document.getElementById(`w${i}`);
    // Kept reachable, so the test can look inside it once it is out of the page.
    (globalThis as unknown as { __removed: Element[] }).__removed.push(element as Element);
    element?.remove();
  }, index);
}

test('a widget mounted and removed 20 times leaves no interpreter, editor or listener behind', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sandpit-lifecycle-'));
  await writeFile(
    path.join(folder, 'page.html'),
    `<!doctype html><meta charset="utf-8"><title>Widgets come and go</title>
<script type="module" src="sandpit/sandpit-embed.js"></script>
<p>Widgets are added and removed by the test.</p>`,
  );
  const server = await serveStatic({ '/': folder, '/sandpit/': path.resolve('dist') }, securityHeaders());
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/page.html`);
    await page.evaluate(() => ((globalThis as unknown as { __removed: Element[] }).__removed = []));
    const cdp = await page.context().newCDPSession(page);
    // The first round loads Monaco, whose module installs its page-wide listeners once: count after it.
    await mountRunAndRemove(page, 0);
    await expect.poll(() => interpreterWorkers(page)).toBe(0);
    const baseline = await listenerCount(cdp);
    // Every widget gets its editor and its sandbox; every fifth also runs (each run costs a fresh
    // interpreter, which is what makes this test slow, not what it is about).
    for (let index = 1; index < 20; index++) await mountRunAndRemove(page, index, index % 5 === 0);

    // The last widget gone, the page's shared interpreters go too.
    await expect.poll(() => interpreterWorkers(page)).toBe(0);
    expect(await listenerCount(cdp)).toBe(baseline);
    // A disposed Monaco editor takes its DOM with it: none is left inside any removed widget.
    const editorsLeft = await page.evaluate(() =>
      (globalThis as unknown as { __removed: Element[] }).__removed.map(
        (element) => element.querySelectorAll('.monaco-editor').length,
      ),
    );
    expect(editorsLeft).toEqual(Array(20).fill(0));
  } finally {
    await page.close();
    await server.close();
  }
});
