import type { PyodideAPI } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';

/**
 * Per-process state that a memory snapshot would otherwise copy into every interpreter made from it:
 * without this, every run (and, with the build's snapshot, every learner) would draw the same "random"
 * numbers, and the time zone would be the build machine's. Runs on every interpreter before the lockdown.
 * String hashing (PYTHONHASHSEED) can't be reseeded in a running interpreter; it stays as the snapshot has it.
 */
export function freshenInterpreter(pyodide: PyodideAPI): void {
  resetTimeZone(pyodide);
  pyodide.runPython('import random; random.seed(); del random');
}

/**
 * Emscripten's libc reads the time zone once per process (`tzset`) into C globals, and CPython's `time`
 * module derives `time.timezone`, `altzone`, `daylight` and `tzname` from it when it is imported. Both
 * happened in the process that made the snapshot. The browser's zone is read again here with Emscripten's
 * own `_tzset_js` (so `localtime()` names the right zone), and the module's constants are worked out again
 * the way CPython's `init_timezone` does on this platform (timemodule.c: January and July local times).
 * Emscripten internals: test/unit/prebuilt-snapshot.test.ts fails if a Pyodide upgrade renames them.
 */
function resetTimeZone(pyodide: PyodideAPI): void {
  const module = (pyodide as unknown as { _module: EmscriptenTimeZone })._module;
  const names = module.HEAPU32.subarray(module._tzname >>> 2, (module._tzname >>> 2) + 2);
  module.__tzset_js(module._timezone, module._daylight, names[0] ?? 0, names[1] ?? 0);
  const scope = pyodide.toPy({}) as PyProxy;
  try {
    pyodide.runPython(RECOMPUTE_TIME_ZONE, { globals: scope });
  } finally {
    scope.destroy();
  }
}

const RECOMPUTE_TIME_ZONE = `
import time
year = (365 * 24 + 6) * 3600
january = time.localtime((int(time.time()) // year) * year)
july = time.localtime((int(time.time()) // year) * year + year // 2)
standard, summer = (july, january) if -january.tm_gmtoff < -july.tm_gmtoff else (january, july)
time.timezone, time.altzone = -standard.tm_gmtoff, -summer.tm_gmtoff
time.daylight = int(january.tm_gmtoff != july.tm_gmtoff)
time.tzname = (standard.tm_zone, summer.tm_zone)
`;

/** The parts of Emscripten's module object resetting the time zone needs: libc's globals and tzset. */
interface EmscriptenTimeZone {
  readonly HEAPU32: Uint32Array;
  readonly _timezone: number;
  readonly _daylight: number;
  readonly _tzname: number;
  __tzset_js(timezone: number, daylight: number, standardName: number, daylightName: number): void;
}
