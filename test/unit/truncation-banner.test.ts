import { describe, expect, it } from 'vitest';
import { groupThousands } from '../../src/ui/truncation-banner';

describe('groupThousands', () => {
  it('groups digits in threes from the right', () => {
    expect(groupThousands(0)).toBe('0');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1000)).toBe('1,000');
    expect(groupThousands(990_001)).toBe('990,001');
    expect(groupThousands(12_345_678)).toBe('12,345,678');
  });
});
