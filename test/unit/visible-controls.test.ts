import { describe, expect, it } from 'vitest';
import { makeControlsVisible } from '../../src/ui/visible-controls';

describe('makeControlsVisible', () => {
  it('shows escape sequences instead of hiding them', () => {
    expect(makeControlsVisible('\u001b[31mred\u001b[0m')).toBe('␛[31mred␛[0m');
    expect(makeControlsVisible('\u001b]8;;javascript:alert(1)\u0007click\u001b]8;;\u0007')).toBe(
      '␛]8;;javascript:alert(1)␇click␛]8;;␇',
    );
    expect(makeControlsVisible('a\u0000b\u007f')).toBe('a␀b␡');
  });

  it('keeps tabs, newlines and carriage returns', () => {
    expect(makeControlsVisible('a\tb\r\nc\n')).toBe('a\tb\r\nc\n');
  });

  it('shows bidirectional overrides', () => {
    expect(makeControlsVisible('abc\u202edef')).toBe('abc⟪U+202E⟫def');
  });

  it('leaves ordinary text alone, including right-to-left scripts', () => {
    const text = 'héllo שלום مرحبا 🐍';
    expect(makeControlsVisible(text)).toBe(text);
    expect(makeControlsVisible(text)).toBe(text); // no state kept between calls
  });
});
