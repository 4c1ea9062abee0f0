/**
 * How much text the console may lay out in one go. What a character costs the browser depends on the
 * script and on the fonts of the machine: plain Latin text is cheap to shape, while CJK, emoji, Arabic or
 * text that needs a font fallback can cost a hundred times more (a 10 000-character line of "漢字😀"
 * took 20-66 ms here and stalled the page 1.8 s on another machine). So the console measures each piece
 * it renders (append plus forced layout) and sizes the next one to stay within a budget, with separate
 * estimates for plain and other text, and the smallest piece of other text before anything is known.
 */

/** Characters below this are shaped simply (Latin, with Latin-1 and Latin Extended); the rest are not. */
const FIRST_COMPLEX = 0x0300;

export interface RenderCostOptions {
  /** Milliseconds one piece should cost (default 4). */
  readonly budgetMs?: number;
  /** The smallest piece, whatever the estimate (default 256): progress on any machine. */
  readonly minChars?: number;
  /** The largest piece (default 32 Ki). */
  readonly maxChars?: number;
}

export class RenderCostModel {
  private readonly budgetMs: number;
  private readonly minChars: number;
  private readonly maxChars: number;
  /**
   * Milliseconds per character, learnt: plain text starts at a piece of 8 Ki, other text at the smallest
   * piece (on the machine where a 10 000-character line of CJK and emoji took 1.8 s, 256 cost ~50 ms).
   */
  private plainMsPerChar: number;
  private complexMsPerChar: number;

  constructor(options: RenderCostOptions = {}) {
    this.budgetMs = options.budgetMs ?? 4;
    this.minChars = options.minChars ?? 256;
    this.maxChars = options.maxChars ?? 32 * 1024;
    this.plainMsPerChar = this.budgetMs / 8192;
    this.complexMsPerChar = this.budgetMs / this.minChars;
  }

  /** How many characters of `text` (from its start) to render next. */
  pieceChars(text: string): number {
    const plainPiece = this.piece(this.plainMsPerChar);
    if (!hasComplex(text, Math.min(text.length, plainPiece))) return plainPiece;
    return this.piece(this.complexMsPerChar);
  }

  /** A piece of `text` took `elapsedMs` to append and lay out. */
  record(text: string, elapsedMs: number): void {
    if (text.length === 0) return;
    const measured = Math.max(0, elapsedMs) / text.length;
    // Up at once (the next piece must not stall), down slowly (one cheap piece proves little).
    const learn = (previous: number) => (measured > previous ? measured : previous * 0.75 + measured * 0.25);
    if (hasComplex(text, text.length)) this.complexMsPerChar = learn(this.complexMsPerChar);
    else this.plainMsPerChar = learn(this.plainMsPerChar);
  }

  private piece(msPerChar: number): number {
    const chars = msPerChar > 0 ? Math.floor(this.budgetMs / msPerChar) : this.maxChars;
    return Math.min(this.maxChars, Math.max(this.minChars, chars));
  }
}

function hasComplex(text: string, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(i) >= FIRST_COMPLEX) return true;
  return false;
}
