/**
 * The standard library zip the build ships (tools/stdlib-bytecode.ts): bytecode beside the sources of
 * modules a start from scratch imports, taken by zipimport, invisible to tracebacks and to the import
 * guard, and consistent with the build's snapshot made from it.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { PyodideAPI } from 'pyodide';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBuildSnapshot, pyodideIndexURL } from '../../tools/pyodide-snapshot-maker';
import {
  BYTECODE_SOURCE_BUDGET,
  pyodideWithBytecode,
  type PyodideWithBytecode,
} from '../../tools/stdlib-bytecode';
import { pyodideDirectory } from '../../tools/vite-plugin-pyodide-assets';
import { loadInterpreter } from '../../worker/pyodide-snapshot';

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
  it('is added beside the biggest sources a start imports, within its budget', async () => {
    const pyodide = await fromScratch();
    pyodide.FS.writeFile('/tmp/shipped.zip', built.stdlibZip);
    const listing = pyodide.runPython(`
import json, zipfile
json.dumps({info.filename: info.compress_size for info in zipfile.ZipFile("/tmp/shipped.zip").infolist()})
`) as string;
    const sizes = new Map(Object.entries(JSON.parse(listing) as Record<string, number>));
    const compiled = [...sizes.keys()].filter((name) => name.endsWith('.pyc'));
    // Every compiled file keeps its source (tracebacks and inspect read it).
    for (const name of compiled) expect(sizes.has(name.slice(0, -1))).toBe(true);
    const sourceBytes = compiled.reduce((sum, name) => sum + (sizes.get(name.slice(0, -1)) ?? 0), 0);
    expect(sourceBytes).toBeLessThanOrEqual(BYTECODE_SOURCE_BUDGET);
    expect(sourceBytes).toBeGreaterThan(BYTECODE_SOURCE_BUDGET * 0.8);
    // The biggest sources go first.
    for (const name of ['typing.pyc', 'inspect.pyc']) expect(compiled).toContain(name);
    // A module no start imports stays source only.
    expect(sizes.has('calendar.py')).toBe(true);
    expect(sizes.has('calendar.pyc')).toBe(false);
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

  it('leaves modules without it to their sources, in a snapshot made from the same zip too', async () => {
    const snapshot = await makeBuildSnapshot(built.pyodideDir, bootstrapDir);
    const { pyodide } = await loadInterpreter(indexURL, { mode: 'load', bytes: snapshot }, () => {
      throw new Error('a snapshot boot must not prepare');
    });
    const result = pyodide.runPython(`
import calendar
(calendar.__spec__.origin, calendar.isleap(2024))
`) as { toJs(): [string, boolean] };
    expect(result.toJs()).toEqual(['/lib/python314.zip/calendar.py', true]);
  }, 60_000);
});
