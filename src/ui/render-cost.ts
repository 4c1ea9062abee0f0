/**
 * How much text the console may lay out in one frame. What a character costs the browser depends on the
 * script and on the fonts of the machine: plain Latin text is cheap to shape, while CJK, emoji, Arabic or
 * text that needs a font fallback can cost a hundred times more (a 10 000-character line of "漢字😀"
 * took 20-66 ms here and stalled the page 1.8 s on another machine). So the console measures each frame
 * (its appends and the layout they cause) and sizes the next one to stay within a budget, with separate
 * estimates for plain and other text, and the smallest amount of other text before anything is known.
 */

/** Characters below this are shaped simply (Latin, with Latin-1 and Latin Extended); the rest are not. */
const FIRST_COMPLEX = 0x0300;

export interface RenderCostOptions {
  /**
   * Milliseconds a frame's text should cost to append and lay out (default 10: most of a 16.7 ms frame;
   * floods measured smooth with frames of that cost, and draining a flood's last thousand lines after a
   * time limit took three times as long at 4).
   */
  readonly budgetMs?: number;
  /**
   * The fewest characters a frame may take, whatever the estimate (default 16): progress on any machine.
   * Where no font has a glyph (a Debian machine with only DejaVu, given CJK and emoji), Chromium 150 spent
   * 30-110 ms laying out 256 such characters, frame gaps of up to 217 ms; with 64, gaps of 50-67 ms. On
   * Chromium 156, 64 such characters took 30-55 ms to lay out, once 134 ms (a gap over 100 ms in
   * flood.timing); with 16, a median of 8 ms and at most 34 ms. A machine with the fonts grows a frame
   * from 16 to 4 000 such characters in about 20 frames.
   */
  readonly minChars?: number;
  /** The most (default 32 Ki). */
  readonly maxChars?: number;
}

/** Whether the first `length` characters of `text` hold any character that isn't plain Latin. */
export function isComplex(text: string, length = text.length): boolean {
  const end = Math.min(length, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) >= FIRST_COMPLEX) return true;
  return false;
}

export class RenderCostModel {
  private readonly budgetMs: number;
  private readonly minChars: number;
  private readonly maxChars: number;
  /**
   * Milliseconds per character, learnt: plain text starts at the most characters a frame, other text at
   * the fewest (on the machine where a 10 000-character line of CJK and emoji took 1.8 s, 256 cost ~50 ms).
   */
  private plainMsPerChar: number;
  private complexMsPerChar: number;

  constructor(options: RenderCostOptions = {}) {
    this.budgetMs = options.budgetMs ?? 10;
    this.minChars = options.minChars ?? 16;
    this.maxChars = options.maxChars ?? 32 * 1024;
    this.plainMsPerChar = this.budgetMs / this.maxChars;
    this.complexMsPerChar = this.budgetMs / this.minChars;
  }

  /** How many characters of plain (or other) text the next frame may take. */
  budget(complex: boolean): number {
    const msPerChar = complex ? this.complexMsPerChar : this.plainMsPerChar;
    const chars = msPerChar > 0 ? Math.floor(this.budgetMs / msPerChar) : this.maxChars;
    return Math.min(this.maxChars, Math.max(this.minChars, chars));
  }

  /**
   * A new run's output starts from the smallest share of other text again. "Other text" is every script
   * but plain Latin, and what one costs says little about the next: after a run's stacked marks had cost
   * little, the next run's Hebrew and Arabic got frames sized for them and one took 81 ms (CI). Plain
   * text keeps what was learnt.
   */
  forgetOtherScripts(): void {
    this.complexMsPerChar = this.budgetMs / this.minChars;
  }

  /**
   * A frame laid out `plainChars` plain and `complexChars` other characters in `elapsedMs`. With any
   * other text, the whole cost counts against it (the cautious reading).
   */
  recordFrame(plainChars: number, complexChars: number, elapsedMs: number): void {
    const ms = Math.max(0, elapsedMs);
    // Up at once (the next frame must not stall), down slowly (one cheap frame proves little).
    const learn = (previous: number, measured: number) =>
      measured > previous ? measured : previous * 0.75 + measured * 0.25;
    if (complexChars > 0) this.complexMsPerChar = learn(this.complexMsPerChar, ms / complexChars);
    else if (plainChars > 0) this.plainMsPerChar = learn(this.plainMsPerChar, ms / plainChars);
  }
}
