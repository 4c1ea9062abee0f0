/**
 * Rate limits on what one worker may send, per one-second window. An honest worker sends a few hundred
 * output batches a second at most (they are back-pressured and coalesced); a worker far above these
 * limits is hostile or broken, and is treated as crashed before it can freeze the page.
 */
export interface FloodLimits {
  readonly messagesPerSecond: number;
  readonly charsPerSecond: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = {
  messagesPerSecond: 5000,
  charsPerSecond: 128 * 1024 * 1024,
};

export class FloodGuard {
  private windowStart: number;
  private messages = 0;
  private chars = 0;

  constructor(
    private readonly limits: FloodLimits = DEFAULT_FLOOD_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowStart = now();
  }

  /** Counts one message; returns a reason when the worker has gone over a limit, else null. */
  count(chars: number): string | null {
    const now = this.now();
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.messages = 0;
      this.chars = 0;
    }
    this.messages += 1;
    this.chars += chars;
    if (this.messages > this.limits.messagesPerSecond)
      return `it sent more than ${this.limits.messagesPerSecond} messages in a second`;
    if (this.chars > this.limits.charsPerSecond)
      return `it sent more than ${this.limits.charsPerSecond} characters in a second`;
    return null;
  }
}

/** A rough size of a message from the worker, without walking it deeply (strings dominate). */
export function approximateChars(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (typeof data !== 'object' || data === null) return 1;
  const chunks = (data as { chunks?: unknown }).chunks;
  if (Array.isArray(chunks)) {
    let total = 0;
    for (const chunk of chunks) {
      const text = (chunk as { text?: unknown } | null)?.text;
      total += typeof text === 'string' ? text.length : 1;
    }
    return total;
  }
  return 64;
}
