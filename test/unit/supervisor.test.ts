import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunRequest, WireChunk } from '../../src/wire/protocol';
import { SignalCell, StdinMailbox } from '../../src/wire/shared-memory';
import { InterpreterDied, InterpreterProcess } from '../../src/runtime/interpreter-process';
import { LEARNER_POLICY } from '../../src/runtime/policy';
import { InterpreterPool, type InterpreterPoolOptions } from '../../src/runtime/interpreter-pool';
import {
  InterpreterSupervisor,
  type SupervisedRun,
  type SupervisorOptions,
  type SupervisorState,
} from '../../src/runtime/supervisor';
import {
  BOOT_REPORT,
  bytesOf,
  FAKE_SNAPSHOT,
  fakeSnapshotBlob,
  fakeWorkerFactory,
  never,
  type FakeWorker,
} from './support/fake-worker';

const program = (overrides: Partial<SupervisedRun> = {}): SupervisedRun => ({
  request: {
    code: 'print(1)',
    filename: 'main.py',
    policy: LEARNER_POLICY,
    stdin: { lines: [], whenExhausted: 'eof' },
    events: false,
  },
  deadlineMs: 5_000,
  onOutput: () => {},
  ...overrides,
});

type TestOptions = Omit<SupervisorOptions, 'pool'> &
  Pick<InterpreterPoolOptions, 'createWorker'> &
  Partial<
    Pick<InterpreterPoolOptions, 'interaction' | 'retryDelayMs' | 'snapshotStore' | 'bootsBesideRuns'>
  > & {
    warmInterpreters?: number;
  };

const pools = new Map<InterpreterSupervisor, InterpreterPool>();
/** A supervisor on a pool of its own, as createSandbox makes one. */
function supervise({
  createWorker,
  interaction,
  retryDelayMs,
  warmInterpreters,
  snapshotStore,
  bootsBesideRuns,
  ...options
}: TestOptions) {
  const pool = new InterpreterPool({
    createWorker,
    memoryLimitBytes: 64 << 20,
    interaction: interaction ?? 'none',
    warm: warmInterpreters,
    retryDelayMs,
    snapshotStore,
    bootsBesideRuns,
  });
  const supervisor = new InterpreterSupervisor({ pool, ...options });
  pools.set(supervisor, pool);
  return supervisor;
}

afterEach(() => {
  for (const [supervisor, pool] of pools) {
    supervisor.dispose();
    pool.dispose();
  }
  pools.clear();
});

/** Resolves when the fake sees `condition` true, polling (the fake shares the test's thread). */
function poll(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (condition()) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
}

function sharedCellsOf(worker: FakeWorker) {
  const channel = worker.bootOptions?.channel;
  return channel?.mode === 'shared-memory' ? channel.shared : undefined;
}

function signalsOf(worker: FakeWorker): SignalCell {
  const shared = sharedCellsOf(worker);
  if (!shared) throw new Error('the fake worker got no shared memory');
  return new SignalCell(shared.signals);
}

