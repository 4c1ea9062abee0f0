// The candidate: a sandboxed iframe (opaque origin) starts the interpreter worker; results come back by
// postMessage, since nothing else crosses an opaque-origin boundary.
const started = performance.now();
window.__progress = [];
window.addEventListener('message', (event) => {
  if (event.data.progress) {
    window.__progress.push(`${event.data.progress} at ${Math.round(performance.now() - started)} ms`);
    return;
  }
  window.__result = { ...event.data, progress: window.__progress, readyMs: performance.now() - started };
  document.title = 'done';
});
