import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { SANDPIT } from './page-probes.ts';

export type ByteGroup = 'app' | 'monaco' | 'analysis' | 'pyodide';

export interface FirstVisitBytes {
  /** Per group: the files' size as built and gzip-compressed (level 9, what a server would send). */
  readonly groups: Record<ByteGroup, { raw: number; gzip: number; files: string[] }>;
}

/**
 * Which part of the build a file belongs to, from its path in `dist/` and whether the page asked for it
 * after Python was ready: Monaco arrives then, in layers whose chunks are named after Monaco's modules
 * (src/editor/monaco-stages.ts), and so does the analysis worker.
 */
export function byteGroup(file: string, afterReady = false): ByteGroup {
  if (file.startsWith('pyodide/')) return 'pyodide';
  if (/^assets\/analysis\.worker[^/]*$/.test(file)) return 'analysis';
  // Monaco's chunks (our editor module with Monaco inside), its stylesheet, font, languages and worker.
  if (afterReady || /^assets\/(python-editor|codicon|editor\.worker|python-)[^/]*$/.test(file))
    return 'monaco';
  return 'app';
}

/**
 * Loads a page once in a fresh context until `readySelector` matches (default: the scratch pad with Python
 * ready) and sums, per group, what it requested from the build. Sizes come from `dist/` (gzip-compressed
 * here), so the figure doesn't depend on whether the benchmark's server compresses. Files outside the
 * build (a benchmark page) are not counted.
 */
export async function firstVisitBytes(
  browser: Browser,
  origin: string,
  dist: string,
  target: { path: string; readySelector: string; settledSelector?: string } = {
    path: '/',
    readySelector: `${SANDPIT.state}[data-state=ready]`,
    // Then Monaco, and the analysis worker's first answer about the code.
    settledSelector: '[data-testid=editor][data-problems]',
  },
): Promise<FirstVisitBytes> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested = new Map<string, boolean>();
  let ready = false;
  page.on('request', (request) => {
    const url = new URL(request.url());
    const file = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    if (url.origin === origin && !requested.has(file)) requested.set(file, ready);
  });
  await page.goto(`${origin}${target.path}`);
  await page.waitForSelector(target.readySelector, { timeout: 120_000 });
  ready = true;
  if (target.settledSelector) await page.waitForSelector(target.settledSelector, { timeout: 120_000 });
  await context.close();

  const groups: FirstVisitBytes['groups'] = {
    app: { raw: 0, gzip: 0, files: [] },
    monaco: { raw: 0, gzip: 0, files: [] },
    analysis: { raw: 0, gzip: 0, files: [] },
    pyodide: { raw: 0, gzip: 0, files: [] },
  };
  for (const [file, afterReady] of [...requested].sort()) {
    let body: Buffer;
    try {
      body = await readFile(path.join(dist, file));
    } catch {
      continue; // Not a file of the build (a 404 such as a missing favicon).
    }
    const group = groups[byteGroup(file, afterReady)];
    group.raw += body.length;
    group.gzip += gzipSync(body, { level: 9 }).length;
    group.files.push(file);
  }
  return { groups };
}