describe('InterpreterSupervisor', () => {
  it('boots, runs and reports, with state transitions loading → ready → running → ready', async () => {
    const states: SupervisorState[] = [];
    const factory = fakeWorkerFactory();
    const supervisor = supervise({
      createWorker: factory.create,
      warmInterpreters: 2,
      onStateChange: (state) => states.push(state),
    });
    expect(supervisor.state).toBe('loading');
    await supervisor.whenReady();
    // The first interpreter made the snapshot; the warm spare boots from it right after.
    await poll(() => factory.workers.length === 2 && factory.workers[1]?.bootOptions !== null);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const end = await supervisor.run(program());
    expect(end).toEqual({ kind: 'reported', report: { runId: 1, outcome: { kind: 'completed' } } });
    // The spare took over at once: no 'loading' between runs.
    expect(states).toEqual(['ready', 'running', 'ready']);
  });

  it('gives every run a fresh interpreter and kills it afterwards', async () => {
    const factory = fakeWorkerFactory();
    const supervisor = supervise({ createWorker: factory.create });
    await supervisor.run(program());
    await supervisor.run(program());
    await supervisor.run(program());
    const used = factory.workers.filter((worker) => worker.terminated);
    expect(used).toHaveLength(3);
    await supervisor.whenReady();
    // Never more than one warm spare plus the running one.
    expect(supervisor.interpreterCount).toBe(1);
  });

  it('boots the first interpreter with a snapshot and the rest from it', async () => {
    const factory = fakeWorkerFactory();
    const supervisor = supervise({ createWorker: factory.create });
    await supervisor.run(program());
    await supervisor.run(program());
    await supervisor.whenReady();
    // A refill may have created a worker whose boot call is still on its way.
    await poll(() => factory.workers.every((worker) => worker.bootOptions !== null));
    const modes = factory.workers.map((worker) => worker.bootOptions?.snapshot.mode);
    expect(modes[0]).toBe('make');
    expect(modes.slice(1).every((mode) => mode === 'load')).toBe(true);
    // Each worker gets a Blob, which no one can alter: every worker reads its own copy out of it.
    for (const worker of factory.workers.slice(1)) {
      const snapshot = worker.bootOptions?.snapshot;
      expect(snapshot?.mode === 'load' ? snapshot.snapshot : null).toBeInstanceOf(Blob);
      expect(await bytesOf(snapshot?.mode === 'load' ? snapshot.snapshot : null)).toEqual(FAKE_SNAPSHOT);
    }
  });

  it("after a first interpreter from the build's snapshot, starts the spare from scratch, then copies the snapshot", async () => {
    // The build's snapshot spares the first interpreter Python's start-up; one interpreter still runs it,
    // in the background, because that is what gets V8 to optimise the code every worker of the page runs.
    const factory = fakeWorkerFactory((index) =>
      index === 0
        ? { boot: async () => ({ ...BOOT_REPORT, fromSnapshot: true, snapshot: fakeSnapshotBlob() }) }
        : {},
    );
    const supervisor = supervise({ createWorker: factory.create, warmInterpreters: 2 });
    await supervisor.whenReady();
    await poll(() => factory.workers.length >= 2);
    await supervisor.run(program());
    await supervisor.run(program());
    await supervisor.whenReady();
    // A refill may have created a worker whose boot call is still on its way.
    await poll(() => factory.workers.every((worker) => worker.bootOptions !== null));
    const modes = factory.workers.map((worker) => worker.bootOptions?.snapshot.mode);
    expect(modes.slice(0, 2)).toEqual(['make', 'none']);
    expect(modes.length).toBeGreaterThan(2);
    expect(modes.slice(2).every((mode) => mode === 'load')).toBe(true);
  });

  it('while a spare is still warm, boots the replacement only when the run ends', async () => {
    let finishRun = () => {};
    const factory = fakeWorkerFactory({
      run: (request, events) =>
        new Promise((resolve) => {
          finishRun = () => {
            events.postMessage({ type: 'run-flushed', runId: request.runId });
            resolve({ runId: request.runId, outcome: { kind: 'completed' } });
          };
        }),
    });
    const supervisor = supervise({ createWorker: factory.create, warmInterpreters: 2 });
    await supervisor.whenReady();
    await poll(() => factory.workers.filter((worker) => worker.bootOptions !== null).length === 2);
    const run = supervisor.run(program());
    await poll(() => supervisor.state === 'running');
    // Long enough for a refill scheduled at the start of the run to have created its worker.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(factory.workers).toHaveLength(2);
    finishRun();
    await run;
    await poll(() => factory.workers.length === 3);
  });

  it('with no boots allowed beside runs, stops a booting spare when a run starts and boots again when it ends', async () => {
    let finishRun = () => {};
    // The first interpreter boots; the second never finishes booting while the test looks.
    const factory = fakeWorkerFactory((index) => ({
      ...(index === 1 ? { boot: () => never() } : {}),
      run: (request, events) =>
        new Promise((resolve) => {
          finishRun = () => {
            events.postMessage({ type: 'run-flushed', runId: request.runId });
            resolve({ runId: request.runId, outcome: { kind: 'completed' } });
          };
        }),
    }));
    const supervisor = supervise({ createWorker: factory.create, warmInterpreters: 2, bootsBesideRuns: 0 });
    await supervisor.whenReady();
    await poll(() => factory.workers[1]?.bootOptions !== null && factory.workers.length === 2);
    const run = supervisor.run(program());
    await poll(() => supervisor.state === 'running');
    expect(factory.workers[1]?.terminated).toBe(true);
    // Long enough for a refill scheduled at the start of the run to have created its worker: none is.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(factory.workers).toHaveLength(2);
    finishRun();
    await run;
    await poll(() => factory.workers.length === 4);
  });

  it("keeps the first interpreter's snapshot for the next visit, whose first interpreter boots from it", async () => {
    const saved: Blob[] = [];
    const store = {
      load: async () => saved.at(-1) ?? null,
      save: async (snapshot: Blob) => void saved.push(snapshot),
    };
    const first = fakeWorkerFactory();
    const visit = supervise({ createWorker: first.create, snapshotStore: store });
    await visit.whenReady();
    await poll(() => saved.length === 1);
    expect(await bytesOf(saved[0])).toEqual(FAKE_SNAPSHOT);
    expect(first.workers[0]?.bootOptions?.snapshot.mode).toBe('make');

    const second = fakeWorkerFactory();
    const nextVisit = supervise({ createWorker: second.create, snapshotStore: store });
    await nextVisit.run(program());
    await nextVisit.whenReady();
    await poll(() => second.workers.every((worker) => worker.bootOptions !== null));
    // No interpreter of the second visit makes one: they all load the kept snapshot.
    expect(
      second.workers.map((worker) => worker.bootOptions?.snapshot.mode).every((mode) => mode === 'load'),
    ).toBe(true);
    const kept = second.workers[0]?.bootOptions?.snapshot;
    expect(await bytesOf(kept?.mode === 'load' ? kept.snapshot : null)).toEqual(FAKE_SNAPSHOT);
    expect(saved).toHaveLength(1);
  });

  it('makes a new snapshot, without backing off, when the kept one does not boot', async () => {
    const failures: string[] = [];
    const store = { load: async () => new Blob([new Uint8Array(16)]), save: vi.fn(async () => {}) };
    const factory = fakeWorkerFactory((index) =>
      index === 0 ? { boot: async () => Promise.reject(new Error('not a snapshot')) } : {},
    );
    const supervisor = supervise({
      createWorker: factory.create,
      snapshotStore: store,
      onBootFailure: (reason) => failures.push(reason),
    });
    await supervisor.whenReady();
    expect(factory.workers[1]?.bootOptions?.snapshot.mode).toBe('make');
    expect(failures).toEqual([]);
    await poll(() => store.save.mock.calls.length === 1);
  });

  it('falls back to booting from scratch when the snapshot cannot be loaded', async () => {
    const failures: string[] = [];
    const factory = fakeWorkerFactory((index) =>
      index === 1 ? { boot: async () => Promise.reject(new Error('Snapshot build id mismatch')) } : {},
    );
    const supervisor = supervise({
      createWorker: factory.create,
      retryDelayMs: 1,
      onBootFailure: (reason) => failures.push(reason),
    });
    await supervisor.run(program());
    await supervisor.whenReady();
    expect(failures[0]).toContain('Snapshot build id mismatch');
    expect(factory.workers.at(-1)?.bootOptions?.snapshot.mode).toBe('none');
  });

  it('delivers output in order and resolves only after the worker says the output is complete', async () => {
    const factory = fakeWorkerFactory({
      run: async (request, events) => {
        events.postMessage({
          type: 'output',
          runId: request.runId,
          chunks: [{ stream: 'stdout', text: 'a\n' }],
        });
        events.postMessage({
          type: 'output',
          runId: request.runId,
          chunks: [{ stream: 'stderr', text: 'b\n' }],
        });
        // The report overtakes the last batch on purpose: the supervisor must still wait for it.
        setTimeout(() => {
          events.postMessage({
            type: 'output',
            runId: request.runId,
            chunks: [{ stream: 'stdout', text: 'c\n' }],
          });
          events.postMessage({ type: 'run-flushed', runId: request.runId });
        }, 20);
        return { runId: request.runId, outcome: { kind: 'completed' } };
      },
    });
    const supervisor = supervise({ createWorker: factory.create });
    const seen: WireChunk[] = [];
    await supervisor.run(program({ onOutput: (chunks) => seen.push(...chunks) }));
    expect(seen.map((chunk) => chunk.text)).toEqual(['a\n', 'b\n', 'c\n']);
  });

  it('on a deadline terminates the worker, reports timeout, and is ready at once thanks to the warm spare', async () => {
    const factory = fakeWorkerFactory((index) => (index === 0 ? { run: () => never() } : {}));
    const supervisor = supervise({ createWorker: factory.create });
    await supervisor.whenReady();
    const running = supervisor.run(program({ deadlineMs: 100 }));
    // Let the spare boot while the program runs.
    await poll(() => factory.workers[1]?.bootOptions !== null && factory.workers.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await running).toEqual({ kind: 'timeout' });
    expect(factory.workers[0]?.terminated).toBe(true);
    expect(supervisor.state).toBe('ready');
    expect((await supervisor.run(program())).kind).toBe('reported');
  });

  it('without shared memory, stop() kills the program at once', async () => {
    const factory = fakeWorkerFactory((index) => (index === 0 ? { run: () => never() } : {}));
    const supervisor = supervise({ createWorker: factory.create });
    await supervisor.whenReady();
    const running = supervisor.run(program());
    await vi.waitFor(() => expect(supervisor.state).toBe('running'));
    supervisor.stop();
    expect(await running).toEqual({ kind: 'stopped' });
    expect(factory.workers[0]?.terminated).toBe(true);
  });

  it('with shared memory, stop() interrupts first and lets the program end by itself', async () => {
    const factory = fakeWorkerFactory({
      run: async (request, events, worker) => {
        const signals = signalsOf(worker);
        await poll(() => signals.pending());
        signals.take();
        events.postMessage({
          type: 'output',
          runId: request.runId,
          chunks: [{ stream: 'stdout', text: 'finally ran\n' }],
        });
        events.postMessage({ type: 'run-flushed', runId: request.runId });
        const error = {
          type: 'KeyboardInterrupt',
          message: '',
          line: 1,
          column: null,
          endColumn: null,
          traceback: '',
          explanation: null,
        };
        return { runId: request.runId, outcome: { kind: 'raised', error } };
      },
    });
    const supervisor = supervise({
      createWorker: factory.create,
      interaction: 'shared-memory',
      stopGraceMs: 5_000,
    });
    await supervisor.whenReady();
    const seen: string[] = [];
    const running = supervisor.run(
      program({ onOutput: (chunks) => seen.push(...chunks.map((chunk) => chunk.text)) }),
    );
    await vi.waitFor(() => expect(supervisor.state).toBe('running'));
    supervisor.stop();
    const end = await running;
    expect(end.kind).toBe('reported');
    expect(seen).toEqual(['finally ran\n']);
  });

  it('with shared memory, a program that says it received the interrupt gets the cleanup grace, and no more', async () => {
    const factory = fakeWorkerFactory((index) =>
      index === 0
        ? {
            run: async (_request, _events, worker) => {
              const signals = signalsOf(worker);
              await poll(() => signals.pending());
              signals.markInterruptReceived();
              return never(); // its finally block never ends
            },
          }
        : {},
    );
    const supervisor = supervise({
      createWorker: factory.create,
      interaction: 'shared-memory',
      stopGraceMs: 50,
      cleanupGraceMs: 200,
    });
    await supervisor.whenReady();
    const running = supervisor.run(program());
    await vi.waitFor(() => expect(supervisor.state).toBe('running'));
    const stoppedAt = performance.now();
    supervisor.stop();
    expect(await running).toEqual({ kind: 'stopped' });
    const took = performance.now() - stoppedAt;
    expect(took).toBeGreaterThanOrEqual(240);
    expect(took).toBeLessThan(2_000);
    expect(factory.workers[0]?.terminated).toBe(true);
  });

  it('with shared memory, a program that ignores the interrupt is killed after the grace period', async () => {
    const factory = fakeWorkerFactory((index) => (index === 0 ? { run: () => never() } : {}));
    const supervisor = supervise({
      createWorker: factory.create,
      interaction: 'shared-memory',
      stopGraceMs: 50,
    });
    await supervisor.whenReady();
    const running = supervisor.run(program());
    await vi.waitFor(() => expect(supervisor.state).toBe('running'));
    const stoppedAt = performance.now();
    supervisor.stop();
    expect(await running).toEqual({ kind: 'stopped' });
    expect(performance.now() - stoppedAt).toBeGreaterThanOrEqual(45);
    expect(signalsOf(factory.workers[0] as FakeWorker).pending()).toBe(true);
    expect(factory.workers[0]?.terminated).toBe(true);
  });

  it('ends a run at the hard cap whatever its waits: a worker that keeps saying it waits for input', async () => {
    const factory = fakeWorkerFactory({
      run: async (request, events) => {
        // A forged wait: asks for input and never reads the answer, computing on.
        events.postMessage({ type: 'input-request', runId: request.runId, prompt: '' });
        return never();
      },
    });
    const supervisor = supervise({
      createWorker: factory.create,
      interaction: 'shared-memory',
      hardCapMs: 300,
    });
    const started = performance.now();
    const end = await supervisor.run(program({ deadlineMs: 50, onInputRequest: () => {} }));
    expect(end).toEqual({ kind: 'timeout', hardCap: true });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(factory.workers[0]?.terminated).toBe(true);
  });

  it("turtle's event waits pause the time limit, and each answer gives the program the whole limit again", async () => {
    const factory = fakeWorkerFactory({
      run: async (request, events, worker) => {
        const shared = sharedCellsOf(worker);
        if (!shared) throw new Error('no shared memory');
        const mailbox = new StdinMailbox(shared.stdin);
        const answers: unknown[] = [];
        for (let wait = 0; wait < 3; wait++) {
          events.postMessage({ type: 'event-wait', runId: request.runId, timeoutMs: -1 });
          let line: ReturnType<StdinMailbox['take']> = null;
          await poll(() => (line = mailbox.take()) !== null);
          answers.push(line);
          // A handler that takes most of the limit each time: 3 of them are more than the limit.
          await new Promise((resolve) => setTimeout(resolve, 60));
        }
        events.postMessage({
          type: 'output',
          runId: request.runId,
          chunks: [{ stream: 'stdout', text: JSON.stringify(answers) }],
        });
        events.postMessage({ type: 'run-flushed', runId: request.runId });
        return { runId: request.runId, outcome: { kind: 'completed' } };
      },
    });
    const supervisor = supervise({ createWorker: factory.create, interaction: 'shared-memory' });
    const seen: string[] = [];
    const end = await supervisor.run(
      program({
        deadlineMs: 100,
        onEventWait: () =>
          setTimeout(() => supervisor.provideEvent('{"type":"key","key":"Up","down":true}'), 120),
        onOutput: (chunks) => seen.push(...chunks.map((chunk) => chunk.text)),
      }),
    );
    expect(end.kind).toBe('reported');
    expect(seen[0]).toContain('Up');
  });

  it('a worker that asks for timed event waits and computes on gains only the waits the page sat through', async () => {
    // A forged wait: a program with a JavaScript handle posts event-waits of 10 ms and never waits itself.
    // Each answer is the page's own timer ('' after the timeout), which renews nothing.
    const factory = fakeWorkerFactory({
      run: async (request, events) => {
        for (;;) {
          events.postMessage({ type: 'event-wait', runId: request.runId, timeoutMs: 10 });
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      },
    });
    const supervisor = supervise({ createWorker: factory.create, interaction: 'shared-memory' });
    const started = performance.now();
    let waitedMs = 0;
    const end = await supervisor.run(
      program({
        deadlineMs: 100,
        onEventWait: (timeoutMs) => {
          const asked = performance.now();
          setTimeout(() => {
            waitedMs += performance.now() - asked;
            supervisor.provideEvent('');
          }, timeoutMs);
        },
      }),
    );
    const elapsed = performance.now() - started;
    expect(end).toEqual({ kind: 'timeout' });
    // Its limit plus the waits the page observed (and a little for timers firing late), never more.
    expect(elapsed).toBeLessThanOrEqual(100 + waitedMs + 50);
    expect(factory.workers[0]?.terminated).toBe(true);
  });

  it('a forged "interrupt received" earns a program that ignores Stop only the cleanup grace', async () => {
    const factory = fakeWorkerFactory({
      run: async (request, events) => {
        for (;;) {
          events.postMessage({ type: 'interrupt-received', runId: request.runId });
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      },
    });
    const supervisor = supervise({
      createWorker: factory.create,
      interaction: 'jspi',
      stopGraceMs: 30,
      cleanupGraceMs: 60,
    });
    const running = supervisor.run(program({ deadlineMs: 10_000 }));
    await vi.waitFor(() => expect(supervisor.state).toBe('running'));
    const stoppedAt = performance.now();
    supervisor.stop();
    expect(await running).toEqual({ kind: 'stopped' });
    expect(performance.now() - stoppedAt).toBeLessThan(30 + 60 + 50);
    expect(factory.workers[0]?.terminated).toBe(true);
  });

  it('asks for input, pauses the time limit while waiting, and delivers the answer', async () => {
    const factory = fakeWorkerFactory({
      run: async (request, events, worker) => {
        const shared = sharedCellsOf(worker);
        if (!shared) throw new Error('no shared memory');
        const mailbox = new StdinMailbox(shared.stdin);
        events.postMessage({ type: 'input-request', runId: request.runId, prompt: 'Name? ' });
        let line: ReturnType<StdinMailbox['take']> = null;
        await poll(() => (line = mailbox.take()) !== null);
        const text = line && (line as { kind: string; text?: string }).text;
        events.postMessage({
          type: 'output',
          runId: request.runId,
          chunks: [{ stream: 'stdout', text: `hi ${text}` }],
        });
        events.postMessage({ type: 'run-flushed', runId: request.runId });
        return { runId: request.runId, outcome: { kind: 'completed' } };
      },
    });
    const supervisor = supervise({ createWorker: factory.create, interaction: 'shared-memory' });
    const prompts: string[] = [];
    const seen: string[] = [];
    const running = supervisor.run(
      program({
        deadlineMs: 60,
        onInputRequest: (prompt) => {
          prompts.push(prompt);
          // The learner takes longer than the whole time limit to answer.
          setTimeout(() => supervisor.provideInput('Ada'), 150);
        },
        onOutput: (chunks) => seen.push(...chunks.map((chunk) => chunk.text)),
      }),
    );
    expect((await running).kind).toBe('reported');
    expect(prompts).toEqual(['Name? ']);
    expect(seen).toEqual(['hi Ada']);
  });

  it('a worker that dies mid-run ends the run as crashed and is replaced', async () => {
    const factory = fakeWorkerFactory((index) =>
      index === 0
        ? {
            run: (_request, _events, worker) => {
              setTimeout(() => worker.crash('out of memory'), 10);
              return never();
            },
          }
        : {},
    );
    const supervisor = supervise({ createWorker: factory.create });
    const end = await supervisor.run(program());
    expect(end.kind).toBe('crashed');
    expect(end.kind === 'crashed' && end.reason).toContain('out of memory');
    await supervisor.whenReady();
  });

  it('treats an invalid event as a crash', async () => {
    const factory = fakeWorkerFactory((index) =>
      index === 0
        ? {
            run: (request, events) => {
              events.postMessage({
                type: 'output',
                runId: request.runId,
                chunks: [{ stream: 'evil', text: '<b>' }],
              });
              return never();
            },
          }
        : {},
    );
    const supervisor = supervise({ createWorker: factory.create });
    const end = await supervisor.run(program());
    expect(end.kind).toBe('crashed');
    expect(end.kind === 'crashed' && end.reason).toContain('invalid message');
    expect(factory.workers[0]?.terminated).toBe(true);
  });

  it('treats a report for another run as a crash', async () => {
    const factory = fakeWorkerFactory({
      run: async (request) => ({ runId: request.runId + 7, outcome: { kind: 'completed' } }),
    });
    const supervisor = supervise({ createWorker: factory.create });
    expect((await supervisor.run(program())).kind).toBe('crashed');
  });

  it('drops output that belongs to an earlier run', async () => {
    const factory = fakeWorkerFactory({
      run: async (request, events) => {
        events.postMessage({
          type: 'output',
          runId: request.runId - 1,
          chunks: [{ stream: 'stdout', text: 'stale' }],
        });
        events.postMessage({
          type: 'output',
          runId: request.runId,
          chunks: [{ stream: 'stdout', text: 'fresh' }],
        });
        events.postMessage({ type: 'run-flushed', runId: request.runId });
        return { runId: request.runId, outcome: { kind: 'completed' } };
      },
    });
    const supervisor = supervise({ createWorker: factory.create });
    const seen: string[] = [];
    await supervisor.run(program({ onOutput: (chunks) => seen.push(...chunks.map((chunk) => chunk.text)) }));
    expect(seen).toEqual(['fresh']);
  });

  it('refuses a second run while one is in progress', async () => {
    const factory = fakeWorkerFactory({ run: () => never() });
    const supervisor = supervise({ createWorker: factory.create });
    await supervisor.whenReady();
    void supervisor.run(program());
    await expect(supervisor.run(program())).rejects.toThrow(/already running/);
  });

  it('retries a worker that fails to boot, after a pause, and reports each failure', async () => {
    const failures: number[] = [];
    const factory = fakeWorkerFactory((index) =>
      index < 2 ? { boot: async () => Promise.reject(new Error('pyodide.asm.wasm: 404')) } : {},
    );
    const supervisor = supervise({
      createWorker: factory.create,
      retryDelayMs: 10,
      onBootFailure: (_reason, attempt) => failures.push(attempt),
    });
    await supervisor.whenReady();
    expect(failures).toEqual([1, 2]);
    expect(factory.workers).toHaveLength(3);
    expect(factory.workers[0]?.terminated).toBe(true);
  });

  it('dispose() rejects anyone still waiting; disposing of its pool terminates every worker', async () => {
    const factory = fakeWorkerFactory({ boot: () => never() });
    const supervisor = supervise({ createWorker: factory.create });
    const waiting = supervisor.whenReady();
    supervisor.dispose();
    await expect(waiting).rejects.toThrow(/disposed/);
    pools.get(supervisor)?.dispose();
    expect(factory.workers.every((worker) => worker.terminated)).toBe(true);
  });
});

describe('InterpreterProcess', () => {
  const request: RunRequest = {
    runId: 1,
    code: '',
    filename: 'main.py',
    policy: LEARNER_POLICY,
    stdin: { lines: [], whenExhausted: 'eof' },
    events: false,
  };
  const spawn = (
    factory: ReturnType<typeof fakeWorkerFactory>,
    onDeath: (reason: string) => void = () => {},
  ) =>
    new InterpreterProcess({
      createWorker: factory.create,
      memoryLimitBytes: 64 << 20,
      interaction: 'none',
      snapshot: { mode: 'none' },
      onEvent: () => {},
      onDeath,
    });

  it('rejects every pending call when the worker is killed', async () => {
    const factory = fakeWorkerFactory({ run: () => never() });
    const process = spawn(factory);
    await expect(process.bootPromise).resolves.toEqual(BOOT_REPORT);
    const pending = [process.run(request), process.run({ ...request, runId: 2 })];
    process.kill('time limit');
    for (const call of pending) await expect(call).rejects.toBeInstanceOf(InterpreterDied);
    await expect(process.run(request)).rejects.toThrow(/time limit/);
  });

  it('rejects a pending boot when the worker fails to start, and reports the death', async () => {
    const deaths: string[] = [];
    const factory = fakeWorkerFactory({ boot: () => never() });
    const process = spawn(factory, (reason) => deaths.push(reason));
    factory.workers[0]?.crash('SyntaxError in worker script');
    await expect(process.bootPromise).rejects.toBeInstanceOf(InterpreterDied);
    expect(deaths).toEqual(['the worker failed: SyntaxError in worker script']);
    expect(process.alive).toBe(false);
  });

  it('rejects a malformed boot report', async () => {
    const factory = fakeWorkerFactory({ boot: async () => ({ pythonVersion: 3 }) as never });
    await expect(spawn(factory).bootPromise).rejects.toThrow(/invalid message/);
  });
});

describe('hostile workers', () => {
  it('a worker that floods the page with messages is treated as crashed and replaced', async () => {
    const factory = fakeWorkerFactory((index) =>
      index === 0
        ? {
            run: (request, events) => {
              for (let i = 0; i < 6000; i++) {
                events.postMessage({
                  type: 'output',
                  runId: request.runId,
                  chunks: [{ stream: 'stdout', text: 'x' }],
                });
              }
              return never();
            },
          }
        : {},
    );
    const supervisor = supervise({ createWorker: factory.create });
    const end = await supervisor.run(program());
    expect(end.kind).toBe('crashed');
    expect(end.kind === 'crashed' && end.reason).toContain('flooded');
    expect(factory.workers[0]?.terminated).toBe(true);
    await supervisor.whenReady();
  });

  it('unsolicited messages on the worker’s own channel count against it too', async () => {
    const factory = fakeWorkerFactory((index) =>
      index === 0
        ? {
            run: (_request, _events, worker) => {
              // Garbage shaped like Comlink replies, straight on the worker channel.
              for (let i = 0; i < 6000; i++) worker.emitRaw({ id: `fake-${i}`, type: 'RAW', value: 'x' });
              return never();
            },
          }
        : {},
    );
    const supervisor = supervise({ createWorker: factory.create });
    const end = await supervisor.run(program());
    expect(end.kind).toBe('crashed');
  });
});
