/**
 * Where Pyodide's runtime files are, relative to this worker's own script. The build copies them to
 * `<base>/pyodide/`, and the worker ends up one folder below the base both in the build
 * (`assets/sandbox.worker-<hash>.js`) and in the dev server (`/worker/sandbox.worker.ts`), so one relative
 * path serves both and any deployment subpath.
 */
const RELATIVE_PYODIDE_FOLDER = '../pyodide/';

export function defaultPyodideIndexURL(workerScriptURL: string): string {
  return new URL(RELATIVE_PYODIDE_FOLDER, workerScriptURL).href;
}
