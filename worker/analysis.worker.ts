/**
 * The analysis worker: a Python of its own that reads the learner's code as they type (problems, Format)
 * and never runs it. It has nothing to do with the interpreters that run programs, so a slow analysis
 * never delays a run, and a run never sees what was analysed. It compiles and tokenizes text only, and its
 * scope is locked down like theirs once Python has loaded.
 */
import { expose } from 'comlink';
import type { PyodideAPI } from 'pyodide';
import type { AnalysisApi } from '../src/wire/protocol';
import { createCompressedAssets } from './compressed-assets';
import { lockDownWorkerScope } from './lockdown';
import { DEFAULT_FOLDER_IS_CONTENT_ADDRESSED, defaultPyodideIndexURL } from './pyodide-location';
import { loadInterpreter } from './pyodide-snapshot';
import analysisSource from './python/sandpit_analysis.py?raw';
import formatSource from './python/sandpit_format.py?raw';

const FOLDER = '/analysis';

interface PyFunction {
  (code: string): PyResult | string | null | undefined;
}
interface PyResult {
  toJs(options: { dict_converter: (entries: Iterable<[unknown, unknown]>) => unknown }): unknown;
  destroy(): void;
}

let analysis: { problems: PyFunction; format: PyFunction } | null = null;

function install(pyodide: PyodideAPI): void {
  pyodide.FS.mkdirTree(FOLDER);
  pyodide.FS.writeFile(`${FOLDER}/sandpit_analysis.py`, analysisSource);
  pyodide.FS.writeFile(`${FOLDER}/sandpit_format.py`, formatSource);
  pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(FOLDER)})`);
}

const api: AnalysisApi = {
  async boot(options) {
    if (analysis !== null) return;
    const indexURL = options.indexURL ?? defaultPyodideIndexURL(import.meta.url);
    const assets = createCompressedAssets(indexURL, globalThis.fetch.bind(globalThis), {
      contentAddressed: options.indexURL === undefined && DEFAULT_FOLDER_IS_CONTENT_ADDRESSED,
    });
    const { pyodide } = await loadInterpreter(indexURL, { mode: 'none' }, install, undefined, assets.fetch);
    analysis = {
      problems: pyodide.pyimport('sandpit_analysis').problems as unknown as PyFunction,
      format: pyodide.pyimport('sandpit_format').format_source as unknown as PyFunction,
    };
    const { survivors } = lockDownWorkerScope();
    if (survivors.length > 0) throw new Error(`[sandpit] lockdown left ${survivors.join(', ')} reachable`);
  },
  async problems(code) {
    if (analysis === null) throw new Error('[sandpit] the analysis worker is not booted');
    const result = analysis.problems(code) as PyResult;
    try {
      return result.toJs({ dict_converter: Object.fromEntries });
    } finally {
      result.destroy();
    }
  },
  async format(code) {
    if (analysis === null) throw new Error('[sandpit] the analysis worker is not booted');
    const result = analysis.format(code);
    return typeof result === 'string' ? result : null;
  },
};

expose(api);
