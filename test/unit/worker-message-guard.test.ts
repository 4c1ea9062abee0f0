import { describe, expect, it } from 'vitest';
import {
  parseBootReport,
  parseRunReport,
  parseWorkerEvent,
  ProtocolViolation,
} from '../../src/runtime/worker-message-guard';
import { WIRE_LIMITS } from '../../src/wire/wire-limits';

describe('worker message guard', () => {
  it('accepts well-formed events', () => {
    const event = { type: 'output', runId: 3, chunks: [{ stream: 'stderr', text: '<b>x</b>' }] };
    expect(parseWorkerEvent(event)).toEqual(event);
    expect(parseWorkerEvent({ type: 'run-flushed', runId: 3 })).toEqual({ type: 'run-flushed', runId: 3 });
    expect(parseWorkerEvent({ type: 'interrupt-received', runId: 3 })).toEqual({
      type: 'interrupt-received',
      runId: 3,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'output'],
    ['an array', []],
    ['an unknown type', { type: 'eval', runId: 1 }],
    ['a non-integer run id', { type: 'run-flushed', runId: '1' }],
    ['an unknown stream', { type: 'output', runId: 1, chunks: [{ stream: 'dom', text: 'x' }] }],
    ['non-string text', { type: 'output', runId: 1, chunks: [{ stream: 'stdout', text: { toString: 1 } }] }],
    ['chunks that are not an array', { type: 'output', runId: 1, chunks: 'abc' }],
    [
      'an oversized batch',
      {
        type: 'output',
        runId: 1,
        chunks: [{ stream: 'stdout', text: 'x'.repeat(WIRE_LIMITS.maxBatchChars + 1) }],
      },
    ],
    [
      'too many chunks',
      {
        type: 'output',
        runId: 1,
        chunks: Array.from({ length: WIRE_LIMITS.maxChunksPerBatch + 1 }, () => ({
          stream: 'stdout',
          text: '',
        })),
      },
    ],
    [
      'a class instance',
      new (class Event {
        type = 'run-flushed';
        runId = 1;
      })(),
    ],
  ])('rejects %s', (_label, value) => {
    expect(() => parseWorkerEvent(value)).toThrow(ProtocolViolation);
  });

  it('accepts a report of each outcome and rejects reports for other runs', () => {
    const error = {
      type: 'ValueError',
      message: 'm',
      line: 2,
      column: null,
      endColumn: null,
      traceback: 'tb',
      explanation: 'Line 2 asks int() to turn the text "x" into a whole number.',
    };
    expect(parseRunReport({ runId: 1, outcome: { kind: 'raised', error } }, 1).outcome).toEqual({
      kind: 'raised',
      error,
    });
    expect(parseRunReport({ runId: 1, outcome: { kind: 'exited', exitCode: 3 } }, 1).outcome).toEqual({
      kind: 'exited',
      exitCode: 3,
    });
    expect(() => parseRunReport({ runId: 2, outcome: { kind: 'completed' } }, 1)).toThrow(ProtocolViolation);
    expect(() => parseRunReport({ runId: 1, outcome: { kind: 'pwned' } }, 1)).toThrow(ProtocolViolation);
    expect(() =>
      parseRunReport(
        { runId: 1, outcome: { kind: 'raised', error: { ...error, traceback: 'x'.repeat(1e6) } } },
        1,
      ),
    ).toThrow(ProtocolViolation);
    expect(() =>
      parseRunReport({ runId: 1, outcome: { kind: 'raised', error: { ...error, line: -1 } } }, 1),
    ).toThrow(ProtocolViolation);
    for (const explanation of ['x'.repeat(5000), 42, { toString: 'x' }]) {
      expect(() =>
        parseRunReport({ runId: 1, outcome: { kind: 'raised', error: { ...error, explanation } } }, 1),
      ).toThrow(ProtocolViolation);
    }
    const withoutHelp = parseRunReport(
      { runId: 1, outcome: { kind: 'raised', error: { ...error, explanation: null } } },
      1,
    ).outcome;
    expect(withoutHelp.kind === 'raised' && withoutHelp.error.explanation).toBeNull();
  });

  it('validates boot reports', () => {
    const good = { pythonVersion: '3.14.2', pyodideVersion: '314.0.7', bootMs: 12.5, fromSnapshot: true };
    expect(parseBootReport(good).bootMs).toBe(12.5);
    const snapshot = new Blob([new Uint8Array(4)]);
    expect(parseBootReport({ ...good, snapshot }).snapshot).toBe(snapshot);
    expect(() => parseBootReport({ ...good, bootMs: NaN })).toThrow(ProtocolViolation);
    expect(() => parseBootReport({ ...good, fromSnapshot: 'yes' })).toThrow(ProtocolViolation);
    expect(() => parseBootReport({ ...good, snapshot: 'not bytes' })).toThrow(ProtocolViolation);
    // Bytes are not a snapshot on the wire any more: only a Blob is.
    expect(() => parseBootReport({ ...good, snapshot: new Uint8Array(4) })).toThrow(ProtocolViolation);
  });
});
