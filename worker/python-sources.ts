import type { PyodideAPI } from 'pyodide';
import { installBootstrapFrom, type BootstrapSources } from './bootstrap-install';
import guardSource from './python/sandpit_guard.py?raw';
import hostSource from './python/sandpit_host.py?raw';
import isolationSource from './python/sandpit_isolation.py?raw';
import learnerSysSource from './python/sandpit_learner_sys.py?raw';
import policySource from './python/sandpit_policy.py?raw';
import runnerSource from './python/sandpit_runner.py?raw';
import tracebackSource from './python/sandpit_traceback.py?raw';

/** Sandpit's Python bootstrap, shipped inside the worker bundle and installed into the interpreter's FS. */
export const PYTHON_SOURCES: BootstrapSources = {
  'sandpit_guard.py': guardSource,
  'sandpit_policy.py': policySource,
  'sandpit_learner_sys.py': learnerSysSource,
  'sandpit_isolation.py': isolationSource,
  'sandpit_host.py': hostSource,
  'sandpit_traceback.py': tracebackSource,
  'sandpit_runner.py': runnerSource,
};

/** The JavaScript functions Python's sandpit_host calls (see worker/host-bridge.ts). */
export interface HostFunctions {
  read_line(prompt: string): string | undefined | false;
  sleep(milliseconds: number): boolean;
  take_signal(): number;
}

export interface PythonRunner {
  /** sandpit_runner.run_program, its dict result converted to a plain object (the main thread validates it). */
  runProgram(
    code: string,
    filename: string,
    policyJson: string,
    host: HostFunctions,
    stdinJson: string,
    patchSleep: boolean,
  ): unknown;
  /** sandpit_isolation.trust_installed: the host installed these distributions for the coming run. */
  trustPackages(distributions: readonly string[]): void;
}

interface PyDictProxy {
  toJs(options: { dict_converter: (entries: Iterable<[unknown, unknown]>) => unknown }): unknown;
  destroy(): void;
}

/** Writes the bootstrap (as bundled with this worker) into the FS and imports it. */
export function installBootstrap(pyodide: PyodideAPI): void {
  installBootstrapFrom(pyodide, PYTHON_SOURCES);
}

/** The runner of an interpreter whose bootstrap is installed (directly, or through its snapshot). */
export function bootstrapRunner(pyodide: PyodideAPI): PythonRunner {
  const runner = pyodide.pyimport('sandpit_runner') as unknown as {
    run_program: (...args: Parameters<PythonRunner['runProgram']>) => PyDictProxy;
  };
  const runProgram = runner.run_program;
  // Taken now: once a program has run, the bootstrap's modules can no longer be imported.
  const isolation = pyodide.pyimport('sandpit_isolation') as unknown as {
    trust_installed: (distributions: readonly string[]) => void;
  };
  return {
    trustPackages: (distributions) => isolation.trust_installed(distributions),
    runProgram: (...args) => {
      const result = runProgram(...args);
      try {
        return result.toJs({ dict_converter: Object.fromEntries });
      } finally {
        result.destroy();
      }
    },
  };
}
