/**
 * Precompressed copies of the build's text files, and how a server picks one. The build writes `<file>.br`
 * and `<file>.gz` beside every compressible file (tools/vite-plugin-precompress.ts); `npm run preview` and
 * `npm run serve:lan` send the best one the browser accepts, with `Content-Encoding` and `Vary`, so nothing
 * is compressed on the fly and nothing twice. Files that are compressed already (zip, wheels, png, the
 * worker's own `.gz` downloads) are sent as they are.
 */
import { existsSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What is worth compressing: text. (The WebAssembly is fetched as the build's own gzip copy.) */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|ttf|webmanifest|txt|map)$/;
/** Below this a compressed copy saves less than its headers cost. */
const SMALLEST = 1024;

export type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

export function isCompressible(fileName: string, size: number): boolean {
  return COMPRESSIBLE.test(fileName) && size >= SMALLEST;
}

/**
 * The copies to write beside `bytes`. Brotli's strongest setting is slow on big files (19 s for Monaco's
 * 3.3 MB chunk, 2% smaller than quality 10 and 9% smaller than 9, which takes 2.6 s): it is kept for small
 * ones, so a build stays quick.
 */
export function precompressedCopies(bytes: Uint8Array): Record<Encoding, Uint8Array> {
  const quality = bytes.length < 256 * 1024 ? 11 : bytes.length < 2 * 1024 * 1024 ? 10 : 9;
  return {
    br: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzip: gzipSync(bytes, { level: 9 }),
  };
}

/** The encodings an `Accept-Encoding` header allows, best first (q=0 refuses one). */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return (['br', 'gzip'] as const).filter((encoding) => accepted.has(encoding));
}

/**
 * The copy of `file` to send for this `Accept-Encoding`, or null for the file itself. `exists` is
 * replaceable for tests.
 */
export function pickPrecompressed(
  file: string,
  acceptEncoding: string | undefined,
  exists: (path: string) => boolean = existsSync,
): { path: string; encoding: Encoding } | null {
  if (!COMPRESSIBLE.test(file)) return null;
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const candidate = `${file}${SUFFIX[encoding]}`;
    if (exists(candidate)) return { path: candidate, encoding };
  }
  return null;
}

/** Whether a file of this name has precompressed copies, so its responses must say `Vary: Accept-Encoding`. */
export function variesByEncoding(file: string): boolean {
  return COMPRESSIBLE.test(file);
}
