import type { NoteKind } from '../runtime/verdict';
import { DisplayLimiter, prepareMarkTableWhenIdle, type DisplayLimits } from './display-limits';
import { warmConsoleFontsWhenIdle } from './font-warmup';
import { LiveRegionGuard } from './live-region-guard';
import { OutputArchive } from './output-archive';
import { RenderCostModel, isComplex } from './render-cost';
import { makeControlsVisible } from './visible-controls';

export type { NoteKind };

/** What the console shows: program streams, the learner's typed input, and notes. */
export type ConsoleStream = 'stdout' | 'stderr' | 'stdin';

type Entry =
  | { readonly kind: ConsoleStream; readonly text: string }
  | { readonly kind: 'note'; readonly note: NoteKind; readonly text: string };

/**
 * An entry waiting for its frame, with its line count so the queue can be bounded by lines too, and
 * whether its text ends mid-line (read from the piece that arrived last: asking a joined string flattens it).
 */
type PendingEntry = { readonly entry: Entry; readonly lines: number; readonly endsMidLine: boolean };

export interface ConsoleLimits {
  /** Lines kept on screen (default 10 000); older ones are dropped, counted and offered as a download. */
  readonly maxLines?: number;
  /** Characters kept on screen (default 2 MiB). */
  readonly maxChars?: number;
  /** Characters rendered per animation frame (default 32 KiB), so a flood never stalls the page. */
  readonly charsPerFrame?: number;
  /** Lines rendered per animation frame (default 250): each costs layout, and 1 000 took 5–10 ms. */
  readonly linesPerFrame?: number;
  /** Milliseconds of rendering work per animation frame (default 6), whatever the caps above allow. */
  readonly msPerFrame?: number;
  /** What one line may cost to lay out (src/ui/display-limits.ts). */
  readonly display?: DisplayLimits;
}

interface Block {
  readonly element: HTMLElement;
  lines: number;
  chars: number;
  /** Characters of the unfinished line this block ends with (0: it ends with a newline, or is empty). */
  lineChars: number;
  /** Appending here became too costly (BLOCK_COST_MS): what follows goes into a new block. */
  closed: boolean;
  last: { kind: Entry['kind']; element: HTMLElement } | null;
}

/**
 * A block is its own formatting context: appending to one lays out that block again, not the console.
 * So a block takes no more once a frame appending to it costs more than BLOCK_COST_MS (a 10 000-character line
 * appended to one growing span cost Chromium its whole length in layout at every append: 3 ms for the
 * first 500 CJK characters, 30 ms by the twentieth piece), and a line longer than what its block takes
 * continues in the next one (a forced wrap on screen; the download is exact). Plain text stays cheap up to
 * the size caps.
 */
const LINES_PER_BLOCK = 200;
const CHARS_PER_BLOCK = 32 * 1024;
const BLOCK_COST_MS = 3;
/**
 * A backlog of more than this many frames' worth of lines is text that would scroll past faster than
 * anyone reads it (at linesPerFrame, 15 000 lines a second): all but the last frame's worth is appended
 * at once as blocks the browser lays out only when they come into view (see appendBacklogUnlaidOut).
 */
const BACKLOG_FRAMES = 2;
/**
 * The most characters a frame appends that way: a short-line flood's whole backlog (10 000 lines of a
 * number each are under 80 KiB), while a flood of long lines doesn't replace the whole screen every frame
 * (2 MiB of 1 000-character lines in and out each frame stalled the page up to 100 ms).
 */
const BACKLOG_CHARS_PER_FRAME = 256 * 1024;
/** A run's first output, up to this size, is rendered at once instead of at the next frame. */
const IMMEDIATE_CHARS = 4096;
const NEWLINE = 10;

/**
 * The longest start of `text` with at most `maxChars` characters and `maxLines` newlines, cut after a
 * newline where possible, and never between the two halves of a surrogate pair.
 */
