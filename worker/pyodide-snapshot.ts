/**
 * Pyodide's memory snapshots, the one place Sandpit touches this private API (`_makeSnapshot`,
 * `makeMemorySnapshot`, `_loadSnapshot`; underscored or marked @private in Pyodide 314). A snapshot is
 * the interpreter's whole WebAssembly memory after start-up and our own preparation; loading one skips
 * Python's initialisation, which is what makes a fresh interpreter per run affordable (~0.3 s instead of
 * ~2.5 s). The build makes one in Node (tools/pyodide-snapshot-maker.ts), so that over a fast link even
 * the first interpreter of a visit starts that way (over a slow one it makes its own). test/unit/pyodide-snapshot.test.ts fails loudly if Pyodide changes any of this.
 */
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { SnapshotMode } from '../src/wire/protocol';
import { loadWithOwnTrampoline } from './call-trampoline';

/** The private options, typed here and nowhere else. */
interface SnapshotConfig {
  _makeSnapshot?: boolean;
  _loadSnapshot?: Uint8Array;
  /** Emscripten's program name, which becomes `sys.executable` and `$_`. */
  _sysExecutable?: string;
}

type SnapshotPyodide = PyodideAPI & { makeMemorySnapshot(): Uint8Array };

/** The wire's SnapshotMode once a snapshot to load has been read into this worker's own memory. */
export type StartMode =
  Exclude<SnapshotMode, { readonly mode: 'load' }> | { readonly mode: 'load'; readonly bytes: Uint8Array };

export interface LoadedInterpreter {
  readonly pyodide: PyodideAPI;
  readonly fromSnapshot: boolean;
  readonly snapshot?: Uint8Array;
}

/** The build's snapshot, in Pyodide's folder (the build ships only its `.gz` copy). */
export const PREBUILT_SNAPSHOT_FILE = 'sandpit-snapshot.bin';

/** The build's snapshot, or null when this deployment has none (the dev server, an older build). */
export type PrebuiltSnapshot = () => Promise<Uint8Array | null>;

/**
 * What a snapshot bakes in from the process that made it, fixed to the same values wherever it is made,
 * so the build's snapshot (made in Node) and one made in a learner's browser give the same interpreter:
 * otherwise `sys.executable` would name the build's script and `LANG` the browser's language.
 */
function makerEnvironment(): SnapshotConfig & { env: Record<string, string> } {
  // A new object each time: Pyodide adds its own defaults to `env`.
  return { _sysExecutable: './this.program', env: { LANG: 'C.UTF-8' } };
}

/**
 * Starts Pyodide. `prepare` runs on an interpreter started from scratch (not on one loaded from a
 * snapshot, whose memory already holds its effects); for `make`, the snapshot is taken right after it,
 * unless `prebuilt` supplies one, which is then both loaded and handed back.
 */
export async function loadInterpreter(
  indexURL: string,
  mode: StartMode,
  prepare: (pyodide: PyodideAPI) => void,
  prebuilt?: PrebuiltSnapshot,
  fetcher?: typeof fetch,
): Promise<LoadedInterpreter> {
  if (fetcher === undefined) return loadWith(indexURL, mode, prepare, prebuilt);
  // Pyodide fetches its files with the global fetch; while it loads, that is the one given.
  const scope = globalThis as { fetch: typeof fetch };
  const original = scope.fetch;
  scope.fetch = fetcher;
  try {
    return await loadWith(indexURL, mode, prepare, prebuilt);
  } finally {
    scope.fetch = original;
  }
}

