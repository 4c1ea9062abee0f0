import { describe, expect, it } from 'vitest';
import { OutputArchive } from '../../src/ui/output-archive';

describe('OutputArchive', () => {
  it('keeps everything while it fits', () => {
    const archive = new OutputArchive(10, 10, 4);
    archive.add('hello ');
    archive.add('world');
    expect(archive.text()).toBe('hello world');
    expect(archive.omittedBytes).toBe(0);
    expect(archive.totalBytes).toBe(11);
  });

  it('keeps the head and the tail and says how much it left out', () => {
    const archive = new OutputArchive(4, 6, 2);
    for (const piece of ['abcd', 'efgh', 'ijkl', 'mnop']) archive.add(piece);
    expect(archive.omittedBytes).toBe(6);
    expect(archive.totalBytes).toBe(16);
    expect(archive.text()).toBe('abcd\n[… 6 bytes left out here to bound memory …]\nklmnop');
  });

  it('never splits a character between blocks, so a cut in the middle stays valid UTF-8', () => {
    const archive = new OutputArchive(8, 8, 8);
    archive.add('ab😀😀😀'.repeat(10));
    const text = archive.text();
    expect(text).not.toContain('\uFFFD');
    expect(text.startsWith('ab😀\n[…')).toBe(true);
    expect(text.endsWith('😀')).toBe(true);
    expect(archive.totalBytes).toBe(140);
  });

  it('stays bounded under a flood', () => {
    const archive = new OutputArchive(100, 100, 20);
    for (let i = 0; i < 10_000; i++) archive.add(`${i}\n`);
    expect(archive.text().length).toBeLessThan(300);
    expect(archive.text().endsWith('9999\n')).toBe(true);
  });

  it('gives blob parts that need no decoding', async () => {
    const archive = new OutputArchive(4, 4, 4);
    archive.add('héllo wörld');
    const blob = new Blob(archive.parts());
    expect(await blob.text()).toBe(archive.text());
  });
});
