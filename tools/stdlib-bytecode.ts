import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installBootstrapFrom, type BootstrapSources } from '../worker/bootstrap-install.ts';
import { loadInterpreter } from '../worker/pyodide-snapshot.ts';
import { STDLIB_ZIP_PATH } from '../worker/stdlib-parts.ts';
import { pyodideIndexURL, readBootstrapSources } from './pyodide-snapshot-maker.ts';

/**
 * Pyodide's standard library ships as source only (`python_stdlib.zip` holds no `.pyc`), so an
 * interpreter started from scratch compiles every module it imports: 150 of the zip's, for Python's
 * start-up and Sandpit's bootstrap. Over a school's link that compiling was most of the time between the
 * last byte and Python ready: 3.2 s of the 3.6 s on the 2-core test machine (Chromium, CPU profile of the
 * worker: 4.5 s of WebAssembly, mostly CPython's compiler in baseline code). With bytecode beside every one
 * of those modules it was 1.0 s. The bytecode costs bytes (1.4 MB), and every byte before Python is ready
 * crosses the link first; so the build splits the zip in two:
 *
 * - the **start's part** (`python_stdlib.zip`, what Pyodide mounts at boot): the sources a start imports,
 *   each with its bytecode. 2.1 MB instead of the 2.7 MB of the whole zip as Pyodide ships it;
 * - the **rest** (`python_stdlib_rest.bin`): every other file, fetched by the worker once Python has
 *   started (worker/stdlib-parts.ts) and joined to the start's part before a program runs.
 *
 * The rest is the tail of the whole zip, whose first bytes are the start's part's entries unchanged: the
 * start's part, up to where its central directory begins, followed by the rest, *is* the whole zip, with
 * one central directory that lists every file. Packages split across the two (`encodings`) stay one
 * folder of one archive, as Python expects.
 *
 * The bytecode files are unchecked hash-based `.pyc` (PEP 552): zipimport takes them without looking at
 * the source, which stays beside them for tracebacks. Their code objects carry the file name zipimport
 * would give the source (`/lib/python314.zip/<path>.py`), so nothing that reads `co_filename`
 * (tracebacks, the import guard's trusted importers) sees a difference. The zip is the build's own and
 * can't be written by a program (sandpit_write_guard), the same trust as its sources.
 */

/** The zip's source files (`os.py`, `encodings/__init__.py`) that an interpreter started from scratch imports. */
async function modulesImportedAtStart(pyodideDir: string, sources: BootstrapSources): Promise<string[]> {
  const { pyodide } = await loadInterpreter(pyodideIndexURL(pyodideDir), { mode: 'none' }, (started) =>
    installBootstrapFrom(started, sources),
  );
  const found = pyodide.runPython(`
import sys
_found = sorted({
    origin[len(${JSON.stringify(STDLIB_ZIP_PATH)}) + 1:]
    for module in list(sys.modules.values())
    for origin in [getattr(getattr(module, "__spec__", None), "origin", None)]
    if isinstance(origin, str) and origin.startswith(${JSON.stringify(STDLIB_ZIP_PATH + '/')}) and origin.endswith(".py")
})
"\\n".join(_found)
`) as string;
  return found.split('\n').filter((name) => name.length > 0);
}

/**
 * The zip split in two: `names`, each with an unchecked hash-based `.pyc` compiled by a fresh interpreter
 * (the start's part), and a tail holding everything else and the whole zip's central directory (the rest).
 */
async function splitWithBytecode(
  pyodideDir: string,
  zip: Uint8Array,
  names: readonly string[],
): Promise<{ start: Uint8Array; rest: Uint8Array }> {
  const { pyodide } = await loadInterpreter(pyodideIndexURL(pyodideDir), { mode: 'none' }, () => {});
  pyodide.FS.writeFile('/tmp/stdlib.zip', zip);
  pyodide.globals.set('_names', pyodide.toPy(names));
  pyodide.runPython(`
import importlib.util, marshal, shutil, zipfile

def _split(names):
    prefix = ${JSON.stringify(STDLIB_ZIP_PATH + '/')}
    wanted = set(names)
    with zipfile.ZipFile("/tmp/stdlib.zip") as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile("/tmp/start.zip", "w") as start:
        for info, data in entries:
            if info.filename in wanted:
                # Deflated harder than Pyodide's zip, which pays for some of the bytecode.
                start.writestr(info, data, compresslevel=9)
        for info, data in entries:
            if info.filename in wanted:
                code = compile(data, prefix + info.filename, "exec", dont_inherit=True)
                # PEP 552 header: magic, flags 0b01 (hash-based, unchecked), the source's hash.
                header = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + importlib.util.source_hash(data)
                entry = zipfile.ZipInfo(info.filename + "c", date_time=(1980, 1, 1, 0, 0, 0))
                start.writestr(entry, header + marshal.dumps(code), compress_type=zipfile.ZIP_DEFLATED,
                               compresslevel=9)
        entries_end = start.start_dir
    # Appending writes the new entries where the start's central directory was, then one directory for all.
    shutil.copyfile("/tmp/start.zip", "/tmp/whole.zip")
    with zipfile.ZipFile("/tmp/whole.zip", "a") as whole:
        for info, data in entries:
            if info.filename not in wanted:
                whole.writestr(info, data, compresslevel=9)
    with open("/tmp/whole.zip", "rb") as whole, open("/tmp/start.zip", "rb") as start:
        whole_bytes = whole.read()
        if whole_bytes[:entries_end] != start.read()[:entries_end]:
            raise AssertionError("the whole zip does not begin with the start's entries")
    with open("/tmp/rest.bin", "wb") as rest:
        rest.write(whole_bytes[entries_end:])

_split(_names)
`);
  return { start: pyodide.FS.readFile('/tmp/start.zip'), rest: pyodide.FS.readFile('/tmp/rest.bin') };
}

export interface PyodideWithBytecode {
  /** The start's part of the standard library, with bytecode: the `python_stdlib.zip` the build ships. */
  readonly stdlibZip: Uint8Array;
  /** The rest of the standard library (worker/stdlib-parts.ts). */
  readonly stdlibRest: Uint8Array;
  /** A folder with Pyodide's files and that zip, for making the build's snapshot with the very same zip. */
  readonly pyodideDir: string;
}

/**
 * Builds the shipped standard library, and a Pyodide folder holding its start's part as
 * `python_stdlib.zip`: the build's memory snapshot must be made with the zip a browser's interpreter has
 * when it starts, since the snapshot's zip importer remembers where each file lies in it.
 */
export async function pyodideWithBytecode(
  pyodideDir: string,
  bootstrapDir: string,
): Promise<PyodideWithBytecode> {
  const names = await modulesImportedAtStart(pyodideDir, readBootstrapSources(bootstrapDir));
  const { start: stdlibZip, rest: stdlibRest } = await splitWithBytecode(
    pyodideDir,
    readFileSync(path.join(pyodideDir, 'python_stdlib.zip')),
    names,
  );
  const folder = mkdtempSync(path.join(tmpdir(), 'sandpit-pyodide-'));
  for (const name of readdirSync(pyodideDir))
    if (name !== 'python_stdlib.zip') symlinkSync(path.join(pyodideDir, name), path.join(folder, name));
  writeFileSync(path.join(folder, 'python_stdlib.zip'), stdlibZip);
  return { stdlibZip, stdlibRest, pyodideDir: folder };
}
