/**
 * The one rule for a run's time limit, wherever it is set: `?timeout=` in the scratch pad's URL, the
 * scratch pad's "Time limit" field, a widget's `timeout` attribute, and the JavaScript API's default.
 * A positive number of seconds, fractions allowed, at most an hour.
 */

export const DEFAULT_TIME_LIMIT_SECONDS = 10;
export const MAX_TIME_LIMIT_SECONDS = 3600;
export const DEFAULT_TIME_LIMIT_MS = DEFAULT_TIME_LIMIT_SECONDS * 1000;

/** A usable limit, and why the given value was not used as it was (if it wasn't). */
export interface TimeLimit {
  readonly seconds: number;
  readonly problem?: string;
}

/** Parses seconds; an unusable value gives the default, a too long one the maximum, each with a reason. */
export function parseTimeLimit(raw: string | null): TimeLimit {
  if (raw === null || raw.trim() === '') return { seconds: DEFAULT_TIME_LIMIT_SECONDS };
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    return { seconds: DEFAULT_TIME_LIMIT_SECONDS, problem: `"${raw}" is not a positive number of seconds` };
  if (seconds > MAX_TIME_LIMIT_SECONDS)
    return {
      seconds: MAX_TIME_LIMIT_SECONDS,
      problem: `the limit is at most ${MAX_TIME_LIMIT_SECONDS} seconds`,
    };
  return { seconds };
}
