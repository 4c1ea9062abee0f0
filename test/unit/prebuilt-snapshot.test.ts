/**
 * The build's snapshot (tools/pyodide-snapshot-maker.ts): made in Node, loaded by the first interpreter of
 * a visit, and renewed per interpreter (worker/interpreter-freshen.ts) so that interpreters made from the
 * same memory don't share their random numbers or the build machine's time zone.
 */
import path from 'node:path';
import type { PyodideAPI } from 'pyodide';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pyodideDirectory } from '../../tools/vite-plugin-pyodide-assets';
import { makeBuildSnapshot } from '../../tools/pyodide-snapshot-maker';
import { freshenInterpreter } from '../../worker/interpreter-freshen';
import { loadInterpreter } from '../../worker/pyodide-snapshot';

const indexURL = new URL('../../node_modules/pyodide/', import.meta.url).pathname;
const bootstrapDir = path.resolve(import.meta.dirname, '../../worker/python');
const originalTimeZone = process.env['TZ'];

/** Node reads TZ again whenever it is assigned, as a browser would report another zone. */
function setTimeZone(zone: string | undefined): void {
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
}

let buildSnapshot: Uint8Array;

beforeAll(async () => {
  setTimeZone('UTC');
  buildSnapshot = await makeBuildSnapshot(pyodideDirectory(), bootstrapDir);
}, 60_000);

afterEach(() => setTimeZone(originalTimeZone));

async function fromBuildSnapshot(): Promise<PyodideAPI> {
  const { pyodide } = await loadInterpreter(indexURL, { mode: 'load', bytes: buildSnapshot.slice() }, () => {
    throw new Error('a snapshot boot must not prepare');
  });
  return pyodide;
}

describe('the prebuilt snapshot', () => {
  it('boots a `make` interpreter from the prebuilt bytes and hands the same bytes back for the pool', async () => {
    const bytes = buildSnapshot.slice();
    const prepare = vi.fn();
    const loaded = await loadInterpreter(indexURL, { mode: 'make' }, prepare, () => Promise.resolve(bytes));
    expect(loaded.fromSnapshot).toBe(true);
    expect(loaded.snapshot).toBe(bytes);
    expect(prepare).not.toHaveBeenCalled();
    expect(loaded.pyodide.runPython("import sys; 'sandpit_runner' in sys.modules")).toBe(true);
    // The same environment as a snapshot made in a browser: nothing names the build machine.
    expect(
      loaded.pyodide
        .runPython("import os, sys; (sys.executable, os.environ['_'], os.environ['LANG'])")
        .toJs(),
    ).toEqual(['/home/pyodide/this.program', './this.program', 'C.UTF-8']);
  }, 60_000);

  it('starts from scratch and makes the snapshot when the build has none, or one that does not load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const prebuilt of [() => Promise.resolve(null), () => Promise.resolve(new Uint8Array(64 * 1024))]) {
      const prepare = vi.fn();
      const loaded = await loadInterpreter(indexURL, { mode: 'make' }, prepare, prebuilt);
      expect(loaded.fromSnapshot).toBe(false);
      expect(prepare).toHaveBeenCalledOnce();
      expect(loaded.snapshot?.byteLength).toBeGreaterThan(1 << 20);
    }
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  }, 120_000);

  it('gives each interpreter made from it its own random numbers', async () => {
    const draws = [];
    for (let i = 0; i < 2; i++) {
      const pyodide = await fromBuildSnapshot();
      freshenInterpreter(pyodide);
      draws.push(pyodide.runPython('import random; random.random()'));
    }
    expect(draws[0]).not.toBe(draws[1]);
  }, 60_000);

  it("gives an interpreter the browser's time zone, not the build machine's", async () => {
    setTimeZone('America/New_York');
    const pyodide = await fromBuildSnapshot();
    const stale = pyodide.runPython('import time; time.timezone');
    expect(stale).toBe(0);
    freshenInterpreter(pyodide);
    const zone = pyodide.runPython(`
import time
january = time.mktime((2026, 1, 15, 12, 0, 0, 0, 0, -1))
july = time.mktime((2026, 7, 15, 12, 0, 0, 0, 0, -1))
(time.timezone, time.altzone, time.daylight, time.tzname,
 time.strftime('%Z', time.localtime(january)), time.strftime('%Z', time.localtime(july)))
`);
    expect(zone.toJs()).toEqual([18000, 14400, 1, ['UTC-0500', 'UTC-0400'], 'UTC-0500', 'UTC-0400']);
  }, 60_000);
});
