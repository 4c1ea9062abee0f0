// Baseline: the page starts the interpreter worker itself, on its own origin (what Sandpit does).
const started = performance.now();
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = (event) => {
  window.__result = { ...event.data, readyMs: performance.now() - started };
  document.title = 'done';
};
worker.postMessage({ indexURL: new URL('/pyodide/', location.href).href });
