/**
 * Runs the bootstrap's own Python tests (test/python/test_*.py) inside real Pyodide, the same interpreter
 * version the browser uses, with the bootstrap installed exactly as the worker installs it. Each Python
 * `test_*` function is one Vitest test; a failing assert shows its Python traceback. All tests share one
 * interpreter, which the first program run hardens (sandpit_isolation), exactly like a browser worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, it } from 'vitest';
import { LEARNER_POLICY } from '../../src/runtime/policy';
import { installBootstrap } from '../../worker/python-sources';

const TEST_DIR = path.resolve(import.meta.dirname, '../python');
const ANALYSIS_DIR = path.resolve(import.meta.dirname, '../../worker/python');
let pyodide: PyodideAPI;

beforeAll(async () => {
  pyodide = await loadPyodide();
  installBootstrap(pyodide);
  pyodide.FS.mkdirTree('/tests');
  for (const file of readdirSync(TEST_DIR).filter((name) => name.endsWith('.py'))) {
    pyodide.FS.writeFile(`/tests/${file}`, readFileSync(path.join(TEST_DIR, file), 'utf8'));
  }
  pyodide.FS.writeFile('/tests/learner_policy.json', JSON.stringify(LEARNER_POLICY));
  // The analysis worker's modules (worker/analysis.worker.ts loads them into a Python of its own).
  for (const name of ['sandpit_analysis.py', 'sandpit_format.py'])
    pyodide.FS.writeFile(`/tests/${name}`, readFileSync(path.join(ANALYSIS_DIR, name), 'utf8'));
  pyodide.runPython("import sys; sys.path.insert(0, '/tests')");
  // Import every test module now: the first program run hardens this interpreter for good (as it does in
  // the browser), and from then on the bootstrap's own modules can no longer be imported.
  const modules = readdirSync(TEST_DIR)
    .filter((name) => /^(test_\w+|conftest_support)\.py$/.test(name))
    .map((name) => name.replace(/\.py$/, ''));
  pyodide.runPython(`import ${modules.join(', ')}`);
});

for (const file of readdirSync(TEST_DIR).filter((name) => /^test_\w+\.py$/.test(name))) {
  const moduleName = file.replace(/\.py$/, '');
  const source = readFileSync(path.join(TEST_DIR, file), 'utf8');
  const testNames = [...source.matchAll(/^def (test_\w+)\(/gm)].map((match) => match[1]);
  describe(`python: ${file}`, () => {
    for (const name of testNames) {
      // Two minutes: the reachability walk takes about 15 s alone, and several times that beside a busy suite.
      it(
        name ?? '',
        () => {
          pyodide.runPython(`import ${moduleName}\n${moduleName}.${name}()`);
        },
        120_000,
      );
    }
  });
}
