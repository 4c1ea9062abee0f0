import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BOOTSTRAP_FILES, installBootstrapFrom, type BootstrapSources } from '../worker/bootstrap-install.ts';
import { makeSnapshot } from '../worker/pyodide-snapshot.ts';

/**
 * The build's memory snapshot: Pyodide started in Node, with Sandpit's bootstrap installed exactly as a
 * browser worker would install it, then its memory taken whole. Shipped gzip-compressed as
 * `pyodide/<hash>/sandpit-snapshot.bin.gz` (6 MB), it lets the first interpreter of a visit over a fast
 * link skip Python's start-up (about 2.5 s of CPU) like every later one does (worker/compressed-assets.ts). It holds no JavaScript references (Pyodide refuses a snapshot that would need any it can't
 * restore) and only the build's own code; what it would share between interpreters is renewed in each
 * (worker/interpreter-freshen.ts).
 */
export async function makeBuildSnapshot(pyodideDir: string, bootstrapDir: string): Promise<Uint8Array> {
  return makeSnapshot(pyodideIndexURL(pyodideDir), (pyodide) =>
    installBootstrapFrom(pyodide, readBootstrapSources(bootstrapDir)),
  );
}

/** The bootstrap's files as the build reads them from `bootstrapDir` (worker/python). */
export function readBootstrapSources(bootstrapDir: string): BootstrapSources {
  return Object.fromEntries(
    BOOTSTRAP_FILES.map((name) => [name, readFileSync(path.join(bootstrapDir, name), 'utf8')]),
  ) as BootstrapSources;
}

/** Pyodide's `indexURL` for a folder of its files, in Node. */
export function pyodideIndexURL(pyodideDir: string): string {
  return pathToFileURL(pyodideDir + path.sep).pathname;
}
