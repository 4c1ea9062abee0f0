import type { SaveResult } from './autosave';

export interface SaveSchedulerOptions {
  /** Writes the code; called at most once per `minIntervalMs`. */
  readonly write: (code: string) => SaveResult;
  /** Every write's result, so the page can say when saving fails (and when it works again). */
  readonly onResult: (result: SaveResult) => void;
  /** Fewest milliseconds between two writes (default 400: a few writes a second at most). */
  readonly minIntervalMs?: number;
  readonly now?: () => number;
}

/**
 * Autosave without a write per keystroke: the first change is written at once, later ones at most every
 * `minIntervalMs`, the latest code winning. `flush()` writes what is pending now; the page calls it when
 * it is hidden or unloaded, so a reload right after typing loses nothing.
 */
export class SaveScheduler {
  private pending: string | null = null;
  private lastWrite = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly minIntervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SaveSchedulerOptions) {
    this.minIntervalMs = options.minIntervalMs ?? 400;
    this.now = options.now ?? (() => performance.now());
  }

  schedule(code: string): void {
    this.pending = code;
    if (this.timer !== null) return;
    const wait = this.lastWrite + this.minIntervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const code = this.pending;
    if (code === null) return;
    this.pending = null;
    this.lastWrite = this.now();
    this.options.onResult(this.options.write(code));
  }

  /** Writes what is pending, then stops. */
  dispose(): void {
    this.flush();
  }
}
