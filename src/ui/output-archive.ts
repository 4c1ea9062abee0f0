/**
 * Everything a run printed, for the "download the full output" button, in bounded memory: the first
 * `headBytes` and about the last `tailBytes` of it as UTF-8, with a marker saying how much was left out
 * between.
 *
 * The text is kept as bytes in fixed-size blocks rather than as strings, because a flood sends megabytes a
 * second through here: strings would all survive the young generation and be copied by every scavenge
 * (measured: 20–55 ms pauses during a flood), while array buffer contents live outside the JS heap.
 */
export class OutputArchive {
  private readonly encoder = new TextEncoder();
  private readonly blocks: { bytes: Uint8Array<ArrayBuffer>; used: number }[] = [];
  private readonly headBlocks: number;
  private readonly tailBlocks: number;
  private omitted = 0;
  private total = 0;

  constructor(
    headBytes = 8 * 1024 * 1024,
    tailBytes = 8 * 1024 * 1024,
    /** Smaller blocks make the kept head and tail more exact; larger ones mean fewer allocations. */
    private readonly blockBytes = 256 * 1024,
  ) {
    this.headBlocks = Math.ceil(headBytes / blockBytes);
    this.tailBlocks = Math.ceil(tailBytes / blockBytes);
  }

  /** UTF-8 bytes left out of the middle so far. */
  get omittedBytes(): number {
    return this.omitted;
  }

  /** UTF-8 bytes the run printed in all, kept or not. */
  get totalBytes(): number {
    return this.total;
  }

  clear(): void {
    this.blocks.length = 0;
    this.omitted = 0;
    this.total = 0;
  }

  add(text: string): void {
    while (text.length > 0) {
      let block = this.blocks[this.blocks.length - 1];
      // A block needs room for the largest character (4 bytes), since encodeInto never splits one.
      if (block === undefined || this.blockBytes - block.used < 4) {
        block = { bytes: new Uint8Array(this.blockBytes), used: 0 };
        this.blocks.push(block);
        this.dropMiddle();
      }
      const { read, written } = this.encoder.encodeInto(text, block.bytes.subarray(block.used));
      block.used += written;
      this.total += written;
      text = text.slice(read);
    }
  }

  /** The archived output as blob parts, with a marker where the middle was left out. */
  parts(): BlobPart[] {
    const parts: BlobPart[] = [];
    for (const [index, block] of this.blocks.entries()) {
      if (index === this.headBlocks && this.omitted > 0)
        parts.push(`\n[… ${this.omitted} bytes left out here to bound memory …]\n`);
      parts.push(block.bytes.subarray(0, block.used));
    }
    return parts;
  }

  /** The archived output as one string (the parts decoded). */
  text(): string {
    const decoder = new TextDecoder();
    return this.parts()
      .map((part) => (typeof part === 'string' ? part : decoder.decode(part as Uint8Array)))
      .join('');
  }

  /** Keeps the head blocks and the newest tail blocks; a block's characters are whole, so cuts are clean. */
  private dropMiddle(): void {
    while (this.blocks.length > this.headBlocks + this.tailBlocks) {
      const [dropped] = this.blocks.splice(this.headBlocks, 1);
      this.omitted += dropped?.used ?? 0;
    }
  }
}
