import type { PyodideAPI } from 'pyodide';

/**
 * Installing Sandpit's Python bootstrap into an interpreter. Kept apart from python-sources.ts (which
 * bundles the sources with Vite's `?raw`) so the build can run the very same steps in Node when it makes
 * the prebuilt memory snapshot (tools/pyodide-snapshot-maker.ts).
 */

/** Folder (outside the learner's working directory) holding the bootstrap; tracebacks hide its frames. */
export const BOOTSTRAP_DIR = '/sandpit';

/** The bootstrap's files, by name; the runner imports the rest. */
// prettier-ignore
export const BOOTSTRAP_FILES = [
  'sandpit_exception_table.py', 'sandpit_gates.py', 'sandpit_guard.py', 'sandpit_module_views.py', 'sandpit_policy.py',
  'sandpit_learner_sys.py', 'sandpit_write_guard.py', 'sandpit_isolation.py', 'sandpit_output.py', 'sandpit_host.py',
  'sandpit_traceback.py',
  'sandpit_explain.py', 'sandpit_runner.py', 'turtle.py', 'turtle_colors.py',
] as const;

export type BootstrapSources = Readonly<Record<(typeof BOOTSTRAP_FILES)[number], string>>;

/**
 * Standard-library modules imported before the memory snapshot is taken, so that a learner's
 * `import random` in a fresh interpreter costs nothing: the modules are already in the snapshot.
 */
// prettier-ignore
export const PRELOADED_MODULES = [
  'math', 'random', 'json', 're', 'collections', 'itertools', 'functools', 'string', 'time', 'datetime',
  'dataclasses', 'typing', 'statistics', 'textwrap', 'fractions', 'decimal', 'operator', 'copy', 'io',
] as const;

/** Writes the bootstrap into the FS and imports it, with the standard modules learners use most. */
export function installBootstrapFrom(pyodide: PyodideAPI, sources: BootstrapSources): void {
  pyodide.FS.mkdirTree(BOOTSTRAP_DIR);
  for (const name of BOOTSTRAP_FILES) pyodide.FS.writeFile(`${BOOTSTRAP_DIR}/${name}`, sources[name]);
  // Import once with the folder on sys.path, then take it off so learners' imports never look there.
  pyodide.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(BOOTSTRAP_DIR)})
try:
    import sandpit_runner
finally:
    sys.path.remove(${JSON.stringify(BOOTSTRAP_DIR)})
import ${PRELOADED_MODULES.join(', ')}
# The attribute gate and the look at the loaded modules, once, here: a snapshot then holds them.
sys.modules["sandpit_isolation"].prepare()
del sys, sandpit_runner, ${PRELOADED_MODULES.join(', ')}
`);
}
