import { groupThousands } from './truncation-banner';

/**
 * Keeps a screen reader from drowning in a flood. The console is a polite live region, so a screen
 * reader reads out each line as it arrives; a program that prints 10 000 lines would be read for an
 * hour. Past `maxLines` in one run the console stops being live, a status region says so once, and when
 * the run ends it says how much was printed instead (the console still has every line to read at will).
 */

/** Lines a run may print before the console stops being read out as it arrives. */
export const LIVE_LINES_LIMIT = 40;

export class LiveRegionGuard {
  /** The status region that speaks instead of the console (visually hidden; `output-summary`). */
  readonly announcer: HTMLElement;
  private lines = 0;
  private muted = false;

  constructor(
    private readonly region: HTMLElement,
    private readonly maxLines = LIVE_LINES_LIMIT,
  ) {
    this.announcer = document.createElement('div');
    this.announcer.className = 'sr-only';
    this.announcer.setAttribute('role', 'status');
    this.announcer.dataset.testid = 'output-summary';
    region.after(this.announcer);
  }

  /** A new run: the console is read out again. */
  reset(): void {
    this.lines = 0;
    this.muted = false;
    this.region.setAttribute('aria-live', 'polite');
    this.announcer.textContent = '';
  }

  /** The console received `lines` more lines. */
  received(lines: number): void {
    this.lines += lines;
    if (this.muted || this.lines <= this.maxLines) return;
    this.muted = true;
    this.region.setAttribute('aria-live', 'off');
    this.announcer.textContent =
      'Lots of output: it is no longer read out as it arrives. A summary follows when the program ends.';
  }

  /**
   * The run ended and the console shows all of it: after a flood, say how much there was (how the run
   * ended is the status line's to say: it is a live region of its own).
   */
  summarise(): void {
    if (!this.muted) return;
    const count = groupThousands(this.lines);
    this.announcer.textContent = `The program printed ${count} lines; they are in the console.`;
  }

  dispose(): void {
    this.announcer.remove();
  }
}
