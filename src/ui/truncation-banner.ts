import { describeBytes } from '../runtime/quantities';
import type { OutputArchive } from './output-archive';

/**
 * 12345678 as "12,345,678". Not toLocaleString: its first call loads ICU's number data, a 50 ms stall
 * (measured in Chromium) that landed in the middle of the first flood frame.
 */
export function groupThousands(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * "N earlier lines are not shown", above the console, with a button that downloads the full output
 * (as much of it as the bounded archive kept).
 */
export class TruncationBanner {
  private readonly message: HTMLElement;
  private readonly listeners = new AbortController();
  private revokeTimer: ReturnType<typeof setTimeout> | null = null;
  private url: string | null = null;

  constructor(
    private readonly element: HTMLElement,
    download: HTMLButtonElement,
    private readonly archive: () => OutputArchive,
  ) {
    const message = element.querySelector<HTMLElement>('[data-role=message]');
    if (message === null) throw new Error('[sandpit] the truncation banner lacks [data-role=message]');
    this.message = message;
    download.addEventListener('click', () => this.download(), { signal: this.listeners.signal });
  }

  /**
   * `droppedLines` earlier lines are off the screen, and/or (`shortened`) some lines are shown cut
   * (very long lines, stacked combining marks: src/ui/display-limits.ts).
   */
  show(droppedLines: number, droppedChars: number, shortened = false): void {
    const kept = this.archive().omittedBytes > 0 ? ' (its first and last 8 MiB)' : '';
    const parts: string[] = [];
    if (droppedChars > 0) {
      const lines = droppedLines === 1 ? '1 earlier line' : `${groupThousands(droppedLines)} earlier lines`;
      parts.push(`${lines} (${describeBytes(droppedChars)}) not shown.`);
    }
    if (shortened) parts.push('Some lines are shortened on screen.');
    const text = `${parts.join(' ')} The full output${kept} can be downloaded.`;
    // Called at every frame of a flood: an unchanged text is not set again (each set restyles the banner).
    if (this.message.textContent !== text) this.message.textContent = text;
    if (this.element.hidden) this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }

  dispose(): void {
    this.listeners.abort();
    this.revoke();
  }

  private download(): void {
    this.revoke();
    const blob = new Blob(this.archive().parts(), { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    this.url = url;
    const link = document.createElement('a');
    link.href = url;
    link.download = 'sandpit-output.txt';
    link.click();
    // The browser reads the blob asynchronously after the click; give it time before letting it go.
    this.revokeTimer = setTimeout(() => this.revoke(), 10_000);
  }

  private revoke(): void {
    if (this.revokeTimer !== null) clearTimeout(this.revokeTimer);
    this.revokeTimer = null;
    if (this.url !== null) URL.revokeObjectURL(this.url);
    this.url = null;
  }
}
