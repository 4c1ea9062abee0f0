/**
 * The worker lockdown, checked on the real interpreter workers of the running app: once booted (and
 * before any program runs), their global scope holds nothing but the allowlist of worker/lockdown.ts.
 *
 * Because the lockdown is an allowlist, an API that a future browser adds is deleted without anyone
 * listing it. This test enumerates everything reachable on the global object, its prototypes and
 * `navigator`, so anything that survives (a property that can't be deleted, say) fails here.
 */
import type { Worker } from '@playwright/test';
import { KEPT_GLOBALS, KEPT_NAVIGATOR, MUST_BE_GONE } from '../../worker/lockdown.ts';
import { expect, test, type ScratchPadPage } from '../e2e/support/scratch-pad.ts';

interface Inventory {
  readonly globals: string[];
  readonly navigator: string[];
  readonly gone: Record<string, string>;
}

function inventory(worker: Worker, mustBeGone: readonly string[]): Promise<Inventory> {
  return worker.evaluate((names) => {
    const collect = (target: object): string[] => {
      const found = new Set<string>();
      for (
        let holder: object | null = target;
        holder !== null && holder !== Object.prototype;
        holder = Object.getPrototypeOf(holder)
      ) {
        for (const name of Object.getOwnPropertyNames(holder)) found.add(name);
      }
      return [...found].sort();
    };
    const scope = globalThis as unknown as Record<string, unknown>;
    return {
      globals: collect(globalThis),
      navigator: collect(navigator),
      gone: Object.fromEntries(names.map((name) => [name, typeof scope[name]])),
    };
  }, mustBeGone);
}

/** The inventories of the page's live interpreter workers (a worker just killed may still be listed). */
async function interpreterInventories(pad: ScratchPadPage): Promise<Inventory[]> {
  await pad.waitForWarmSpares();
  const inventories: Inventory[] = [];
  for (const worker of pad.page.workers().filter((candidate) => candidate.url().includes('sandbox.worker'))) {
    try {
      inventories.push(await inventory(worker, MUST_BE_GONE));
    } catch (error) {
      if (!String(error).includes('closed')) throw error;
    }
  }
  expect(inventories.length).toBeGreaterThanOrEqual(2);
  return inventories;
}

test('booted interpreter workers keep only the allowlisted globals, before any program runs', async ({
  pad,
}) => {
  await pad.open();
  for (const found of await interpreterInventories(pad)) {
    expect(
      found.globals.filter((name) => !KEPT_GLOBALS.has(name)),
      'globals that survived the lockdown',
    ).toEqual([]);
    expect(
      found.navigator.filter((name) => !KEPT_NAVIGATOR.has(name)),
      'navigator members that survived',
    ).toEqual([]);
    for (const [name, type] of Object.entries(found.gone)) expect(type, name).toBe('undefined');
  }
});

test('the lockdown holds after programs have run in other workers, and in the workers that replaced them', async ({
  pad,
}) => {
  await pad.open({ code: 'print("one")' });
  expect(await pad.run()).toBe('ok');
  await pad.setCode('while True:\n    pass');
  await pad.page.getByTestId('timeout').fill('1');
  expect(await pad.run()).toBe('timeout');
  for (const found of await interpreterInventories(pad)) {
    expect(found.globals.filter((name) => !KEPT_GLOBALS.has(name))).toEqual([]);
    expect(found.gone.fetch).toBe('undefined');
  }
});
