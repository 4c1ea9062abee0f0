import { describe, expect, it } from 'vitest';
import { approximateChars, FloodGuard } from '../../src/runtime/flood-guard';

describe('FloodGuard', () => {
  it('lets an honest stream through', () => {
    let now = 0;
    const guard = new FloodGuard({ messagesPerSecond: 10, charsPerSecond: 1000 }, () => now);
    for (let i = 0; i < 100; i++) {
      now += 200;
      expect(guard.count(100)).toBeNull();
    }
  });

  it('reports too many messages or characters within a second', () => {
    let now = 0;
    const guard = new FloodGuard({ messagesPerSecond: 10, charsPerSecond: 1000 }, () => now);
    for (let i = 0; i < 10; i++) expect(guard.count(1)).toBeNull();
    expect(guard.count(1)).toMatch(/messages/);
    now = 1000;
    expect(guard.count(1001)).toMatch(/characters/);
  });

  it('sizes output batches by their text', () => {
    expect(approximateChars({ type: 'output', chunks: [{ text: 'abc' }, { text: 'de' }] })).toBe(5);
    expect(approximateChars('x'.repeat(10))).toBe(10);
    expect(approximateChars(null)).toBe(1);
  });
});
