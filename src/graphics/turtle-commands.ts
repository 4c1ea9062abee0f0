/**
 * turtle's drawing commands (worker/python/turtle.py writes them), checked before anything draws them.
 * They come from the worker, which runs untrusted code: every field is checked for type, range and
 * size, and a command that fails is dropped (and counted), never half-applied. Text stays text: it is
 * only ever drawn with `fillText`.
 */

export type Point = readonly [number, number];

export type TurtleCommand =
  | {
      readonly kind: 'screen';
      readonly width: number;
      readonly height: number;
      readonly bg: string;
      readonly title: string;
    }
  | { readonly kind: 'bg'; readonly color: string }
  | { readonly kind: 'title'; readonly title: string }
  | { readonly kind: 'tracer'; readonly on: boolean }
  | { readonly kind: 'update' }
  | { readonly kind: 'listen' }
  | { readonly kind: 'exitonclick' }
  | {
      readonly kind: 'line';
      readonly owner: number;
      readonly from: Point;
      readonly to: Point;
      readonly color: string;
      readonly width: number;
    }
  | {
      readonly kind: 'turtle';
      readonly id: number;
      readonly points: readonly Point[];
      readonly fill: string;
      readonly outline: string;
      readonly width: number;
    }
  | { readonly kind: 'forget'; readonly id: number }
  | {
      readonly kind: 'dot';
      readonly owner: number;
      readonly at: Point;
      readonly size: number;
      readonly color: string;
    }
  | {
      readonly kind: 'stamp';
      readonly owner: number;
      readonly stampId: number;
      readonly points: readonly Point[];
      readonly fill: string;
      readonly outline: string;
      readonly width: number;
    }
  | { readonly kind: 'unstamp'; readonly stampId: number }
  | { readonly kind: 'fillstart'; readonly owner: number }
  | {
      readonly kind: 'fill';
      readonly owner: number;
      readonly points: readonly Point[];
      readonly color: string;
    }
  | {
      readonly kind: 'text';
      readonly owner: number;
      readonly at: Point;
      readonly text: string;
      readonly align: TextAlign;
      readonly font: FontSpec;
      readonly color: string;
    }
  | { readonly kind: 'clear'; readonly owner: number }
  | { readonly kind: 'clearall' };

export type TextAlign = 'left' | 'center' | 'right';

export interface FontSpec {
  readonly family: string;
  /** In points, as turtle's fonts are given. */
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
}

/** What one command may hold. Far above what an honest drawing uses; they bound a hostile one. */
export const COMMAND_LIMITS = {
  maxLineChars: 256 * 1024,
  maxCoordinate: 1e7,
  maxPoints: 10_000,
  maxTextChars: 10_000,
  maxTitleChars: 200,
  maxSurface: 4000,
  maxPenWidth: 1000,
  maxDotSize: 10_000,
  maxFontSize: 400,
} as const;

class Invalid extends Error {}

function num(value: unknown, max: number = COMMAND_LIMITS.maxCoordinate): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > max) throw new Invalid();
  return value;
}

function id(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new Invalid();
  return value;
}

