import { describe, expect, it } from 'vitest';
import { RenderCostModel, isComplex } from '../../src/ui/render-cost';

describe('RenderCostModel', () => {
  it('starts with the largest share of plain text and the smallest share of other scripts', () => {
    const model = new RenderCostModel({ budgetMs: 4, minChars: 256, maxChars: 32_768 });
    expect(model.budget(false)).toBe(32_768);
    expect(model.budget(true)).toBe(256);
    expect(isComplex('x'.repeat(100))).toBe(false);
    expect(isComplex(`${'x'.repeat(100)}漢`)).toBe(true);
    expect(isComplex(`${'x'.repeat(100)}漢`, 100)).toBe(false);
  });

  it('learns what frames cost: up at once, down slowly, never below the smallest share', () => {
    const model = new RenderCostModel({ budgetMs: 4, minChars: 256, maxChars: 32_768 });
    model.recordFrame(8192, 0, 40); // ten times the budget (4 ms here): the next frame takes a tenth
    expect(model.budget(false)).toBe(819);
    model.recordFrame(819, 0, 0.4); // cheap now: the estimate comes down by a quarter of the way
    expect(model.budget(false)).toBeGreaterThan(819);
    expect(model.budget(false)).toBeLessThan(1200);
    model.recordFrame(256, 0, 1_000); // a stall: the smallest share from now on
    expect(model.budget(false)).toBe(256);
  });

  it('counts a frame with any other script against that script, and keeps plain text apart', () => {
    const model = new RenderCostModel({ budgetMs: 4, minChars: 256, maxChars: 32_768 });
    model.recordFrame(4000, 256, 1); // cheap: CJK frames may grow
    expect(model.budget(true)).toBeGreaterThan(256);
    expect(model.budget(false)).toBe(32_768);
    model.recordFrame(4000, 100, 200); // expensive: all of it counted against the 100 CJK characters
    expect(model.budget(true)).toBe(256);
  });

  it('starts each run from the smallest share of other scripts, and keeps what plain text costs', () => {
    const model = new RenderCostModel({ budgetMs: 4, minChars: 256, maxChars: 32_768 });
    model.recordFrame(0, 2000, 1); // cheap marks
    model.recordFrame(8192, 0, 8); // plain text at twice the budget
    expect(model.budget(true)).toBeGreaterThan(256);
    model.forgetOtherScripts();
    expect(model.budget(true)).toBe(256);
    expect(model.budget(false)).toBe(4096);
  });
});
