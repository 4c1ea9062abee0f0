import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunStatus } from '../../../src/wire/protocol.ts';

/**
 * One attack program of the red-team suite: a Python file under test/security/attacks/<category>/ whose
 * header states what it tries and what must happen:
 *
 *   # attack: reach the js module through sys.modules
 *   # expect: blocked not available in the sandbox
 *
 * `blocked <regex>`: the run ends `error` and the console matches the regex (the clear message).
 * `contained [status ...]`: the run ends (with one of the statuses, if given), the page lives, the next
 * run is clean, and every wall's invariant holds.
 * `bypass [status ...]`: a known way past the Python layer (listed in SECURITY.md). The program may get
 * what the Python policy withholds, but the browser's walls must hold: it then tries the network and
 * storage, and every invariant is checked as for `contained`.
 *
 * Every attack prints SANDBOX-ESCAPED if it gets what the Python policy promised to withhold; except for
 * `bypass` attacks, that string must never appear.
 */
export interface Attack {
  readonly category: string;
  readonly name: string;
  readonly description: string;
  readonly code: string;
  readonly expect:
    | { readonly kind: 'blocked'; readonly message: RegExp }
    | { readonly kind: 'contained' | 'bypass'; readonly statuses: readonly RunStatus[] };
}

export const ATTACKS_DIR = path.resolve(import.meta.dirname, '../attacks');

const STATUSES: readonly RunStatus[] = ['ok', 'error', 'timeout', 'stopped', 'crashed'];

export function parseAttack(category: string, file: string, code: string): Attack {
  const header = (key: string) => new RegExp(`^#\\s*${key}:\\s*(.+)$`, 'm').exec(code)?.[1]?.trim();
  const description = header('attack');
  const expectation = header('expect');
  if (!description || !expectation)
    throw new Error(`${category}/${file}: needs "# attack:" and "# expect:" lines`);
  const [kind, ...rest] = expectation.split(/\s+/);
  if (kind === 'blocked') {
    if (rest.length === 0) throw new Error(`${category}/${file}: "blocked" needs the message it expects`);
    return {
      category,
      name: file,
      description,
      code,
      expect: { kind, message: new RegExp(rest.join(' '), 'i') },
    };
  }
  if (kind === 'contained' || kind === 'bypass') {
    const statuses = rest as RunStatus[];
    const unknown = statuses.filter((status) => !STATUSES.includes(status));
    if (unknown.length > 0) throw new Error(`${category}/${file}: unknown statuses ${unknown.join(', ')}`);
    return { category, name: file, description, code, expect: { kind, statuses } };
  }
  throw new Error(
    `${category}/${file}: expect must be "blocked <message>", "contained [statuses]" or "bypass [statuses]"`,
  );
}

/** Every attack, grouped by category (the folder names). */
export function loadAttacks(): Map<string, Attack[]> {
  const byCategory = new Map<string, Attack[]>();
  for (const category of readdirSync(ATTACKS_DIR).sort()) {
    const folder = path.join(ATTACKS_DIR, category);
    const files = readdirSync(folder)
      .filter((file) => file.endsWith('.py'))
      .sort();
    byCategory.set(
      category,
      files.map((file) => parseAttack(category, file, readFileSync(path.join(folder, file), 'utf8'))),
    );
  }
  return byCategory;
}
