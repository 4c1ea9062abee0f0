import { expect, test } from '@playwright/test';
import { loadAttacks } from './support/attack-files.ts';

const attacks = loadAttacks();

test('the suite covers every category of the threat model with at least five attacks', () => {
  const expected = [
    'disabling-the-guard',
    'host-bridges',
    'introspection',
    'names-and-encodings',
    'output-injection',
    'quitting-and-breaking-the-harness',
    'reaching-builtins-and-importer',
    'resource-exhaustion',
    'cross-run-leftovers',
  ];
  expect([...attacks.keys()].sort()).toEqual(expected.sort());
  for (const [category, list] of attacks) expect(list.length, category).toBeGreaterThanOrEqual(5);
});
