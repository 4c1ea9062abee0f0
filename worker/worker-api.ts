import type { PyodideAPI } from 'pyodide';
import { createCompressedAssets } from './compressed-assets';
import { classifyFatalError, watchForFatalErrors } from './fatal-error';
import { installGraphicsDevice } from './graphics-device';
import { freshenInterpreter } from './interpreter-freshen';
import { installInterpreterTick } from './interpreter-tick';
import { createJspiHost } from './jspi-host';
import { lockDownWorkerScope } from './lockdown';
import { installMemoryLimit } from './memory-limit';
import { OutputBatcher } from './output-batcher';
import { PackageLoader } from './package-loader';
import type {
  BootChannel,
  BootOptions,
  BootReport,
  WireStream,
  RunOutcome,
  RunReport,
  RunRequest,
  SnapshotMode,
  WorkerApi,
  WorkerEvent,
} from '../src/wire/protocol';
import type { ProgramHost, ProgramHostWiring } from './program-host';
import { fetchPrebuiltSnapshot, loadInterpreter, type StartMode } from './pyodide-snapshot';
import { DEFAULT_FOLDER_IS_CONTENT_ADDRESSED, defaultPyodideIndexURL } from './pyodide-location';
import { bootstrapRunner, installBootstrap, type PythonRunner } from './python-sources';
import { createSharedMemoryHost, createUnreachableHost } from './shared-memory-host';

interface Booted {
  readonly pyodide: PyodideAPI;
  readonly runner: PythonRunner;
  readonly host: ProgramHost;
  readonly batcher: OutputBatcher;
  readonly events: MessagePort;
  readonly packages: PackageLoader;
}

/** What this worker's interpreter is doing, for the pieces that report on it. */
interface WorkerState {
  /** Output belongs to the run in progress; every batch is tagged with it. */
  runId: number;
  /** Set when Pyodide starts reporting a fatal error: its internal stack dump is not the learner's output. */
  fatalInProgress: boolean;
}

function post(events: MessagePort, event: WorkerEvent): void {
  events.postMessage(event);
}

function createProgramHost(channel: BootChannel, wiring: ProgramHostWiring): ProgramHost {
  switch (channel.mode) {
    case 'shared-memory':
      return createSharedMemoryHost(channel.shared, wiring);
    case 'jspi':
      return createJspiHost(channel.control, wiring);
    case 'none':
      return createUnreachableHost(wiring);
  }
}

/**
 * Boots an interpreter in named stages:
 *   1. limits, and the channel to the page (shared cells or a control port), before anything allocates;
 *   2. Pyodide from our own origin: fresh, fresh + snapshot, or from a snapshot (the pool's, or the
 *      build's); then what a snapshot would share between interpreters (random seed, time zone) is renewed;
 *   3. streams: stdout/stderr into the batcher, with back-pressure;
 *   4. the periodic tick (output flushing, interrupts), the host functions for input and sleep, and the
 *      lockdown of the worker's JavaScript scope.
 */
async function bootInterpreter(
  options: BootOptions,
  state: WorkerState,
): Promise<Booted & { snapshot?: Blob; fromSnapshot: boolean }> {
  // Stage 1: limits, and the channel to the page.
  installMemoryLimit(options.memoryLimitBytes);
  const events = options.eventPort;
  // The batcher and the host need each other: output is sent through the host's pacing, and the host
  // flushes the batcher before a program waits.
  let batcher: OutputBatcher | null = null;
  const host = createProgramHost(options.channel, {
    post: (chunks) => post(events, { type: 'output', runId: state.runId, chunks }),
    requestLine: (prompt) => {
      batcher?.flush();
      post(events, { type: 'input-request', runId: state.runId, prompt });
    },
    requestEvent: (timeoutMs) => {
      batcher?.flush();
      post(events, { type: 'event-wait', runId: state.runId, timeoutMs });
    },
    flushOutput: () => batcher?.flush(),
    reportInterruptReceived: () => post(events, { type: 'interrupt-received', runId: state.runId }),
  });
  batcher = new OutputBatcher({ send: (chunks) => host.send(chunks) });
  const output = batcher;
  watchForFatalErrors(() => {
    state.fatalInProgress = true;
  });

  // Stage 2: the interpreter.
  const indexURL = options.indexURL ?? defaultPyodideIndexURL(import.meta.url);
  const assets = createCompressedAssets(indexURL, globalThis.fetch.bind(globalThis), {
    contentAddressed: options.indexURL === undefined && DEFAULT_FOLDER_IS_CONTENT_ADDRESSED,
  });
  const prebuilt = fetchPrebuiltSnapshot(indexURL, assets.fetch, assets.fastLink);
  const loaded = await loadInterpreter(
    indexURL,
    await readSnapshot(options.snapshot),
    installBootstrap,
    prebuilt,
    assets.fetch,
  );
  const { pyodide } = loaded;
  freshenInterpreter(pyodide);

  // Stage 3: streams (stdout, stderr, and turtle's drawing commands).
  const writer = (stream: WireStream) => ({
    write: (bytes: Uint8Array): number => {
      if (!state.fatalInProgress) output.writeBytes(stream, bytes);
      return bytes.length;
    },
    isatty: false,
  });
  pyodide.setStdout(writer('stdout'));
  pyodide.setStderr(writer('stderr'));
  installGraphicsDevice(pyodide, writer('graphics').write);
  // File descriptor 0 is at end of file; programs read input through sys.stdin and input() (sandpit_host).
  pyodide.setStdin({ read: () => 0 });

  // Stage 4: tick and host functions, then the lockdown: from here on the worker holds no capability a
  // program could abuse, whether or not it gets past the Python layer.
  installInterpreterTick(
    pyodide,
    () => output.flushIfDue(),
    host.signals,
    () => output.linesPrinted,
  );
  const runner = bootstrapRunner(pyodide);
  // The teacher's packages are fetched later, per run, through a fetch only this loader holds.
  const packages = await PackageLoader.create(indexURL, globalThis.fetch.bind(globalThis));
  // A Blob made here, before the lockdown takes Blob away: the page never copies 30 MiB on its own thread.
  const snapshot = loaded.snapshot ? new Blob([loaded.snapshot as Uint8Array<ArrayBuffer>]) : undefined;
  const { survivors } = lockDownWorkerScope();
  // Fail closed: an interpreter that couldn't be locked down never runs a program.
  if (survivors.length > 0) throw new Error(`[sandpit] lockdown left ${survivors.join(', ')} reachable`);
  return {
    pyodide,
    runner,
    host,
    batcher: output,
    events,
    packages,
    ...(snapshot ? { snapshot } : {}),
    fromSnapshot: loaded.fromSnapshot,
  };
}

