import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, createSharedInterpreters, type Sandbox } from '../../src/runtime/sandbox';
import type { InterpreterPool } from '../../src/runtime/interpreter-pool';
import { fakeWorkerFactory, never } from './support/fake-worker';

const owned: { sandboxes: Sandbox[]; pools: InterpreterPool[] } = { sandboxes: [], pools: [] };
afterEach(() => {
  for (const sandbox of owned.sandboxes.splice(0)) sandbox.dispose();
  for (const pool of owned.pools.splice(0)) pool.dispose();
});

function page(behaviour: Parameters<typeof fakeWorkerFactory>[0], maxLive = 3) {
  const factory = fakeWorkerFactory(behaviour);
  const pool = createSharedInterpreters({
    createWorker: factory.create,
    interaction: 'none',
    warm: 1,
    maxLive,
  });
  owned.pools.push(pool);
  const sandbox = () => {
    const created = createSandbox({ pool, timeoutMs: 200 });
    owned.sandboxes.push(created);
    return created;
  };
  return { factory, pool, sandbox };
}

describe('sandboxes sharing interpreters (the widgets of one page)', () => {
  it('run side by side, each in a fresh interpreter, never more alive than the cap', async () => {
    const { factory, pool, sandbox } = page({}, 3);
    const widgets = Array.from({ length: 6 }, sandbox);
    await Promise.all(widgets.map((widget) => widget.whenReady()));
    let mostAlive = 0;
    const unsubscribe = pool.subscribe(() => (mostAlive = Math.max(mostAlive, pool.liveCount)));
    const results = await Promise.all(widgets.map((widget, index) => widget.run(`print(${index})`)));
    unsubscribe();
    expect(results.map((result) => result.status)).toEqual(Array(6).fill('ok'));
    expect(mostAlive).toBeLessThanOrEqual(3);
    // Every run had an interpreter of its own: one per run, plus the first (snapshot maker) and a warm one.
    const ran = factory.workers.filter((worker) => worker.terminated).length;
    expect(ran).toBeGreaterThanOrEqual(6);
  });

  it("a runaway in one sandbox times out without disturbing another's run", async () => {
    const { sandbox } = page((index) => (index === 1 ? { run: () => never() } : {}));
    const first = sandbox();
    const second = sandbox();
    await Promise.all([first.whenReady(), second.whenReady()]);
    const [looping, fine] = await Promise.all([first.run('while True: pass'), second.run('print(1)')]);
    expect(new Set([looping.status, fine.status])).toEqual(new Set(['timeout', 'ok']));
    expect((await second.run('print(2)')).status).toBe('ok');
  });

  it('refuses interpreter options given both to the shared pool and to a sandbox on it', () => {
    const { pool } = page({});
    expect(() => createSandbox({ pool, memoryLimitBytes: 1 << 20, warmInterpreters: 2 })).toThrow(
      /\[sandpit\] createSandbox\(\{ pool \}\) was also given warmInterpreters, memoryLimitBytes, .*createSharedInterpreters\(\)/,
    );
  });

  it('disposing of one sandbox leaves the pool and the others working', async () => {
    const { pool, sandbox } = page({});
    const first = sandbox();
    const second = sandbox();
    await first.whenReady();
    first.dispose();
    expect((await second.run('print(1)')).status).toBe('ok');
    await second.whenReady(); // the pool refills after the run
    expect(pool.warmCount).toBeGreaterThan(0);
  });
});
