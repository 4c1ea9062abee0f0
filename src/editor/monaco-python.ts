/**
 * Monaco, trimmed to what a Python scratch pad uses: the core editor API, a chosen set of editor features,
 * and the Python language only (the full `monaco-editor` entry bundles ~80 languages and four language
 * workers). Its one web worker comes from our own build.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
// Format Document (Shift+Alt+F), fed by the analysis worker's formatter.
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/suggest/register';
// Ctrl+M (Ctrl+Shift+M on a Mac): Tab moves focus instead of indenting, the keyboard's way out.
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';

globalThis.MonacoEnvironment = {
  // Only the editor worker exists: Python highlighting is a Monarch tokenizer on the main thread.
  getWorker: () => new EditorWorker({ name: 'monaco-editor' }),
};

export { monaco };
