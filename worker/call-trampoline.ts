import type { PyodideAPI } from 'pyodide';

/**
 * CPython's call trampoline, after a snapshot is restored. One private part of Pyodide, kept here.
 *
 * CPython on Emscripten calls C function pointers through a trampoline that it chooses at start-up (a
 * pre-run step of Pyodide's loader): a tiny WebAssembly module where the engine can compile it (Chromium,
 * Firefox), else a JavaScript function. The choice is a pointer stored in `_PyRuntime`. Restoring a memory
 * snapshot overwrites the whole memory, pointer included, with the value of the process that made the
 * snapshot: the build makes it in Node, which takes the JavaScript trampoline. A browser interpreter
 * restored from it then calls every C function through JavaScript, which (measured in Chromium 156)
 * makes `run_sync` fail with "trying to suspend JS frames" (no `input()` on pages without isolation) and
 * costs call-heavy code speed.
 *
 * The fix: watch the loader build its trampoline instance while the interpreter loads, and once the
 * snapshot is in memory, write the pointer to that instance's function back. Where the engine had no
 * WebAssembly trampoline, the pointer is 0, which is what Pyodide itself stores then.
 */

interface TrampolineModule {
  readonly HEAP32: Int32Array;
  readonly __PyRuntime: number;
  readonly __PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET: number;
  getFunctionAddress(fn: unknown): number;
}

type InstanceConstructor = typeof WebAssembly.Instance;

/** Loads an interpreter from a snapshot with this engine's own call trampoline, not the snapshot's. */
export async function loadWithOwnTrampoline(load: () => Promise<PyodideAPI>): Promise<PyodideAPI> {
  const wasm = WebAssembly as { Instance: InstanceConstructor };
  const original = wasm.Instance;
  let trampoline: unknown = null;
  wasm.Instance = new Proxy(original, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget) as WebAssembly.Instance;
      const call = instance.exports['trampoline_call'];
      if (typeof call === 'function') trampoline = call;
      return instance;
    },
  });
  let pyodide: PyodideAPI;
  try {
    pyodide = await load();
  } finally {
    wasm.Instance = original;
  }
  const module = (pyodide as unknown as { _module: TrampolineModule })._module;
  const cell = trampolineCell(module);
  module.HEAP32[cell >>> 2] = trampoline === null ? 0 : module.getFunctionAddress(trampoline);
  return pyodide;
}

/** Where `_PyRuntime` keeps the trampoline pointer; throws if this Pyodide build doesn't say. */
export function trampolineCell(module: TrampolineModule): number {
  const { __PyRuntime: runtime, __PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET: offsetAddress } = module;
  if (
    typeof runtime !== 'number' ||
    typeof offsetAddress !== 'number' ||
    typeof module.getFunctionAddress !== 'function'
  )
    throw new Error(
      '[sandpit] this Pyodide build does not expose its call trampoline (see worker/call-trampoline.ts)',
    );
  return runtime + (module.HEAP32[offsetAddress >>> 2] ?? 0);
}

/** The trampoline pointer an interpreter uses now (for tests). */
export function trampolinePointer(pyodide: PyodideAPI): number {
  const module = (pyodide as unknown as { _module: TrampolineModule })._module;
  return module.HEAP32[trampolineCell(module) >>> 2] ?? 0;
}
