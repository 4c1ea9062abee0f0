import type { Point, TurtleCommand } from './turtle-commands';

/** The commands that become part of the drawing as they are. */
type DrawnCommand = Extract<TurtleCommand, { readonly kind: 'line' | 'dot' | 'text' }>;

/**
 * What the drawing holds, kept so it can be painted again (clear one turtle, remove a stamp, a fill): the
 * drawn commands themselves, and polygons (a stamp has its id, a fill has none).
 */
type Item =
  | DrawnCommand
  | {
      readonly kind: 'polygon';
      readonly owner: number;
      readonly points: readonly Point[];
      readonly fill: string;
      readonly outline: string | null;
      readonly width: number;
      readonly stampId: number | null;
    };

/** A turtle's outline, as its last `turtle` command gave it. */
type TurtleShape = Extract<TurtleCommand, { readonly kind: 'turtle' }>;

/** Shapes a drawing may hold; past this the program's further shapes are not drawn (and that is said). */
export const MAX_ITEMS = 500_000;

/** Canvas pixels per turtle unit at most, and the largest side a canvas may have in pixels. */
const MAX_PIXEL_RATIO = 2;
const MAX_CANVAS_SIDE = 4096;

export interface DrawingSummary {
  readonly lines: number;
  readonly filledShapes: number;
  readonly dots: number;
  readonly stamps: number;
  readonly texts: readonly string[];
  readonly dropped: number;
}

/**
 * The turtle surface: a display list painted incrementally onto an off-screen drawing canvas, and the
 * visible canvas, composed from the background, the drawing and the turtles. Turtle coordinates have
 * (0, 0) in the centre and y growing upwards; one unit is `pixelRatio` canvas pixels.
 */
export class TurtleCanvas {
  private readonly drawing: HTMLCanvasElement;
  private items: Item[] = [];
  private readonly turtles = new Map<number, TurtleShape>();
  private readonly fillMarks = new Map<number, number>();
  private widthValue = 400;
  private heightValue = 400;
  private bg = '#ffffff';
  private ratio = 1;
  private droppedItems = 0;
  /** tracer(0): the visible canvas shows the last update() until the next one. */
  held = false;
  title = '';

  constructor(private readonly visible: HTMLCanvasElement) {
    this.drawing = visible.ownerDocument.createElement('canvas');
    this.resize(400, 400);
  }

  get width(): number {
    return this.widthValue;
  }

  get height(): number {
    return this.heightValue;
  }

  get pixelRatio(): number {
    return this.ratio;
  }

  /** A clean surface of the default size, for a new run. */
  reset(): void {
    this.items = [];
    this.turtles.clear();
    this.fillMarks.clear();
    this.droppedItems = 0;
    this.bg = '#ffffff';
    this.held = false;
    this.title = '';
    this.resize(400, 400);
    this.compose();
  }

  /** Applies one command; returns true when it asks for the visible canvas to be composed now. */
  apply(command: TurtleCommand): boolean {
    switch (command.kind) {
      case 'screen':
        this.bg = command.bg;
        this.title = command.title;
        if (command.width !== this.widthValue || command.height !== this.heightValue) {
          this.resize(command.width, command.height);
          this.repaint();
        }
        return false;
      case 'bg':
        this.bg = command.color;
        return false;
      case 'title':
        this.title = command.title;
        return false;
      case 'tracer':
        this.held = !command.on;
        return command.on;
      case 'update':
        return true;
      case 'listen':
      case 'exitonclick':
        return false;
      case 'line':
      case 'dot':
      case 'text':
        this.add(command);
        return false;
      case 'stamp':
        this.add({
          kind: 'polygon',
          owner: command.owner,
          points: command.points,
          fill: command.fill,
          outline: command.outline,
          width: command.width,
          stampId: command.stampId,
        });
        return false;
      case 'unstamp':
        this.remove((item) => item.kind === 'polygon' && item.stampId === command.stampId);
        return false;
      case 'fillstart':
        this.fillMarks.set(command.owner, this.items.length);
        return false;
      case 'fill':
        this.fill(command.owner, command.points, command.color);
        return false;
      case 'turtle':
        if (command.points.length === 0) this.turtles.delete(command.id);
        else this.turtles.set(command.id, command);
        return false;
      case 'forget':
        this.turtles.delete(command.id);
        return false;
      case 'clear':
        this.remove((item) => item.owner === command.owner);
        return false;
      case 'clearall':
        this.items = [];
        this.turtles.clear();
        this.fillMarks.clear();
        this.repaint();
        return false;
    }
  }

  /** Paints the visible canvas: background, drawing, turtles. */
  compose(target: HTMLCanvasElement = this.visible): void {
    const context = target.getContext('2d');
    if (context === null) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = this.bg;
    context.fillRect(0, 0, target.width, target.height);
    context.drawImage(this.drawing, 0, 0);
    this.useTurtleUnits(context);
    for (const turtle of this.turtles.values())
      this.paintPolygon(context, turtle.points, turtle.fill, turtle.outline, turtle.width);
  }

  /** The drawing as a PNG: what the visible canvas shows, composed now. */
  toBlob(): Promise<Blob | null> {
    const copy = this.visible.ownerDocument.createElement('canvas');
    copy.width = this.drawing.width;
    copy.height = this.drawing.height;
    this.compose(copy);
    return new Promise((resolve) => copy.toBlob(resolve, 'image/png'));
  }

  /** Turtle coordinates of a point on the visible canvas, given as fractions of its box (0..1). */
  turtleAt(fractionX: number, fractionY: number): Point {
    return [
      fractionX * this.widthValue - this.widthValue / 2,
      this.heightValue / 2 - fractionY * this.heightValue,
    ];
  }

