/**
 * Pins the private Pyodide API Sandpit relies on for cheap fresh interpreters (worker/pyodide-snapshot.ts).
 * If a Pyodide upgrade renames or changes `_makeSnapshot`, `makeMemorySnapshot` or `_loadSnapshot`, this
 * fails here, loudly, instead of in a learner's browser.
 */
import type { PyodideAPI } from 'pyodide';
import { describe, expect, it } from 'vitest';
import { trampolinePointer } from '../../worker/call-trampoline';
import { loadInterpreter } from '../../worker/pyodide-snapshot';
import { installBootstrap } from '../../worker/python-sources';

const indexURL = new URL('../../node_modules/pyodide/', import.meta.url).pathname;

describe("Pyodide's private snapshot API", () => {
  it('makes a snapshot after preparation and boots a working interpreter from it', async () => {
    const maker = await loadInterpreter(indexURL, { mode: 'make' }, installBootstrap);
    expect(maker.fromSnapshot).toBe(false);
    expect(maker.snapshot).toBeInstanceOf(Uint8Array);
    const snapshot = maker.snapshot as Uint8Array;
    expect(snapshot.byteLength).toBeGreaterThan(1 << 20);
    // The maker stays usable after the snapshot (it runs the first program).
    expect(maker.pyodide.runPython('1 + 1')).toBe(2);

    let prepared = false;
    const restored = await loadInterpreter(indexURL, { mode: 'load', bytes: snapshot.slice() }, () => {
      prepared = true;
    });
    expect(restored.fromSnapshot).toBe(true);
    // The snapshot carries the preparation: the bootstrap and preloaded modules are already imported.
    expect(prepared).toBe(false);
    const py: PyodideAPI = restored.pyodide;
    // The restored interpreter keeps this engine's own call trampoline (worker/call-trampoline.ts). Node
    // takes the JavaScript one (pointer 0) for both, so what this pins is the private fields that fix
    // reads and writes; the browser's side of it is input() on a page without isolation (deployments).
    expect(trampolinePointer(py)).toBe(trampolinePointer(maker.pyodide));
    expect(
      py.runPython("import sys; all(m in sys.modules for m in ['sandpit_runner', 'json', 'random'])"),
    ).toBe(true);
    const outcome = py.runPython(`
import sandpit_runner, json
policy = {'name': 't', 'modules': {'allow': '*', 'deny': []}, 'builtins': ['print']}
request = {'runId': 1, 'code': 'print(6 * 7)', 'filename': 'main.py', 'policy': policy}
json.dumps(sandpit_runner.run_program(request))
`);
    expect(JSON.parse(String(outcome))).toEqual({ kind: 'completed' });
  }, 60_000);

  it('refuses a snapshot that is not one', async () => {
    await expect(
      loadInterpreter(indexURL, { mode: 'load', bytes: new Uint8Array(64 * 1024) }, () => {}),
    ).rejects.toThrow(/magic number|snapshot/i);
  }, 60_000);
});
