/** How Sandpit writes sizes and durations for learners: "512 MiB", "1.5 s", "340 ms". */

export function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** A time limit as the learner set it: whole seconds stay whole ("10 s"), fractions keep one digit. */
export function describeLimit(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** How long something took: milliseconds under a second, else seconds with two digits. */
export function describeDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
