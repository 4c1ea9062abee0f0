/**
 * The worker's fetch for Pyodide's big files (worker/compressed-assets.ts): the build's gzip copy,
 * inflated in the worker, whatever the host does with it; and the link's speed from the first download.
 */
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCompressedAssets, FAST_LINK_BYTES_PER_SECOND } from '../../worker/compressed-assets';

const INDEX = 'https://school.example/pyodide/0123456789abcdef/';
// Incompressible, so that its gzip copy is as big as a real wasm's first megabytes.
const WASM = Buffer.concat([Buffer.from('\0asm'), randomBytes(1536 * 1024)]);

type Files = Record<string, { body: Uint8Array; type?: string; bytesPerSecond?: number }>;

/** A host holding `files`, each sent in 64 KiB pieces at its own speed (default: at once). */
function host(files: Files) {
  const requested: string[] = [];
  const cacheModes: (RequestCache | undefined)[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requested.push(url.pathname.slice(url.pathname.lastIndexOf('/') + 1));
    cacheModes.push(init?.cache);
    const file = files[url.pathname.slice(url.pathname.lastIndexOf('/') + 1)];
    if (file === undefined) return new Response('not found', { status: 404 });
    let offset = 0;
    const piece = 64 * 1024;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (offset >= file.body.length) return controller.close();
        const rate = file.bytesPerSecond;
        if (rate !== undefined) await new Promise((resolve) => setTimeout(resolve, (piece / rate) * 1000));
        controller.enqueue(file.body.subarray(offset, offset + piece));
        offset += piece;
      },
    });
    return new Response(body, { headers: { 'Content-Type': file.type ?? 'application/octet-stream' } });
  }) as typeof fetch;
  return { fetcher, requested, cacheModes };
}

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());
/** Megabytes compared at once (toEqual would compare them element by element, for seconds). */
const same = (a: Buffer, b: Buffer) => Buffer.compare(a, b) === 0;

describe("the worker's compressed downloads", () => {
  it('fetches the gzip copy and inflates it, with the type of the file it stands for', async () => {
    const { fetcher, requested } = host({ 'pyodide.asm.wasm.gz': { body: gzipSync(WASM) } });
    const assets = createCompressedAssets(INDEX, fetcher);
    const response = await assets.fetch(`${INDEX}pyodide.asm.wasm`);
    expect(response.headers.get('Content-Type')).toBe('application/wasm');
    expect(same(await bytesOf(response), WASM)).toBe(true);
    // The download started at creation is the one handed over: the file crossed the wire once.
    expect(requested).toEqual(['pyodide.asm.wasm.gz']);
    expect(await assets.fastLink()).toBe(true);
  });

  it('inflates nothing twice: a host that sent the copy with Content-Encoding gzip already inflated it', async () => {
    const { fetcher } = host({ 'pyodide-lock.json.gz': { body: Buffer.from('{"packages": {}}') } });
    const assets = createCompressedAssets(INDEX, fetcher);
    const lock = await assets.fetch(new URL('pyodide-lock.json', INDEX));
    expect(lock.headers.get('Content-Type')).toBe('application/json');
    expect(await lock.text()).toBe('{"packages": {}}');
  });

  it('falls back to the plain file where there is no copy (the dev server, an older build)', async () => {
    const { fetcher, requested } = host({
      'pyodide.asm.wasm.gz': { body: Buffer.from('<html>dev server</html>'), type: 'text/html' },
      'pyodide.asm.wasm': { body: WASM, type: 'application/wasm' },
      'python_stdlib.zip': { body: Buffer.from('PK') },
    });
    const assets = createCompressedAssets(INDEX, fetcher);
    expect(same(await bytesOf(await assets.fetch(`${INDEX}pyodide.asm.wasm`)), WASM)).toBe(true);
    // Files without a copy are fetched as they are.
    expect(await (await assets.fetch(`${INDEX}python_stdlib.zip`)).text()).toBe('PK');
    expect(requested).toEqual(['pyodide.asm.wasm.gz', 'pyodide.asm.wasm', 'python_stdlib.zip']);
    expect(await assets.fastLink()).toBe(false);
  });

  it("judges the link by the probe's rate: a school's shared line is slow, and nobody needs to read meanwhile", async () => {
    const slow = FAST_LINK_BYTES_PER_SECOND / 4;
    const { fetcher } = host({ 'pyodide.asm.wasm.gz': { body: gzipSync(WASM), bytesPerSecond: slow } });
    const assets = createCompressedAssets(INDEX, fetcher);
    // Decided before anyone reads the download (Pyodide's loader waits for the decision).
    expect(await assets.fastLink()).toBe(false);
    expect(same(await bytesOf(await assets.fetch(`${INDEX}pyodide.asm.wasm`)), WASM)).toBe(true);
  }, 20_000);

  it('counts files from localhost as a fast link whatever their download took (a loaded machine)', async () => {
    const slow = FAST_LINK_BYTES_PER_SECOND / 4;
    const { fetcher } = host({ 'pyodide.asm.wasm.gz': { body: gzipSync(WASM), bytesPerSecond: slow } });
    const assets = createCompressedAssets('http://localhost:4173/pyodide/abc/', fetcher);
    expect(await assets.fastLink()).toBe(true);
  }, 20_000);

  it("takes a content-addressed folder's files from the HTTP cache whatever the host said about caching", async () => {
    const files = {
      'pyodide.asm.wasm.gz': { body: gzipSync(WASM) },
      'python_stdlib.zip': { body: Buffer.from('PK') },
    };
    const addressed = host(files);
    const assets = createCompressedAssets(INDEX, addressed.fetcher, { contentAddressed: true });
    await (await assets.fetch(`${INDEX}python_stdlib.zip`)).text();
    expect(addressed.cacheModes).toEqual(['force-cache', 'force-cache']);
    // The dev server's folder changes under the same URLs: the default rules apply there.
    const plain = host(files);
    await (await createCompressedAssets(INDEX, plain.fetcher).fetch(`${INDEX}python_stdlib.zip`)).text();
    expect(plain.cacheModes).toEqual([undefined, undefined]);
  });
});
