import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { COMPRESSED_ASSETS, COMPRESSED_SUFFIX } from '../worker/compressed-assets.ts';
import { PACKAGE_INDEX_FILE } from '../worker/package-loader.ts';
import { PREBUILT_SNAPSHOT_FILE } from '../worker/pyodide-snapshot.ts';
import { makeBuildSnapshot } from './pyodide-snapshot-maker.ts';
import { pyodideWithBytecode } from './stdlib-bytecode.ts';
import { contentType } from './static-server.ts';
import { planPackages, readPackageFolder, type PackagePlan, type PyodideLock } from './pyodide-packages.ts';

/**
 * Pyodide's runtime files, served from our own origin (no CDN): the loader bundled into the worker fetches
 * these from `<base>/pyodide/<hash>/` at run time (`<base>/pyodide/` on the dev server). The lock file comes along so `loadPackage` resolves the
 * packages a teacher adds (see packagesFolder).
 */
export const PYODIDE_RUNTIME_FILES = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;

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

/**
 * A hash of everything that shapes an interpreter snapshot: the worker's code (TypeScript and the Python
 * bootstrap), the wire types it shares with the page, and Pyodide's own files. The page keys the
 * snapshot it keeps for the next visit with it (src/runtime/snapshot-store.ts).
 */
function snapshotBuildId(root: string, pyodideDir: string): string {
  const hash = createHash('sha256');
  const addFolder = (folder: string) => {
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }).sort((a, b) =>
      path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)),
    )) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      hash.update(path.relative(root, file)).update(readFileSync(file));
    }
  };
  addFolder(path.join(root, 'worker'));
  addFolder(path.join(root, 'src/wire'));
  // What the build adds to the standard library zip (its bytecode) is the snapshot's too.
  hash.update('stdlib-bytecode.ts').update(readFileSync(path.join(root, 'tools/stdlib-bytecode.ts')));
  for (const name of PYODIDE_RUNTIME_FILES)
    hash.update(name).update(readFileSync(path.join(pyodideDir, name)));
  return hash.digest('hex').slice(0, 16);
}

export function pyodideAssetsPlugin(): Plugin {
  const sourceDir = pyodideDirectory();
  let root = process.cwd();
  let plan: PackagePlan | null = null;
  let building = false;
  /**
   * The standard library zip with bytecode (tools/stdlib-bytecode.ts) and the build's snapshot, made with
   * that zip while the rest of the build goes on (production builds only).
   */
  let stdlibZip: Promise<Uint8Array> | null = null;
  let snapshot: Promise<Uint8Array> | null = null;
  /**
   * Where the files go: `pyodide/<hash of their inputs>/` in a build, so that a URL never names two
   * versions of a file (the service worker may then take them from the HTTP cache instead of downloading
   * them again), and `pyodide/` on the dev server.
   */
  let folder = 'pyodide/';
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
    config(config, { command }) {
      if (command !== 'build') return;
      root = path.resolve(config.root ?? process.cwd());
      plan = null;
      const snapshotId = snapshotBuildId(root, sourceDir);
      const contents = createHash('sha256').update(snapshotId);
      for (const [name, read] of generatedFiles()) contents.update(name).update(read());
      folder = `pyodide/${contents.digest('hex').slice(0, 16)}/`;
      return {
        define: {
          __SANDPIT_SNAPSHOT_BUILD__: JSON.stringify(snapshotId),
          __SANDPIT_PYODIDE_FOLDER__: JSON.stringify(folder),
        },
      };
    },
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    buildStart() {
      plan = null;
      packagePlan();
      // The dev server has neither: its workers make their own snapshots from the bootstrap as it is being
      // edited, with the zip as Pyodide ships it.
      if (building) {
        const bootstrapDir = path.join(root, 'worker/python');
        const pyodide = pyodideWithBytecode(sourceDir, bootstrapDir);
        stdlibZip = pyodide.then(({ stdlibZip }) => stdlibZip);
        snapshot = pyodide.then(async ({ pyodideDir }) => {
          try {
            return await makeBuildSnapshot(pyodideDir, bootstrapDir);
          } finally {
            rmSync(pyodideDir, { recursive: true, force: true });
          }
        });
      }
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/pyodide\/([^/?#]+)/.exec(req.url ?? '');
        const name = match?.[1];
        const file = name === undefined ? undefined : generatedFiles().get(name);
        if (name === undefined || file === undefined) return next();
        const bytes = file();
        res.setHeader('Content-Type', contentType(name));
        res.setHeader('Content-Length', String(bytes.length));
        res.end(bytes);
      });
    },
    async generateBundle() {
      const emit = (name: string, bytes: Buffer | Uint8Array) => {
        this.emitFile({ type: 'asset', fileName: `${folder}${name}`, source: bytes });
        // The big ones also gzip-compressed, which is what the worker fetches (worker/compressed-assets.ts).
        if (Object.hasOwn(COMPRESSED_ASSETS, name))
          this.emitFile({
            type: 'asset',
            fileName: `${folder}${name}${COMPRESSED_SUFFIX}`,
            source: gzipSync(bytes, { level: 9 }),
          });
      };
      for (const [name, read] of generatedFiles())
        emit(name, name === 'python_stdlib.zip' && stdlibZip !== null ? await stdlibZip : read());
      if (snapshot !== null) {
        // Only compressed: 30 MiB raw, 6 MB as gzip, and nothing fetches the raw file.
        this.emitFile({
          type: 'asset',
          fileName: `${folder}${PREBUILT_SNAPSHOT_FILE}${COMPRESSED_SUFFIX}`,
          source: gzipSync(await snapshot, { level: 9 }),
        });
      }
    },
  };
}
