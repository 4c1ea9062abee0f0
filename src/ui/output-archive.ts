/**
 * Everything a run printed, for the "download the full output" button, in bounded memory: the first
 * `headChars` characters and the last `tailChars`, with a marker saying how much was left out between.
 */
export class OutputArchive {
  private head = '';
  private tail: string[] = [];
  private tailLength = 0;
  private omitted = 0;

  constructor(
    private readonly headChars = 8 * 1024 * 1024,
    private readonly tailChars = 8 * 1024 * 1024,
  ) {}

  get omittedChars(): number {
    return this.omitted;
  }

  get totalChars(): number {
    return this.head.length + this.tailLength + this.omitted;
  }

  clear(): void {
    this.head = '';
    this.tail = [];
    this.tailLength = 0;
    this.omitted = 0;
  }

  add(text: string): void {
    const room = this.headChars - this.head.length;
    if (room > 0) {
      this.head += text.slice(0, room);
      text = text.slice(room);
    }
    if (text.length === 0) return;
    this.tail.push(text);
    this.tailLength += text.length;
    while (this.tailLength > this.tailChars) {
      const first = this.tail[0] ?? '';
      const excess = this.tailLength - this.tailChars;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailLength -= first.length;
        this.omitted += first.length;
      } else {
        this.tail[0] = first.slice(excess);
        this.tailLength -= excess;
        this.omitted += excess;
      }
    }
  }

  /** The archived text, with a marker where the middle was left out. */
  text(): string {
    const marker =
      this.omitted > 0 ? `\n[… ${this.omitted} characters left out here to bound memory …]\n` : '';
    return this.head + marker + this.tail.join('');
  }
}
