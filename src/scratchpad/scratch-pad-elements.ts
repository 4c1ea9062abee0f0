import { parseTimeLimit } from '../config/time-limit';
import type { RunSurfaceElements } from '../ui/run-surface';

/** The scratch pad's static markup (index.html), found once by test id. */
export class ScratchPadElements {
  readonly run: HTMLButtonElement;
  readonly stop: HTMLButtonElement;
  readonly share: HTMLButtonElement;
  readonly clear: HTMLButtonElement;
  readonly timeout: HTMLInputElement;
  readonly editor: HTMLElement;
  readonly output: HTMLElement;
  readonly status: HTMLElement;
  readonly notice: HTMLElement;
  readonly stdinForm: HTMLFormElement;
  readonly truncationBanner: HTMLElement;
  readonly downloadOutput: HTMLButtonElement;
  readonly history: HTMLButtonElement;
  /** Format: enabled once the editor (Monaco) is there. */
  readonly format: HTMLButtonElement;
  readonly historyPanel: HTMLElement;
  private readonly sharePanel: HTMLElement;
  private readonly shareLinkField: HTMLInputElement;
  private readonly shareMessage: HTMLElement;
  private readonly saveProblem: HTMLElement;

  constructor(private readonly root: Document) {
    this.run = this.find('run', HTMLButtonElement);
    this.stop = this.find('stop', HTMLButtonElement);
    this.share = this.find('share', HTMLButtonElement);
    this.clear = this.find('clear', HTMLButtonElement);
    this.timeout = this.find('timeout', HTMLInputElement);
    this.editor = this.find('editor', HTMLElement);
    this.output = this.find('output', HTMLElement);
    this.status = this.find('status', HTMLElement);
    this.notice = this.find('notice', HTMLElement);
    this.stdinForm = this.find('stdin-form', HTMLFormElement);
    this.truncationBanner = this.find('output-truncated', HTMLElement);
    this.downloadOutput = this.find('download-output', HTMLButtonElement);
    this.history = this.find('history', HTMLButtonElement);
    this.format = this.find('format', HTMLButtonElement);
    this.historyPanel = this.find('history-panel', HTMLElement);
    this.sharePanel = this.find('share-panel', HTMLElement);
    this.shareLinkField = this.find('share-link', HTMLInputElement);
    this.shareMessage = this.find('share-message', HTMLElement);
    this.saveProblem = this.find('save-problem', HTMLElement);
  }

  private find<T extends HTMLElement>(testId: string, type: new () => T): T {
    const element = this.root.querySelector(`[data-testid="${testId}"]`);
    if (!(element instanceof type)) throw new Error(`[sandpit] index.html lacks [data-testid=${testId}]`);
    return element;
  }

  /** The elements the run surface (shared with widgets) takes over. */
  surfaceElements(): RunSurfaceElements {
    return {
      shortcutScope: this.root,
      run: this.run,
      stop: this.stop,
      output: this.output,
      truncationBanner: this.truncationBanner,
      downloadOutput: this.downloadOutput,
      stdinForm: this.stdinForm,
      status: this.status,
      // Beside the console (under it on a narrow screen: styles.css).
      placeGraphics: (pane) => {
        const consolePane = this.output.closest('.console-pane');
        consolePane?.after(pane);
        consolePane?.parentElement?.classList.add('has-graphics');
      },
      graphicsFit: 'contain',
    };
  }

  /** The time limit in the field, by the one time-limit rule (an unusable value gives the default). */
  timeoutSeconds(): number {
    return parseTimeLimit(this.timeout.value).seconds;
  }

  /**
   * A plain text area holding the code until Monaco has loaded (and for good, if it never does): the
   * learner can read, edit and run code from the first paint.
   */
  showPlainEditor(code: string, onInput: (code: string) => void): void {
    let area = this.editor.querySelector('textarea.editor-fallback');
    if (!(area instanceof HTMLTextAreaElement)) {
      const created = this.root.createElement('textarea');
      created.className = 'editor-fallback';
      created.spellcheck = false;
      created.setAttribute('aria-label', 'Python code');
      created.addEventListener('input', () => onInput(created.value));
      this.editor.replaceChildren(created);
      area = created;
    }
    (area as HTMLTextAreaElement).value = code;
  }

  removePlainEditor(): void {
    this.editor.replaceChildren();
  }

  showShareLink(link: string, copied: boolean): void {
    this.shareLinkField.value = link;
    this.shareMessage.textContent = copied ? 'Link copied to the clipboard.' : 'Copy this link:';
    this.sharePanel.hidden = false;
    this.shareLinkField.select();
  }

  setSaveProblem(problem: string | null): void {
    this.saveProblem.textContent = problem ?? '';
    this.saveProblem.hidden = problem === null;
  }
}
