/**
 * What one line of output may cost the page to lay out. The console bounds characters and lines per
 * frame, but the browser shapes a line as a whole, and a grapheme cluster as a whole: one line holding
 * "a" followed by 1.5 million combining marks made the page draw about one frame a second for 85 s,
 * because every frame re-shaped the growing cluster. So, on screen only (the download keeps everything):
 * - a line shows at most `maxLineChars` characters, then a marker saying the rest is in the download;
 * - a character carries at most `maxMarks` combining marks (or zero-width characters, which stack the
 *   same way); the rest are counted in one marker, shown when the run of marks ends.
 * State carries across appends, since a line or a cluster can be split between output batches. A run of
 * marks split between batches gets one marker, not one per batch: the 1.5-million-mark cluster came in
 * 46 batches, and a marker appended to the cluster's line at each one made the browser shape that line
 * again every frame (a 51 ms layout in one traced frame).
 */
export interface DisplayLimits {
  readonly maxLineChars?: number;
  readonly maxMarks?: number;
}

const ANY_MARK = /\p{M}/u;

export function lineCutMarker(): string {
  return '⟪the rest of this line is not shown: download the output to see it⟫';
}

export function marksMarker(count: number): string {
  return `⟪${count} more combining marks or invisible characters⟫`;
}

/**
 * Invisible characters that stack like combining marks: zero-width spaces and joiners, word joiners,
 * the byte-order mark, the soft hyphen. A million alternating U+200B U+200D on one line, 10 000 of them
 * shown, still cost Chromium 1.1 s of layout (measured); one or two in a row (an emoji sequence, Persian
 * text) are far below the limit.
 */
const INVISIBLE = [
  0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff,
];

export class DisplayLimiter {
  private readonly maxLineChars: number;
  private readonly maxMarks: number;
  /** Characters shown so far on the current line. */
  private lineChars = 0;
  /** The current line went over the limit: skip until its newline. */
  private skippingLine = false;
  /** Combining marks at the very end of what was shown, still attached to the last character. */
  private trailingMarks = 0;
  /** Marks of the run still under way that were left off; their marker comes when the run ends. */
  private droppedMarks = 0;
  /** Something was left off the screen since the last reset (the console then offers the download). */
  shortened = false;

  constructor(limits: DisplayLimits = {}) {
    this.maxLineChars = limits.maxLineChars ?? 10_000;
    this.maxMarks = limits.maxMarks ?? 8;
  }

  /** A fresh start: the console was cleared. */
  clear(): void {
    this.newLine();
    this.shortened = false;
  }

  /**
   * What follows starts a line of its own (a note comes in between, or the program ended): the marker
   * for a run of marks still under way, or '' when there is none.
   */
  newLine(): string {
    const marker = this.endMarks();
    this.lineChars = 0;
    this.skippingLine = false;
    this.trailingMarks = 0;
    return marker;
  }

  /** The marker counting the marks left off the run under way (which has ended), or ''. */
  private endMarks(): string {
    if (this.droppedMarks === 0) return '';
    const marker = marksMarker(this.droppedMarks);
    this.droppedMarks = 0;
    return marker;
  }

