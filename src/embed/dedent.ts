/**
 * The code an author wrote inside `<sandpit-python>`: leading and trailing blank lines dropped, and the
 * indentation every non-blank line shares removed (authors indent the element's text with their HTML).
 * Tabs count as one character: mixing them with spaces in one block is the author's problem to see.
 */
export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return (
    lines.map((line) => line.slice(Math.min(common, /^[ \t]*/.exec(line)?.[0].length ?? 0))).join('\n') +
    (lines.length > 0 ? '\n' : '')
  );
}
