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
    // The run goes on past this append: its marker waits for the run's end.
    expect(limiter.limit(mark.repeat(4))).toBe(mark);
    expect(limiter.limit('x')).toBe(`${marksMarker(3)}x`);
  });

  it('gives a run of marks split between many appends one marker, at its end', () => {
    const limiter = new DisplayLimiter({ maxMarks: 2 });
    const mark = '\u0301';
    expect(limiter.limit(`a${mark.repeat(5)}`)).toBe(`a${mark.repeat(2)}`);
    expect(limiter.limit(mark.repeat(10))).toBe('');
    expect(limiter.limit(`${mark.repeat(10)}\nb`)).toBe(`${marksMarker(23)}\nb`);
    expect(limiter.limit(`c${mark.repeat(4)}`)).toBe(`c${mark.repeat(2)}`);
    // The program ended (or a note comes) with the run under way: the caller shows the marker.
    expect(limiter.newLine()).toBe(marksMarker(2));
    expect(limiter.newLine()).toBe('');
    expect(limiter.limit('plain\n')).toBe('plain\n');
  });

  it('bounds the bomb from the issue: one cluster of 1.5 million marks', () => {
    const limiter = new DisplayLimiter();
    let shown = limiter.limit('a');
    const chunk = '\u0301'.repeat(64 * 1024);
    let sent = 0;
    for (; sent < 1_500_000; sent += chunk.length) shown += limiter.limit(chunk);
    shown += limiter.limit('\n');
    expect(shown).toBe(`a${'\u0301'.repeat(8)}${marksMarker(sent - 8)}\n`);
  });

  it('knows every combining mark of the Basic Multilingual Plane, and nothing else, as a mark', () => {
    const limiter = new DisplayLimiter({ maxMarks: 1 });
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (/[\n\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/.test(char)) continue; // newline, invisible
      const shown = limiter.limit(`a${char}${char}`);
      limiter.newLine();
      expect(shown, `U+${code.toString(16)}`).toBe(/\p{M}/u.test(char) ? `a${char}` : `a${char}${char}`);
    }
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
