import './styles.css';
import { registerOffline } from './offline/register-offline';
import { ScratchPad } from './scratchpad/scratch-pad';

const pad = new ScratchPad();
pad.loadEditor().catch((error: unknown) => {
  console.error('[sandpit] the editor failed to load', error);
});

// The service worker's first install downloads the whole build again (about 47 MiB) to precache it. Started
// at page load, that competed with Pyodide's own download and start-up and made the first visit's Python
// ready later; after it, it only competes with the spare interpreter.
void pad.whenPythonReady().then(() =>
  registerOffline({
    onUpdate: (apply) =>
      pad.notify('info', 'A new version of Sandpit is available. Your code is saved.', {
        label: 'Reload',
        action: apply,
      }),
    onOfflineReady: () => pad.notify('info', 'Sandpit is ready to work offline.'),
    mayReloadForIsolation: () => pad.mayReloadForIsolation(),
  }),
);
