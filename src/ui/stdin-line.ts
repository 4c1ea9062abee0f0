/**
 * The input line under the console (`[data-testid=stdin]`): shown while the program waits in `input()`.
 * Enter sends the line; Ctrl+D or the EOF button sends end of file.
 */
export class StdinLine {
  private pending: ((line: string | null) => void) | null = null;
  private readonly input: HTMLInputElement;
  private readonly listeners = new AbortController();

  constructor(private readonly form: HTMLFormElement) {
    const input = form.querySelector<HTMLInputElement>('[data-testid=stdin]');
    const eof = form.querySelector<HTMLButtonElement>('[data-testid=stdin-eof]');
    if (input === null || eof === null)
      throw new Error('[sandpit] the input form lacks its stdin field or EOF button');
    this.input = input;
    const { signal } = this.listeners;
    form.addEventListener(
      'submit',
      (event) => {
        event.preventDefault();
        this.answer(this.input.value);
      },
      { signal },
    );
    eof.addEventListener('click', () => this.answer(null), { signal });
    input.addEventListener(
      'keydown',
      (event) => {
        if (event.ctrlKey && (event.key === 'd' || event.key === 'D')) {
          event.preventDefault();
          this.answer(null);
        }
      },
      { signal },
    );
  }

  /** Shows the line and resolves with what the learner types, or `null` for end of file. */
  ask(prompt: string): Promise<string | null> {
    this.cancel();
    this.input.value = '';
    this.input.placeholder = prompt.trim() ? prompt.trim() : 'Type your input and press Enter';
    this.form.hidden = false;
    this.input.focus();
    return new Promise((resolve) => (this.pending = resolve));
  }

  /** The run ended while waiting: hide the line. */
  cancel(): void {
    this.pending = null;
    this.form.hidden = true;
  }

  /** Removes the listeners; a pending question is answered with end of file. */
  dispose(): void {
    this.listeners.abort();
    this.answer(null);
    this.cancel();
  }

  private answer(line: string | null): void {
    const pending = this.pending;
    if (pending === null) return;
    this.cancel();
    pending(line);
  }
}
