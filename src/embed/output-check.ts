/** `expected-output`: does the run's output match, and if not, where do they part? */
export interface OutputCheck {
  readonly passed: boolean;
  /** Line by line, for the failure report: `=` same, `-` expected only, `+` actual only. */
  readonly diff: readonly { readonly kind: '=' | '-' | '+'; readonly text: string }[];
}

/** Trailing whitespace on each line and trailing blank lines don't count: authors can't see them. */
function normalise(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A line diff by longest common subsequence (outputs of tutorial examples are short). */
export function checkOutput(expected: string, actual: string): OutputCheck {
  const a = normalise(expected);
  const b = normalise(actual);
  const passed = a.length === b.length && a.every((line, index) => line === b[index]);
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      (lcs[i] as number[])[j] =
        a[i] === b[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
  const diff: { kind: '=' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      diff.push({ kind: '=', text: a[i] as string });
      i++;
      j++;
    } else if (
      i < a.length &&
      (j === b.length || ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))
    ) {
      // What was expected comes before what was printed instead, as in a unified diff.
      diff.push({ kind: '-', text: a[i] as string });
      i++;
    } else {
      diff.push({ kind: '+', text: b[j] as string });
      j++;
    }
  }
  return { passed, diff };
}
