import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tools/chromium.ts';
import { securityHeaders } from '../tools/security-headers.ts';
import { serveStatic } from '../tools/static-server.ts';
import { recordMilestones, runUntilOutput, setCode, waitUntilIdle, SANDPIT, RAW } from './page-probes.ts';
import { CPU_WORKLOAD } from './scenarios.ts';
const ROOT = path.resolve(import.meta.dirname, '..');
const server = await serveStatic(
  {
    '/': path.join(ROOT, 'dist'),
    '/bench-raw/': path.join(ROOT, 'bench/raw-pyodide'),
    '/pyodide-js/': path.join(ROOT, 'node_modules/pyodide'),
  },
  securityHeaders(),
);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
for (const [url, c] of [
  ['/?timeout=60', SANDPIT],
  ['/bench-raw/', RAW],
] as const) {
  const page = await browser.newPage();
  await recordMilestones(page, c);
  await page.goto(server.url + url);
  const xs: string[] = [];
  for (let i = 0; i < 6; i++) {
    await waitUntilIdle(page, c);
    await setCode(page, c, CPU_WORKLOAD + `#${i}\n`);
    const { output } = await runUntilOutput(page, c, 'elapsed=');
    xs.push(/elapsed=([\d.]+)/.exec(output)?.[1] ?? '?');
  }
  console.log(url, xs.join(' '));
  await page.close();
}
await browser.close();
await server.close();
