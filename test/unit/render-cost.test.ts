import { describe, expect, it } from 'vitest';
import { RenderCostModel } from '../../src/ui/render-cost';

describe('RenderCostModel', () => {
  it('starts with big pieces of plain text and the smallest pieces of other scripts', () => {
    const model = new RenderCostModel({ budgetMs: 4, minChars: 256, maxChars: 32_768 });
    expect(model.pieceChars('x'.repeat(100_000))).toBe(8192);
    expect(model.pieceChars('漢字😀'.repeat(10_000))).toBe(256);
    // Plain text that turns into another script within the piece is sized as the other script.
    expect(model.pieceChars(`${'x'.repeat(100)}${'漢'.repeat(10_000)}`)).toBe(256);
  });

  it('learns what pieces cost: up at once, down slowly, never below the smallest piece', () => {
    const model = new RenderCostModel({ budgetMs: 4, minChars: 256, maxChars: 32_768 });
    const plain = 'x'.repeat(8192);
    model.record(plain, 40); // ten times the budget: the next piece is a tenth
    expect(model.pieceChars(plain)).toBe(819);
    model.record('y'.repeat(819), 0.4); // cheap now: the estimate comes down by a quarter of the way
    expect(model.pieceChars(plain)).toBeGreaterThan(819);
    expect(model.pieceChars(plain)).toBeLessThan(1200);
    model.record('z'.repeat(256), 1_000); // a stall: the smallest piece from now on
    expect(model.pieceChars(plain)).toBe(256);
  });

  it('keeps plain and other scripts apart', () => {
    const model = new RenderCostModel({ budgetMs: 4, minChars: 256, maxChars: 32_768 });
    model.record('漢'.repeat(256), 1); // cheap here: CJK pieces may grow
    expect(model.pieceChars('漢'.repeat(10_000))).toBeGreaterThan(256);
    expect(model.pieceChars('x'.repeat(100_000))).toBe(8192);
  });
});
