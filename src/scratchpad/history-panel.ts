import type { Version } from '../storage/autosave';

/** "just now", "5 min ago", "2 h ago", else the date and time: how long ago a version was kept. */
export function describeAge(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The first line of a version that says something, cut to fit a list entry. */
export function versionPreview(code: string): string {
  const line =
    code.split('\n').find((text) => text.trim() !== '' && !text.trim().startsWith('#')) ??
    code.split('\n')[0] ??
    '';
  const trimmed = line.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
}

function lineCount(code: string): string {
  const lines = code.replace(/\n$/, '').split('\n').length;
  return lines === 1 ? '1 line' : `${lines} lines`;
}

/**
 * The History panel (`[data-testid=history-panel]`): the kept versions of the code, newest first, each
 * restored with one click (`[data-testid=history-entry]`). Built from text nodes only.
 */
export class HistoryPanel {
  private readonly list: HTMLOListElement;
  private readonly listeners = new AbortController();

  constructor(
    private readonly panel: HTMLElement,
    toggle: HTMLButtonElement,
    private readonly versions: () => Version[],
    private readonly restore: (version: Version) => void,
  ) {
    const list = panel.querySelector('ol');
    if (!(list instanceof HTMLOListElement)) throw new Error('[sandpit] the history panel lacks its list');
    this.list = list;
    toggle.addEventListener('click', () => (panel.hidden ? this.open() : this.close()), {
      signal: this.listeners.signal,
    });
    toggle.setAttribute('aria-expanded', 'false');
    this.toggle = toggle;
  }

  private readonly toggle: HTMLButtonElement;

  open(): void {
    const now = Date.now();
    const entries = this.versions().map((version) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.testid = 'history-entry';
      const when = document.createElement('span');
      when.className = 'history-when';
      when.textContent = describeAge(version.at, now);
      const what = document.createElement('span');
      what.className = 'history-what';
      what.textContent = `${versionPreview(version.code)} (${lineCount(version.code)})`;
      button.append(when, what);
      button.addEventListener('click', () => {
        this.close();
        this.restore(version);
      });
      item.append(button);
      return item;
    });
    if (entries.length === 0) {
      const empty = document.createElement('li');
      empty.textContent = 'No earlier versions yet: they are kept as you edit, at most one a minute.';
      entries.push(empty);
    }
    this.list.replaceChildren(...entries);
    this.panel.hidden = false;
    this.toggle.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    this.panel.hidden = true;
    this.toggle.setAttribute('aria-expanded', 'false');
  }

  dispose(): void {
    this.listeners.abort();
  }
}
