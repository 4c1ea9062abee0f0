import type { PyodideAPI } from 'pyodide';

/**
 * The standard library in two parts (the build splits it: tools/stdlib-bytecode.ts). Pyodide mounts the
 * start's part (`python_stdlib.zip`: the modules a start imports, with their bytecode); the rest is
 * fetched once the interpreter is ready, so that it never delays Python's start over a slow link, and is
 * joined to it before a program runs. The rest is the whole zip's tail: the start's part up to its central
 * directory, followed by the rest, is the whole standard library as one zip.
 */

/** The rest of the standard library, next to Pyodide's files (a build writes it; the dev server has none). */
export const STDLIB_REST_FILE = 'python_stdlib_rest.bin';

/** Where Pyodide mounts the standard library. */
export const STDLIB_ZIP_PATH = '/lib/python314.zip';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_BYTES = 22;

interface EndRecord {
  readonly at: number;
  readonly entries: number;
  readonly directoryBytes: number;
  readonly directoryAt: number;
}

/** The zip's end-of-central-directory record (no zip64: the standard library is far below its limits). */
function endRecord(zip: Uint8Array): EndRecord | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The record is the last 22 bytes, plus a comment of up to 64 KiB.
  const lowest = Math.max(0, zip.length - END_RECORD_BYTES - 0xffff);
  for (let at = zip.length - END_RECORD_BYTES; at >= lowest; at--) {
    if (view.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    return {
      at,
      entries: view.getUint16(at + 10, true),
      directoryBytes: view.getUint32(at + 12, true),
      directoryAt: view.getUint32(at + 16, true),
    };
  }
  return null;
}

/**
 * The whole standard library from its two parts, or null when they don't belong together (parts of two
 * builds, a truncated download): then the interpreter keeps the start's part alone.
 */
export function joinStdlib(start: Uint8Array, rest: Uint8Array): Uint8Array | null {
  const startEnd = endRecord(start);
  if (startEnd === null || startEnd.directoryAt > start.length) return null;
  const whole = new Uint8Array(startEnd.directoryAt + rest.length);
  whole.set(start.subarray(0, startEnd.directoryAt));
  whole.set(rest, startEnd.directoryAt);
  const wholeEnd = endRecord(whole);
  const view = new DataView(whole.buffer);
  const consistent =
    wholeEnd !== null &&
    wholeEnd.entries > startEnd.entries &&
    wholeEnd.directoryAt >= startEnd.directoryAt &&
    wholeEnd.directoryAt + wholeEnd.directoryBytes === wholeEnd.at &&
    view.getUint32(wholeEnd.directoryAt, true) === CENTRAL_DIRECTORY_ENTRY;
  return consistent ? whole : null;
}

/**
 * Fetches the rest of the standard library. Null when this deployment has none (the dev server answers
 * with its HTML page, serving Pyodide's whole zip as the start's part) or it can't be had (offline before
 * the first visit finished): programs then import from the start's part only.
 */
export async function fetchStdlibRest(indexURL: string, fetcher: typeof fetch): Promise<Uint8Array | null> {
  try {
    const response = await fetcher(new URL(STDLIB_REST_FILE, indexURL));
    const type = response.headers.get('Content-Type') ?? '';
    if (!response.ok || type.startsWith('text/')) return null;
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return null;
  }
}

/**
 * Replaces the mounted start's part with the whole standard library. No program has run in this
 * interpreter yet (each run has its own), so nothing it did can be in the zip or in the importers'
 * caches. Returns whether the whole library is mounted now.
 */
export function mountWholeStdlib(pyodide: PyodideAPI, rest: Uint8Array): boolean {
  const whole = joinStdlib(pyodide.FS.readFile(STDLIB_ZIP_PATH) as Uint8Array, rest);
  if (whole === null) return false;
  pyodide.FS.writeFile(STDLIB_ZIP_PATH, whole);
  // The zip importers read the archive's directory once and keep it (in the memory snapshot too): the
  // start's entries lie where they lay, the rest's are found once the directory is read again.
  pyodide.runPython(
    `import zipimport\nzipimport._zip_directory_cache.pop(${JSON.stringify(STDLIB_ZIP_PATH)}, None)\ndel zipimport`,
  );
  return true;
}
