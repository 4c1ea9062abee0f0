import { describe, expect, it } from 'vitest';
import {
  describeResult,
  ENDLESS_LOOP_HELP,
  judgeRun,
  type RunResult,
  type VerdictContext,
} from '../../src/runtime/verdict';
import type { PythonErrorReport } from '../../src/wire/protocol';

const context: VerdictContext = { stopRequested: false, timeoutMs: 2500, memoryLimitBytes: 128 << 20 };
const error: PythonErrorReport = {
  type: 'ZeroDivisionError',
  message: 'division by zero',
  line: 1,
  column: null,
  endColumn: null,
  traceback: 'ZeroDivisionError: division by zero\n',
  explanation: 'Line 1 divides by n, which is 0 here.',
};

const output = { stdout: '', stderr: '', outputTruncated: false, durationMs: 1234 };

describe("a run's verdict", () => {
  it("follows the worker's report when the run ended by itself", () => {
    expect(
      judgeRun({ kind: 'reported', report: { runId: 1, outcome: { kind: 'completed' } } }, context),
    ).toEqual({
      status: 'ok',
    });
    expect(
      judgeRun({ kind: 'reported', report: { runId: 1, outcome: { kind: 'exited', exitCode: 3 } } }, context),
    ).toEqual({ status: 'ok', exitCode: 3 });
    expect(
      judgeRun({ kind: 'reported', report: { runId: 1, outcome: { kind: 'raised', error } } }, context),
    ).toEqual({
      status: 'error',
      error,
    });
  });

  it('names the limits in plain words', () => {
    expect(judgeRun({ kind: 'timeout' }, context)).toEqual({
      status: 'timeout',
      message: 'Stopped: the program took longer than the 2.5 s time limit.',
    });
    const oom = judgeRun(
      { kind: 'reported', report: { runId: 1, outcome: { kind: 'fatal', reason: 'out-of-memory' } } },
      context,
    );
    expect(oom).toMatchObject({
      status: 'crashed',
      message: expect.stringContaining('(the limit is 128 MiB)'),
    });
  });

  it('calls any end after Stop "stopped", except a timeout that came first', () => {
    const stopped = { ...context, stopRequested: true };
    const caught = { kind: 'reported', report: { runId: 1, outcome: { kind: 'completed' } } } as const;
    expect(judgeRun(caught, stopped)).toEqual({ status: 'stopped', message: 'Stopped.' });
    expect(judgeRun({ kind: 'crashed', reason: 'killed' }, stopped).status).toBe('stopped');
    expect(judgeRun({ kind: 'timeout' }, stopped).status).toBe('timeout');
  });

  it('is a union on status: each status carries its own fields', () => {
    const result: RunResult = { ...output, ...judgeRun({ kind: 'timeout' }, context) };
    if (result.status === 'timeout') expect(result.message).toContain('time limit');
    // Fields of other statuses read as undefined rather than being absent from the type.
    expect(result.error?.type).toBeUndefined();
  });

  it('sums a result up for the status line, with a console note when the output does not say it', () => {
    expect(describeResult({ ...output, status: 'ok' }, context.memoryLimitBytes)).toEqual({
      summary: 'Finished in 1.23 s',
    });
    expect(describeResult({ ...output, status: 'ok', exitCode: 2 }, context.memoryLimitBytes).note).toEqual({
      kind: 'info',
      text: 'Program exited with code 2.',
    });
    const memory = describeResult(
      { ...output, status: 'error', error: { ...error, type: 'MemoryError' } },
      context.memoryLimitBytes,
    );
    expect(memory.note?.text).toBe('The program ran out of memory (the limit is 128 MiB).');
    expect(describeResult({ ...output, status: 'stopped', message: 'Stopped.' }, 0)).toEqual({
      summary: 'Stopped after 1.23 s',
      note: { kind: 'warning', text: 'Stopped.' },
    });
  });

  it("adds the worker's plain-language help after an error, and the endless-loop help after a time limit", () => {
    expect(describeResult({ ...output, status: 'error', error }, 0)).toEqual({
      summary: 'ZeroDivisionError after 1.23 s',
      help: 'Help: Line 1 divides by n, which is 0 here.',
    });
    expect(describeResult({ ...output, status: 'error', error: { ...error, explanation: null } }, 0)).toEqual(
      {
        summary: 'ZeroDivisionError after 1.23 s',
      },
    );
    const timeout = describeResult({ ...output, ...judgeRun({ kind: 'timeout' }, context) }, 0);
    expect(timeout.note?.kind).toBe('warning');
    expect(timeout.help).toBe(`Help: ${ENDLESS_LOOP_HELP}`);
    expect(describeResult({ ...output, status: 'stopped', message: 'Stopped.' }, 0).help).toBeUndefined();
  });
});
