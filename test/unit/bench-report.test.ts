import { describe, expect, it } from 'vitest';
import { byteGroup } from '../../bench/first-visit-bytes.ts';
import { formatTable, ratio, verdict, type Row } from '../../bench/report.ts';
import { median } from '../../bench/stats.ts';

describe('the benchmark report', () => {
  const row = (sandpit: number, raw: number | null, target?: Row['target']): Row => ({
    figure: 'x',
    unit: 'ms',
    sandpit,
    raw,
    target,
  });

  it('judges ratio targets against raw Pyodide and absolute targets against the figure', () => {
    expect(ratio(row(150, 1000))).toBeCloseTo(0.15);
    expect(verdict(row(150, 1000, { ratioAtMost: 0.15 }))).toBe('met');
    expect(verdict(row(151, 1000, { ratioAtMost: 0.15 }))).toBe('MISSED');
    expect(verdict(row(31, 8, { atMost: 30 }))).toBe('MISSED');
    expect(verdict(row(29, null, { atMost: 30 }))).toBe('met');
    expect(verdict(row(NaN, 10, { ratioAtMost: 1 }))).toBe('?');
    expect(verdict(row(5, 10))).toBe('');
  });

  it('prints a Markdown table with one line per figure', () => {
    const table = formatTable([row(50, 100, { ratioAtMost: 1 }), row(3, null)]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toBe('| x | 50 ms | 100 ms | 0.50× | ≤ 1× | met |');
    expect(table[3]).toBe('| x | 3.0 ms | – |  |  |  |');
  });

  it('takes medians of the finite samples only', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });

  it('sorts the build into app, Monaco and Pyodide bytes', () => {
    expect(byteGroup('pyodide/pyodide.asm.wasm')).toBe('pyodide');
    expect(byteGroup('assets/python-editor-DRZa32k5.js')).toBe('monaco');
    expect(byteGroup('assets/codicon-DF1abBS2.ttf')).toBe('monaco');
    expect(byteGroup('assets/index-DD6WlBRX.js')).toBe('app');
    expect(byteGroup('assets/sandbox.worker-BZl93fcc.js')).toBe('app');
    expect(byteGroup('index.html')).toBe('app');
    // Monaco's layers arrive after Python is ready, in chunks named after its modules; the analysis worker
    // then too.
    expect(byteGroup('assets/standaloneServices-DXLAytv2.js', true)).toBe('monaco');
    expect(byteGroup('assets/standaloneServices-DXLAytv2.js')).toBe('app');
    expect(byteGroup('assets/analysis.worker-DF9AtKg5.js', true)).toBe('analysis');
  });
});
