import type { WireChunk } from '../src/wire/protocol';
import type { SignalSource } from './interpreter-tick';
import type { HostFunctions } from './python-sources';

/** Characters of output the main thread may have unhandled before the program waits for it to catch up. */
export const OUTPUT_IN_FLIGHT_LIMIT = 256 * 1024;

/**
 * How a running program reaches the page, in one of the interaction modes (src/wire/protocol.ts): what
 * Python's sandpit_host calls to wait for input and sleep, what the interpreter tick reads for
 * interrupts, and how output batches are paced. The worker boots with exactly one.
 */
export interface ProgramHost {
  /** Given to Python (sandpit_host) for each run. */
  readonly functions: HostFunctions;
  /** Read by the interpreter tick. */
  readonly signals: SignalSource;
  /** The run must be entered with `callPromising`, so Python can suspend (`run_sync`). */
  readonly promising: boolean;
  /** Sends one output batch, with this mode's back-pressure. */
  send(chunks: readonly WireChunk[]): void;
  /** A program starts or has ended: only a running program is asked to yield. */
  setRunning(running: boolean): void;
  /** Resolves once every batch sent so far has left the worker. */
  settle(): Promise<void>;
}

export interface ProgramHostWiring {
  /** Posts a batch as an `output` event of the current run. */
  readonly post: (chunks: readonly WireChunk[]) => void;
  /** Called once the program waits for a line: flush output, tell the main thread (`input-request`). */
  readonly requestLine: (prompt: string) => void;
  /** Called once turtle waits for an event: flush output, tell the main thread (`event-wait`). */
  readonly requestEvent: (timeoutMs: number) => void;
  /** Sends buffered output now: a program about to sleep or wait should show what it printed before. */
  readonly flushOutput: () => void;
  /** Tells the main thread the program reacted to Stop (`interrupt-received`), after its output so far. */
  readonly reportInterruptReceived: () => void;
}

export function countChars(chunks: readonly WireChunk[]): number {
  return chunks.reduce((total, chunk) => total + chunk.text.length, 0);
}
