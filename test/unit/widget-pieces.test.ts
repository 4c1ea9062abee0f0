import { describe, expect, it } from 'vitest';
import { dedent } from '../../src/embed/dedent';
import { checkOutput } from '../../src/embed/output-check';
import { tokenize } from '../../src/embed/static-highlight';
import { readWidgetConfig } from '../../src/embed/widget-config';
import { LEARNER_POLICY, POLICY_PRESETS } from '../../src/runtime/policy';

const attributes = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('dedent (the code inside <sandpit-python>)', () => {
  it('drops blank edges and the indentation all lines share, keeping the rest', () => {
    expect(dedent('\n      for i in range(3):\n          print(i)\n\n      print("done")\n    ')).toBe(
      'for i in range(3):\n    print(i)\n\nprint("done")\n',
    );
  });

  it('leaves unindented code alone and turns empty text into empty code', () => {
    expect(dedent('print(1)\n  print(2)')).toBe('print(1)\n  print(2)\n');
    expect(dedent('  \n \n')).toBe('');
  });
});

describe('expected-output', () => {
  it('passes when the lines match, ignoring trailing spaces and blank lines at the end', () => {
    expect(checkOutput('1\n4\n9\n', '1  \n4\n9\n\n').passed).toBe(true);
  });

  it('fails with a line diff: - expected, + printed', () => {
    const check = checkOutput('1\n4\n9\n16', '2\n4\n6\n8\n');
    expect(check.passed).toBe(false);
    expect(check.diff.filter((line) => line.kind === '=').map((line) => line.text)).toEqual(['4']);
    expect(check.diff.filter((line) => line.kind === '-').map((line) => line.text)).toEqual(['1', '9', '16']);
    expect(check.diff.filter((line) => line.kind === '+').map((line) => line.text)).toEqual(['2', '6', '8']);
  });
});

describe('widget attributes', () => {
  it('defaults to the learner policy, 10 s, auto height and theme', () => {
    const config = readWidgetConfig(attributes({}));
    expect(config).toMatchObject({
      timeoutMs: 10_000,
      readonly: false,
      autorun: false,
      height: 'auto',
      theme: 'auto',
    });
    expect(config.policy).toBe(LEARNER_POLICY);
    expect(config.expectedOutput).toBeNull();
    expect(config.problems).toEqual([]);
  });

  it('narrows the policy with allow and deny, never past what the preset denies', () => {
    const config = readWidgetConfig(attributes({ allow: 'math, random js', deny: 'random' }));
    expect(config.policy.modules.allow).toEqual(['math', 'random', 'js']);
    expect(config.policy.modules.deny).toEqual([...LEARNER_POLICY.modules.deny, 'random']);
    expect(config.policy.modules.deny).toContain('js');
    const narrowed = readWidgetConfig(attributes({ policy: 'beginner', allow: 'math os' }));
    expect(narrowed.policy.modules.allow).toEqual(['math']);
  });

  it('reads presets, flags and sizes, and reports what it ignored', () => {
    const config = readWidgetConfig(
      attributes({
        policy: 'no-imports',
        readonly: '',
        autorun: '',
        timeout: '2.5',
        height: '12em',
        theme: 'dark',
      }),
    );
    expect(config.policy).toBe(POLICY_PRESETS['no-imports']);
    expect(config).toMatchObject({
      readonly: true,
      autorun: true,
      timeoutMs: 2500,
      height: '12em',
      theme: 'dark',
    });
    const bad = readWidgetConfig(
      attributes({ timeout: 'soon', policy: 'anything', height: '100%', theme: 'blue' }),
    );
    expect(bad.timeoutMs).toBe(10_000);
    expect(bad.problems).toHaveLength(4);
    expect(bad.problems[0]).toContain('timeout="soon"');
  });

  it('takes its time limit by the same rule as ?timeout= and the scratch pad field', () => {
    const long = readWidgetConfig(attributes({ timeout: '7200' }));
    expect(long.timeoutMs).toBe(3_600_000);
    expect(long.problems[0]).toMatch(/timeout="7200": the limit is at most 3600 seconds/);
    expect(readWidgetConfig(attributes({ timeout: '700' })).timeoutMs).toBe(700_000);
  });
});

describe('static highlighting', () => {
  it('splits code into tokens that join back into the same text', () => {
    const code = 'def f(x):  # square\n    return x ** 2 + len("a\'b")\nprint(f(3), None)\n';
    const tokens = tokenize(code);
    expect(tokens.map((token) => token.text).join('')).toBe(code);
    const kinds = (kind: string) => tokens.filter((token) => token.kind === kind).map((token) => token.text);
    expect(kinds('keyword')).toEqual(['def', 'return', 'None']);
    expect(kinds('comment')).toEqual(['# square']);
    expect(kinds('string')).toEqual(['"a\'b"']);
    expect(kinds('number')).toEqual(['2', '3']);
    expect(kinds('builtin')).toEqual(['len', 'print']);
  });
});
