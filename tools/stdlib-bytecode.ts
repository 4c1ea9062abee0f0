import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installBootstrapFrom, type BootstrapSources } from '../worker/bootstrap-install.ts';
import { loadInterpreter } from '../worker/pyodide-snapshot.ts';
import { pyodideIndexURL, readBootstrapSources } from './pyodide-snapshot-maker.ts';

/**
 * Pyodide's standard library ships as source only (`python_stdlib.zip` holds no `.pyc`), so an
 * interpreter started from scratch compiles every module it imports: 134 of the zip's, for Python's
 * start-up and Sandpit's bootstrap. Measured in Node, Pyodide's own start-up took 2.4-3.0 s with the zip
 * as shipped and 1.2-1.5 s with bytecode beside every one of them. The browser starts from scratch over a
 * slow link (the first interpreter of a visit, which doesn't fetch the build's snapshot) and for the
 * scratch pad's spare, so the build adds compiled files to the zip, for modules such a start imports, as
 * many as BYTECODE_SOURCE_BUDGET allows.
 *
 * The files are unchecked hash-based `.pyc` (PEP 552): zipimport takes them without looking at the source,
 * which stays beside them for tracebacks. Their code objects carry the file name zipimport would give the
 * source (`/lib/python314.zip/<path>.py`), so nothing that reads `co_filename` (tracebacks, the import
 * guard's trusted importers) sees a difference. The zip is the build's own and can't be written by a
 * program (sandpit_write_guard), the same trust as its sources.
 */

/** Where Pyodide mounts the standard library. */
const STDLIB_ZIP = '/lib/python314.zip';

/**
 * How much bytecode the zip gets, counted as the compressed size of the sources it is made from (the
 * bytecode is about twice that). Over a school's link every byte before Python is ready counts twice:
 * bytecode for all 134 modules a start imports (1.4 MB, from 0.73 MB of sources) took Python ready on the
 * bench's 20 Mbit/s link from 7.1 to 6.6 s but the bytes before it from 7.7 to 9.2 MB, past the 8 MB the
 * project holds to (150 KB of sources still came to 8.03 MB; 100 KB, 7.9 MB, and a start from scratch in
 * Node 3.0 → 2.8 s, bootstrap included). Compile time saved is about proportional
 * to bytecode bytes (0.8 ms a KB in Node, within a factor of two for big and small modules alike), so the
 * biggest sources go first, up to this budget.
 */
export const BYTECODE_SOURCE_BUDGET = 100 * 1024;

/** The zip's source files (`os.py`, `encodings/__init__.py`) that an interpreter started from scratch imports. */
async function modulesImportedAtStart(pyodideDir: string, sources: BootstrapSources): Promise<string[]> {
  const { pyodide } = await loadInterpreter(pyodideIndexURL(pyodideDir), { mode: 'none' }, (started) =>
    installBootstrapFrom(started, sources),
  );
  const found = pyodide.runPython(`
import sys
_found = sorted({
    origin[len(${JSON.stringify(STDLIB_ZIP)}) + 1:]
    for module in list(sys.modules.values())
    for origin in [getattr(getattr(module, "__spec__", None), "origin", None)]
    if isinstance(origin, str) and origin.startswith(${JSON.stringify(STDLIB_ZIP + '/')}) and origin.endswith(".py")
})
"\\n".join(_found)
`) as string;
  return found.split('\n').filter((name) => name.length > 0);
}

/**
 * The zip with an unchecked hash-based `.pyc` added beside as many of `names` as the budget allows,
 * compiled by a fresh interpreter.
 */
async function addBytecode(
  pyodideDir: string,
  zip: Uint8Array,
  names: readonly string[],
): Promise<Uint8Array> {
  const { pyodide } = await loadInterpreter(pyodideIndexURL(pyodideDir), { mode: 'none' }, () => {});
  pyodide.FS.writeFile('/tmp/stdlib.zip', zip);
  pyodide.globals.set('_names', pyodide.toPy(names));
  pyodide.runPython(`
import importlib.util, marshal, zipfile

def _add_bytecode(names, budget):
    prefix = ${JSON.stringify(STDLIB_ZIP + '/')}
    with zipfile.ZipFile("/tmp/stdlib.zip") as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    sizes = {info.filename: info.compress_size for info, _ in entries}
    contents = {info.filename: data for info, data in entries}
    # The biggest sources first, by their compressed size in Pyodide's zip (the same in every build).
    chosen = []
    for name in sorted(names, key=lambda name: (-sizes[name], name)):
        if sizes[name] <= budget:
            budget -= sizes[name]
            chosen.append(name)
    with zipfile.ZipFile("/tmp/out.zip", "w") as out:
        for info, data in entries:
            # Deflated harder than Pyodide's zip (19 KB less), which pays for some of the bytecode.
            out.writestr(info, data, compresslevel=9)
        for name in sorted(chosen):
            data = contents[name]
            code = compile(data, prefix + name, "exec", dont_inherit=True)
            # PEP 552 header: magic, flags 0b01 (hash-based, unchecked), the source's hash.
            header = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + importlib.util.source_hash(data)
            entry = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
            out.writestr(entry, header + marshal.dumps(code), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)

_add_bytecode(_names, ${BYTECODE_SOURCE_BUDGET})
`);
  return pyodide.FS.readFile('/tmp/out.zip');
}

export interface PyodideWithBytecode {
  /** The standard library zip with bytecode, as the build ships it. */
  readonly stdlibZip: Uint8Array;
  /** A folder with Pyodide's files and that zip, for making the build's snapshot with the very same zip. */
  readonly pyodideDir: string;
}

/**
 * Builds the shipped `python_stdlib.zip`, and a Pyodide folder holding it: the build's memory snapshot
 * must be made with the zip the browser will have, since the snapshot's zip importer remembers where
 * each file lies in it.
 */
export async function pyodideWithBytecode(
  pyodideDir: string,
  bootstrapDir: string,
): Promise<PyodideWithBytecode> {
  const names = await modulesImportedAtStart(pyodideDir, readBootstrapSources(bootstrapDir));
  const stdlibZip = await addBytecode(
    pyodideDir,
    readFileSync(path.join(pyodideDir, 'python_stdlib.zip')),
    names,
  );
  const folder = mkdtempSync(path.join(tmpdir(), 'sandpit-pyodide-'));
  for (const name of readdirSync(pyodideDir))
    if (name !== 'python_stdlib.zip') symlinkSync(path.join(pyodideDir, name), path.join(folder, name));
  writeFileSync(path.join(folder, 'python_stdlib.zip'), stdlibZip);
  return { stdlibZip, pyodideDir: folder };
}
