import { describe, expect, it } from 'vitest';
import { OutputArchive } from '../../src/ui/output-archive';

describe('OutputArchive', () => {
  it('keeps everything while it fits', () => {
    const archive = new OutputArchive(10, 10);
    archive.add('hello ');
    archive.add('world');
    expect(archive.text()).toBe('hello world');
    expect(archive.omittedChars).toBe(0);
  });

  it('keeps the head and the tail and says how much it left out', () => {
    const archive = new OutputArchive(4, 6);
    for (const piece of ['abcd', 'efgh', 'ijkl', 'mnop']) archive.add(piece);
    expect(archive.omittedChars).toBe(6);
    expect(archive.totalChars).toBe(16);
    expect(archive.text()).toBe('abcd\n[… 6 characters left out here to bound memory …]\nklmnop');
  });

  it('stays bounded under a flood', () => {
    const archive = new OutputArchive(100, 100);
    for (let i = 0; i < 10_000; i++) archive.add(`${i}\n`);
    expect(archive.text().length).toBeLessThan(300);
    expect(archive.text().endsWith('9999\n')).toBe(true);
  });
});
