import { describe, expect, it } from 'vitest';
import { Autosave, HISTORY_LENGTH, isBigChange, type KeyValueStore } from '../../src/storage/autosave';

class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('Autosave', () => {
  it('saves and loads the code', () => {
    const autosave = new Autosave(new MemoryStore());
    expect(autosave.load()).toBeNull();
    expect(autosave.save('print(1)')).toEqual({ ok: true });
    expect(autosave.load()).toBe('print(1)');
  });

  it('keeps code set aside separately from the current code', () => {
    const autosave = new Autosave(new MemoryStore());
    autosave.save('mine');
    autosave.setAside('mine');
    autosave.save('shared');
    expect(autosave.load()).toBe('shared');
    expect(autosave.setAsideCode()).toBe('mine');
  });

  it('reports a full store without throwing', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(new Autosave(full).save('x')).toEqual({ ok: false, reason: 'storage is full' });
  });

  it('works without any store (storage disabled)', () => {
    const autosave = new Autosave(null);
    expect(autosave.load()).toBeNull();
    expect(autosave.save('x').ok).toBe(false);
  });

  it('keeps widgets apart with namespaces', () => {
    const store = new MemoryStore();
    new Autosave(store, 'a').save('A');
    new Autosave(store, 'b').save('B');
    expect(new Autosave(store, 'a').load()).toBe('A');
  });
});

class ListedStore extends MemoryStore {
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('Autosave: tabs and history', () => {
  it('gives each tab its own draft across reloads, and a new tab the latest code', () => {
    const store = new ListedStore();
    const tabA = new MemoryStore();
    const tabB = new MemoryStore();
    new Autosave(store, '', tabA).save('code of A');
    new Autosave(store, '', tabB).save('code of B');
    // Reloads: the same sessionStorage, so the same tab.
    expect(new Autosave(store, '', tabA).load()).toBe('code of A');
    expect(new Autosave(store, '', tabB).load()).toBe('code of B');
    // A new tab: the code edited last, in any tab.
    expect(new Autosave(store, '', new MemoryStore()).load()).toBe('code of B');
  });

  it('keeps versions at most once a minute while typing, always before a big change, newest first, no repeats', () => {
    let time = 1_000_000;
    const autosave = new Autosave(new ListedStore(), '', new MemoryStore(), () => time);
    autosave.save('print(1)');
    time += 1000;
    autosave.save('print(12)');
    expect(autosave.history().map((v) => v.code)).toEqual(['print(1)']);
    time += 61_000;
    autosave.save('print(123)');
    expect(autosave.history().map((v) => v.code)).toEqual(['print(123)', 'print(1)']);
    time += 1000;
    autosave.save('something else entirely, pasted over it');
    expect(autosave.history()[0]).toEqual({ code: 'print(123)', at: time });
    autosave.keep('print(1)');
    expect(autosave.history().map((v) => v.code)).toEqual(['print(1)', 'print(123)']);
  });

  it(`keeps the last ${HISTORY_LENGTH} versions`, () => {
    const autosave = new Autosave(new ListedStore(), '', new MemoryStore());
    for (let i = 0; i < HISTORY_LENGTH + 10; i++) autosave.keep(`print(${i})`);
    const kept = autosave.history();
    expect(kept).toHaveLength(HISTORY_LENGTH);
    expect(kept[0]?.code).toBe(`print(${HISTORY_LENGTH + 9})`);
  });

  it('tells a big change from an edit', () => {
    expect(
      isBigChange('for i in range(10):\n    print(i)\n', 'for i in range(10):\n    print(i * 2)\n'),
    ).toBe(false);
    expect(isBigChange('for i in range(10):\n    print(i)\n', 'import turtle\n')).toBe(true);
    expect(isBigChange('', 'anything')).toBe(false);
  });

  it('survives stores that refuse everything, the session store included', () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('no');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const autosave = new Autosave(refusing, '', refusing);
    expect(autosave.load()).toBeNull();
    expect(autosave.save('x')).toEqual({ ok: false, reason: 'storage is full' });
    expect(autosave.history()).toEqual([]);
  });
});