  summary(): DrawingSummary {
    let lines = 0;
    let filledShapes = 0;
    let dots = 0;
    let stamps = 0;
    const texts: string[] = [];
    for (const item of this.items) {
      if (item.kind === 'line') lines++;
      else if (item.kind === 'dot') dots++;
      else if (item.kind === 'text') texts.push(item.text);
      else if (item.stampId !== null) stamps++;
      else filledShapes++;
    }
    return { lines, filledShapes, dots, stamps, texts, dropped: this.droppedItems };
  }

  private resize(width: number, height: number): void {
    this.widthValue = width;
    this.heightValue = height;
    const device = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    this.ratio = Math.max(
      0.25,
      Math.min(MAX_PIXEL_RATIO, Math.max(1, Math.round(device)), MAX_CANVAS_SIDE / Math.max(width, height)),
    );
    for (const canvas of [this.drawing, this.visible]) {
      canvas.width = Math.round(width * this.ratio);
      canvas.height = Math.round(height * this.ratio);
    }
  }

  private add(item: Item): void {
    if (this.items.length >= MAX_ITEMS) {
      this.droppedItems++;
      return;
    }
    this.items.push(item);
    const context = this.drawingContext();
    if (context !== null) this.paint(context, item);
  }

  private remove(matches: (item: Item) => boolean): void {
    const before = this.items.length;
    this.items = this.items.filter((item) => !matches(item));
    if (this.items.length !== before) {
      this.fillMarks.clear();
      this.repaint();
    }
  }

  /** A filled shape lies under the lines drawn while it was being filled, as on the desktop. */
  private fill(owner: number, points: readonly Point[], color: string): void {
    const mark = Math.min(this.fillMarks.get(owner) ?? this.items.length, this.items.length);
    this.fillMarks.delete(owner);
    if (this.items.length >= MAX_ITEMS) {
      this.droppedItems++;
      return;
    }
    const polygon: Item = {
      kind: 'polygon',
      owner,
      points,
      fill: color,
      outline: null,
      width: 0,
      stampId: null,
    };
    this.items.splice(mark, 0, polygon);
    for (const [other, index] of this.fillMarks) if (index >= mark) this.fillMarks.set(other, index + 1);
    const context = this.drawingContext();
    if (context === null) return;
    this.paint(context, polygon);
    for (let i = mark + 1; i < this.items.length; i++) this.paint(context, this.items[i] as Item);
  }

  private repaint(): void {
    const context = this.drawingContext();
    if (context === null) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, this.drawing.width, this.drawing.height);
    for (const item of this.items) this.paint(context, item);
  }

  private drawingContext(): CanvasRenderingContext2D | null {
    const context = this.drawing.getContext('2d');
    if (context !== null) this.useTurtleUnits(context);
    return context;
  }

  /** Canvas units become turtle units, but with y still growing downwards (text must not be mirrored). */
  private useTurtleUnits(context: CanvasRenderingContext2D): void {
    context.setTransform(
      this.ratio,
      0,
      0,
      this.ratio,
      (this.widthValue / 2) * this.ratio,
      (this.heightValue / 2) * this.ratio,
    );
    context.lineCap = 'round';
    context.lineJoin = 'round';
  }

  private paint(context: CanvasRenderingContext2D, item: Item): void {
    switch (item.kind) {
      case 'line':
        if (item.width <= 0) return;
        context.strokeStyle = item.color;
        context.lineWidth = item.width;
        context.beginPath();
        context.moveTo(item.from[0], -item.from[1]);
        context.lineTo(item.to[0], -item.to[1]);
        context.stroke();
        return;
      case 'dot':
        context.fillStyle = item.color;
        context.beginPath();
        context.arc(item.at[0], -item.at[1], item.size / 2, 0, 2 * Math.PI);
        context.fill();
        return;
      case 'polygon':
        this.paintPolygon(context, item.points, item.fill, item.outline, item.width);
        return;
      case 'text':
        this.paintText(context, item);
        return;
    }
  }

  private paintPolygon(
    context: CanvasRenderingContext2D,
    points: readonly Point[],
    fill: string,
    outline: string | null,
    width: number,
  ): void {
    const [first, ...rest] = points;
    if (first === undefined) return;
    context.beginPath();
    context.moveTo(first[0], -first[1]);
    for (const [x, y] of rest) context.lineTo(x, -y);
    context.closePath();
    context.fillStyle = fill;
    context.fill();
    if (outline !== null && width > 0) {
      context.strokeStyle = outline;
      context.lineWidth = width;
      context.stroke();
    }
  }

  private paintText(context: CanvasRenderingContext2D, item: Extract<Item, { kind: 'text' }>): void {
    const { font } = item;
    // Turtle's font sizes are points; a point is 4/3 of a CSS pixel.
    const pixels = (font.size * 4) / 3;
    const family = font.family === 'sans-serif' ? 'sans-serif' : `"${font.family}", sans-serif`;
    context.font = `${font.italic ? 'italic ' : ''}${font.bold ? 'bold ' : ''}${pixels}px ${family}`;
    context.fillStyle = item.color;
    context.textAlign = item.align;
    context.textBaseline = 'bottom';
    const lines = item.text.split('\n');
    lines.forEach((line, index) => {
      const y = -item.at[1] - (lines.length - 1 - index) * pixels * 1.2;
      context.fillText(line, item.at[0], y);
      if (font.underline) {
        const width = context.measureText(line).width;
        const start =
          item.align === 'left'
            ? item.at[0]
            : item.align === 'center'
              ? item.at[0] - width / 2
              : item.at[0] - width;
        context.fillRect(start, y - pixels * 0.08, width, Math.max(1, pixels / 14));
      }
    });
  }
}
