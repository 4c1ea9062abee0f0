// Pyodide loaded the way its documentation shows, in a module worker.
import { loadPyodide } from '../pyodide-js/pyodide.mjs';

/** While a run collects its output (`collect`), lines go into this buffer instead of to the page. */
let collected = null;
const out = (text) => (collected ? collected.push(text) : postMessage({ type: 'out', text }));
const pyodide = await loadPyodide({
  indexURL: new URL('../pyodide-js/', import.meta.url).href,
  stdout: out,
  stderr: out,
});
self.onmessage = async ({ data }) => {
  collected = data.collect ? [] : null;
  try {
    await pyodide.runPythonAsync(data.code);
    // Printing into a buffer: the page gets the last line only, to show that the run got there.
    if (collected) postMessage({ type: 'out', text: collected.at(-1) ?? '' });
    postMessage({ type: 'done' });
  } catch (error) {
    postMessage({ type: 'done', error: String(error) });
  } finally {
    collected = null;
  }
};
postMessage({ type: 'ready' });
