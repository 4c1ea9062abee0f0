import { describe, expect, it } from 'vitest';
import { DisplayLimiter, lineCutMarker, marksMarker } from '../../src/ui/display-limits';

describe('DisplayLimiter', () => {
  it('leaves ordinary output alone', () => {
    const limiter = new DisplayLimiter();
    const text = 'héllo wörld\n\tتجربة 漢字 👩‍👩‍👧\n';
    expect(limiter.limit(text)).toBe(text);
  });

  it('cuts a line past its limit once, and starts afresh at the next line, across appends', () => {
    const limiter = new DisplayLimiter({ maxLineChars: 10 });
    expect(limiter.limit('12345')).toBe('12345');
    expect(limiter.limit('678901234')).toBe(`67890${lineCutMarker()}`);
    expect(limiter.limit('more and more')).toBe('');
    expect(limiter.limit('end\nnext\n')).toBe('\nnext\n');
  });

  it('keeps a few combining marks per character, counting the rest, even split across appends', () => {
    const limiter = new DisplayLimiter({ maxMarks: 3 });
    const mark = '\u0301';
    expect(limiter.limit(`a${mark.repeat(10)}b\n`)).toBe(`a${mark.repeat(3)}${marksMarker(7)}b\n`);
    expect(limiter.limit(`a${mark.repeat(2)}`)).toBe(`a${mark.repeat(2)}`);
    expect(limiter.limit(mark.repeat(4))).toBe(`${mark}${marksMarker(3)}`);
    expect(limiter.limit('x')).toBe('x');
  });

  it('bounds the bomb from the issue: one cluster of 1.5 million marks', () => {
    const limiter = new DisplayLimiter();
    let shown = limiter.limit('a');
    const chunk = '\u0301'.repeat(64 * 1024);
    for (let sent = 0; sent < 1_500_000; sent += chunk.length) shown += limiter.limit(chunk);
    shown += limiter.limit('\n');
    expect(shown.length).toBeLessThan(2000);
    expect(shown.endsWith('\n')).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    const limiter = new DisplayLimiter({ maxLineChars: 3 });
    expect(limiter.limit('ab😀c')).toBe(`ab${lineCutMarker()}`);
  });
});

describe('DisplayLimiter.shortened', () => {
  it('says when something was left off the screen, until cleared', () => {
    const limiter = new DisplayLimiter({ maxLineChars: 5 });
    limiter.limit('short\n');
    expect(limiter.shortened).toBe(false);
    limiter.limit('much too long\n');
    expect(limiter.shortened).toBe(true);
    limiter.newLine();
    expect(limiter.shortened).toBe(true);
    limiter.clear();
    expect(limiter.shortened).toBe(false);
  });
});

describe('DisplayLimiter and invisible characters', () => {
  it('cuts long runs of zero-width characters, and leaves emoji sequences and joiners in words alone', () => {
    const limiter = new DisplayLimiter({ maxMarks: 8 });
    const family = '👩\u200d👩\u200d👧 می\u200cخواهم\n';
    expect(limiter.limit(family)).toBe(family);
    const shown = limiter.limit(`${'\u200b\u200d'.repeat(500)}x\n`);
    expect(shown).toBe(`${'\u200b\u200d'.repeat(4)}${marksMarker(992)}x\n`);
  });
});
