import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Pyodide's runtime files, served from our own origin (no CDN): the loader bundled into the worker fetches
 * these from `<base>/pyodide/` at run time. The lock file comes along so `loadPackage` resolves packages a
 * teacher copies into the same folder.
 */
export const PYODIDE_RUNTIME_FILES = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;

const MIME_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
};

export function pyodideDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pyodide/package.json'));
}

export function pyodideAssetsPlugin(): Plugin {
  const sourceDir = pyodideDirectory();
  const files = new Set<string>(PYODIDE_RUNTIME_FILES);
  return {
    name: 'sandpit:pyodide-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/pyodide\/([^/?#]+)/.exec(req.url ?? '');
        const name = match?.[1];
        if (name === undefined || !files.has(name)) return next();
        const file = path.join(sourceDir, name);
        res.setHeader('Content-Type', MIME_TYPES[path.extname(name)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', String(statSync(file).size));
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const name of PYODIDE_RUNTIME_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `pyodide/${name}`,
          source: readFileSync(path.join(sourceDir, name)),
        });
      }
    },
  };
}
