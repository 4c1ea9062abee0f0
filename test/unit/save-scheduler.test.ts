import { afterEach, describe, expect, it, vi } from 'vitest';
import { SaveScheduler } from '../../src/storage/save-scheduler';

afterEach(() => {
  vi.useRealTimers();
});

describe('SaveScheduler', () => {
  it('writes the first change at once, then at most once per interval, the latest code winning', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    let now = 0;
    const saves = new SaveScheduler({
      write: (code) => (written.push(code), { ok: true }),
      onResult: () => {},
      minIntervalMs: 400,
      now: () => now,
    });
    saves.schedule('a');
    expect(written).toEqual(['a']);
    for (const code of ['ab', 'abc', 'abcd']) {
      now += 50;
      saves.schedule(code);
    }
    expect(written).toEqual(['a']);
    now = 400;
    vi.advanceTimersByTime(400);
    expect(written).toEqual(['a', 'abcd']);
  });

  it('flush() writes what is pending now, and reports every result', () => {
    const results: boolean[] = [];
    let now = 0;
    const written: string[] = [];
    const saves = new SaveScheduler({
      write: (code) => (
        written.push(code),
        code === 'full' ? { ok: false, reason: 'storage is full' } : { ok: true }
      ),
      onResult: (result) => results.push(result.ok),
      now: () => now,
    });
    saves.schedule('one');
    now = 10;
    saves.schedule('full');
    saves.flush();
    saves.flush(); // nothing pending: no second write
    expect(written).toEqual(['one', 'full']);
    expect(results).toEqual([true, false]);
    saves.dispose();
  });
});
