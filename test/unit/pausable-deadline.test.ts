import { describe, expect, it, vi } from 'vitest';
import { PausableDeadline } from '../../src/runtime/pausable-deadline';

describe('PausableDeadline', () => {
  it('expires after the limit', () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    new PausableDeadline(100, expired, () => Date.now());
    vi.advanceTimersByTime(99);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expired).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });

  it('does not count paused time', () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    const deadline = new PausableDeadline(100, expired, () => Date.now());
    vi.advanceTimersByTime(60);
    deadline.pause();
    expect(deadline.paused).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(expired).not.toHaveBeenCalled();
    deadline.resume();
    vi.advanceTimersByTime(39);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expired).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });

  it('never fires once cancelled', () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    const deadline = new PausableDeadline(10, expired, () => Date.now());
    deadline.cancel();
    deadline.resume();
    vi.advanceTimersByTime(1000);
    expect(expired).not.toHaveBeenCalled();
    vi.useRealTimers();
  });
});

describe('PausableDeadline.restart', () => {
  it('gives the whole limit again from now (a turtle program went back to waiting for events)', () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    const deadline = new PausableDeadline(100, expired, () => Date.now());
    vi.advanceTimersByTime(90);
    deadline.pause();
    deadline.restart();
    vi.advanceTimersByTime(99);
    expect(expired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expired).toHaveBeenCalledOnce();
    deadline.restart();
    vi.advanceTimersByTime(1000);
    expect(expired).toHaveBeenCalledOnce(); // an expired deadline stays expired
    vi.useRealTimers();
  });
});
