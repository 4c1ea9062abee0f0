import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pickPrecompressed, variesByEncoding } from './precompress.ts';

/** Content types for what the build and the benchmark pages contain. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.gz': 'application/gzip',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/** What `gzip-all` sent before, by file: compressing 30 MiB on every request would be the benchmark's bottleneck. */
const gzipCache = new Map<string, Buffer>();

function gzipped(file: string, body: Buffer): Buffer {
  let compressed = gzipCache.get(file);
  if (compressed === undefined || compressed.length === 0) {
    // Level 6: what nginx and Apache use when told to compress.
    compressed = gzipSync(body, { level: 6 });
    gzipCache.set(file, compressed);
  }
  return compressed;
}

/**
 * `ETag` and `Last-Modified` for a file, as every common static host sends them (nginx, Apache, Netlify,
 * GitHub Pages): without them a browser can't revalidate, and the service worker's update check on every
 * visit downloads its whole script again instead of getting a 304. The tag names the encoding sent, so a
 * gzipped and a plain copy never share one.
 */
async function validatorsOf(file: string, encoding: string): Promise<Record<string, string>> {
  const { size, mtimeMs, mtime } = await stat(file);
  const tag = `${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}`;
  return { ETag: `"${tag}"`, 'Last-Modified': mtime.toUTCString() };
}

/** Whether the browser's copy is current: `If-None-Match` decides when sent, else `If-Modified-Since`. */
function notModified(request: http.IncomingMessage, validators: Record<string, string>): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined)
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === validators['ETag']);
  const ifModifiedSince = request.headers['if-modified-since'];
  const lastModified = validators['Last-Modified'];
  if (ifModifiedSince === undefined || lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

/** URL prefix → folder on disk. The longest matching prefix wins. */
export type Mounts = Readonly<Record<string, string>>;

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Default 127.0.0.1; `0.0.0.0` serves the local network. */
  readonly host?: string;
  /** Default: any free port. */
  readonly port?: number;
  /** PEM certificate and key: serve HTTPS (needed for cross-origin isolation beyond localhost). */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
  /**
   * How responses are compressed: `none` (default: many static hosts), `precompressed` (the build's
   * `.br`/`.gz` copies, as `serve:lan` does), or `gzip-all` (every response gzipped on the fly, as a host
   * that compresses everything; for the benchmark's baselines).
   */
  readonly compression?: 'none' | 'precompressed' | 'gzip-all';
}

/**
 * A minimal static file server for benchmarks, tests and `serve:lan`: every response carries `headers`,
 * files are read from the mounted folders, `/` serves `index.html`. By default it listens on 127.0.0.1
 * on a free port.
 */
export async function serveStatic(
  mounts: Mounts,
  headers: Record<string, string>,
  listen: ListenOptions = {},
): Promise<StaticServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const handler: http.RequestListener = async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const prefix = prefixes.find((candidate) => pathname.startsWith(candidate));
    const root = prefix === undefined ? undefined : mounts[prefix];
    const relative = prefix === undefined ? '' : pathname.slice(prefix.length);
    const file =
      root === undefined
        ? undefined
        : path.join(root, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
    // Refuse anything that resolves outside its mount (`..` in the path).
    if (file === undefined || root === undefined || !file.startsWith(path.resolve(root))) {
      response.writeHead(404, headers).end();
      return;
    }
    try {
      const accept = request.headers['accept-encoding'];
      const compression = listen.compression ?? 'none';
      const copy = compression === 'precompressed' ? pickPrecompressed(file, accept) : null;
      const gzipOnTheFly = compression === 'gzip-all' && /\bgzip\b/.test(accept ?? '');
      const source = copy?.path ?? file;
      const validators = await validatorsOf(source, copy?.encoding ?? (gzipOnTheFly ? 'gzip' : ''));
      const sent: Record<string, string> = { ...headers, 'Content-Type': contentType(file), ...validators };
      if (notModified(request, validators)) {
        response.writeHead(304, sent).end();
        return;
      }
      let body: Buffer = await readFile(source);
      if (copy !== null) sent['Content-Encoding'] = copy.encoding;
      if (gzipOnTheFly) {
        body = gzipped(file, body);
        sent['Content-Encoding'] = 'gzip';
      }
      if (compression === 'gzip-all' || (compression === 'precompressed' && variesByEncoding(file)))
        sent['Vary'] = 'Accept-Encoding';
      response.writeHead(200, sent);
      response.end(body);
    } catch {
      response.writeHead(404, headers).end();
    }
  };
  const server = listen.tls ? https.createServer(listen.tls, handler) : http.createServer(handler);
  const host = listen.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(listen.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${listen.tls ? 'https' : 'http'}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    // Also drop kept-alive connections: a test that stops the server means "the server is gone".
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
