import type { WireChunk, WireStream } from '../src/wire/protocol';

export interface OutputBatcherOptions {
  /** Sends one batch; called synchronously from `write*` or `flush`. */
  readonly send: (chunks: readonly WireChunk[]) => void;
  /** Flush once this many bytes or characters are waiting (at most 512 KiB: a batch must stay far below the wire limit). */
  readonly maxChars?: number;
  /** Flush when a write arrives this long after the previous flush. */
  readonly maxDelayMs?: number;
  readonly now?: () => number;
}

/** Consecutive writes to one stream, kept as raw bytes until the batch is sent. */
interface PendingRun {
  readonly stream: WireStream;
  bytes: Uint8Array;
  length: number;
}

/**
 * Coalesces the program's writes into batches, so a flood of prints becomes a few messages per frame
 * instead of one per line. Writes are kept as bytes and decoded once per batch: decoding every small write
 * on its own costs more than the print itself. Each stream has its own streaming decoder, so a UTF-8
 * character split across writes or batches is never mangled. The order between stdout and stderr is kept.
 */
export class OutputBatcher {
  private readonly decoders: Record<WireStream, TextDecoder> = {
    stdout: new TextDecoder('utf-8', { fatal: false }),
    stderr: new TextDecoder('utf-8', { fatal: false }),
    graphics: new TextDecoder('utf-8', { fatal: false }),
  };
  private pending: PendingRun[] = [];
  private pendingSize = 0;
  private lastFlush: number;
  private readonly maxSize: number;
  private readonly maxDelayMs: number;
  private readonly now: () => number;
  private readonly encoder = new TextEncoder();
  private stdoutLines = 0;

  constructor(private readonly options: OutputBatcherOptions) {
    this.maxSize = Math.min(options.maxChars ?? 64 * 1024, 512 * 1024);
    this.maxDelayMs = options.maxDelayMs ?? 16;
    this.now = options.now ?? (() => performance.now());
    this.lastFlush = this.now();
  }

  writeBytes(stream: WireStream, bytes: Uint8Array): void {
    if (stream === 'stdout') this.stdoutLines += countNewlines(bytes);
    // A single giant write (print("x" * 10**7)) is cut into batch-sized slices.
    for (let start = 0; start < bytes.length; start += this.maxSize) {
      this.append(stream, bytes.subarray(start, start + this.maxSize));
      this.flushIfDue();
    }
    if (bytes.length === 0) this.flushIfDue();
  }

  /** Newlines written to stdout so far: the tick tells a flood from them (StdoutBuffering). */
  get linesPrinted(): number {
    return this.stdoutLines;
  }

  writeText(stream: WireStream, text: string): void {
    this.writeBytes(stream, this.encoder.encode(text));
  }

  /** Flush when enough output or enough time has accumulated. Also called from the interpreter's tick. */
  flushIfDue(): void {
    if (
      this.pendingSize >= this.maxSize ||
      (this.pendingSize > 0 && this.now() - this.lastFlush >= this.maxDelayMs)
    ) {
      this.flush();
    }
  }

  /** Send everything waiting. `final` also ends the decoders, so an incomplete character becomes U+FFFD. */
  flush({ final = false }: { final?: boolean } = {}): void {
    this.lastFlush = this.now();
    const chunks: WireChunk[] = [];
    for (const run of this.pending) {
      const text = this.decoders[run.stream].decode(run.bytes.subarray(0, run.length), { stream: true });
      const previous = chunks[chunks.length - 1];
      if (previous !== undefined && previous.stream === run.stream)
        chunks[chunks.length - 1] = { stream: run.stream, text: previous.text + text };
      else if (text.length > 0) chunks.push({ stream: run.stream, text });
    }
    if (final) {
      for (const stream of ['stdout', 'stderr', 'graphics'] as const) {
        const tail = this.decoders[stream].decode();
        if (tail.length > 0) chunks.push({ stream, text: tail });
      }
    }
    this.pending = [];
    this.pendingSize = 0;
    if (chunks.length > 0) this.options.send(chunks);
  }

  private append(stream: WireStream, bytes: Uint8Array): void {
    let run = this.pending[this.pending.length - 1];
    if (run === undefined || run.stream !== stream) {
      run = { stream, bytes: new Uint8Array(Math.max(256, bytes.length)), length: 0 };
      this.pending.push(run);
    }
    if (run.length + bytes.length > run.bytes.length) {
      const grown = new Uint8Array(Math.max(run.bytes.length * 2, run.length + bytes.length));
      grown.set(run.bytes.subarray(0, run.length));
      run.bytes = grown;
    }
    run.bytes.set(bytes, run.length);
    run.length += bytes.length;
    this.pendingSize += bytes.length;
  }
}

const NEWLINE = 0x0a;

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}
