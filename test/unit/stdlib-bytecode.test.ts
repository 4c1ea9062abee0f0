/**
 * The standard library the build ships (tools/stdlib-bytecode.ts): the start's part, with bytecode beside
 * the sources of modules a start from scratch imports, taken by zipimport, invisible to tracebacks and to
 * the import guard, and consistent with the build's snapshot made from it; and the rest, which joined to it
 * (worker/stdlib-parts.ts) gives the whole library.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PyodideAPI } from 'pyodide';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBuildSnapshot, pyodideIndexURL } from '../../tools/pyodide-snapshot-maker';
import { pyodideWithBytecode, type PyodideWithBytecode } from '../../tools/stdlib-bytecode';
import { pyodideDirectory } from '../../tools/vite-plugin-pyodide-assets';
import { loadInterpreter } from '../../worker/pyodide-snapshot';
import { joinStdlib, mountWholeStdlib } from '../../worker/stdlib-parts';

const bootstrapDir = path.resolve(import.meta.dirname, '../../worker/python');

let built: PyodideWithBytecode;
let indexURL: string;

beforeAll(async () => {
  built = await pyodideWithBytecode(pyodideDirectory(), bootstrapDir);
  indexURL = pyodideIndexURL(built.pyodideDir);
}, 120_000);

afterAll(() => rmSync(built.pyodideDir, { recursive: true, force: true }));

async function fromScratch(): Promise<PyodideAPI> {
  return (await loadInterpreter(indexURL, { mode: 'none' }, () => {})).pyodide;
}

describe("the standard library's bytecode", () => {
  it("is beside every source of the start's part, which holds what a start imports and no more", async () => {
    const pyodide = await fromScratch();
    pyodide.FS.writeFile('/tmp/start.zip', built.stdlibZip);
    pyodide.FS.writeFile(
      '/tmp/original.zip',
      readFileSync(path.join(pyodideDirectory(), 'python_stdlib.zip')),
    );
    const whole = joinStdlib(built.stdlibZip, built.stdlibRest);
    expect(whole).not.toBeNull();
    pyodide.FS.writeFile('/tmp/whole.zip', whole as Uint8Array);
    // zipfile decodes names with cp437, which is in the rest.
    expect(mountWholeStdlib(pyodide, built.stdlibRest)).toBe(true);
    const listing = pyodide.runPython(`
import json, zipfile
json.dumps({name: sorted(zipfile.ZipFile(f"/tmp/{name}.zip").namelist()) for name in ("start", "whole", "original")})
`) as string;
    const {
      start,
      whole: joined,
      original,
    } = JSON.parse(listing) as Record<'start' | 'whole' | 'original', string[]>;
    const compiled = start.filter((name) => name.endsWith('.pyc'));
    const sources = start.filter((name) => name.endsWith('.py'));
    // Every source a start imports has its bytecode, and every compiled file keeps its source (tracebacks).
    expect(compiled.map((name) => name.slice(0, -1))).toEqual(sources);
    for (const name of ['typing.py', 'inspect.py', 'encodings/__init__.py', 'random.py'])
      expect(sources).toContain(name);
    // A module no start imports is in the rest only.
    expect(start).not.toContain('calendar.py');
    // Joined, the two parts hold every file of Pyodide's zip, and the start's bytecode.
    expect(joined).toEqual([...original, ...compiled].sort());
  });

  it("is not joined to a rest that isn't its own", () => {
    expect(
      joinStdlib(built.stdlibZip, built.stdlibRest.subarray(0, built.stdlibRest.length - 100)),
    ).toBeNull();
    expect(joinStdlib(built.stdlibZip, new Uint8Array(1000))).toBeNull();
    expect(joinStdlib(new Uint8Array(10), built.stdlibRest)).toBeNull();
  });

  it('is what an interpreter started from scratch runs, under the source file names', async () => {
    const pyodide = await fromScratch();
    const result = pyodide.runPython(`
import inspect, traceback
try:
    inspect.signature(1)
except TypeError as error:
    frames = traceback.extract_tb(error.__traceback__)
last = [frame for frame in frames if frame.filename.endswith("/inspect.py")][-1]
(inspect.__spec__.origin, inspect.signature.__code__.co_filename, last.filename, last.line)
`) as { toJs(): [string, string, string, string] };
    const [origin, filename, frameFile, frameLine] = result.toJs();
    expect(origin).toBe('/lib/python314.zip/inspect.pyc');
    expect(filename).toBe('/lib/python314.zip/inspect.py');
    expect(frameFile).toBe('/lib/python314.zip/inspect.py');
    expect(frameLine.length).toBeGreaterThan(0); // the source line, read from the .py beside it
  });

  it("gives a snapshot made from the start's part the whole library once the rest is mounted", async () => {
    const snapshot = await makeBuildSnapshot(built.pyodideDir, bootstrapDir);
    const { pyodide } = await loadInterpreter(indexURL, { mode: 'load', bytes: snapshot }, () => {
      throw new Error('a snapshot boot must not prepare');
    });
    expect(() => pyodide.runPython('import calendar')).toThrow(/No module named 'calendar'/);
    expect(mountWholeStdlib(pyodide, built.stdlibRest)).toBe(true);
    const result = pyodide.runPython(`
import calendar, email.mime.text, inspect
# encodings is split between the parts: its package folder holds both.
(calendar.__spec__.origin, calendar.isleap(2024), "é".encode("cp1252"), inspect.__spec__.origin)
`) as { toJs(): [string, boolean, Uint8Array, string] };
    const [origin, leap, encoded, startOrigin] = result.toJs();
    expect([origin, leap, [...encoded], startOrigin]).toEqual([
      '/lib/python314.zip/calendar.py',
      true,
      [0xe9],
      '/lib/python314.zip/inspect.pyc',
    ]);
  }, 60_000);
});
