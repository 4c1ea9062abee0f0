// Loads Pyodide and reports what a program in this worker could reach.
async function start(data) {
  const event = { data };
  const started = performance.now();
  try {
    const { loadPyodide } = await import(new URL('pyodide.mjs', event.data.indexURL).href);
    const pyodide = await loadPyodide({ indexURL: event.data.indexURL });
    const loadMs = performance.now() - started;
    const probes = {};
    try {
      await new Promise((resolve, reject) => {
        const request = indexedDB.open('probe');
        request.onsuccess = resolve;
        request.onerror = () => reject(request.error);
      });
      probes.indexedDB = 'opened';
    } catch (error) {
      probes.indexedDB = `refused: ${error?.name ?? error}`;
    }
    try {
      const response = await fetch(new URL('/pyodide/pyodide-lock.json', event.data.indexURL), {
        credentials: 'include',
      });
      probes.sameSiteFetchWithCookies = `status ${response.status}`;
    } catch (error) {
      probes.sameSiteFetchWithCookies = `refused: ${error?.name ?? error}`;
    }
    probes.origin = self.origin;
    probes.sharedArrayBuffer = typeof SharedArrayBuffer === 'function' && self.crossOriginIsolated === true;
    self.postMessage({ loadMs, python: pyodide.runPython('1 + 1'), probes });
  } catch (error) {
    self.postMessage({ error: String((error && error.stack) || error) });
  }
}

self.onmessage = (event) => start(event.data);
// In the opaque-origin variant this module is imported by a blob worker that may have received the
// message before this module loaded.
if (self.__pendingMessage) start(self.__pendingMessage);
