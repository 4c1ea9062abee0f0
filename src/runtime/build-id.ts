/** Set by the build (tools/vite-plugin-pyodide-assets.ts): a hash of everything that shapes a snapshot. */
declare const __SANDPIT_SNAPSHOT_BUILD__: string | undefined;

/**
 * Names the interpreter a snapshot holds: the worker's code, the Python bootstrap and Pyodide's version,
 * hashed at build time. Null on the dev server, whose worker code changes while it runs.
 */
export const SNAPSHOT_BUILD_ID: string | null =
  typeof __SANDPIT_SNAPSHOT_BUILD__ === 'string' ? __SANDPIT_SNAPSHOT_BUILD__ : null;