async function loadWith(
  indexURL: string,
  mode: StartMode,
  prepare: (pyodide: PyodideAPI) => void,
  prebuilt?: PrebuiltSnapshot,
): Promise<LoadedInterpreter> {
  const base = { indexURL, packages: [], checkAPIVersion: true, ...makerEnvironment() };
  if (mode.mode === 'load') return { pyodide: await loadFromSnapshot(base, mode.bytes), fromSnapshot: true };
  if (mode.mode === 'make' && prebuilt) {
    const bytes = await prebuilt().catch(() => null);
    if (bytes !== null) {
      try {
        // Pyodide copies the bytes into the new memory; the array stays intact for the pool to reuse.
        return { pyodide: await loadFromSnapshot(base, bytes), fromSnapshot: true, snapshot: bytes };
      } catch (error) {
        // A snapshot from another Pyodide build (mixed-up files): start from scratch, as without one.
        console.warn(
          '[sandpit] the prebuilt snapshot could not be loaded; starting Python from scratch',
          error,
        );
      }
    }
  }
  const config: SnapshotConfig = mode.mode === 'make' ? { _makeSnapshot: true } : {};
  const pyodide = await loadPyodide({ ...base, ...config });
  prepare(pyodide);
  if (mode.mode === 'none') return { pyodide, fromSnapshot: false };
  const snapshot = (pyodide as SnapshotPyodide).makeMemorySnapshot();
  return { pyodide, fromSnapshot: false, snapshot };
}

function loadFromSnapshot(base: Parameters<typeof loadPyodide>[0], bytes: Uint8Array): Promise<PyodideAPI> {
  const config: SnapshotConfig = { _loadSnapshot: bytes };
  // The snapshot may come from another engine (the build's, from Node): keep this engine's trampoline.
  return loadWithOwnTrampoline(() => loadPyodide({ ...base, ...config }));
}

/**
 * Fetches the build's snapshot from Pyodide's folder, when `worthIt` says the link is fast enough for its
 * 6 MB (compressed) to cost less time than it saves. Null when it isn't, or there is none: a 404, or the
 * dev server answering with its HTML page.
 */
export function fetchPrebuiltSnapshot(
  indexURL: string,
  fetcher: (url: URL) => Promise<Response>,
  worthIt: () => Promise<boolean>,
): PrebuiltSnapshot {
  return async () => {
    if (!(await worthIt())) return null;
    const response = await fetcher(new URL(PREBUILT_SNAPSHOT_FILE, indexURL));
    const type = response.headers.get('Content-Type') ?? '';
    if (!response.ok || type.startsWith('text/')) return null;
    return new Uint8Array(await response.arrayBuffer());
  };
}

/**
 * Makes a snapshot the way a `make` boot does, for the build (no prebuilt one to start from).
 *
 * The build runs in Node, which has no WebAssembly JavaScript Promise Integration, and Pyodide bakes that
 * into the snapshot: at start-up `_pyodide_core.run_sync` is bound to a C stub that only raises "stack
 * switching not supported", and an interpreter restored from the snapshot keeps the stub even in a
 * browser that has JSPI (measured: `input()` on a page without isolation failed that way in every
 * interpreter but the one started from scratch). So while the snapshot is made, Node is made to look as
 * if it had JSPI (`WebAssembly.Suspending` and `WebAssembly.promising` present): the real `run_sync` is
 * bound. Nothing suspends while the snapshot is made, so the stand-ins are never called; the browser
 * restoring the snapshot brings its own JSPI. Sandpit calls `run_sync` only where the browser has it
 * (the `jspi` interaction mode). e2e tests in `jspi` mode fail if this stops working.
 */
export async function makeSnapshot(
  indexURL: string,
  prepare: (pyodide: PyodideAPI) => void,
): Promise<Uint8Array> {
  const restore = pretendJspi();
  try {
    const { snapshot } = await loadInterpreter(indexURL, { mode: 'make' }, prepare);
    if (snapshot === undefined) throw new Error('[sandpit] Pyodide made no snapshot');
    return snapshot;
  } finally {
    restore();
  }
}

type JspiNamespace = { Suspending?: unknown; promising?: unknown };

/** Installs stand-ins for the JSPI API where it is missing; returns how to take them away again. */
function pretendJspi(): () => void {
  const wasm = WebAssembly as unknown as JspiNamespace;
  if (typeof wasm.Suspending === 'function') return () => {};
  // `new Suspending(fn)` and `promising(fn)` hand the function back: a plain import or export.
  wasm.Suspending = function Suspending(fn: unknown) {
    return fn;
  };
  wasm.promising = (fn: unknown) => fn;
  return () => {
    delete wasm.Suspending;
    delete wasm.promising;
  };
}
