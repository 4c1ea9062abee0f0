import { expose } from 'comlink';
import type { BootOptions, BootReport, RunReport, RunRequest, WorkerApi } from '../../../src/wire/protocol';
import type { WorkerHandle } from '../../../src/runtime/interpreter-process';

export interface FakeBehaviour {
  boot?: (options: BootOptions, worker: FakeWorker) => Promise<BootReport>;
  run?: (request: RunRequest, events: MessagePort, worker: FakeWorker) => Promise<RunReport>;
}

export const BOOT_REPORT: BootReport = {
  pythonVersion: '3.14.2',
  pyodideVersion: '314.0.7',
  bootMs: 1,
  fromSnapshot: false,
};

/** Stands in for Pyodide's memory snapshot (the bytes; on the wire it is a Blob of them). */
export const FAKE_SNAPSHOT = Uint8Array.from([1, 2, 3, 4]);

/** The fake snapshot as a worker reports it. */
export function fakeSnapshotBlob(): Blob {
  return new Blob([FAKE_SNAPSHOT]);
}

/** The bytes a snapshot Blob holds, to compare with FAKE_SNAPSHOT. */
export async function bytesOf(snapshot: Blob | undefined | null): Promise<Uint8Array | null> {
  return snapshot ? new Uint8Array(await snapshot.arrayBuffer()) : null;
}

/**
 * A stand-in for the interpreter worker: the real Comlink protocol over a MessageChannel, with scripted
 * behaviour. `terminate()` closes the channel, so, as with a real worker, pending calls never settle.
 */
export class FakeWorker implements WorkerHandle {
  private readonly channel = new MessageChannel();
  private readonly errorListeners = new Set<EventListenerOrEventListenerObject>();
  terminated = false;
  events: MessagePort | null = null;
  bootOptions: BootOptions | null = null;

  constructor(behaviour: FakeBehaviour) {
    const api: WorkerApi = {
      boot: async (options) => {
        this.events = options.eventPort;
        this.bootOptions = options;
        if (behaviour.boot) return behaviour.boot(options, this);
        if (options.snapshot.mode === 'make') return { ...BOOT_REPORT, snapshot: fakeSnapshotBlob() };
        return { ...BOOT_REPORT, fromSnapshot: options.snapshot.mode === 'load' };
      },
      run: async (request) => {
        if (!this.events) throw new Error('run before boot');
        if (behaviour.run) return behaviour.run(request, this.events, this);
        this.events.postMessage({ type: 'run-flushed', runId: request.runId });
        return { runId: request.runId, outcome: { kind: 'completed' } };
      },
    };
    expose(api, this.channel.port2);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    if (!this.terminated) this.channel.port1.postMessage(message, transfer ?? []);
  }

  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.channel.port1.addEventListener('message', listener as EventListener);
    else if (type === 'error') this.errorListeners.add(listener);
  }

  removeEventListener(type: string, listener: EventListenerOrEventListenerObject): void {
    if (type === 'message') this.channel.port1.removeEventListener('message', listener as EventListener);
    else this.errorListeners.delete(listener);
  }

  start(): void {
    this.channel.port1.start();
  }

  terminate(): void {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }

  /** Posts a message on the worker's own channel, as a hostile worker could (bypassing Comlink). */
  emitRaw(message: unknown): void {
    this.channel.port2.postMessage(message);
  }

  /** Simulates an uncaught error in the worker (the `error` event a real Worker fires). */
  crash(message: string): void {
    const event = Object.assign(new Event('error'), { message });
    for (const listener of this.errorListeners) {
      if (typeof listener === 'function') listener(event);
      else listener.handleEvent(event);
    }
  }
}

/** A worker factory that remembers every worker it made. */
export function fakeWorkerFactory(behaviour: FakeBehaviour | ((index: number) => FakeBehaviour) = {}) {
  const workers: FakeWorker[] = [];
  const create = (): FakeWorker => {
    const worker = new FakeWorker(typeof behaviour === 'function' ? behaviour(workers.length) : behaviour);
    workers.push(worker);
    return worker;
  };
  return { create, workers };
}

export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}