  /** The part of `text` to show, given everything shown before it since the last reset. */
  limit(text: string): string {
    const passed = this.passesAsItIs(text);
    if (passed) return text;
    let result = '';
    let start = 0;
    while (start < text.length) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline + 1;
      result += this.limitLinePiece(text.slice(start, end), newline !== -1);
      start = end;
    }
    return result;
  }

  /**
   * The common case, checked without copying: no combining marks, and no line over the limit. A flood's
   * batches take this path, so it must cost little more than finding the newlines.
   */
  private passesAsItIs(text: string): boolean {
    if (this.skippingLine || this.droppedMarks > 0 || hasMark(text)) return false;
    let lineChars = this.lineChars;
    let lineStart = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', lineStart)) {
      if (lineChars + newline - lineStart > this.maxLineChars) return false;
      lineChars = 0;
      lineStart = newline + 1;
    }
    if (lineChars + text.length - lineStart > this.maxLineChars) return false;
    this.lineChars = lineChars + text.length - lineStart;
    this.trailingMarks = 0;
    return true;
  }

  private limitLinePiece(piece: string, endsLine: boolean): string {
    let shown = '';
    if (!this.skippingLine) {
      const body = endsLine ? piece.slice(0, -1) : piece;
      const marked = this.limitMarks(body);
      const room = this.maxLineChars - this.lineChars;
      if (marked.length <= room) {
        shown = marked;
        this.lineChars += marked.length;
      } else {
        shown = `${cutAt(marked, room)}${lineCutMarker()}`;
        this.droppedMarks = 0; // the rest of the line is left off whole
        this.skippingLine = true;
        this.shortened = true;
      }
    }
    // A run of marks that went on to the end of the line was counted, not yet told.
    return endsLine ? `${shown}${this.newLine()}\n` : shown;
  }

  /**
   * Runs of combining marks cut to `maxMarks`, counting marks carried over from the previous append.
   * A run that reaches the end of `text` keeps its count for the next append (or newLine()).
   * One pass over the text with a lookup table: a regular expression with `\p{M}` cost 30 ms on a 64 KiB
   * batch of marks (measured), a whole frame's budget.
   */
  private limitMarks(text: string): string {
    const isMark = markTable();
    let shown = '';
    let kept = 0; // start of the text not yet copied to `shown`
    let run = this.trailingMarks;
    let dropped = this.droppedMarks;
    let cutHere = dropped > 0; // marks of the previous append's run were dropped: nothing to copy yet
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let mark: boolean;
      let width = 1;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        width = 2;
        mark = mayBeAstralMark(code) && ANY_MARK.test(text.slice(i, i + 2));
      } else {
        mark = isMark[code] === 1;
      }
      if (mark) {
        run++;
        if (run > this.maxMarks) {
          if (!cutHere) shown += text.slice(kept, i);
          cutHere = true;
          dropped += width;
        }
      } else {
        if (dropped > 0) {
          shown += marksMarker(dropped);
          dropped = 0;
        }
        if (cutHere) kept = i;
        cutHere = false;
        run = 0;
      }
      i += width - 1;
    }
    if (!cutHere) shown += text.slice(kept);
    if (cutHere || shown.length !== text.length) this.shortened = true;
    this.trailingMarks = run;
    this.droppedMarks = dropped;
    return shown;
  }
}

let marks: Uint8Array | null = null;

/**
 * Works out the table of combining marks while the page is idle, so a run's first output doesn't: built
 * there, in code not yet optimised, it took about 20 ms of the task that showed the first output.
 */
export function prepareMarkTableWhenIdle(): void {
  if (marks === null && typeof requestIdleCallback === 'function') requestIdleCallback(() => markTable());
}

/**
 * A high surrogate whose plane may hold combining marks. U+1F000 to U+1FBFF (emoji, symbols: surrogates
 * D83C to D83E) holds none, so emoji output stays on the fast path.
 */
function mayBeAstralMark(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff && !(code >= 0xd83c && code <= 0xd83e);
}

function hasMark(text: string): boolean {
  const isMark = markTable();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isMark[code] === 1 || mayBeAstralMark(code)) return true;
  }
  return false;
}

/**
 * Which characters of the Basic Multilingual Plane are combining marks, worked out once (while the page
 * is idle, or else at the first output): one regular expression over a string of the whole plane
 * (surrogates as spaces). Testing each character on its own took 12-14 ms; this takes 2-4 ms (Node).
 */
function markTable(): Uint8Array {
  if (marks === null) {
    const table = new Uint8Array(0x10000);
    const codes = new Uint16Array(0x10000);
    for (let code = 0; code < 0x10000; code++) codes[code] = code >= 0xd800 && code <= 0xdfff ? 0x20 : code;
    const plane = new TextDecoder('utf-16le').decode(codes);
    const runs = /\p{M}+/gu;
    for (let run = runs.exec(plane); run !== null; run = runs.exec(plane))
      table.fill(1, run.index, run.index + run[0].length);
    for (const code of INVISIBLE) table[code] = 1;
    marks = table;
  }
  return marks;
}

/** The first `count` UTF-16 units of `text`, never ending in half a surrogate pair. */
function cutAt(text: string, count: number): string {
  if (count <= 0) return '';
  const code = text.charCodeAt(count - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? count - 1 : count);
}
