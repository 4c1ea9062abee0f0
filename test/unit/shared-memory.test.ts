import { describe, expect, it } from 'vitest';
import { OutputCredit, SignalCell, SIGINT, StdinMailbox } from '../../src/wire/shared-memory';

describe('shared memory cells', () => {
  it('a raised signal is seen once', () => {
    const signals = SignalCell.create();
    expect(signals.take()).toBe(0);
    signals.raise();
    expect(signals.pending()).toBe(true);
    expect(signals.take()).toBe(SIGINT);
    expect(signals.take()).toBe(0);
  });

  it('sleep returns early, and says so, when a signal is pending', () => {
    const signals = SignalCell.create();
    signals.raise();
    const started = performance.now();
    expect(signals.sleep(5_000)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    signals.take();
    expect(signals.sleep(1)).toBe(false);
  });

  it('the stdin mailbox carries Unicode lines and end of file', () => {
    const mailbox = StdinMailbox.create();
    const signals = SignalCell.create();
    expect(mailbox.readLine(signals, () => mailbox.deliver('héllo 🐍'))).toEqual({
      kind: 'line',
      text: 'héllo 🐍',
    });
    mailbox.deliver(null);
    expect(mailbox.take()).toEqual({ kind: 'eof' });
    expect(mailbox.take()).toBeNull();
  });

  it('a line delivered after the request is announced is never lost', () => {
    const mailbox = StdinMailbox.create();
    const result = mailbox.readLine(SignalCell.create(), () => mailbox.deliver('typed fast'));
    expect(result).toEqual({ kind: 'line', text: 'typed fast' });
  });

  it('waiting for input ends when a signal arrives', () => {
    const signals = SignalCell.create();
    signals.raise();
    expect(StdinMailbox.create().readLine(signals, () => {})).toEqual({ kind: 'interrupted' });
  });

  it('lines longer than the mailbox are cut, not overflowed', () => {
    const mailbox = StdinMailbox.create();
    mailbox.deliver('x'.repeat(StdinMailbox.CAPACITY + 100));
    const line = mailbox.take();
    expect(line?.kind === 'line' && line.text.length).toBe(StdinMailbox.CAPACITY);
  });

  it('output credit blocks the worker only while too much is unhandled', () => {
    const credit = OutputCredit.create();
    const signals = SignalCell.create();
    expect(credit.spend(10)).toBe(10);
    credit.waitBelow(10, signals); // returns at once: at the limit
    credit.refund(10);
    expect(credit.spend(0)).toBe(0);
    credit.spend(100);
    signals.raise();
    credit.waitBelow(10, signals); // would block forever, but a signal is pending
  });
});
