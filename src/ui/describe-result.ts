import { describeBytes, type RunResult } from '../runtime/sandbox';
import type { NoteKind } from './console-view';

export interface ResultDescription {
  /** For the status line: how the last run ended, in a few words. */
  readonly summary: string;
  /** A line for the console, when the run ended in a way its output doesn't show. */
  readonly note?: { readonly kind: NoteKind; readonly text: string };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function describeResult(result: RunResult, memoryLimitBytes: number): ResultDescription {
  const took = seconds(result.durationMs);
  switch (result.status) {
    case 'ok':
      if (result.exitCode !== undefined) {
        return {
          summary: `Exited with code ${result.exitCode} after ${took}`,
          note: { kind: 'info', text: `Program exited with code ${result.exitCode}.` },
        };
      }
      return { summary: `Finished in ${took}` };
    case 'error':
      if (result.error?.type === 'MemoryError') {
        return {
          summary: `MemoryError after ${took}`,
          note: {
            kind: 'error',
            text: `The program ran out of memory (the limit is ${describeBytes(memoryLimitBytes)}).`,
          },
        };
      }
      return { summary: `${result.error?.type ?? 'Error'} after ${took}` };
    case 'timeout':
      return {
        summary: 'Stopped: time limit',
        note: { kind: 'warning', text: result.message ?? 'Stopped: time limit.' },
      };
    case 'stopped':
      return {
        summary: `Stopped after ${took}`,
        note: { kind: 'warning', text: result.message ?? 'Stopped.' },
      };
    case 'crashed':
      return {
        summary: 'The interpreter crashed',
        note: { kind: 'error', text: result.message ?? 'The Python interpreter crashed and was restarted.' },
      };
  }
}
