import { existsSync } from 'node:fs';

/**
 * Chromium for tests and benchmarks: Debian's package where present (nothing is downloaded at run time),
 * otherwise Playwright's own browser if one was installed.
 */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumExecutable(): string | undefined {
  const override = process.env.SANDPIT_CHROMIUM;
  if (override) return override;
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}
