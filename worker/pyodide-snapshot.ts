/**
 * Pyodide's memory snapshots, the one place Sandpit touches this private API (`_makeSnapshot`,
 * `makeMemorySnapshot`, `_loadSnapshot`; underscored or marked @private in Pyodide 314). A snapshot is
 * the interpreter's whole WebAssembly memory after start-up and our own preparation; loading one skips
 * Python's initialisation, which is what makes a fresh interpreter per run affordable (~0.3 s instead of
 * ~1.5 s). test/unit/pyodide-snapshot.test.ts fails loudly if Pyodide changes any of this.
 */
import { loadPyodide, type PyodideAPI } from 'pyodide';
import type { SnapshotMode } from './protocol';

/** The private options, typed here and nowhere else. */
interface SnapshotConfig {
  _makeSnapshot?: boolean;
  _loadSnapshot?: Uint8Array;
}

type SnapshottingPyodide = PyodideAPI & { makeMemorySnapshot(): Uint8Array };

export interface LoadedInterpreter {
  readonly pyodide: PyodideAPI;
  readonly fromSnapshot: boolean;
  readonly snapshot?: Uint8Array;
}

/**
 * Starts Pyodide. `prepare` runs on a fresh interpreter (not on one loaded from a snapshot, whose memory
 * already holds its effects); for `make`, the snapshot is taken right after it.
 */
export async function loadInterpreter(
  indexURL: string,
  mode: SnapshotMode,
  prepare: (pyodide: PyodideAPI) => void,
): Promise<LoadedInterpreter> {
  const base = { indexURL, packages: [], checkAPIVersion: true };
  if (mode.mode === 'load') {
    const config: SnapshotConfig = { _loadSnapshot: mode.bytes };
    const pyodide = await loadPyodide({ ...base, ...config });
    return { pyodide, fromSnapshot: true };
  }
  const config: SnapshotConfig = mode.mode === 'make' ? { _makeSnapshot: true } : {};
  const pyodide = await loadPyodide({ ...base, ...config });
  prepare(pyodide);
  if (mode.mode === 'none') return { pyodide, fromSnapshot: false };
  const snapshot = (pyodide as SnapshottingPyodide).makeMemorySnapshot();
  return { pyodide, fromSnapshot: false, snapshot };
}