/** The snapshot to load, read from its Blob into this worker's own memory. */
async function readSnapshot(mode: SnapshotMode): Promise<StartMode> {
  if (mode.mode !== 'load') return mode;
  return { mode: 'load', bytes: new Uint8Array(await mode.snapshot.arrayBuffer()) };
}

/** A JavaScript exception out of Python: the interpreter died (os._exit, C stack overflow, abort...). */
function outcomeOfCrash(error: unknown): RunOutcome {
  const fatal = classifyFatalError(error);
  if (fatal?.kind === 'exit')
    return fatal.code === 0 ? { kind: 'completed' } : { kind: 'exited', exitCode: fatal.code };
  return { kind: 'fatal', reason: fatal?.reason ?? 'internal' };
}

export function createWorkerApi(): WorkerApi {
  let booted: Booted | null = null;
  const state: WorkerState = { runId: 0, fatalInProgress: false };

  const api: WorkerApi = {
    async boot(options: BootOptions): Promise<BootReport> {
      if (booted !== null) throw new Error('[sandpit] the worker is already booted');
      const started = performance.now();
      const { snapshot, fromSnapshot, ...ready } = await bootInterpreter(options, state);
      booted = ready;
      const pythonVersion = String(ready.pyodide.runPython('import sys; sys.version.split()[0]'));
      const report: BootReport = {
        pythonVersion,
        pyodideVersion: ready.pyodide.version,
        bootMs: performance.now() - started,
        fromSnapshot,
        ...(snapshot ? { snapshot } : {}),
      };
      return report;
    },

    async run(request: RunRequest): Promise<RunReport> {
      if (booted === null) throw new Error('[sandpit] run() before boot()');
      const { pyodide, runner, batcher, events, host, packages } = booted;
      state.runId = request.runId;
      // Packages the program imports, installed before it starts (a fresh interpreter has none). If this
      // fails, the program still runs and its import fails; untrusted package files get the learner's rules.
      try {
        const wanted = packages.packagesFor(pyodide, request.code);
        if (wanted.length > 0) {
          const { installed, problem } = await packages.load(pyodide, wanted);
          if (problem !== null) batcher.writeText('stderr', problem);
          if (installed.length > 0) runner.trustPackages(installed);
        }
      } catch (error) {
        batcher.writeText('stderr', `Sandpit could not prepare the program's packages: ${String(error)}\n`);
      }
      // Locked down at boot already; repeated here so no future change can run code before it.
      lockDownWorkerScope();
      let outcome: RunOutcome;
      try {
        // Its shape is checked by the main thread (worker-message-guard), like everything the worker says.
        host.setRunning(true);
        outcome = (await runner.runProgram(request, host.functions, {
          promising: host.promising,
        })) as RunOutcome;
        if (outcome.kind === 'raised')
          outcome = { ...outcome, error: packages.explainMissing(outcome.error) };
      } catch (error) {
        outcome = outcomeOfCrash(error);
      } finally {
        host.setRunning(false);
        batcher.flush({ final: true });
        await host.settle();
        // Output and the result travel on different channels; this marker tells the main thread that every
        // batch of this run has been sent.
        post(events, { type: 'run-flushed', runId: request.runId });
      }
      return { runId: request.runId, outcome };
    },
  };
  return api;
}
