import type { WorkerHandle } from './interpreter-process';

/**
 * Starts an interpreter worker from our own build. The `new Worker(new URL(...))` form is what lets Vite
 * find, bundle and emit the worker; keep it literal.
 */
export function createInterpreterWorker(): WorkerHandle {
  return new Worker(new URL('../../worker/sandbox.worker.ts', import.meta.url), {
    type: 'module',
    name: 'sandpit-interpreter',
  });
}
