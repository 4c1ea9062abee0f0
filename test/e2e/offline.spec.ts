import { appendFile, cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { encodeCode } from '../../src/share/share-link.ts';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../tools/chromium.ts';
import { securityHeaders } from '../../tools/security-headers.ts';
import { serveStatic } from '../../tools/static-server.ts';
import { ScratchPadPage } from './support/scratch-pad.ts';

test.use({ serviceWorkers: 'allow' });

const DIST = path.resolve(import.meta.dirname, '../../dist');
const STDLIB_PROGRAM = `import json, re, collections, datetime, statistics, textwrap, random
counts = collections.Counter(re.findall(r"\\w+", "the cat and the hat and the bat"))
print(json.dumps(counts.most_common(1)))
print(statistics.mean([1, 2, 3, 4]), datetime.date(2024, 2, 29).isoformat())
print(textwrap.shorten("offline " * 5, width=20))
`;

test('after one visit, the scratch pad loads and runs Python with the network and the server gone', async ({
  browser,
}) => {
  // Served from a subfolder, as from a school's server.
  const server = await serveStatic({ '/sandpit/': DIST }, securityHeaders());
  const context = await browser.newContext();
  const foreign: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith(`${server.url}/`)) foreign.push(request.url());
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/sandpit/`);
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  // The service worker has cached the whole build.
  await expect(page.getByTestId('notice')).toContainText('ready to work offline', { timeout: 60_000 });

  await server.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'ready');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const output = await new ScratchPadPage(page).runCode(STDLIB_PROGRAM, 'statistics');
  expect(output).toBe('[["the", 3]]\n2.5 2024-02-29\noffline [...]\n');
  // Neither the page nor its service worker ever asked any other host for anything.
  expect(foreign).toEqual([]);
  await context.close();
});

/** Runs `print(input(...))` and answers it: input() waits for typing in every mode but `none`. */
async function inputRoundTrip(page: Page, answer: string): Promise<void> {
  const pad = new ScratchPadPage(page);
  await pad.waitForState('ready');
  const before = await pad.runs();
  await pad.setCode(`print(input("${answer}? "))\n`, answer);
  await pad.runButton.click();
  await page.getByTestId('stdin').fill(answer);
  await page.getByTestId('stdin').press('Enter');
  expect(await pad.waitForRunsToReach(before + 1)).toBe('ok');
  await expect(pad.output).toContainText(`${answer}\n${answer}\n`);
}

test('on a host that sends no headers, input() works at once, and the service worker isolates the next visit', async ({
  browser,
}) => {
  const server = await serveStatic({ '/': DIST }, {});
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    // First visit: not isolated, but Chromium has JSPI: input() waits all the same, and the page is
    // not reloaded under the learner's feet.
    await expect(page.getByTestId('notice')).toContainText('ready to work offline', { timeout: 60_000 });
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await inputRoundTrip(page, 'jspi');
    await page.reload();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await inputRoundTrip(page, 'isolated');
  } finally {
    await context.close();
    await server.close();
  }
});

test('on a host that sends no headers, a browser without JSPI gets isolated by one reload', async ({
  browser,
}) => {
  const server = await serveStatic({ '/': DIST }, {});
  const context = await browser.newContext();
  try {
    // Safari or Firefox, as the page sees it: no WebAssembly promise integration.
    await context.addInitScript(() => {
      delete (WebAssembly as { Suspending?: unknown }).Suspending;
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    // Once the service worker controls the page, it reloads by itself, once, to get the headers.
    await page.waitForFunction(() => crossOriginIsolated, null, { timeout: 60_000 });
    await inputRoundTrip(page, 'isolated');
  } finally {
    await context.close();
    await server.close();
  }
});

test('a new deployment is offered as an update, and taking it keeps the learner’s code', async ({
  browser,
}) => {
  // A copy of the build we can "redeploy" by changing a file.
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sandpit-deploy-'));
  await cp(DIST, folder, { recursive: true });
  const server = await serveStatic({ '/': folder }, securityHeaders());
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/#code=${encodeCode('print("my own work")\n')}`);
    await expect(page.getByTestId('notice')).toContainText('ready to work offline', { timeout: 60_000 });

    await appendFile(path.join(folder, 'service-worker.js'), '\n// the next deployment\n');
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('A new version of Sandpit is available', { timeout: 60_000 });
    const reloaded = page.waitForEvent('load');
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByTestId('status')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('editor')).toContainText('my own work');
  } finally {
    await context.close();
    await server.close();
  }
});

test('Chromium finds the app installable: manifest, icons, offline start page', async () => {
  // Browser contexts that Playwright creates are incognito, where nothing is installable; a persistent
  // profile is not.
  const profile = await mkdtemp(path.join(os.tmpdir(), 'sandpit-profile-'));
  const server = await serveStatic({ '/sandpit/': DIST }, securityHeaders());
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumExecutable(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/sandpit/`);
    await expect(page.getByTestId('notice')).toContainText('ready to work offline', { timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${server.url}/sandpit/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});
