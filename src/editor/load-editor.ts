import type { PythonEditor, PythonEditorOptions } from './python-editor';

/**
 * Monaco is a separate chunk of about 0.9 MB: both shells load it through here, only when it is wanted
 * (the scratch pad after its first paint, a widget when its code is first clicked). Resolves with the
 * factory, so the shell creates the editor from its code as it is once the chunk has arrived.
 */
export async function loadEditorFactory(): Promise<(options: PythonEditorOptions) => PythonEditor> {
  const { createPythonEditor } = await import('./python-editor');
  return createPythonEditor;
}
