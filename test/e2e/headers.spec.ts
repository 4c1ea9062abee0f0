import { readdirSync } from 'node:fs';
import { expect, test } from './support/scratch-pad.ts';

/** The build's Pyodide folder, `pyodide/<hash>/`. */
function pyodideFolder(): string {
  const [hash] = readdirSync(new URL('../../dist/pyodide/', import.meta.url));
  return `pyodide/${hash}/`;
}

test('pages, scripts, the worker and Pyodide are served with COOP/COEP and a CSP without eval', async ({
  pad,
  request,
}) => {
  await pad.open();
  expect(await pad.page.evaluate(() => crossOriginIsolated)).toBe(true);

  const pageScripts = await pad.page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.endsWith('.js')),
  );
  expect(pageScripts.some((url) => url.includes('sandbox.worker'))).toBe(true);
  // Pyodide's files are fetched by the worker, so they are not in the page's resource timings.
  const pyodideFiles = [
    'pyodide.asm.mjs',
    'pyodide.asm.wasm.gz',
    'python_stdlib.zip',
    'pyodide-lock.json.gz',
    'sandpit-snapshot.bin.gz',
  ].map((name) => new URL(`${pyodideFolder()}${name}`, pad.page.url()).href);

  for (const url of [pad.page.url(), ...pageScripts, ...pyodideFiles]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    expect(headers['cross-origin-opener-policy'], url).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy'], url).toBe('require-corp');
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, url).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp, url).toContain("connect-src 'self'");
    expect(csp, url).not.toContain("'unsafe-eval'");
    expect(csp.match(/script-src[^;]*/)?.[0], url).not.toContain("'unsafe-inline'");
  }
});

test('every request the scratch pad makes stays on its own origin', async ({ pad }) => {
  const origins = new Set<string>();
  pad.page.on('request', (request) => origins.add(new URL(request.url()).origin));
  await pad.open({ code: 'import json, re, math\nprint(json.dumps({"ok": math.pi > 3}))' });
  expect(await pad.run()).toBe('ok');
  expect([...origins]).toEqual([new URL(pad.page.url()).origin]);
});
