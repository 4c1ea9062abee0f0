import './styles.css';
import { ScratchPad } from './scratchpad/scratch-pad';

const pad = new ScratchPad();
pad.loadEditor().catch((error: unknown) => {
  console.error('[sandpit] the editor failed to load', error);
});
