import type { FatalReason } from '../src/wire/protocol';

/**
 * Pyodide's fatal errors (`pyodide_fatal_error`): a stack overflow in C code, `os.abort()`, an allocation
 * failure inside the interpreter, or `os._exit()`. The interpreter can't be used afterwards; the worker
 * reports what happened in plain categories and the main thread replaces it.
 */

export type FatalClassification =
  { readonly kind: 'exit'; readonly code: number } | { readonly kind: 'fatal'; readonly reason: FatalReason };

interface MaybeFatal {
  readonly pyodide_fatal_error?: boolean;
  readonly name?: unknown;
  readonly message?: unknown;
  readonly status?: unknown;
}

export function classifyFatalError(error: unknown): FatalClassification | null {
  if (typeof error !== 'object' || error === null) return null;
  const candidate = error as MaybeFatal;
  const message = typeof candidate.message === 'string' ? candidate.message : String(error);
  // os._exit(n): Emscripten's ExitStatus ("Program terminated with exit(n)").
  const exit = /Program terminated with exit\((-?\d+)\)/.exec(message);
  if (exit?.[1] !== undefined) return { kind: 'exit', code: Number(exit[1]) };
  if (typeof candidate.status === 'number' && candidate.name === 'ExitStatus')
    return { kind: 'exit', code: candidate.status };
  if (
    candidate.pyodide_fatal_error !== true &&
    !(error instanceof RangeError) &&
    !(error instanceof WebAssembly.RuntimeError)
  ) {
    return null;
  }
  if (/call stack size exceeded|stack overflow/i.test(message))
    return { kind: 'fatal', reason: 'stack-overflow' };
  if (/memory|enlarge|allocat/i.test(message)) return { kind: 'fatal', reason: 'out-of-memory' };
  if (/unreachable|abort/i.test(message)) return { kind: 'fatal', reason: 'aborted' };
  return { kind: 'fatal', reason: 'internal' };
}

/**
 * Calls `onFatal` as soon as Pyodide starts reporting a fatal error. Pyodide announces it on
 * `console.error` before dumping the interpreter's internal stack to stdout; the worker uses this to keep
 * that dump (full of Pyodide's own frames) out of the learner's console.
 */
export function watchForFatalErrors(onFatal: () => void): void {
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Pyodide has suffered a fatal error')) onFatal();
    original(...args);
  };
}
