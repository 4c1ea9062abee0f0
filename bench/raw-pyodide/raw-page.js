// The baseline page's script: one worker, `runCode(code)` and `restart()` for the benchmark to call.
const output = document.getElementById('output');
let worker = null;
let finishRun = null;

function setState(state) {
  document.body.dataset.state = state;
}

function start() {
  setState('loading');
  worker = new Worker(new URL('./raw-worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    if (data.type === 'ready') setState('ready');
    else if (data.type === 'out') output.append(`${data.text}\n`);
    else if (data.type === 'done') {
      setState('ready');
      finishRun?.(data.error ?? null);
    }
  };
}

window.rawPyodide = {
  runCode() {
    output.textContent = '';
    setState('running');
    return new Promise((resolve) => (finishRun = resolve));
  },
  restart() {
    worker.terminate();
    start();
  },
};

// The benchmark clicks Run like a learner would; the code to run is set beforehand.
document.getElementById('run').addEventListener('click', () => {
  const code = window.rawPyodide.nextCode ?? 'print("hi")';
  window.rawPyodide.runCode();
  // `collectOutput`: the run prints into a buffer in the worker (the flood's baseline), not to the page.
  worker.postMessage({ code, collect: window.rawPyodide.collectOutput === true });
});

start();
