import type { TurtleEvent } from '../wire/protocol';
import { TurtleCanvas, type DrawingSummary } from './turtle-canvas';
import { CommandLines, parseTurtleCommand, type TurtleCommand } from './turtle-commands';
import { makeElement } from '../ui/make-element';
import { keysym } from './turtle-keys';

/** Time a frame may spend drawing commands, so a flood of them never stalls the page. */
const FRAME_BUDGET_MS = 8;
/** With fewer commands than this waiting, each update() gets a frame of its own (games redraw per update). */
const UPDATE_PER_FRAME_BELOW = 20_000;
/**
 * Commands waiting to be drawn, at most. The worker's output credit comes back as batches arrive, not as
 * they are drawn, so a program drawing faster than the page would grow this without bound: past it,
 * commands are dropped (and the drawing's description says so), as the console drops a flood's lines.
 */
const MAX_BACKLOG = 500_000;
/** Key presses and clicks kept for a program that is busy; older ones are dropped. */
const MAX_QUEUED_EVENTS = 256;
/** A frame stands in for itself this long at most where frames don't run (a hidden tab). */
const FRAME_FALLBACK_MS = 100;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The drawing in a sentence, for the canvas's text alternative. */
export function describeDrawing(summary: DrawingSummary, width: number, height: number): string {
  const parts: string[] = [];
  if (summary.lines > 0) parts.push(plural(summary.lines, 'line', 'lines'));
  if (summary.filledShapes > 0) parts.push(plural(summary.filledShapes, 'filled shape', 'filled shapes'));
  if (summary.dots > 0) parts.push(plural(summary.dots, 'dot', 'dots'));
  if (summary.stamps > 0) parts.push(plural(summary.stamps, 'stamp', 'stamps'));
  if (summary.texts.length > 0) {
    const shown = summary.texts
      .slice(0, 5)
      .map((text) => `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`);
    const more = summary.texts.length > 5 ? ` and ${summary.texts.length - 5} more` : '';
    parts.push(`${plural(summary.texts.length, 'text', 'texts')} (${shown.join(', ')}${more})`);
  }
  const content =
    parts.length === 0
      ? 'nothing drawn yet'
      : parts.length === 1
        ? parts[0]
        : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  const dropped = summary.dropped > 0 ? ` ${summary.dropped} further shapes were not drawn.` : '';
  return `Turtle drawing, ${width} by ${height}: ${content}.${dropped}`;
}

/**
 * How the drawing fits its pane: `contain` in a pane of its own size (the scratch pad's column), `width`
 * in one that grows with its content (a widget): as wide as the pane, up to twice the surface's size.
 */
export type GraphicsFit = 'contain' | 'width';

interface PendingWait {
  readonly resolve: (event: TurtleEvent | 'timeout' | null) => void;
  readonly timer: ReturnType<typeof setTimeout> | null;
}

/**
 * The turtle drawing of a run surface (`[data-testid=graphics]`): a canvas scaled to fit its pane, a
 * Download PNG button, and the keys and clicks turtle programs wait for. Commands are drawn in frames
 * with a time budget; `data-runs` moves once a run's drawing is complete on screen (the test contract).
 */
export class GraphicsPane {
  readonly root: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly surface: TurtleCanvas;
  private readonly hint: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly lines = new CommandLines();
  /** Lines of the graphics stream not drawn yet: parsed and checked only when their frame comes. */
  private queue: string[] = [];
  private queueHead = 0;
  private frameScheduled = false;
  private composeDue = false;
  private drewThisRun = false;
  private droppedLines = 0;
  /** listen() takes the keyboard once per run: a program calling it in a loop can't keep stealing focus. */
  private listened = false;
  private readonly heading: HTMLElement;
  private runs = 0;
  private events: TurtleEvent[] = [];
  private wait: PendingWait | null = null;
  private drainWaiters: (() => void)[] = [];
  private readonly listeners = new AbortController();
  private readonly resizeObserver: ResizeObserver;

