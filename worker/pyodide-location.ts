/** Set by the build (tools/vite-plugin-pyodide-assets.ts): `pyodide/<hash>/`. */
declare const __SANDPIT_PYODIDE_FOLDER__: string | undefined;

/**
 * Where Pyodide's runtime files are, relative to this worker's own script. The build copies them to
 * `<base>/pyodide/<hash>/` (a new folder whenever any of them changes, so a URL never names two versions),
 * the dev server serves them at `<base>/pyodide/`, and the worker ends up one folder below the base in both
 * (`assets/sandbox.worker-<hash>.js`, `/worker/sandbox.worker.ts`), so one relative path serves any
 * deployment subpath.
 */
const RELATIVE_PYODIDE_FOLDER = `../${typeof __SANDPIT_PYODIDE_FOLDER__ === 'string' ? __SANDPIT_PYODIDE_FOLDER__ : 'pyodide/'}`;

/** Whether the default folder's URL names one version of its files (a build), not whatever is there now. */
export const DEFAULT_FOLDER_IS_CONTENT_ADDRESSED = typeof __SANDPIT_PYODIDE_FOLDER__ === 'string';

export function defaultPyodideIndexURL(workerScriptURL: string): string {
  return new URL(RELATIVE_PYODIDE_FOLDER, workerScriptURL).href;
}
