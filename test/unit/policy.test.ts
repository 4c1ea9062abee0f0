import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_BRIDGE_MODULES, LEARNER_POLICY } from '../../src/runtime/policy';

const PYTHON_POLICY = readFileSync(
  path.resolve(import.meta.dirname, '../../worker/python/sandpit_policy.py'),
  'utf8',
);

describe('the learner policy', () => {
  it('lists exactly the host bridges the worker refuses to every importer', () => {
    const block = /HOST_BRIDGES = \(([\s\S]*?)\)/.exec(PYTHON_POLICY)?.[1] ?? '';
    const python = [...block.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    expect(python.length).toBeGreaterThan(10);
    expect([...HOST_BRIDGE_MODULES].sort()).toEqual([...python].sort());
  });

  it('allows the standard library and denies the bridges and introspection modules', () => {
    expect(LEARNER_POLICY.modules.allow).toBe('*');
    for (const name of ['js', 'pyodide', 'micropip', 'ctypes', 'gc', 'inspect', 'pickle', 'builtins']) {
      expect(LEARNER_POLICY.modules.deny).toContain(name);
    }
    for (const name of ['math', 'random', 'json', 'collections', 'dataclasses', 'asyncio']) {
      expect(LEARNER_POLICY.modules.deny).not.toContain(name);
    }
  });

  it('is plain data (it crosses the worker boundary as JSON)', () => {
    expect(JSON.parse(JSON.stringify(LEARNER_POLICY))).toEqual(LEARNER_POLICY);
  });
});
