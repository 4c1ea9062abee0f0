/**
 * The learner's code, saved in localStorage on every edit and restored on reload. When a share link
 * replaces the editor's content, the previous code is kept aside so it can be restored: opening a stranger's
 * link never costs a learner their own work.
 */

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const CURRENT_KEY = 'sandpit:code';
const PREVIOUS_KEY = 'sandpit:code:before-share';

export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export class Autosave {
  constructor(
    private readonly store: KeyValueStore | null,
    private readonly namespace = '',
  ) {}

  private key(base: string): string {
    return this.namespace ? `${base}:${this.namespace}` : base;
  }

  load(): string | null {
    try {
      return this.store?.getItem(this.key(CURRENT_KEY)) ?? null;
    } catch {
      return null;
    }
  }

  save(code: string): SaveResult {
    return this.write(this.key(CURRENT_KEY), code);
  }

  /** Keeps the current code aside before a share link replaces it. */
  setAside(code: string): SaveResult {
    return this.write(this.key(PREVIOUS_KEY), code);
  }

  setAsideCode(): string | null {
    try {
      return this.store?.getItem(this.key(PREVIOUS_KEY)) ?? null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): SaveResult {
    if (this.store === null) return { ok: false, reason: 'this browser does not allow saving' };
    try {
      this.store.setItem(key, value);
      return { ok: true };
    } catch (error) {
      const reason =
        error instanceof DOMException && error.name === 'QuotaExceededError'
          ? 'storage is full'
          : 'saving failed';
      return { ok: false, reason };
    }
  }
}

/** localStorage, or null where the browser refuses it (some privacy modes throw on access). */
export function browserStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
