import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_LIMIT_SECONDS,
  MAX_TIME_LIMIT_SECONDS,
  parseTimeLimit,
} from '../../src/config/time-limit';
import { memoryFromUrl, timeoutFromUrl, warmInterpretersFromUrl } from '../../src/config/url-options';

describe('the time-limit rule (?timeout=, the field, the widget attribute)', () => {
  it('defaults to 10 seconds, at most 3600', () => {
    expect(parseTimeLimit(null)).toEqual({ seconds: DEFAULT_TIME_LIMIT_SECONDS });
    expect(parseTimeLimit('  ')).toEqual({ seconds: 10 });
    expect([DEFAULT_TIME_LIMIT_SECONDS, MAX_TIME_LIMIT_SECONDS]).toEqual([10, 3600]);
  });

  it('accepts positive numbers of seconds, including fractions', () => {
    expect(parseTimeLimit('2')).toEqual({ seconds: 2 });
    expect(parseTimeLimit('0.5')).toEqual({ seconds: 0.5 });
  });

  it('falls back to the default with a reason for unusable values', () => {
    for (const raw of ['abc', '0', '-3', 'Infinity', 'NaN']) {
      const setting = parseTimeLimit(raw);
      expect(setting.seconds).toBe(DEFAULT_TIME_LIMIT_SECONDS);
      expect(setting.problem).toContain(`"${raw}"`);
    }
  });

  it('caps very long limits at the maximum, saying so', () => {
    const setting = parseTimeLimit('999999');
    expect(setting.seconds).toBe(3600);
    expect(setting.problem).toMatch(/at most 3600/);
  });
});

describe('?timeout=', () => {
  it('reads the parameter by the rule', () => {
    expect(timeoutFromUrl('')).toEqual({ seconds: 10 });
    expect(timeoutFromUrl('?x=1&timeout=0.5')).toEqual({ seconds: 0.5 });
    expect(timeoutFromUrl('?timeout=abc').problem).toBeTruthy();
  });
});

describe('?memory=', () => {
  it('defaults to 512 MiB and accepts whole MiB within bounds', () => {
    expect(memoryFromUrl('')).toEqual({ mebibytes: 512 });
    expect(memoryFromUrl('?memory=128')).toEqual({ mebibytes: 128 });
  });

  it('clamps or refuses unusable values with a reason', () => {
    expect(memoryFromUrl('?memory=8').mebibytes).toBe(64);
    expect(memoryFromUrl('?memory=99999').mebibytes).toBe(2048);
    const bad = memoryFromUrl('?memory=lots');
    expect(bad.mebibytes).toBe(512);
    expect(bad.problem).toBeTruthy();
  });
});

describe('?warm=', () => {
  it('defaults to 2 and accepts 1 to 3', () => {
    expect(warmInterpretersFromUrl('')).toEqual({ count: 2 });
    expect(warmInterpretersFromUrl('?warm=1')).toEqual({ count: 1 });
    expect(warmInterpretersFromUrl('?warm=4').problem).toBeTruthy();
    expect(warmInterpretersFromUrl('?warm=1.5').count).toBe(2);
  });
});