function text(value: unknown, maxChars: number): string {
  if (typeof value !== 'string' || value.length > maxChars) throw new Invalid();
  return value;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/;

function color(value: unknown): string {
  if (typeof value !== 'string' || !HEX_COLOR.test(value)) throw new Invalid();
  return value;
}

function points(value: unknown): Point[] {
  if (!Array.isArray(value) || value.length % 2 !== 0 || value.length > 2 * COMMAND_LIMITS.maxPoints)
    throw new Invalid();
  const result: Point[] = [];
  for (let i = 0; i < value.length; i += 2) result.push([num(value[i]), num(value[i + 1])]);
  return result;
}

// A font family is a name, never CSS: letters, digits, spaces, hyphens and underscores.
const FONT_FAMILY = /^[\p{L}\p{N} _-]{1,64}$/u;

function font(family: unknown, size: unknown, style: unknown): FontSpec {
  const words = text(style, 32).toLowerCase().split(/\s+/);
  return {
    family: typeof family === 'string' && FONT_FAMILY.test(family) ? family : 'sans-serif',
    size: Math.max(1, Math.min(COMMAND_LIMITS.maxFontSize, Math.abs(num(size)))),
    bold: words.includes('bold'),
    italic: words.includes('italic'),
    underline: words.includes('underline'),
  };
}

function align(value: unknown): TextAlign {
  if (value === 'left' || value === 'center' || value === 'right') return value;
  throw new Invalid();
}

function surface(value: unknown): number {
  const size = num(value);
  if (!Number.isInteger(size) || size < 1 || size > COMMAND_LIMITS.maxSurface) throw new Invalid();
  return size;
}

function read(fields: readonly unknown[]): TurtleCommand {
  const [kind, a, b, c, d, e, f, g, h, i] = fields;
  switch (kind) {
    case 'screen':
      return {
        kind,
        width: surface(a),
        height: surface(b),
        bg: color(c),
        title: text(d, COMMAND_LIMITS.maxTitleChars),
      };
    case 'bg':
      return { kind, color: color(a) };
    case 'title':
      return { kind, title: text(a, COMMAND_LIMITS.maxTitleChars) };
    case 'tracer':
      return { kind, on: a === 1 };
    case 'update':
    case 'listen':
    case 'exitonclick':
    case 'clearall':
      return { kind };
    case 'line':
      return {
        kind,
        owner: id(a),
        from: [num(b), num(c)],
        to: [num(d), num(e)],
        color: color(f),
        width: num(g, COMMAND_LIMITS.maxPenWidth),
      };
    case 'turtle':
      return {
        kind,
        id: id(a),
        points: points(b),
        fill: color(c),
        outline: color(d),
        width: num(e, COMMAND_LIMITS.maxPenWidth),
      };
    case 'forget':
      return { kind, id: id(a) };
    case 'dot':
      return {
        kind,
        owner: id(a),
        at: [num(b), num(c)],
        size: num(d, COMMAND_LIMITS.maxDotSize),
        color: color(e),
      };
    case 'stamp':
      return {
        kind,
        owner: id(a),
        stampId: id(b),
        points: points(c),
        fill: color(d),
        outline: color(e),
        width: num(f, COMMAND_LIMITS.maxPenWidth),
      };
    case 'unstamp':
      return { kind, stampId: id(a) };
    case 'fillstart':
      return { kind, owner: id(a) };
    case 'fill':
      return { kind, owner: id(a), points: points(b), color: color(c) };
    case 'text':
      return {
        kind,
        owner: id(a),
        at: [num(b), num(c)],
        text: text(d, COMMAND_LIMITS.maxTextChars),
        align: align(e),
        font: font(f, g, h),
        color: color(i),
      };
    case 'clear':
      return { kind, owner: id(a) };
    default:
      throw new Invalid();
  }
}

/** One line of the graphics stream as a command, or null when it is not a valid one. */
export function parseTurtleCommand(line: string): TurtleCommand | null {
  if (line.length === 0 || line.length > COMMAND_LIMITS.maxLineChars) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(line);
  } catch {
    return null;
  }
  if (!Array.isArray(fields)) return null;
  try {
    const command = read(fields);
    // Non-negative sizes: a negative pen width or dot means nothing to draw.
    if (
      (command.kind === 'line' || command.kind === 'turtle' || command.kind === 'stamp') &&
      command.width < 0
    )
      return null;
    if (command.kind === 'dot' && command.size < 0) return null;
    return command;
  } catch (error) {
    if (error instanceof Invalid) return null;
    throw error;
  }
}

/**
 * Cuts the graphics stream into lines: a batch may end in the middle of one, which waits for the next.
 * A line longer than any command may be is dropped as it comes, so a hostile stream can't grow the
 * carry without bound.
 */
export class CommandLines {
  private carry = '';
  private dropping = false;

  push(text: string): string[] {
    const parts = text.split('\n');
    const last = parts.pop() ?? '';
    const lines: string[] = [];
    for (const part of parts) {
      if (!this.dropping) lines.push(this.carry + part);
      this.carry = '';
      this.dropping = false;
    }
    if (this.dropping) return lines;
    this.carry += last;
    if (this.carry.length > COMMAND_LIMITS.maxLineChars) {
      this.carry = '';
      this.dropping = true;
    }
    return lines;
  }

  reset(): void {
    this.carry = '';
    this.dropping = false;
  }
}
