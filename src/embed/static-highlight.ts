/**
 * Python highlighted without Monaco, so a page of many widgets shows colourful code at once and loads the
 * editor only where it is used. A small regular-expression tokenizer: good enough for tutorial snippets,
 * and it only ever creates text nodes inside spans (the code is never parsed as HTML).
 */
// prettier-ignore
const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def',
  'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
  'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case',
]);

// prettier-ignore
const BUILTINS = new Set([
  'print', 'input', 'len', 'range', 'int', 'float', 'str', 'list', 'dict', 'set', 'tuple', 'bool', 'sum',
  'min', 'max', 'abs', 'round', 'sorted', 'enumerate', 'zip', 'map', 'filter', 'open', 'type', 'isinstance',
  'any', 'all', 'reversed', 'repr', 'chr', 'ord', 'self',
]);

export type TokenKind = 'comment' | 'string' | 'number' | 'keyword' | 'builtin' | 'plain';

const TOKEN =
  /(#[^\n]*)|([rbuf]{0,2}(?:"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?))|(\b\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?j?\b)|([A-Za-z_]\w*)/gi;

export function tokenize(code: string): { kind: TokenKind; text: string }[] {
  const tokens: { kind: TokenKind; text: string }[] = [];
  let last = 0;
  for (const match of code.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) tokens.push({ kind: 'plain', text: code.slice(last, index) });
    const [text, comment, string, number, word] = match;
    let kind: TokenKind = 'plain';
    if (comment !== undefined) kind = 'comment';
    else if (string !== undefined) kind = 'string';
    else if (number !== undefined) kind = 'number';
    else if (word !== undefined)
      kind = KEYWORDS.has(word) ? 'keyword' : BUILTINS.has(word) ? 'builtin' : 'plain';
    tokens.push({ kind, text });
    last = index + text.length;
  }
  if (last < code.length) tokens.push({ kind: 'plain', text: code.slice(last) });
  return tokens;
}

/** Fills `target` with the highlighted code: spans with `sp-tok-<kind>` classes, text nodes only. */
export function renderHighlighted(target: HTMLElement, code: string): void {
  const fragment = document.createDocumentFragment();
  for (const token of tokenize(code)) {
    if (token.kind === 'plain') {
      fragment.append(document.createTextNode(token.text));
    } else {
      const span = document.createElement('span');
      span.className = `sp-tok-${token.kind}`;
      span.textContent = token.text;
      fragment.append(span);
    }
  }
  target.replaceChildren(fragment);
}
