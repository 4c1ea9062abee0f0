import { yieldToBrowser } from './yield-to-browser';

/**
 * Monaco's modules, evaluated a layer at a time. Importing the editor evaluates about 3 MB of JavaScript,
 * which held the main thread for 235 ms in one task on a 2-core machine, and for 900 ms while the spare
 * interpreter booted beside it: a page that stalls. Each import below evaluates only the modules the
 * earlier ones did not, and the page gets a frame between them; when the editor itself is imported at
 * the end (python-editor.ts, through monaco-python.ts), there is little left to evaluate.
 */
const STAGES: readonly (() => Promise<unknown>)[] = [
  () => import('monaco-editor/base/browser/dom'),
  () => import('monaco-editor/editor/common/config/editorOptions'),
  () => import('monaco-editor/editor/common/model/textModel'),
  () => import('monaco-editor/editor/browser/view'),
  () => import('monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget'),
  () => import('monaco-editor/editor/standalone/browser/standaloneServices'),
  () => import('monaco-editor/editor/standalone/browser/standaloneEditor'),
  () => import('monaco-editor/editor/standalone/browser/standaloneLanguages'),
  () => import('monaco-editor/editor/editor.api'),
];

/**
 * Evaluates the layers in turn; before each, `mayGoOn` may hold the loading back (the scratch pad waits
 * while a program runs, so none of it lands in the middle of a run's output).
 */
export async function evaluateMonacoInStages(mayGoOn: () => Promise<void>): Promise<void> {
  for (const stage of STAGES) {
    await mayGoOn();
    await stage();
    await yieldToBrowser();
  }
}

/**
 * Monaco's services are made when the first editor is: another 150 ms in one task (more on a busy
 * machine), which this does on its own, once every feature has registered (python-editor.ts imports them).
 */
export async function startMonacoServices(mayGoOn: () => Promise<void>): Promise<void> {
  await mayGoOn();
  const { StandaloneServices } =
    (await import('monaco-editor/editor/standalone/browser/standaloneServices')) as {
      StandaloneServices: { initialize(overrides: object): unknown };
    };
  StandaloneServices.initialize({});
  await yieldToBrowser();
}

/** The editor's font size (python-editor.ts), shared so the font measured ahead is the one it uses. */
export const EDITOR_FONT_SIZE = 15;

/**
 * Making the editor measures its font (a hidden element per character class, read back: a forced layout,
 * 15-20% of monaco.editor.create's 90-180 ms task). Monaco caches the measurement by font, so it is
 * done here, in a task of its own, with the settings the editor will ask for (only the size is not
 * Monaco's default).
 */
export async function measureEditorFont(mayGoOn: () => Promise<void>): Promise<void> {
  await mayGoOn();
  const [{ FontMeasurements }, { createBareFontInfoFromRawSettings }, { PixelRatio }] = (await Promise.all([
    import('monaco-editor/editor/browser/config/fontMeasurements'),
    import('monaco-editor/editor/common/config/fontInfoFromSettings'),
    import('monaco-editor/base/browser/pixelRatio'),
  ])) as [
    { FontMeasurements: { readFontInfo(window: Window, font: unknown): unknown } },
    { createBareFontInfoFromRawSettings(options: { fontSize: number }, pixelRatio: number): unknown },
    { PixelRatio: { getInstance(window: Window): { value: number } } },
  ];
  const font = createBareFontInfoFromRawSettings(
    { fontSize: EDITOR_FONT_SIZE },
    PixelRatio.getInstance(window).value,
  );
  FontMeasurements.readFontInfo(window, font);
  await yieldToBrowser();
}
