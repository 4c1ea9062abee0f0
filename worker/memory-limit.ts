/**
 * A memory limit for the interpreter. Pyodide has no option for one, but all of its heap growth goes
 * through `WebAssembly.Memory.prototype.grow` (Emscripten's `emscripten_resize_heap`): refusing to grow past
 * the limit makes `malloc` fail, which CPython turns into `MemoryError`. Installed before Pyodide loads.
 *
 * A program with a JavaScript handle could undo this in its own worker; it would only get more memory in
 * that one worker, up to the browser's own wasm limit. The main thread's time limit still applies.
 */
export function installMemoryLimit(limitBytes: number): void {
  const prototype = WebAssembly.Memory.prototype;
  const grow = prototype.grow;
  Object.defineProperty(prototype, 'grow', {
    configurable: false,
    writable: false,
    value: function growWithinLimit(this: WebAssembly.Memory, deltaPages: number): number {
      if (this.buffer.byteLength + deltaPages * 65536 > limitBytes) {
        throw new RangeError(`[sandpit] memory limit of ${limitBytes} bytes reached`);
      }
      return grow.call(this, deltaPages);
    },
  });
}
