import { parseTimeLimit } from '../config/time-limit';
import { customPolicy, LEARNER_POLICY, POLICY_PRESETS } from '../runtime/policy';
import type { SandboxPolicy } from '../wire/protocol';

export type WidgetTheme = 'light' | 'dark' | 'auto';

/** What a `<sandpit-python>` element's attributes ask for, validated. */
export interface WidgetConfig {
  readonly timeoutMs: number;
  readonly policy: SandboxPolicy;
  readonly readonly: boolean;
  readonly autorun: boolean;
  /** `expected-output`: the run passes when its stdout matches (see output-check.ts). */
  readonly expectedOutput: string | null;
  /** A CSS length for the editor, or `auto` (grows with the code). */
  readonly height: string;
  readonly theme: WidgetTheme;
  /** Attributes that were ignored, with why: shown in the widget so the author sees them. */
  readonly problems: readonly string[];
}

/** The attributes the element reads, and watches: a change applies from the next run on. */
export const WIDGET_ATTRIBUTES = [
  'timeout',
  'allow',
  'deny',
  'policy',
  'readonly',
  'autorun',
  'expected-output',
  'height',
  'theme',
] as const;

function moduleList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function readWidgetConfig(attribute: (name: string) => string | null): WidgetConfig {
  const problems: string[] = [];

  const timeout = attribute('timeout');
  const timeLimit = parseTimeLimit(timeout);
  if (timeLimit.problem !== undefined) problems.push(`timeout="${timeout}": ${timeLimit.problem}`);

  let policy = LEARNER_POLICY;
  const preset = attribute('policy');
  if (preset !== null) {
    const found = POLICY_PRESETS[preset];
    if (found) policy = found;
    else problems.push(`policy="${preset}" is not one of ${Object.keys(POLICY_PRESETS).join(', ')}`);
  }
  const allow = attribute('allow');
  const deny = attribute('deny');
  if (allow !== null || deny !== null) {
    policy = customPolicy(policy, {
      ...(allow !== null ? { allow: moduleList(allow) } : {}),
      ...(deny !== null ? { deny: moduleList(deny) } : {}),
    });
  }

  let height = 'auto';
  const heightValue = attribute('height');
  if (heightValue !== null) {
    if (heightValue === 'auto' || /^\d+(\.\d+)?(px|em|rem|vh|lh)$/.test(heightValue)) height = heightValue;
    else problems.push(`height="${heightValue}" is not "auto" or a length such as 12em or 240px`);
  }

  let theme: WidgetTheme = 'auto';
  const themeValue = attribute('theme');
  if (themeValue !== null) {
    if (themeValue === 'light' || themeValue === 'dark' || themeValue === 'auto') theme = themeValue;
    else problems.push(`theme="${themeValue}" is not light, dark or auto`);
  }

  return {
    timeoutMs: timeLimit.seconds * 1000,
    policy,
    readonly: attribute('readonly') !== null,
    autorun: attribute('autorun') !== null,
    expectedOutput: attribute('expected-output'),
    height,
    theme,
    problems,
  };
}
