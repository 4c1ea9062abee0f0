import type { PythonEditor, PythonEditorOptions } from './python-editor';
import { yieldToBrowser } from './yield-to-browser';

/**
 * Monaco is a separate chunk of about 0.9 MB: both shells load it through here, only when it is wanted
 * (the scratch pad after its first paint, a widget when its code is first clicked). Resolves with the
 * factory, so the shell creates the editor from its code as it is once the chunk has arrived.
 */
export async function loadEditorFactory(
  mayGoOn: () => Promise<void> = () => Promise.resolve(),
): Promise<(options: PythonEditorOptions) => PythonEditor> {
  // A layer at a time (monaco-stages.ts), so no single task holds the page for long; `mayGoOn` may hold
  // each step back (while a program runs).
  const { evaluateMonacoInStages, measureEditorFont, startMonacoServices } = await import('./monaco-stages');
  await evaluateMonacoInStages(mayGoOn);
  await mayGoOn();
  const { createPythonEditor, prepareFirstEditor } = await import('./python-editor');
  await startMonacoServices(mayGoOn);
  await measureEditorFont(mayGoOn);
  await mayGoOn();
  await prepareFirstEditor();
  await yieldToBrowser();
  await mayGoOn();
  return createPythonEditor;
}
