import type { PyodideAPI } from 'pyodide';
import type { RunRequest } from '../src/wire/protocol';
import { installBootstrapFrom, type BootstrapSources } from './bootstrap-install';
import explainSource from './python/sandpit_explain.py?raw';
import exceptionTableSource from './python/sandpit_exception_table.py?raw';
import gatesSource from './python/sandpit_gates.py?raw';
import guardSource from './python/sandpit_guard.py?raw';
import hostSource from './python/sandpit_host.py?raw';
import outputSource from './python/sandpit_output.py?raw';
import isolationSource from './python/sandpit_isolation.py?raw';
import learnerSysSource from './python/sandpit_learner_sys.py?raw';
import moduleViewsSource from './python/sandpit_module_views.py?raw';
import policySource from './python/sandpit_policy.py?raw';
import runnerSource from './python/sandpit_runner.py?raw';
import tracebackSource from './python/sandpit_traceback.py?raw';
import writeGuardSource from './python/sandpit_write_guard.py?raw';
import turtleColorsSource from './python/turtle_colors.py?raw';
import turtleSource from './python/turtle.py?raw';

/** Sandpit's Python bootstrap, shipped inside the worker bundle and installed into the interpreter's FS. */
export const PYTHON_SOURCES: BootstrapSources = {
  'sandpit_exception_table.py': exceptionTableSource,
  'sandpit_gates.py': gatesSource,
  'sandpit_guard.py': guardSource,
  'sandpit_module_views.py': moduleViewsSource,
  'sandpit_policy.py': policySource,
  'sandpit_learner_sys.py': learnerSysSource,
  'sandpit_write_guard.py': writeGuardSource,
  'sandpit_isolation.py': isolationSource,
  'sandpit_output.py': outputSource,
  'sandpit_host.py': hostSource,
  'sandpit_traceback.py': tracebackSource,
  'sandpit_explain.py': explainSource,
  'sandpit_runner.py': runnerSource,
  'turtle.py': turtleSource,
  'turtle_colors.py': turtleColorsSource,
};

/**
 * The JavaScript functions Python's sandpit_host calls (worker/shared-memory-host.ts, worker/jspi-host.ts).
 * With `asynchronous`, `read_line`, `sleep` and `yield_now` return promises that Python waits on with
 * `run_sync` (JSPI); otherwise they block or answer at once.
 */
export interface HostFunctions {
  /** True when the host can wait: `time.sleep` then waits through `sleep` below. */
  readonly can_wait: boolean;
  readonly asynchronous: boolean;
  /** The signal the tick raises to have the program call `yield_now` (0: never). */
  readonly yield_signal: number;
  /** The signals the tick raises to have sys.stdout line- or block-buffered and written out (sandpit_output; 0: never). */
  readonly stdout_line_signal: number;
  readonly stdout_block_signal: number;
  /** A line, `undefined` at end of file, `false` when Stop interrupted the wait. */
  read_line(prompt: string): string | undefined | false | Promise<string | undefined | false>;
  /**
   * turtle's wait for a key, click or timer (-1: no timeout): an event as JSON, `''` when the time ran
   * out, `undefined` when none can come, `false` when Stop interrupted the wait.
   */
  wait_event(timeoutMs: number): string | undefined | false | Promise<string | undefined | false>;
  /** Sleeps; true when woken early by Stop. */
  sleep(milliseconds: number): boolean | Promise<boolean>;
  take_signal(): number;
  /** Lets the page in for a moment (JSPI); resolves when the program may go on. */
  yield_now(): Promise<void> | undefined;
  /** Python is back on the program's own stack after waiting on one of the promises above. */
  resumed(): void;
  /**
   * The program's SIGINT handler is raising KeyboardInterrupt after a Stop: the page then gives its
   * `except`/`finally` blocks the cleanup grace before killing the worker (src/runtime/supervisor.ts).
   */
  interrupt_received(): void;
}

export interface PythonRunner {
  /**
   * sandpit_runner.run_program: the request crosses to Python whole, as a dict; its dict result comes
   * back as a plain object (the main thread validates it).
   */
  runProgram(request: RunRequest, host: HostFunctions, options: { promising: boolean }): Promise<unknown>;
  /** sandpit_isolation.trust_installed: the host installed these distributions for the coming run. */
  trustPackages(distributions: readonly string[]): void;
}

interface PyDictProxy {
  toJs(options: { dict_converter: (entries: Iterable<[unknown, unknown]>) => unknown }): unknown;
  destroy(): void;
}

interface RunProgramProxy {
  (request: PyDictProxy, host: HostFunctions): PyDictProxy;
  /** Pyodide's stack-switching call: the program may suspend itself with `run_sync`. */
  callPromising(request: PyDictProxy, host: HostFunctions): Promise<PyDictProxy>;
}

/** Writes the bootstrap (as bundled with this worker) into the FS and imports it. */
export function installBootstrap(pyodide: PyodideAPI): void {
  installBootstrapFrom(pyodide, PYTHON_SOURCES);
}

/** The runner of an interpreter whose bootstrap is installed (directly, or through its snapshot). */
export function bootstrapRunner(pyodide: PyodideAPI): PythonRunner {
  const runner = pyodide.pyimport('sandpit_runner') as unknown as { run_program: RunProgramProxy };
  const runProgram = runner.run_program;
  // Taken now: once a program has run, the bootstrap's modules can no longer be imported.
  const isolation = pyodide.pyimport('sandpit_isolation') as unknown as {
    trust_installed: (distributions: readonly string[]) => void;
  };
  return {
    trustPackages: (distributions) => isolation.trust_installed(distributions),
    runProgram: async (request, host, { promising }) => {
      // A Python dict, not a proxy of the JavaScript object: the program must find no JavaScript in it.
      const pythonRequest = pyodide.toPy(request) as PyDictProxy;
      try {
        const result = promising
          ? await runProgram.callPromising(pythonRequest, host)
          : runProgram(pythonRequest, host);
        try {
          return result.toJs({ dict_converter: Object.fromEntries });
        } finally {
          result.destroy();
        }
      } finally {
        pythonRequest.destroy();
      }
    },
  };
}