function prefixWithin(text: string, maxChars: number, maxLines: number): string {
  let end = -1;
  for (
    let seen = 0, i = text.indexOf('\n');
    i !== -1 && i < maxChars && seen < maxLines;
    i = text.indexOf('\n', i + 1)
  ) {
    end = i + 1;
    seen++;
  }
  if (end > 0) return text.slice(0, end);
  const cut = Math.max(1, maxChars);
  const last = text.charCodeAt(cut - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff && cut > 1 ? cut - 1 : cut);
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * The console: program output rendered strictly as text (text nodes only, never HTML), stdout, stderr and
 * typed input visibly distinct. It keeps a bounded tail: text is appended in blocks of a few hundred lines,
 * and whole blocks are dropped from the top once the limits are passed, so layout work stays proportional
 * to what is new. Rendering happens once per animation frame, at most `charsPerFrame` at a time.
 */
export class ConsoleView {
  readonly archive = new OutputArchive();
  private readonly maxLines: number;
  private readonly maxChars: number;
  private readonly charsPerFrame: number;
  private readonly linesPerFrame: number;
  private readonly msPerFrame: number;
  private pending: PendingEntry[] = [];
  private pendingChars = 0;
  private pendingLines = 0;
  private blocks: Block[] = [];
  private shownLines = 0;
  private shownChars = 0;
  private droppedLines = 0;
  private droppedChars = 0;
  /** The start of a line was dropped unseen, so its rest is dropped when it comes (dropOldestPending). */
  private droppingRestOfLine = false;
  /**
   * The run was cut short (skipBacklog): what still waits is owed to the screen in a few frames, so the
   * backlog is measured in characters too (appendBacklogUnlaidOut).
   */
  private cutShort = false;
  private frame: number | null = null;
  private drainWaiters: (() => void)[] = [];
  private readonly limiter: DisplayLimiter;
  private readonly liveRegion: LiveRegionGuard;
  private readonly renderCost = new RenderCostModel();

  constructor(
    private readonly element: HTMLElement,
    private readonly banner: {
      show(droppedLines: number, droppedChars: number, shortened: boolean): void;
      hide(): void;
    },
    limits: ConsoleLimits = {},
  ) {
    this.maxLines = limits.maxLines ?? 10_000;
    this.maxChars = limits.maxChars ?? 2 * 1024 * 1024;
    this.charsPerFrame = limits.charsPerFrame ?? 32 * 1024;
    this.linesPerFrame = limits.linesPerFrame ?? 250;
    this.msPerFrame = limits.msPerFrame ?? 6;
    this.limiter = new DisplayLimiter(limits.display);
    this.liveRegion = new LiveRegionGuard(element);
    prepareMarkTableWhenIdle();
    warmConsoleFontsWhenIdle(element);
  }

  clear(): void {
    this.pending = [];
    this.pendingChars = 0;
    this.pendingLines = 0;
    this.blocks = [];
    this.shownLines = this.shownChars = this.droppedLines = this.droppedChars = 0;
    this.droppingRestOfLine = false;
    this.cutShort = false;
    this.archive.clear();
    this.limiter.clear();
    this.renderCost.forgetOtherScripts();
    this.element.replaceChildren();
    this.banner.hide();
    this.liveRegion.reset();
    this.resolveDrained();
  }

  /** The run ended and everything it printed is on screen: a screen reader hears a summary of a flood. */
  finishRun(): void {
    this.liveRegion.summarise();
  }

  append(stream: ConsoleStream, text: string): void {
    if (text.length === 0) return;
    const visible = makeControlsVisible(text);
    // The download keeps every character; the screen shows what a line can be laid out with.
    this.archive.add(visible);
    const wasShortened = this.limiter.shortened;
    const shown = this.limiter.limit(visible);
    if (this.limiter.shortened && !wasShortened) this.showBanner();
    if (shown.length > 0) this.enqueue({ kind: stream, text: shown });
  }

  note(note: NoteKind, text: string): void {
    const line = text.endsWith('\n') ? text : `${text}\n`;
    this.archive.add(line);
    this.endProgramOutput(); // a note is a block of its own: what follows starts a new line
    this.enqueue({ kind: 'note', note, text: line });
  }

  /**
   * The program's output stopped here (it ended, or a note follows): what the screen still owes it, the
   * count of marks left off a cluster that ran to the end, is shown now.
   */
  endProgramOutput(): void {
    const marker = this.limiter.newLine();
    if (marker.length > 0) this.enqueue({ kind: 'stdout', text: marker });
  }

  /** Stops rendering (a pending frame is cancelled) and lets anyone waiting for the screen go. */
  dispose(): void {
    this.liveRegion.dispose();
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.pending = [];
    this.pendingChars = 0;
    this.pendingLines = 0;
    this.resolveDrained();
  }

  /**
   * The program was stopped: of the output still waiting to be drawn, keep only the last `keepLines`
   * lines (all of it stays in the download, and the banner counts what was skipped), so "Stopped." shows
   * within a few frames instead of after seconds of a flood's backlog.
   */
  skipBacklog(keepLines = 1000): void {
    this.cutShort = true;
    this.dropOldestPending(keepLines, this.maxChars);
    this.showBanner();
  }

  /** Resolves once everything appended so far is on screen. */
  drained(): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private enqueue(entry: Entry): void {
    const lines = countLines(entry.text);
    // Shortening a line for the screen keeps its newline, so these are the lines the program printed.
    this.liveRegion.received(lines);
    // A block-buffered flood arrives in pieces that end mid-line. Joined to the piece before it, a line
    // stays whole in the queue: what is dropped and what goes into unlaid-out blocks is whole lines.
    // Whole lines are joined only up to a block's worth: the first look at a joined string copies all of
    // it into one, and a flood's queue joined into one string of megabytes cost a frame 120 ms.
    const endsMidLine = entry.text.charCodeAt(entry.text.length - 1) !== NEWLINE;
    const last = this.pending[this.pending.length - 1];
    if (
      last !== undefined &&
      last.entry.kind === entry.kind &&
      entry.kind !== 'note' &&
      (last.endsMidLine || last.entry.text.length < CHARS_PER_BLOCK)
    )
      this.pending[this.pending.length - 1] = {
        entry: { ...last.entry, text: last.entry.text + entry.text },
        lines: last.lines + lines,
        endsMidLine,
      };
    else this.pending.push({ entry, lines, endsMidLine });
    this.pendingChars += entry.text.length;
    this.pendingLines += lines;
    // More waiting than the screen could ever hold: the oldest part will never be shown, drop it now.
    this.dropOldestPending(this.maxLines, this.maxChars);
    if (this.frame !== null) return;
    // A run's first bit of output shows at once rather than at the next frame (up to 16 ms later): that
    // is what "first output" feels like. Everything after it waits for frames, so floods stay paced.
    if (this.shownChars === 0 && this.droppedChars === 0 && this.pendingChars <= IMMEDIATE_CHARS)
      this.renderFrame();
    else this.frame = requestAnimationFrame(() => this.renderFrame());
  }

  /**
   * Drops the oldest waiting output until at most `maxLines` lines and `maxChars` characters wait. The
   * screen shows one unbroken stretch of the output: once anything is dropped here, what is already on
   * screen is older than the gap, and goes too, as does the rest of a line whose start was dropped.
   */
  private dropOldestPending(maxLines: number, maxChars: number): void {
    let dropped = false;
    while ((this.pendingChars > maxChars || this.pendingLines > maxLines) && this.pending.length > 1) {
      const oldest = this.pending[0];
      // Within the characters, an entry holding more lines than are over goes in part (below): whole
      // lines are joined up to 32 KiB, thousands of short ones, and the screen keeps exactly its last lines.
      if (
        oldest === undefined ||
        (this.pendingChars <= maxChars && oldest.lines > this.pendingLines - maxLines)
      )
        break;
      this.pending.shift();
      this.countDroppedPending(oldest.entry.text, oldest.lines);
      this.droppingRestOfLine = oldest.endsMidLine;
      dropped = true;
    }
    // The oldest entry holds more lines than are over: keep its last lines (the start of a batch is as old
    // as it gets).
    const first = this.pending[0];
    if (first !== undefined && this.pendingLines > maxLines && first.lines > 1) {
      let cut = -1;
      for (let skip = this.pendingLines - maxLines; skip > 0; skip--) {
        const next = first.entry.text.indexOf('\n', cut + 1);
        if (next === -1) break;
        cut = next;
      }
      if (cut >= 0 && cut < first.entry.text.length - 1) {
        this.dropPendingPrefix(first, cut + 1);
        this.droppingRestOfLine = false;
        dropped = true;
      }
    }
    this.dropRestOfDroppedLine();
    if (dropped) this.dropShownBlocks();
  }

  /** The start of a line was dropped: its rest, at the front of the queue, is dropped too. */
  private dropRestOfDroppedLine(): void {
    while (this.droppingRestOfLine) {
      const first = this.pending[0];
      if (first === undefined) return;
      if (first.entry.kind === 'note') {
        this.droppingRestOfLine = false; // a note starts a line of its own
        return;
      }
      const newline = first.entry.text.indexOf('\n');
      if (newline === -1) {
        this.pending.shift();
        this.countDroppedPending(first.entry.text, 0);
      } else {
        this.dropPendingPrefix(first, newline + 1);
        this.droppingRestOfLine = false;
      }
    }
  }

  /** Drops the first `length` characters of the first waiting entry (`first`), which end with a newline. */
  private dropPendingPrefix(first: PendingEntry, length: number): void {
    const droppedText = first.entry.text.slice(0, length);
    const droppedLines = countLines(droppedText);
    this.countDroppedPending(droppedText, droppedLines);
    if (length === first.entry.text.length) this.pending.shift();
    else
      this.pending[0] = {
        ...first,
        entry: { ...first.entry, text: first.entry.text.slice(length) },
        lines: first.lines - droppedLines,
      };
  }

  private countDroppedPending(text: string, lines: number): void {
    this.pendingChars -= text.length;
    this.pendingLines -= lines;
    this.droppedChars += text.length;
    this.droppedLines += lines;
  }

  private renderFrame(): void {
    this.frame = null;
    const followOutput = this.isScrolledToBottom();
    this.appendBacklogUnlaidOut();
    // The caps bound the work per frame on a fast machine; the clock bounds the appends on a slow or busy
    // one. What layout costs is measured once per frame (the console's height is read after the appends),
    // and sizes the next frame's share of plain and of other text, so no frame stalls the page whatever
    // the script (render-cost.ts).
    let chars = this.charsPerFrame;
    let lines = this.linesPerFrame;
    let plainLeft = this.renderCost.budget(false);
    let complexLeft = this.renderCost.budget(true);
    let plainChars = 0;
    let complexChars = 0;
    let lastBlock: Block | null = null;
    const started = performance.now();
    const deadline = started + this.msPerFrame;
    while (chars > 0 && lines > 0 && this.pending.length > 0 && performance.now() < deadline) {
      const first = this.pending[0];
      if (first === undefined) break;
      const { entry } = first;
      const { block, room } = this.blockFor(entry);
      const complex = isComplex(entry.text, Math.min(chars, room, plainLeft));
      const left = complex ? complexLeft : plainLeft;
      if (left <= 0) break;
      const cap = Math.min(chars, room, left);
      const whole = first.lines <= lines && entry.text.length <= cap;
      // A note is Sandpit's own sentence, short and never split (a help text cut in two reads as two
      // notes): one that doesn't fit waits for the next frame, or is taken whole by a frame that has
      // nothing else to do.
      if (entry.kind === 'note' && !whole && lastBlock !== null) break;
      const take = whole || entry.kind === 'note' ? entry.text : prefixWithin(entry.text, cap, lines);
      const takenLines = this.takeFromPending(first, take);
      chars -= take.length;
      lines -= Math.max(1, takenLines);
      if (complex) {
        complexLeft -= take.length;
        complexChars += take.length;
      } else {
        plainLeft -= take.length;
        plainChars += take.length;
      }
      this.renderText(block, entry, take, takenLines);
      lastBlock = block;
    }
    this.trim();
    const height = this.element.scrollHeight; // lays this frame's text out now, inside the measurement
    const cost = performance.now() - started;
    this.renderCost.recordFrame(plainChars, complexChars, cost);
    if (lastBlock !== null && cost > BLOCK_COST_MS) lastBlock.closed = true;
    if (followOutput) this.element.scrollTop = height;
    if (this.pending.length > 0) this.frame = requestAnimationFrame(() => this.renderFrame());
    else this.resolveDrained();
  }

  /** Removes `take`, a prefix of the first pending entry's text, from the queue; returns its line count. */
  private takeFromPending(first: PendingEntry, take: string): number {
    const { entry } = first;
    const takenLines = take.length === entry.text.length ? first.lines : countLines(take);
    if (take.length === entry.text.length) this.pending.shift();
    else
      this.pending[0] = {
        ...first,
        entry: { ...entry, text: entry.text.slice(take.length) },
        lines: first.lines - takenLines,
      };
    this.pendingChars -= take.length;
    this.pendingLines -= takenLines;
    return takenLines;
  }

  /**
   * A flood leaves a backlog of up to `maxLines` lines, which at a frame's worth of lines at a time took
   * 40 frames (two thirds of a second) to draw after the program had ended. Only what ends up in view
   * needs laying out now: all but the last frame's worth of the backlog goes into blocks styled
   * `content-visibility: auto`, which the browser lays out when they come near the view (scrolling back),
   * estimated as a full block's height until then (a class, not an inline style: the console's elements
   * carry no attribute but their class, which the red-team suite checks). Only whole lines of plain text
   * go this way (what a line of another script costs to lay out is learnt frame by frame, render-cost.ts),
   * never a note, and never the rest of a line already on screen. The blocks are ordinary blocks
   * otherwise: the screen's limits count them and drop them like the others.
   *
   * After a run was cut short, a frame's worth is also counted in characters (what a frame may lay out of
   * plain text, as learnt): the thousand lines kept of a flood of 600-character lines are 600 KB, which
   * a frame's worth of lines at a time drew for 6.7 s after the time limit on a loaded 2-core machine, and
   * for over 20 s once under the whole suite (the run's end, and `data-runs`, waited for it).
   */
  private appendBacklogUnlaidOut(): void {
    let block: Block | null = null;
    let charsLeft = BACKLOG_CHARS_PER_FRAME;
    const frameChars = this.cutShort
      ? Math.min(this.charsPerFrame, this.renderCost.budget(false))
      : Number.POSITIVE_INFINITY;
    while (
      (this.pendingLines > this.linesPerFrame * BACKLOG_FRAMES ||
        this.pendingChars > frameChars * BACKLOG_FRAMES) &&
      charsLeft > 0
    ) {
      if (block !== null && (block.lines >= LINES_PER_BLOCK || block.chars >= CHARS_PER_BLOCK)) block = null;
      const first = this.pending[0];
      const last = this.blocks[this.blocks.length - 1];
      if (first === undefined || first.entry.kind === 'note' || (last !== undefined && last.lineChars > 0))
        break;
      // Whole lines from the front, leaving a frame's worth by each measure that is over one.
      const linesToSpare = this.pendingLines - this.linesPerFrame;
      const charsToSpare = this.pendingChars - frameChars;
      const roomLines = Math.min(
        LINES_PER_BLOCK - (block?.lines ?? 0),
        linesToSpare > 0 ? linesToSpare : LINES_PER_BLOCK,
      );
      const roomChars = Math.min(
        CHARS_PER_BLOCK - (block?.chars ?? 0),
        charsLeft,
        charsToSpare > 0 ? charsToSpare : CHARS_PER_BLOCK,
      );
      const take = prefixWithin(first.entry.text, roomChars, roomLines);
      if (!take.endsWith('\n') || isComplex(take)) {
        if (block === null) break;
        // What doesn't fit this block may fit a new one; what isn't plain whole lines waits for frames.
        block = null;
        continue;
      }
      block ??= this.newBlock(true);
      const takenLines = this.takeFromPending(first, take);
      charsLeft -= take.length;
      this.renderText(block, first.entry, take, takenLines);
    }
  }

  /**
   * The block the next piece of `entry` goes into, and how many characters it may still take. A line
   * under way stays in its block until its part there reaches CHARS_PER_BLOCK; a new line that doesn't
   * fit in what is left of a block starts the next one. So a line is split between blocks (a wrap on
   * screen) only when it is longer than a block.
   */
  private blockFor(entry: Entry): { block: Block; room: number } {
    const last = this.blocks[this.blocks.length - 1];
    if (last !== undefined && !last.closed) {
      if (last.lineChars > 0 && entry.kind !== 'note') {
        if (last.lineChars < CHARS_PER_BLOCK) return { block: last, room: CHARS_PER_BLOCK - last.lineChars };
      } else if (last.lines < LINES_PER_BLOCK && last.chars < CHARS_PER_BLOCK) {
        const room = CHARS_PER_BLOCK - last.chars;
        const newline = entry.text.indexOf('\n');
        const firstLine = newline === -1 ? entry.text.length : newline + 1;
        if (firstLine <= room) return { block: last, room };
      }
    }
    return { block: this.newBlock(false), room: CHARS_PER_BLOCK };
  }

  /** A new block at the end; an unlaid-out one is closed (what follows it is laid out the usual way). */
  private newBlock(unlaidOut: boolean): Block {
    const element = document.createElement('div');
    element.className = unlaidOut ? 'console-block console-block-unlaid' : 'console-block';
    this.element.append(element);
    const block: Block = { element, lines: 0, chars: 0, lineChars: 0, last: null, closed: unlaidOut };
    this.blocks.push(block);
    return block;
  }

  private renderText(block: Block, entry: Entry, text: string, lines: number): void {
    if (entry.kind === 'note') {
      const note = document.createElement('div');
      note.className = `console-note console-note-${entry.note}`;
      note.textContent = text;
      block.element.append(note);
      block.last = null;
    } else {
      if (block.last === null || block.last.kind !== entry.kind) {
        const span = document.createElement('span');
        span.className = `console-${entry.kind}`;
        block.element.append(span);
        block.last = { kind: entry.kind, element: span };
      }
      block.last.element.append(document.createTextNode(text));
    }
    block.lines += lines;
    block.chars += text.length;
    const lastNewline = text.lastIndexOf('\n');
    block.lineChars = lastNewline === -1 ? block.lineChars + text.length : text.length - lastNewline - 1;
    this.shownLines += lines;
    this.shownChars += text.length;
  }

  /** Drops whole blocks from the top while the limits are passed, counting what was dropped. */
  private trim(): void {
    while (this.blocks.length > 1 && (this.shownLines > this.maxLines || this.shownChars > this.maxChars))
      this.dropFirstBlock();
    this.showBanner();
  }

  /** Output after what is on screen was dropped before it was shown: the screen's text goes too. */
  private dropShownBlocks(): void {
    while (this.blocks.length > 0) this.dropFirstBlock();
  }

  private dropFirstBlock(): void {
    const first = this.blocks.shift();
    if (first === undefined) return;
    first.element.remove();
    this.shownLines -= first.lines;
    this.shownChars -= first.chars;
    this.droppedLines += first.lines;
    this.droppedChars += first.chars;
  }

  /** The banner offers the download once anything is missing from the screen: old lines, or parts of lines. */
  private showBanner(): void {
    if (this.droppedChars > 0 || this.limiter.shortened)
      this.banner.show(this.droppedLines, this.droppedChars, this.limiter.shortened);
  }

  private resolveDrained(): void {
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }

  private isScrolledToBottom(): boolean {
    const { scrollTop, scrollHeight, clientHeight } = this.element;
    return scrollHeight - scrollTop - clientHeight < 24;
  }
}