  constructor(
    document: Document,
    private readonly fit: GraphicsFit,
  ) {
    const make = <K extends keyof HTMLElementTagNameMap>(
      tag: K,
      attributes?: Record<string, string>,
      text?: string,
    ) => makeElement(tag, attributes, text, document);
    this.root = make('section', {
      class: 'graphics-pane',
      'data-testid': 'graphics',
      'aria-label': 'Drawing',
      'data-runs': '0',
      hidden: '',
    });
    const header = make('div', { class: 'pane-header' });
    const download = make(
      'button',
      { type: 'button', class: 'small', 'data-testid': 'download-png' },
      'Download PNG',
    );
    this.heading = make('span', { 'data-testid': 'graphics-title' }, 'Drawing');
    header.append(this.heading, download);
    const stage = make('div', { class: 'graphics-stage' });
    this.canvas = make('canvas', {
      tabindex: '0',
      role: 'img',
      'aria-label': 'Turtle drawing: nothing drawn yet.',
    });
    stage.append(this.canvas);
    this.hint = make('p', { class: 'graphics-hint', 'data-testid': 'graphics-hint', hidden: '' });
    this.root.append(header, stage, this.hint);
    this.surface = new TurtleCanvas(this.canvas);
    this.resizeObserver = new ResizeObserver(() => this.fitCanvas(stage));
    this.resizeObserver.observe(stage);
    this.stage = stage;
    this.showSize();

    const { signal } = this.listeners;
    download.addEventListener('click', () => void this.download(), { signal });
    this.canvas.addEventListener('keydown', (event) => this.key(event, true), { signal });
    this.canvas.addEventListener('keyup', (event) => this.key(event, false), { signal });
    this.canvas.addEventListener('pointerdown', (event) => this.click(event), { signal });
    this.canvas.addEventListener('contextmenu', (event) => event.preventDefault(), { signal });
  }

  /** A new run: a clean surface, no leftover commands or events. */
  beginRun(): void {
    this.endWait(null);
    this.queue = [];
    this.queueHead = 0;
    this.lines.reset();
    this.events = [];
    this.drewThisRun = false;
    this.droppedLines = 0;
    this.listened = false;
    this.composeDue = false;
    this.hint.hidden = true;
    this.surface.reset();
    this.showSize();
    this.showTitle();
  }

  /** Text of the graphics stream, as it arrives. */
  receive(text: string): void {
    for (const line of this.lines.push(text)) {
      if (this.queue.length - this.queueHead < MAX_BACKLOG) this.queue.push(line);
      else this.droppedLines++;
    }
    if (!this.drewThisRun && this.queue.length > this.queueHead) {
      this.drewThisRun = true;
      this.root.hidden = false;
    }
    this.scheduleFrame();
  }

  /** turtle waits for a key, click or timer: a queued event at once, else the next one or the timeout. */
  waitForEvent(timeoutMs: number): Promise<TurtleEvent | 'timeout' | null> {
    this.endWait(null);
    const queued = this.events.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (timeoutMs === 0) return Promise.resolve('timeout');
    this.root.hidden = false;
    return new Promise((resolve) => {
      const timer = timeoutMs > 0 ? setTimeout(() => this.endWait('timeout'), timeoutMs) : null;
      this.wait = { resolve, timer };
    });
  }

  /**
   * The run has ended: once everything it drew is on screen (or, when it was stopped, with its backlog
   * dropped), the text alternative is brought up to date and `data-runs` moves.
   */
  async finishRun({ complete }: { complete: boolean }): Promise<void> {
    this.endWait(null);
    this.hint.hidden = true;
    if (!complete) {
      this.queue = [];
      this.queueHead = 0;
    }
    await this.drained();
    this.surface.compose();
    const summary = this.surface.summary();
    const described = { ...summary, dropped: summary.dropped + this.droppedLines };
    this.canvas.setAttribute(
      'aria-label',
      describeDrawing(described, this.surface.width, this.surface.height),
    );
    this.root.toggleAttribute('data-truncated', described.dropped > 0);
    if (!this.drewThisRun) this.root.hidden = true;
    this.runs += 1;
    this.root.dataset.runs = String(this.runs);
  }

  dispose(): void {
    this.endWait(null);
    this.listeners.abort();
    this.resizeObserver.disconnect();
    for (const waiter of this.drainWaiters.splice(0)) waiter();
    this.root.remove();
  }

