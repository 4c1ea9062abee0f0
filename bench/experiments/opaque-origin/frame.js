// Runs in an opaque origin: `new Worker(url)` of our own origin is refused, so the worker is a blob that
// imports the real worker module cross-origin (the server must send CORS headers on every file).
const site = new URL(document.URL).origin;
const source = `self.onmessage = (event) => { self.__pendingMessage = event.data; }; postMessage({ progress: 'blob worker started' }); import(${JSON.stringify(`${site}/experiment/worker.js`)}).then(() => postMessage({ progress: 'worker module imported' }), (error) => postMessage({ error: 'import failed: ' + error }));`;
let worker;
try {
  const blobUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  // A classic worker: module workers from a blob in an opaque origin fail to start in Chromium.
  worker = new Worker(blobUrl);
  worker.onmessage = (event) =>
    parent.postMessage({ ...event.data, frameIsolated: self.crossOriginIsolated }, '*');
  parent.postMessage({ progress: 'worker created' }, '*');
  worker.onerror = (event) => parent.postMessage({ error: `worker error: ${event.message}` }, '*');
  worker.postMessage({ indexURL: `${site}/pyodide/` });
} catch (error) {
  parent.postMessage({ error: String(error) }, '*');
}
