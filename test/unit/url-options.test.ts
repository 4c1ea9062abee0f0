import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMEOUT_SECONDS,
  memoryFromUrl,
  parseTimeoutSeconds,
  timeoutFromUrl,
  warmInterpretersFromUrl,
} from '../../src/config/url-options';

describe('?timeout=', () => {
  it('defaults to 10 seconds', () => {
    expect(timeoutFromUrl('')).toEqual({ seconds: DEFAULT_TIMEOUT_SECONDS });
    expect(DEFAULT_TIMEOUT_SECONDS).toBe(10);
  });

  it('accepts positive numbers of seconds, including fractions', () => {
    expect(timeoutFromUrl('?timeout=2')).toEqual({ seconds: 2 });
    expect(timeoutFromUrl('?x=1&timeout=0.5')).toEqual({ seconds: 0.5 });
  });

  it('falls back to the default with a reason for unusable values', () => {
    for (const raw of ['abc', '0', '-3', 'Infinity', 'NaN']) {
      const setting = parseTimeoutSeconds(raw);
      expect(setting.seconds).toBe(DEFAULT_TIMEOUT_SECONDS);
      expect(setting.problem).toBeTruthy();
    }
  });

  it('caps very long limits', () => {
    const setting = parseTimeoutSeconds('999999');
    expect(setting.seconds).toBe(3600);
    expect(setting.problem).toMatch(/at most/);
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