  private drained(): Promise<void> {
    if (this.queueHead >= this.queue.length) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private endWait(answer: TurtleEvent | 'timeout' | null): void {
    const wait = this.wait;
    if (wait === null) return;
    this.wait = null;
    if (wait.timer !== null) clearTimeout(wait.timer);
    wait.resolve(answer);
  }

  private deliver(event: TurtleEvent): void {
    if (this.wait !== null) {
      this.endWait(event);
      return;
    }
    this.events.push(event);
    if (this.events.length > MAX_QUEUED_EVENTS) this.events.shift();
  }

  private key(event: KeyboardEvent, down: boolean): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.key === 'Tab') return;
    const key = keysym(event.key);
    if (key === null) return;
    event.preventDefault(); // arrows and space would scroll the page
    this.deliver({ type: 'key', key, down });
  }

  private click(event: PointerEvent): void {
    this.canvas.focus({ preventScroll: true });
    const box = this.canvas.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const [x, y] = this.surface.turtleAt(
      (event.clientX - box.left) / box.width,
      (event.clientY - box.top) / box.height,
    );
    this.deliver({
      type: 'click',
      x: Math.round(x * 100) / 100,
      y: Math.round(y * 100) / 100,
      button: event.button + 1,
    });
  }

  private scheduleFrame(): void {
    if (this.frameScheduled) return;
    this.frameScheduled = true;
    const run = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      this.frameScheduled = false;
      this.drawFrame();
    };
    const timer = setTimeout(run, FRAME_FALLBACK_MS);
    const frame = requestAnimationFrame(run);
  }

  private drawFrame(): void {
    const started = performance.now();
    let composedAtUpdate = false;
    while (this.queueHead < this.queue.length) {
      const command = parseTurtleCommand(this.queue[this.queueHead++] as string);
      if (command === null) continue;
      const composeNow = this.surface.apply(command);
      this.afterCommand(command);
      if (composeNow) {
        this.surface.compose();
        this.composeDue = false;
        composedAtUpdate = true;
        if (this.queue.length - this.queueHead < UPDATE_PER_FRAME_BELOW) break;
      } else {
        this.composeDue = true;
      }
      if (performance.now() - started > FRAME_BUDGET_MS) break;
    }
    if (this.composeDue && !this.surface.held && !composedAtUpdate) {
      this.surface.compose();
      this.composeDue = false;
    }
    if (this.queueHead >= this.queue.length) {
      this.queue = [];
      this.queueHead = 0;
      for (const waiter of this.drainWaiters.splice(0)) waiter();
    } else {
      this.scheduleFrame();
    }
  }

  private afterCommand(command: TurtleCommand): void {
    switch (command.kind) {
      case 'screen':
        this.showSize();
        this.showTitle();
        break;
      case 'title':
        this.showTitle();
        break;
      case 'listen':
        if (!this.listened) this.canvas.focus({ preventScroll: true });
        this.listened = true;
        break;
      case 'exitonclick':
        this.hint.textContent = 'Click the drawing to end the program.';
        this.hint.hidden = false;
        break;
    }
  }

  /** The window title a program gives (`title()`), as text. */
  private showTitle(): void {
    const { title } = this.surface;
    this.heading.textContent =
      title === '' || title === 'Python Turtle Graphics' ? 'Drawing' : `Drawing: ${title}`;
  }

  private showSize(): void {
    this.root.dataset.width = String(this.surface.width);
    this.root.dataset.height = String(this.surface.height);
    this.fitCanvas(this.stage);
  }

  /** The canvas's size on screen: as large as the stage allows, in the surface's proportions. */
  private fitCanvas(stage: HTMLElement): void {
    const style = getComputedStyle(stage);
    const width = stage.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 2;
    const height = stage.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - 2;
    const byWidth = width / this.surface.width;
    const scale =
      this.fit === 'contain' ? Math.min(byWidth, height / this.surface.height) : Math.min(byWidth, 2);
    if (!(scale > 0)) return;
    this.canvas.style.width = `${Math.floor(this.surface.width * scale)}px`;
    this.canvas.style.height = `${Math.floor(this.surface.height * scale)}px`;
  }

  private async download(): Promise<void> {
    const blob = await this.surface.toBlob();
    if (blob === null) return;
    const url = URL.createObjectURL(blob);
    const link = this.root.ownerDocument.createElement('a');
    link.href = url;
    link.download = 'drawing.png';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
