import type {
  BootReport,
  FatalReason,
  WireChunk,
  PythonErrorReport,
  RunOutcome,
  RunReport,
  WorkerEvent,
} from '../wire/protocol';
import { WIRE_LIMITS } from '../wire/wire-limits';

/**
 * The main thread's customs desk: everything that arrives from the worker is checked for shape, type and
 * size before anything else touches it. A worker runs untrusted code, so a message that fails here means
 * the worker is hostile or broken, and the supervisor replaces it.
 */
export class ProtocolViolation extends Error {
  constructor(detail: string) {
    super(`[sandpit] the interpreter sent an invalid message: ${detail}`);
    this.name = 'ProtocolViolation';
  }
}

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function expectObject(value: unknown, what: string): Plain {
  if (!isPlainObject(value)) throw new ProtocolViolation(`${what} is not an object`);
  return value;
}

function expectString(value: unknown, what: string, maxChars: number): string {
  if (typeof value !== 'string') throw new ProtocolViolation(`${what} is not a string`);
  if (value.length > maxChars) throw new ProtocolViolation(`${what} is longer than ${maxChars} characters`);
  return value;
}

function expectInteger(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new ProtocolViolation(`${what} is not an integer`);
  return value;
}

function expectStringOrNull(value: unknown, what: string, maxChars: number): string | null {
  return value === null || value === undefined ? null : expectString(value, what, maxChars);
}

function expectPositionOrNull(value: unknown, what: string): number | null {
  if (value === null || value === undefined) return null;
  const n = expectInteger(value, what);
  if (n < 0) throw new ProtocolViolation(`${what} is negative`);
  return n;
}

function parseChunks(value: unknown): WireChunk[] {
  if (!Array.isArray(value)) throw new ProtocolViolation('output chunks are not an array');
  if (value.length > WIRE_LIMITS.maxChunksPerBatch) throw new ProtocolViolation('too many output chunks');
  let total = 0;
  return value.map((raw: unknown, index) => {
    const chunk = expectObject(raw, `chunk ${index}`);
    const stream = chunk.stream;
    if (stream !== 'stdout' && stream !== 'stderr' && stream !== 'graphics')
      throw new ProtocolViolation(`chunk ${index} has an unknown stream`);
    const text = expectString(chunk.text, `chunk ${index} text`, WIRE_LIMITS.maxBatchChars);
    total += text.length;
    if (total > WIRE_LIMITS.maxBatchChars) throw new ProtocolViolation('output batch is too large');
    return { stream, text };
  });
}

/** Validates one event from the worker's event port. */
export function parseWorkerEvent(data: unknown): WorkerEvent {
  const event = expectObject(data, 'event');
  const runId = expectInteger(event.runId, 'event runId');
  switch (event.type) {
    case 'output':
      return { type: 'output', runId, chunks: parseChunks(event.chunks) };
    case 'run-flushed':
      return { type: 'run-flushed', runId };
    case 'interrupt-received':
      return { type: 'interrupt-received', runId };
    case 'input-request':
      return {
        type: 'input-request',
        runId,
        prompt: expectString(event.prompt, 'input prompt', WIRE_LIMITS.maxMessageChars),
      };
    case 'event-wait': {
      const timeoutMs = expectInteger(event.timeoutMs, 'event wait timeout');
      if (timeoutMs < -1) throw new ProtocolViolation('event wait timeout is negative');
      return { type: 'event-wait', runId, timeoutMs };
    }
    default:
      throw new ProtocolViolation('unknown event type');
  }
}

function parseError(value: unknown): PythonErrorReport {
  const error = expectObject(value, 'error');
  return {
    type: expectString(error.type, 'error type', WIRE_LIMITS.maxTypeNameChars),
    message: expectString(error.message, 'error message', WIRE_LIMITS.maxMessageChars),
    line: expectPositionOrNull(error.line, 'error line'),
    column: expectPositionOrNull(error.column, 'error column'),
    endColumn: expectPositionOrNull(error.endColumn, 'error endColumn'),
    traceback: expectString(error.traceback, 'traceback', WIRE_LIMITS.maxTracebackChars),
    explanation: expectStringOrNull(error.explanation, 'error explanation', WIRE_LIMITS.maxExplanationChars),
  };
}

const FATAL_REASONS: readonly FatalReason[] = ['stack-overflow', 'out-of-memory', 'aborted', 'internal'];

function parseOutcome(value: unknown): RunOutcome {
  const outcome = expectObject(value, 'outcome');
  switch (outcome.kind) {
    case 'completed':
      return { kind: 'completed' };
    case 'exited':
      return { kind: 'exited', exitCode: expectInteger(outcome.exitCode, 'exit code') };
    case 'raised':
      return { kind: 'raised', error: parseError(outcome.error) };
    case 'fatal':
      if (!FATAL_REASONS.includes(outcome.reason as FatalReason))
        throw new ProtocolViolation('unknown fatal reason');
      return { kind: 'fatal', reason: outcome.reason as FatalReason };
    default:
      throw new ProtocolViolation('unknown outcome');
  }
}

/** Validates the result of `run()`; it must be about the run we asked for. */
export function parseRunReport(value: unknown, expectedRunId: number): RunReport {
  const report = expectObject(value, 'run report');
  const runId = expectInteger(report.runId, 'run report runId');
  if (runId !== expectedRunId)
    throw new ProtocolViolation(`run report for run ${runId}, expected ${expectedRunId}`);
  return { runId, outcome: parseOutcome(report.outcome) };
}

export function parseBootReport(value: unknown): BootReport {
  const report = expectObject(value, 'boot report');
  const bootMs = report.bootMs;
  if (typeof bootMs !== 'number' || !Number.isFinite(bootMs))
    throw new ProtocolViolation('boot time is not a number');
  if (typeof report.fromSnapshot !== 'boolean') throw new ProtocolViolation('fromSnapshot is not a boolean');
  const snapshot = report.snapshot;
  if (
    snapshot !== undefined &&
    !(snapshot instanceof Blob && snapshot.size <= WIRE_LIMITS.maxSnapshotBytes)
  ) {
    throw new ProtocolViolation('the snapshot is not a Blob of a plausible size');
  }
  return {
    pythonVersion: expectString(report.pythonVersion, 'python version', 64),
    pyodideVersion: expectString(report.pyodideVersion, 'pyodide version', 64),
    bootMs,
    fromSnapshot: report.fromSnapshot,
    ...(snapshot ? { snapshot } : {}),
  };
}
