/**
 * Should the interpreter run under an opaque origin (a sandboxed iframe hosting the worker)? This
 * experiment measures what it costs and what it changes, against the way Sandpit runs it today.
 *
 *   npx tsx bench/experiments/opaque-origin/run.ts
 *
 * It serves node_modules/pyodide and these pages with Sandpit's headers plus the CORS headers an opaque-origin
 * worker would need, loads each variant several times in Chromium, and prints median times, the memory of
 * the browser's processes, and what a program in the worker could reach.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../../tools/chromium.ts';
import { securityHeaders } from '../../../tools/security-headers.ts';
import { treeMemoryBytes } from '../../../tools/process-tree.ts';
import { serveStatic } from '../../../tools/static-server.ts';
import { median } from '../../stats.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const RUNS = 5;
function serve() {
  return serveStatic(
    { '/pyodide/': path.join(ROOT, 'node_modules/pyodide'), '/experiment/': import.meta.dirname },
    {
      ...securityHeaders(),
      // An opaque-origin worker fetches everything cross-origin.
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' blob:; worker-src 'self' blob:; connect-src 'self'",
    },
  );
}

const server = await serve();
const base = `${server.url}/experiment/`;
const results: Record<string, { readyMs: number[]; memoryMiB: number[]; last: unknown }> = {};
for (const variant of ['direct', 'opaque']) {
  results[variant] = { readyMs: [], memoryMiB: [], last: null };
  for (let run = 0; run < RUNS; run++) {
    const browserServer = await chromium.launchServer({
      executablePath: chromiumExecutable(),
      args: CHROMIUM_ARGS,
    });
    const browser = await chromium.connect(browserServer.wsEndpoint());
    const page = await browser.newPage();
    await page.goto(`${base}host-${variant}.html`);
    await page.waitForFunction(() => document.title === 'done', null, { timeout: 60_000 });
    const result = (await page.evaluate(
      () => (window as unknown as { __result: Record<string, unknown> }).__result,
    )) as Record<string, unknown>;
    const pid = browserServer.process().pid;
    results[variant].readyMs.push(Number(result.readyMs));
    results[variant].memoryMiB.push(pid ? treeMemoryBytes(pid) / 2 ** 20 : NaN);
    results[variant].last = result;
    await browser.close();
    await browserServer.close();
  }
}
await server.close();

console.log(`variant   ready (median of ${RUNS})   browser memory (median)`);
for (const [variant, result] of Object.entries(results)) {
  console.log(
    `${variant.padEnd(9)} ${median(result.readyMs).toFixed(0).padStart(8)} ms          ${median(result.memoryMiB).toFixed(0).padStart(5)} MiB`,
  );
}
for (const [variant, result] of Object.entries(results)) console.log(variant, JSON.stringify(result.last));
const summary = Object.fromEntries(
  Object.entries(results).map(([variant, result]) => [
    variant,
    {
      readyMsMedian: median(result.readyMs),
      memoryMiBMedian: median(result.memoryMiB),
      runs: RUNS,
      lastRun: result.last,
    },
  ]),
);
await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
const file = path.join(ROOT, 'bench/results/opaque-origin.json');
await writeFile(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...summary }, null, 2)}\n`);
console.log(`written to ${path.relative(ROOT, file)}`);
