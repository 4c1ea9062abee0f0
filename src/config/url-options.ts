/** Options read from the scratch pad's URL: `?timeout=`, `?memory=`, `?warm=` (the test contract). */
import { parseTimeLimit, type TimeLimit } from './time-limit';

/** `?timeout=<seconds>`, by the one time-limit rule. */
export function timeoutFromUrl(search: string): TimeLimit {
  return parseTimeLimit(new URLSearchParams(search).get('timeout'));
}

export const DEFAULT_MEMORY_MIB = 512;
export const MIN_MEMORY_MIB = 64;
export const MAX_MEMORY_MIB = 2048;

export type MemorySetting = { readonly mebibytes: number; readonly problem?: string };

/** `?memory=<MiB>`: the memory limit of one program's interpreter. */
export function memoryFromUrl(search: string): MemorySetting {
  const raw = new URLSearchParams(search).get('memory');
  if (raw === null || raw.trim() === '') return { mebibytes: DEFAULT_MEMORY_MIB };
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    return { mebibytes: DEFAULT_MEMORY_MIB, problem: `"${raw}" is not a positive number of MiB` };
  }
  const clamped = Math.min(MAX_MEMORY_MIB, Math.max(MIN_MEMORY_MIB, Math.round(value)));
  return clamped === value
    ? { mebibytes: value }
    : {
        mebibytes: clamped,
        problem: `the memory limit must be between ${MIN_MEMORY_MIB} and ${MAX_MEMORY_MIB} MiB`,
      };
}

export const DEFAULT_WARM_INTERPRETERS = 2;

/**
 * `?warm=<1..3>`: interpreters kept loaded and unused. 2 (the default) is the next run's plus a spare that
 * takes over at once after a kill; 1 saves one interpreter's memory on small machines, at the cost of a
 * short wait (about 0.3 s) after a kill or between quick runs.
 */
export function warmInterpretersFromUrl(search: string): {
  readonly count: number;
  readonly problem?: string;
} {
  const raw = new URLSearchParams(search).get('warm');
  if (raw === null || raw.trim() === '') return { count: DEFAULT_WARM_INTERPRETERS };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 3) {
    return { count: DEFAULT_WARM_INTERPRETERS, problem: `"${raw}" is not 1, 2 or 3` };
  }
  return { count: value };
}
