/**
 * The one file an author includes: `<script type="module" src=".../sandpit-embed.js"></script>`. It
 * defines `<sandpit-python>` and exports the JavaScript API (the same runtime the scratch pad uses). Its
 * assets (the interpreter worker, Pyodide, Monaco) are found relative to this file, so the build works
 * from any folder.
 */
import widgetStyles from './widget.css?inline';
import { declareCodiconFont } from '../editor/codicon-font';
import { SandpitPythonElement } from './sandpit-python-element';

export { createSandbox, createSharedInterpreters } from '../runtime/sandbox';
export type { RunOptions, RunResult, Sandbox, SandboxOptions, SandboxPolicy } from '../runtime/sandbox';
export { POLICY_PRESETS, customPolicy } from '../runtime/policy';
export { SandpitPythonElement, type WidgetResultDetail } from './sandpit-python-element';

function installStyles(): void {
  if (document.querySelector('style[data-sandpit-widgets]') !== null) return;
  const style = document.createElement('style');
  style.dataset.sandpitWidgets = '';
  style.textContent = widgetStyles;
  document.head.prepend(style); // first, so the page's own rules win where they overlap
}

if (!customElements.get('sandpit-python')) {
  installStyles();
  declareCodiconFont(); // before widgets have output to lay out again (src/editor/codicon-font.ts)
  customElements.define('sandpit-python', SandpitPythonElement);
}
