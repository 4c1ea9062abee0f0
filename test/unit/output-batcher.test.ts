import { describe, expect, it } from 'vitest';
import type { WireChunk } from '../../src/wire/protocol';
import { OutputBatcher } from '../../worker/output-batcher';

function batcherWithClock(options: { maxChars?: number; maxDelayMs?: number } = {}) {
  let now = 0;
  const batches: WireChunk[][] = [];
  const batcher = new OutputBatcher({
    send: (chunks) => batches.push([...chunks]),
    now: () => now,
    ...options,
  });
  return { batcher, batches, advance: (ms: number) => (now += ms) };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('OutputBatcher', () => {
  it('coalesces writes that arrive close together into one batch', () => {
    const { batcher, batches, advance } = batcherWithClock();
    advance(1);
    for (let i = 0; i < 1000; i++) batcher.writeBytes('stdout', bytes(`${i}\n`));
    expect(batches).toHaveLength(0);
    batcher.flush({ final: true });
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(1);
    expect(batches[0]?.[0]?.text.split('\n')).toHaveLength(1001);
  });

  it('sends as soon as a write arrives after a quiet period (first output is immediate)', () => {
    const { batcher, batches, advance } = batcherWithClock({ maxDelayMs: 16 });
    advance(100);
    batcher.writeBytes('stdout', bytes('hi\n'));
    expect(batches).toEqual([[{ stream: 'stdout', text: 'hi\n' }]]);
  });

  it('flushes on size', () => {
    const { batcher, batches } = batcherWithClock({ maxChars: 10 });
    batcher.writeText('stdout', '12345');
    expect(batches).toHaveLength(0);
    batcher.writeText('stdout', '67890');
    expect(batches).toHaveLength(1);
  });

  it('cuts one giant write into batch-sized slices', () => {
    const { batcher, batches } = batcherWithClock({ maxChars: 100 });
    batcher.writeText('stdout', 'x'.repeat(1050));
    batcher.flush({ final: true });
    expect(batches.length).toBeGreaterThanOrEqual(10);
    for (const batch of batches)
      expect(batch.reduce((n, chunk) => n + chunk.text.length, 0)).toBeLessThanOrEqual(200);
    expect(
      batches
        .flat()
        .map((chunk) => chunk.text)
        .join(''),
    ).toBe('x'.repeat(1050));
  });

  it('keeps the order of stdout and stderr', () => {
    const { batcher, batches } = batcherWithClock();
    batcher.writeText('stdout', 'a');
    batcher.writeText('stderr', 'b');
    batcher.writeText('stdout', 'c');
    batcher.flush();
    expect(batches[0]).toEqual([
      { stream: 'stdout', text: 'a' },
      { stream: 'stderr', text: 'b' },
      { stream: 'stdout', text: 'c' },
    ]);
  });

  it('never splits a UTF-8 character across writes', () => {
    const { batcher, batches } = batcherWithClock();
    const snake = bytes('🐍');
    batcher.writeBytes('stdout', snake.subarray(0, 2));
    batcher.writeBytes('stdout', snake.subarray(2));
    batcher.flush({ final: true });
    expect(
      batches
        .flat()
        .map((chunk) => chunk.text)
        .join(''),
    ).toBe('🐍');
  });

  it('flushIfDue (the interpreter tick) sends text that has waited long enough', () => {
    const { batcher, batches, advance } = batcherWithClock({ maxDelayMs: 16 });
    batcher.writeText('stdout', 'burst');
    batcher.flushIfDue();
    expect(batches).toHaveLength(0);
    advance(20);
    batcher.flushIfDue();
    expect(batches).toEqual([[{ stream: 'stdout', text: 'burst' }]]);
  });
});
