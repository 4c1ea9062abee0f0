import './styles.css';
import { registerOffline } from './offline/register-offline';
import { ScratchPad } from './scratchpad/scratch-pad';

const pad = new ScratchPad();
pad.loadEditor().catch((error: unknown) => {
  console.error('[sandpit] the editor failed to load', error);
});

registerOffline({
  onUpdate: (apply) =>
    pad.notify('info', 'A new version of Sandpit is available. Your code is saved.', {
      label: 'Reload',
      action: apply,
    }),
  onOfflineReady: () => pad.notify('info', 'Sandpit is ready to work offline.'),
});
