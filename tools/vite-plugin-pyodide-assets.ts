import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { PACKAGE_INDEX_FILE } from '../worker/package-loader.ts';
import { PREBUILT_SNAPSHOT_FILE } from '../worker/pyodide-snapshot.ts';
import { makeBuildSnapshot } from './pyodide-snapshot-maker.ts';
import { planPackages, readPackageFolder, type PackagePlan, type PyodideLock } from './pyodide-packages.ts';

/**
 * Pyodide's runtime files, served from our own origin (no CDN): the loader bundled into the worker fetches
 * these from `<base>/pyodide/` at run time. The lock file comes along so `loadPackage` resolves the
 * packages a teacher adds (see packagesFolder).
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
  '.whl': 'application/zip',
  '.bin': 'application/octet-stream',
};

/**
 * Where a teacher puts package files for the build: `packages/` next to package.json, or the folder
 * SANDPIT_PACKAGES_DIR names. The build checks them (tools/pyodide-packages.ts) and ships them in
 * `pyodide/` with a lock file that lists them and the list of what programs may import.
 */
export function packagesFolder(root: string): string {
  return path.resolve(root, process.env['SANDPIT_PACKAGES_DIR'] ?? 'packages');
}

export function pyodideDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pyodide/package.json'));
}

export function pyodideAssetsPlugin(): Plugin {
  const sourceDir = pyodideDirectory();
  let root = process.cwd();
  let plan: PackagePlan | null = null;
  let building = false;
  /** The build's snapshot, made while the rest of the build goes on (production builds only). */
  let snapshot: Promise<Uint8Array> | null = null;
  // Planned once per build (or dev server start): a folder with problems fails it with every problem listed.
  const packagePlan = (): PackagePlan => {
    plan ??= planPackages(
      JSON.parse(readFileSync(path.join(sourceDir, 'pyodide-lock.json'), 'utf8')) as PyodideLock,
      readPackageFolder(packagesFolder(root)),
    );
    return plan;
  };
  /** Every file served from pyodide/, by name: Pyodide's own, the package files, the generated lists. */
  const generatedFiles = (): Map<string, () => Buffer> => {
    const { files, lock, index } = packagePlan();
    const all = new Map<string, () => Buffer>();
    for (const name of PYODIDE_RUNTIME_FILES) all.set(name, () => readFileSync(path.join(sourceDir, name)));
    all.set('pyodide-lock.json', () => Buffer.from(JSON.stringify(lock)));
    all.set(PACKAGE_INDEX_FILE, () => Buffer.from(JSON.stringify(index, null, 2)));
    for (const file of files) all.set(file.fileName, () => file.bytes);
    return all;
  };
  return {
    name: 'sandpit:pyodide-assets',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    buildStart() {
      plan = null;
      packagePlan();
      // The dev server has none: its workers make their own from the bootstrap as it is being edited.
      if (building) snapshot = makeBuildSnapshot(sourceDir, path.join(root, 'worker/python'));
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/pyodide\/([^/?#]+)/.exec(req.url ?? '');
        const name = match?.[1];
        const file = name === undefined ? undefined : generatedFiles().get(name);
        if (name === undefined || file === undefined) return next();
        const bytes = file();
        res.setHeader('Content-Type', MIME_TYPES[path.extname(name)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', String(bytes.length));
        res.end(bytes);
      });
    },
    async generateBundle() {
      for (const [name, read] of generatedFiles()) {
        this.emitFile({ type: 'asset', fileName: `pyodide/${name}`, source: read() });
      }
      if (snapshot !== null)
        this.emitFile({
          type: 'asset',
          fileName: `pyodide/${PREBUILT_SNAPSHOT_FILE}`,
          source: await snapshot,
        });
    },
  };
}
