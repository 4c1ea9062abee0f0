/**
 * The learner's code, saved in localStorage as they type and restored on reload, so that nothing typed
 * is lost to a crash, a kill, a reload or a second tab:
 * - each tab keeps its own draft (the tab is known by an id in sessionStorage, which a reload keeps and
 *   a new tab doesn't have); a new tab opens with the code edited most recently in any tab;
 * - a history of recent versions (newest first, without repeats, with their times) survives reloads:
 *   a version is kept at most once a minute while typing, and always before the code is replaced by
 *   something else (a share link, a restored version, a paste over most of it);
 * - the code a share link replaced is kept aside, so opening a stranger's link costs nothing.
 * Nothing here throws: a store that refuses (private mode, a full quota) gives `{ ok: false, reason }`.
 */

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
  readonly length?: number;
  key?(index: number): string | null;
}

/** The most recently edited code, in any tab (the key the first Sandpit used: old saves still load). */
const LATEST_KEY = 'sandpit:code';
const PREVIOUS_KEY = 'sandpit:code:before-share';
/** One tab's draft: `sandpit:code:tab:<id>`, holding `{ code, at }`. */
const DRAFT_PREFIX = 'sandpit:code:tab:';
const HISTORY_KEY = 'sandpit:code:history';
/** In sessionStorage: this tab's id. */
const TAB_ID_KEY = 'sandpit:tab';

/** Versions the history keeps, and tabs' drafts kept before the oldest are let go. */
export const HISTORY_LENGTH = 30;
const MAX_DRAFTS = 20;
/** While typing, a version goes into the history at most this often. */
const HISTORY_INTERVAL_MS = 60_000;

export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface Version {
  readonly code: string;
  /** When it was saved, in milliseconds since the epoch. */
  readonly at: number;
}

function parseVersion(value: unknown): Version | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, at } = value as Record<string, unknown>;
  return typeof code === 'string' && typeof at === 'number' && Number.isFinite(at) ? { code, at } : null;
}

/**
 * Replacing most of the code at once (select all and paste, say): the version before it is worth
 * keeping even if the last kept version is recent.
 */
export function isBigChange(before: string, after: string): boolean {
  if (before.trim() === '') return false;
  let common = 0;
  const shortest = Math.min(before.length, after.length);
  while (common < shortest && before[common] === after[common]) common++;
  let commonEnd = 0;
  while (
    commonEnd < shortest - common &&
    before[before.length - 1 - commonEnd] === after[after.length - 1 - commonEnd]
  )
    commonEnd++;
  return before.length - common - commonEnd > before.length / 2;
}

function newTabId(): string {
  // Not crypto.randomUUID: it exists only on secure origins, and serve:lan is plain http.
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

export class Autosave {
  private readonly tabId: string;
  private lastSaved: string | null = null;
  private lastKeptAt = -Infinity;

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly namespace = '',
    session: KeyValueStore | null = null,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.tabId = Autosave.tabIdFrom(session);
    this.pruneDrafts();
  }

  /** This tab's id: kept in sessionStorage across reloads; a new one for a new tab (or no session store). */
  private static tabIdFrom(session: KeyValueStore | null): string {
    try {
      const known = session?.getItem(TAB_ID_KEY);
      if (known) return known;
      const made = newTabId();
      session?.setItem(TAB_ID_KEY, made);
      return made;
    } catch {
      return newTabId();
    }
  }

  private key(base: string): string {
    return this.namespace ? `${base}:${this.namespace}` : base;
  }

  private read(key: string): string | null {
    try {
      return this.store?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  /** This tab's draft; for a new tab, the code edited last in any tab. */
  load(): string | null {
    const draft = this.readDraft();
    const code = draft?.code ?? this.read(this.key(LATEST_KEY));
    this.lastSaved = code;
    return code;
  }

  save(code: string): SaveResult {
    if (code === this.lastSaved) return { ok: true };
    const before = this.lastSaved;
    const time = this.now();
    if (before !== null && isBigChange(before, code)) this.keep(before, time);
    else if (time - this.lastKeptAt >= HISTORY_INTERVAL_MS) this.keep(code, time);
    const draft = this.write(this.draftKey(), JSON.stringify({ code, at: time }));
    const latest = this.write(this.key(LATEST_KEY), code);
    if (draft.ok && latest.ok) this.lastSaved = code;
    return draft.ok ? latest : draft;
  }

  /** Puts `code` into the history now (before it is replaced by something else). */
  keep(code: string, time = this.now()): SaveResult {
    if (code.trim() === '') return { ok: true };
    const versions = this.history().filter((version) => version.code !== code);
    versions.unshift({ code, at: time });
    this.lastKeptAt = time;
    return this.write(this.key(HISTORY_KEY), JSON.stringify(versions.slice(0, HISTORY_LENGTH)));
  }

  /** The kept versions, newest first. */
  history(): Version[] {
    const raw = this.read(this.key(HISTORY_KEY));
    if (raw === null) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.map(parseVersion).filter((v): v is Version => v !== null) : [];
    } catch {
      return [];
    }
  }

  /** Keeps the current code aside before a share link replaces it. */
  setAside(code: string): SaveResult {
    this.keep(code);
    return this.write(this.key(PREVIOUS_KEY), code);
  }

  setAsideCode(): string | null {
    return this.read(this.key(PREVIOUS_KEY));
  }

  private draftKey(): string {
    return this.key(`${DRAFT_PREFIX}${this.tabId}`);
  }

  private readDraft(): Version | null {
    const raw = this.read(this.draftKey());
    if (raw === null) return null;
    try {
      return parseVersion(JSON.parse(raw));
    } catch {
      return null;
    }
  }

  /** Lets the oldest tabs' drafts go once there are more than MAX_DRAFTS (their code is in the history). */
  private pruneDrafts(): void {
    const store = this.store;
    if (store?.key === undefined || store.removeItem === undefined || store.length === undefined) return;
    try {
      const drafts: { key: string; at: number }[] = [];
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key === null || !key.startsWith(DRAFT_PREFIX)) continue;
        let at = 0;
        try {
          at = parseVersion(JSON.parse(store.getItem(key) ?? ''))?.at ?? 0;
        } catch {
          // An unreadable draft counts as the oldest of all.
        }
        drafts.push({ key, at });
      }
      drafts.sort((a, b) => b.at - a.at);
      for (const { key } of drafts.slice(MAX_DRAFTS)) store.removeItem(key);
    } catch {
      // A store that refuses to be listed keeps its drafts.
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

/** sessionStorage (one per tab, kept across reloads), or null where refused. */
export function browserSessionStore(): KeyValueStore | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
