import { createReadStream, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import { isCompressible, pickPrecompressed, precompressedCopies, variesByEncoding } from './precompress.ts';
import { contentType } from './static-server.ts';

/** `vite preview`'s side: a request for a file with a copy the browser accepts gets the copy. */
function servePrecompressed(outDir: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(outDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(outDir + path.sep) || !variesByEncoding(file)) return next();
    const copy = pickPrecompressed(file, req.headers['accept-encoding']);
    res.setHeader('Vary', 'Accept-Encoding');
    if (copy === null) return next();
    res.setHeader('Content-Type', contentType(file));
    res.setHeader('Content-Encoding', copy.encoding);
    res.setHeader('Content-Length', String(statSync(copy.path).size));
    createReadStream(copy.path).pipe(res);
  };
}

/**
 * Writes `.br` and `.gz` copies of the build's text files (tools/precompress.ts) once the bundle is on
 * disk. The service worker, written after this by vite-plugin-pwa, has none: it is small, and a server
 * sends it as it is.
 */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'sandpit:precompress',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      server.middlewares.use(servePrecompressed(outDir));
    },
    writeBundle(_options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        const bytes =
          output.type === 'chunk'
            ? Buffer.from(output.code)
            : typeof output.source === 'string'
              ? Buffer.from(output.source)
              : output.source;
        if (!isCompressible(fileName, bytes.length)) continue;
        const copies = precompressedCopies(bytes);
        writeFileSync(path.join(outDir, `${fileName}.br`), copies.br);
        // A gzip copy the build already has (the worker's own downloads) is the same file: keep it.
        if (!Object.hasOwn(bundle, `${fileName}.gz`))
          writeFileSync(path.join(outDir, `${fileName}.gz`), copies.gzip);
      }
    },
  };
}
