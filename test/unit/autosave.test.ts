import { describe, expect, it } from 'vitest';
import { Autosave, type KeyValueStore } from '../../src/storage/autosave';

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
