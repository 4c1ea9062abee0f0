import { describe, expect, it } from 'vitest';
import { codeParameter, decodeCode, encodeCode, shareLink } from '../../src/share/share-link';

describe('share links', () => {
  const samples = [
    '',
    'print("hello")',
    'for i in range(3):\n    print(i)\n',
    'naïve = "café ☕ 🐍"\nprint(naïve)',
    '\u0000\t\r\n\u2028',
    'x = "' + 'a'.repeat(100_000) + '"',
  ];

  it.each(samples.map((code) => [code.slice(0, 30), code]))('round-trips %j', (_label, code) => {
    const encoded = encodeCode(code);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(decodeCode(encoded)).toEqual({ ok: true, code });
  });

  it('is standard base64url of the UTF-8 bytes, without padding', () => {
    expect(encodeCode('print("hi")')).toBe(Buffer.from('print("hi")', 'utf8').toString('base64url'));
    expect(encodeCode('é?>')).toBe(Buffer.from('é?>', 'utf8').toString('base64url'));
  });

  it('rejects characters outside base64url with a reason', () => {
    const result = decodeCode('cHJpbnQ<script>');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/not base64url/);
  });

  it('rejects impossible (truncated) lengths', () => {
    const encoded = encodeCode('print("hello world")');
    const result = decodeCode(encoded.slice(0, 5));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/truncated/);
  });

  it('rejects bytes that are not UTF-8, as a link cut inside a character would be', () => {
    const encoded = encodeCode('🐍🐍');
    const cut = encoded.slice(0, 7); // inside the second snake's four bytes
    const result = decodeCode(cut.length % 4 === 1 ? cut.slice(0, -1) : cut);
    expect(result.ok).toBe(false);
  });

  it('finds the code parameter in a fragment', () => {
    expect(codeParameter('#code=abc')).toBe('abc');
    expect(codeParameter('#x=1&code=abc')).toBe('abc');
    expect(codeParameter('#other')).toBeNull();
    expect(codeParameter('')).toBeNull();
  });

  it('builds a link on the current page, replacing any fragment and keeping the query', () => {
    const link = shareLink('http://localhost:5173/sandpit/?timeout=5#code=old', 'print(1)');
    expect(link).toBe(`http://localhost:5173/sandpit/?timeout=5#code=${encodeCode('print(1)')}`);
  });
});
