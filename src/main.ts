import './styles.css';
import { declareCodiconFont } from './editor/codicon-font';
import { registerOffline } from './offline/register-offline';
import { ScratchPad } from './scratchpad/scratch-pad';

declareCodiconFont(); // now, while the page is empty (src/editor/codicon-font.ts)
const pad = new ScratchPad();

/**
 * Monaco (0.9 MB compressed, 3.9 MB where the host compresses nothing) waits until Python is ready: on a
 * school's shared link it would otherwise slow Python's own download. Then it waits for a moment when no
 * program runs (its evaluation holds the main thread for a few hundred milliseconds). The plain text area
 * takes the code meanwhile. If Python never comes (it keeps failing to load), the editor comes anyway.
 */
const EDITOR_AT_THE_LATEST_MS = 30_000;
let editorRequested = false;
const loadEditorOnce = () => {
  if (editorRequested) return;
  editorRequested = true;
  pad.loadEditor().catch((error: unknown) => {
    console.error('[sandpit] the editor failed to load', error);
  });
};
/** A learner who runs the code the moment Python is ready should not meet Monaco's first layer. */
const EDITOR_AFTER_READY_MS = 500;
void pad
  .whenPythonReady()
  .then(() => new Promise((resolve) => setTimeout(resolve, EDITOR_AFTER_READY_MS)))
  .then(() => pad.whenNothingRuns())
  .then(loadEditorOnce, loadEditorOnce);
setTimeout(loadEditorOnce, EDITOR_AT_THE_LATEST_MS);

// The service worker's first install takes what the page downloaded from the HTTP cache (only what the
// page never needed crosses the network). Registered after Python is ready, it never competes with it.
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
