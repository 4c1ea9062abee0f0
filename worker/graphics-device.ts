import type { PyodideAPI } from 'pyodide';

/** Where turtle (worker/python/turtle.py) writes its drawing commands. */
export const GRAPHICS_DEVICE_PATH = '/dev/sandpit-graphics';

/** The part of Emscripten's FS that makes a character device; Pyodide's types don't describe it. */
interface DeviceFS {
  makedev(major: number, minor: number): number;
  registerDevice(device: number, operations: DeviceOperations): void;
  mkdev(path: string, device: number): void;
}

interface DeviceOperations {
  open(): void;
  close(): void;
  read(): number;
  write(stream: unknown, buffer: Int8Array | Uint8Array, offset: number, length: number): number;
}

/** Major number of the device: beside Emscripten's own (1, 5, 6, 64..) and free in Pyodide. */
const GRAPHICS_MAJOR = 120;

/**
 * A write-only device file that hands every write to `write`, as Pyodide's stdout does. A file, not a
 * JavaScript function given to Python: learners' programs can import turtle and read its globals, so
 * what turtle holds must lead to no JavaScript object. Anyone may write to the device; what arrives is
 * checked on the page like all output.
 */
export function installGraphicsDevice(pyodide: PyodideAPI, write: (bytes: Uint8Array) => void): void {
  const fs = pyodide.FS as unknown as DeviceFS;
  const device = fs.makedev(GRAPHICS_MAJOR, 0);
  fs.registerDevice(device, {
    open() {},
    close() {},
    read: () => 0,
    write(_stream, buffer, offset, length) {
      write(new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length));
      return length;
    },
  });
  fs.mkdev(GRAPHICS_DEVICE_PATH, device);
}
