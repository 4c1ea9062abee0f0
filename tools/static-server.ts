import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Content types for what the build and the benchmark pages contain. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
};

/** URL prefix → folder on disk. The longest matching prefix wins. */
export type Mounts = Readonly<Record<string, string>>;

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A minimal static file server for benchmarks and experiments: every response carries `headers`, files
 * are read from the mounted folders, `/` serves `index.html`. Listens on 127.0.0.1 on a free port.
 */
export async function serveStatic(mounts: Mounts, headers: Record<string, string>): Promise<StaticServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = http.createServer(async (request, response) => {
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
      const body = await readFile(file);
      response.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
