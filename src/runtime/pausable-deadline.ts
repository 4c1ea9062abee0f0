/**
 * A time limit that can be paused: a program waiting for the learner to type in `input()` is not running,
 * so that time doesn't count.
 */
export class PausableDeadline {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private remainingMs: number;
  private startedAt = 0;
  private finished = false;

  constructor(
    private readonly limitMs: number,
    private readonly onExpire: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.remainingMs = limitMs;
    this.resume();
  }

  get paused(): boolean {
    return this.timer === null && !this.finished;
  }

  pause(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.remainingMs -= this.now() - this.startedAt;
  }

  resume(): void {
    if (this.timer !== null || this.finished) return;
    this.startedAt = this.now();
    this.timer = setTimeout(
      () => {
        this.finished = true;
        this.timer = null;
        this.onExpire();
      },
      Math.max(0, this.remainingMs),
    );
  }

  /**
   * The whole limit again, counting from now: a turtle program went back to waiting for events, so each
   * key press or timer's handler gets the full limit (an interactive program runs until Stop, a handler
   * that never returns is still ended).
   */
  restart(): void {
    if (this.finished) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.remainingMs = this.limitMs;
    this.resume();
  }

  cancel(): void {
    this.finished = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
