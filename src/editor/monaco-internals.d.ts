// Monaco's internal modules ship without type declarations; monaco-stages.ts evaluates them, and
// declares the few members it calls where it calls them.
declare module 'monaco-editor/base/browser/dom';
declare module 'monaco-editor/editor/common/config/editorOptions';
declare module 'monaco-editor/editor/common/model/textModel';
declare module 'monaco-editor/editor/browser/view';
declare module 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
declare module 'monaco-editor/editor/standalone/browser/standaloneServices';
declare module 'monaco-editor/editor/standalone/browser/standaloneEditor';
declare module 'monaco-editor/editor/standalone/browser/standaloneLanguages';
declare module 'monaco-editor/editor/browser/config/fontMeasurements';
declare module 'monaco-editor/editor/common/config/fontInfoFromSettings';
declare module 'monaco-editor/base/browser/pixelRatio';
