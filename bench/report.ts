/** One figure of the benchmark: Sandpit's median, the raw-Pyodide baseline's (when it has one), its target. */
export interface Row {
  readonly figure: string;
  readonly unit: string;
  readonly sandpit: number;
  readonly raw: number | null;
  readonly target?: { readonly ratioAtMost?: number; readonly atMost?: number };
}

export function ratio(row: Row): number | null {
  return row.raw === null || row.raw === 0 ? null : row.sandpit / row.raw;
}

/** `met`, `MISSED` or empty (no target), from the ratio or the absolute figure. */
export function verdict(row: Row): string {
  const { target } = row;
  if (target === undefined) return '';
  const value = target.ratioAtMost !== undefined ? ratio(row) : row.sandpit;
  const limit = target.ratioAtMost ?? target.atMost;
  if (value === null || limit === undefined || !Number.isFinite(value)) return '?';
  return value <= limit ? 'met' : 'MISSED';
}

function describeTarget(row: Row): string {
  if (row.target?.ratioAtMost !== undefined) return `≤ ${row.target.ratioAtMost}×`;
  if (row.target?.atMost !== undefined) return `≤ ${Number(row.target.atMost.toFixed(0))} ${row.unit}`;
  return '';
}

function format(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const digits = unit === 's' ? 3 : value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

/** A Markdown table (it reads fine in a terminal too), ready to paste into the README. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['figure', 'Sandpit', 'raw Pyodide', 'ratio', 'target', ''];
  const lines = rows.map((row) => {
    const r = ratio(row);
    return [
      row.figure,
      format(row.sandpit, row.unit),
      format(row.raw, row.unit),
      r === null ? '' : `${r.toFixed(2)}×`,
      describeTarget(row),
      verdict(row),
    ];
  });
  const toLine = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [toLine(header), toLine(header.map(() => '---')), ...lines.map(toLine)].join('\n');
}
