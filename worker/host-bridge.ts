import type { HostFunctions } from './python-sources';
import type { SignalCell, StdinMailbox } from './shared-memory';

export interface HostBridgeOptions {
  readonly signals: SignalCell | null;
  readonly stdin: StdinMailbox | null;
  /** Called once the mailbox waits for a line: flush output, tell the main thread. */
  readonly requestLine: (prompt: string) => void;
  /** Sends buffered output now: a program about to sleep should show what it printed before. */
  readonly flushOutput: () => void;
}

/**
 * The JavaScript side of sandpit_host.py: blocking line input and sleep, both woken by Stop. Without
 * shared memory there is nothing to block on: input is never asked for interactively (the main thread
 * plans for that), and sleep falls back to Pyodide's own.
 */
export function createHostFunctions({
  signals,
  stdin,
  requestLine,
  flushOutput,
}: HostBridgeOptions): HostFunctions {
  return {
    read_line(prompt: string): string | undefined | false {
      if (signals === null || stdin === null) return undefined;
      const result = stdin.readLine(signals, () => requestLine(prompt));
      if (result.kind === 'line') return result.text;
      return result.kind === 'eof' ? undefined : false;
    },
    sleep(milliseconds: number): boolean {
      flushOutput();
      if (signals === null) return false;
      return signals.sleep(milliseconds);
    },
    take_signal(): number {
      return signals?.take() ?? 0;
    },
  };
}
