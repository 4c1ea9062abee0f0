import type { SharedCellBuffers } from '../src/wire/protocol';
import { OutputCredit, SignalCell, StdinMailbox } from '../src/wire/shared-memory';
import { NO_SIGNALS, STDOUT_SIGNALS } from './interpreter-tick';
import { countChars, OUTPUT_IN_FLIGHT_LIMIT, type ProgramHost, type ProgramHostWiring } from './program-host';

/**
 * The `shared-memory` host (cross-origin isolated pages): input and sleep block in `Atomics.wait` on
 * cells the page shares with this worker, Stop writes the signal cell the tick reads, and output waits
 * while the page has too much of it unhandled.
 */
export function createSharedMemoryHost(shared: SharedCellBuffers, wiring: ProgramHostWiring): ProgramHost {
  const signals = new SignalCell(shared.signals);
  const stdin = new StdinMailbox(shared.stdin);
  const credit = new OutputCredit(shared.outputCredit);
  return {
    promising: false,
    signals,
    functions: {
      can_wait: true,
      asynchronous: false,
      yield_signal: 0,
      stdout_line_signal: STDOUT_SIGNALS.line,
      stdout_block_signal: STDOUT_SIGNALS.block,
      read_line(prompt: string): string | undefined | false {
        const result = stdin.readLine(signals, () => wiring.requestLine(prompt));
        if (result.kind === 'line') return result.text;
        return result.kind === 'eof' ? undefined : false;
      },
      wait_event(timeoutMs: number): string | undefined | false {
        const result = stdin.readLine(signals, () => wiring.requestEvent(timeoutMs));
        if (result.kind === 'line') return result.text;
        return result.kind === 'eof' ? undefined : false;
      },
      sleep(milliseconds: number): boolean {
        wiring.flushOutput();
        return signals.sleep(milliseconds);
      },
      take_signal: () => signals.take(),
      yield_now: () => undefined,
      resumed() {},
      // A cell the main thread reads at once: messages queued behind a flood's output would come late.
      interrupt_received: () => signals.markInterruptReceived(),
    },
    send(chunks) {
      wiring.post(chunks);
      credit.spend(countChars(chunks));
      credit.waitBelow(OUTPUT_IN_FLIGHT_LIMIT, signals);
    },
    setRunning() {},
    settle: () => Promise.resolve(),
  };
}

/**
 * The `none` host: nothing reaches a running program. Input is never asked for interactively (the page
 * plans for that), `time.sleep` stays Pyodide's own, Stop can only kill the worker.
 */
export function createUnreachableHost(wiring: ProgramHostWiring): ProgramHost {
  return {
    promising: false,
    signals: NO_SIGNALS,
    functions: {
      can_wait: false,
      asynchronous: false,
      yield_signal: 0,
      stdout_line_signal: STDOUT_SIGNALS.line,
      stdout_block_signal: STDOUT_SIGNALS.block,
      read_line: () => undefined,
      wait_event: () => undefined,
      sleep: () => false,
      take_signal: () => 0,
      yield_now: () => undefined,
      resumed() {},
      interrupt_received() {},
    },
    send: (chunks) => wiring.post(chunks),
    setRunning() {},
    settle: () => Promise.resolve(),
  };
}
