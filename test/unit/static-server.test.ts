import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptedEncodings, pickPrecompressed, precompressedCopies } from '../../tools/precompress';
import { serveStatic, type StaticServer } from '../../tools/static-server';

/** A raw GET (Node's fetch would inflate the body and hide what was sent). */
function get(
  url: string,
  acceptEncoding: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': acceptEncoding, ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

const servers: StaticServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('the static server (bench, serve:lan, tests)', () => {
  it('serves mounted folders with the given headers, index.html for folders, the longest prefix first', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sandpit-static-'));
    const inner = await mkdtemp(path.join(os.tmpdir(), 'sandpit-static-inner-'));
    await writeFile(path.join(root, 'index.html'), '<p>root</p>');
    await writeFile(path.join(inner, 'app.js'), 'export {};');
    const server = await serveStatic({ '/': root, '/deep/': inner }, { 'X-Test': 'yes' });
    servers.push(server);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-test')).toBe('yes');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toBe('<p>root</p>');
    const script = await fetch(`${server.url}/deep/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript');
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside its mount', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sandpit-static-'));
    const server = await serveStatic({ '/': root }, {});
    servers.push(server);
    const escaped = await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(escaped.status).toBe(404);
  });

  it("sends the build's precompressed copy the browser accepts, brotli first, with Vary; others as they are", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sandpit-static-'));
    const script = Buffer.from('export const text = "' + 'sandpit '.repeat(500) + '";\n');
    const copies = precompressedCopies(script);
    await writeFile(path.join(root, 'app.js'), script);
    await writeFile(path.join(root, 'app.js.br'), copies.br);
    await writeFile(path.join(root, 'app.js.gz'), copies.gzip);
    await writeFile(path.join(root, 'data.zip'), 'PK-not-really');
    const server = await serveStatic({ '/': root }, {}, { compression: 'precompressed' });
    servers.push(server);

    const br = await get(`${server.url}/app.js`, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/javascript');
    expect(brotliDecompressSync(br.body)).toEqual(script);
    const gzip = await get(`${server.url}/app.js`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body)).toEqual(script);
    const plain = await get(`${server.url}/app.js`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.body).toEqual(script);
    // A compressed format is never compressed again.
    const zip = await get(`${server.url}/data.zip`, 'br, gzip');
    expect(zip.headers['content-encoding']).toBeUndefined();
    expect(zip.body.toString()).toBe('PK-not-really');
  });

  it('answers a revalidation with 304 and no body while the file is unchanged, per encoding', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sandpit-static-'));
    const script = Buffer.from('self.version = 1;\n'.repeat(100));
    await writeFile(path.join(root, 'sw.js'), script);
    await writeFile(path.join(root, 'sw.js.gz'), precompressedCopies(script).gzip);
    const server = await serveStatic({ '/': root }, { 'X-Test': 'yes' }, { compression: 'precompressed' });
    servers.push(server);

    const first = await get(`${server.url}/sw.js`, 'gzip');
    const tag = first.headers['etag'] ?? '';
    expect(tag).toMatch(/^"[^"]+"$/);
    expect(first.headers['last-modified']).toBeDefined();
    const again = await get(`${server.url}/sw.js`, 'gzip', { 'If-None-Match': tag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['x-test']).toBe('yes');
    const byDate = await get(`${server.url}/sw.js`, 'gzip', {
      'If-Modified-Since': first.headers['last-modified'] ?? '',
    });
    expect(byDate.status).toBe(304);
    // The plain copy is another representation: the gzip copy's tag doesn't validate it.
    const plain = await get(`${server.url}/sw.js`, 'identity', { 'If-None-Match': tag });
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual(script);
    // A changed file is sent again.
    await writeFile(
      path.join(root, 'sw.js.gz'),
      precompressedCopies(Buffer.from('self.version = 2;\n')).gzip,
    );
    const changed = await get(`${server.url}/sw.js`, 'gzip', { 'If-None-Match': tag });
    expect(changed.status).toBe(200);
    expect(gunzipSync(changed.body).toString()).toBe('self.version = 2;\n');
  });

  it('gzips everything on the fly in gzip-all mode (the benchmark baseline of a compressing host)', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sandpit-static-'));
    await writeFile(path.join(root, 'python.wasm'), Buffer.alloc(10_000, 7));
    const server = await serveStatic({ '/': root }, {}, { compression: 'gzip-all' });
    servers.push(server);
    const wasm = await get(`${server.url}/python.wasm`, 'gzip');
    expect(wasm.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(wasm.body)).toEqual(Buffer.alloc(10_000, 7));
  });
});

describe('picking a precompressed copy', () => {
  it("reads Accept-Encoding's list and refusals", () => {
    expect(acceptedEncodings('gzip, deflate, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });

  it('takes the best copy that exists, and none for files that are not text', () => {
    const only =
      (...files: string[]) =>
      (file: string) =>
        files.includes(file);
    expect(pickPrecompressed('/d/a.js', 'br, gzip', only('/d/a.js.gz'))).toEqual({
      path: '/d/a.js.gz',
      encoding: 'gzip',
    });
    expect(pickPrecompressed('/d/a.js', 'br, gzip', only())).toBeNull();
    expect(pickPrecompressed('/d/x.zip', 'br, gzip', only('/d/x.zip.br'))).toBeNull();
  });
});
