// Pyodide loaded the way its documentation shows, in a module worker.
import { loadPyodide } from '../pyodide-js/pyodide.mjs';

const pyodide = await loadPyodide({
  indexURL: new URL('../pyodide-js/', import.meta.url).href,
  stdout: (text) => postMessage({ type: 'out', text }),
  stderr: (text) => postMessage({ type: 'out', text }),
});
self.onmessage = async ({ data }) => {
  try {
    await pyodide.runPythonAsync(data.code);
    postMessage({ type: 'done' });
  } catch (error) {
    postMessage({ type: 'done', error: String(error) });
  }
};
postMessage({ type: 'ready' });
