import type { Browser, Page } from '@playwright/test';
import {
  allowPageFunctions,
  measureMemory,
  milestones,
  RAW,
  recordMilestones,
  runUntilOutput,
  SANDPIT,
  setCode,
  waitUntilIdle,
  type PageContract,
} from './page-probes.ts';

/** Where each page lives, and the query string Sandpit gets (e.g. a short time limit). */
export interface Target {
  readonly name: 'sandpit' | 'raw';
  readonly contract: PageContract;
  url(query?: string): string;
}

export function targets(origin: string): Record<'sandpit' | 'raw', Target> {
  return {
    sandpit: { name: 'sandpit', contract: SANDPIT, url: (query = '') => `${origin}/${query}` },
    raw: { name: 'raw', contract: RAW, url: () => `${origin}/bench-raw/` },
  };
}

/** A Python workload that times itself, so the figure excludes everything around the interpreter. */
export const CPU_WORKLOAD = `import time
def work():
    total = 0
    for i in range(3_000_000):
        total += i * i % 7
    return total
started = time.perf_counter()
work()
print(f"elapsed={time.perf_counter() - started:.4f}")
`;

export const FLOOD_LINES = 200_000;
const FLOOD = `for i in range(${FLOOD_LINES}):\n    print(i)\n`;

async function openPage(browser: Browser, target: Target, query?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await recordMilestones(page, target.contract);
  await page.goto(target.url(query));
  return page;
}

/** Navigation to `ready` with an empty HTTP cache (a new browser context), then again with a warm one. */
export async function coldAndWarmStart(
  browser: Browser,
  target: Target,
): Promise<{ coldMs: number; warmMs: number; editorMs?: number }> {
  const page = await openPage(browser, target);
  const cold = await milestones(page, { editor: target.contract === SANDPIT });
  await waitUntilIdle(page, target.contract);
  await page.reload();
  const warm = await milestones(page);
  await page.context().close();
  return { coldMs: cold.ready, warmMs: warm.ready, editorMs: cold.editor };
}

/** Run click to `hi` on screen, with the interpreter already warm. */
export async function firstOutput(browser: Browser, target: Target): Promise<number> {
  const page = await openPage(browser, target);
  await waitUntilIdle(page, target.contract);
  await setCode(page, target.contract, 'print("hi")');
  const { ms } = await runUntilOutput(page, target.contract, 'hi');
  await page.context().close();
  return ms;
}

/**
 * After a program is killed, how long until Python is ready again. Sandpit: a 1 s time limit ends a loop,
 * measured from the state leaving `running` to `ready`. Raw Pyodide: terminating its worker and loading a
 * new one is the only way to stop a loop there.
 */
export async function readyAfterKill(browser: Browser, target: Target): Promise<number> {
  const page = await openPage(browser, target, '?timeout=1');
  await waitUntilIdle(page, target.contract);
  let ms: number;
  if (target.name === 'raw') {
    ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (document.body.dataset.state !== 'ready') return;
            observer.disconnect();
            resolve(performance.now() - started);
          });
          observer.observe(document.body, { attributes: true });
          (globalThis as unknown as { rawPyodide: { restart(): void } }).rawPyodide.restart();
        }),
    );
  } else {
    await setCode(page, target.contract, 'while True:\n    pass\n');
    ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const status = document.querySelector('[data-testid=status]') as HTMLElement;
          let leftRunning: number | null = null;
          let wasRunning = false;
          const observer = new MutationObserver(() => {
            const state = status.getAttribute('data-state');
            if (state === 'running') wasRunning = true;
            else if (wasRunning && leftRunning === null) leftRunning = performance.now();
            if (leftRunning !== null && state === 'ready') {
              observer.disconnect();
              resolve(performance.now() - leftRunning);
            }
          });
          observer.observe(status, { attributes: true });
          (document.querySelector('[data-testid=run]') as HTMLElement).click();
        }),
    );
  }
  await page.context().close();
  return ms;
}

/** How many times the CPU scenario runs the workload in one page; the first and the last are reported. */
export const CPU_RUNS_PER_PAGE = 3;

/**
 * The workload's own timing, in seconds: the page's first run, and its last of CPU_RUNS_PER_PAGE. The
 * first run of a page pays for V8 still optimising the WebAssembly; the last shows the steady state.
 */
export async function cpuSeconds(browser: Browser, target: Target): Promise<{ first: number; last: number }> {
  const page = await openPage(browser, target, '?timeout=60');
  const seconds: number[] = [];
  for (let run = 0; run < CPU_RUNS_PER_PAGE; run++) {
    await waitUntilIdle(page, target.contract);
    if (run === 0) await setCode(page, target.contract, CPU_WORKLOAD);
    const { output } = await runUntilOutput(page, target.contract, 'elapsed=');
    const elapsed = Number(/elapsed=([\d.]+)/.exec(output)?.[1]);
    if (!Number.isFinite(elapsed))
      throw new Error(`${target.name}: no timing in the output: ${output.slice(0, 200)}`);
    seconds.push(elapsed);
  }
  await page.context().close();
  return { first: seconds[0] ?? NaN, last: seconds.at(-1) ?? NaN };
}

/** 200 000 printed lines: Run click to the last line on screen, and the longest frame gap meanwhile. */
export async function flood(
  browser: Browser,
  target: Target,
): Promise<{ ms: number; maxFrameGapMs: number }> {
  const page = await openPage(browser, target, '?timeout=120');
  await waitUntilIdle(page, target.contract);
  await setCode(page, target.contract, FLOOD);
  const { ms, maxFrameGapMs } = await runUntilOutput(page, target.contract, `${FLOOD_LINES - 1}\n`);
  await page.context().close();
  return { ms, maxFrameGapMs };
}

/**
 * The flood's baseline: raw Pyodide printing the same 200 000 lines into a buffer in its worker (the page
 * then shows only the last line): Run click to that line on screen. What a flood costs Pyodide itself,
 * without showing anything.
 */
export async function floodIntoBuffer(browser: Browser, raw: Target): Promise<number> {
  const page = await openPage(browser, raw);
  await waitUntilIdle(page, raw.contract);
  await setCode(page, raw.contract, FLOOD);
  await page.evaluate(() => {
    (globalThis as unknown as { rawPyodide: { collectOutput: boolean } }).rawPyodide.collectOutput = true;
  });
  const { ms } = await runUntilOutput(page, raw.contract, `${FLOOD_LINES - 1}\n`);
  await page.context().close();
  return ms;
}

export const BACK_TO_BACK_RUNS = 12;

export interface BackToBack {
  /** One run started on a page at rest (warm interpreters all there): Run click to the run's end. */
  readonly spacedMs: number;
  /** Per run started back to back: Run click to the run's end. */
  readonly runsMs: number[];
}

/**
 * Runs started back to back, as a grader or "run all" does: each Run click comes the moment the previous
 * run ends, so the interpreters that replace the used ones have little time to start in between. A run's
 * wait for an interpreter is its time beyond what the same run takes on a page at rest (the state says
 * `running` from the click, whether an interpreter is there yet or not). Sandpit only: raw Pyodide reuses
 * one interpreter, which is what we don't do.
 */
export async function backToBack(browser: Browser, target: Target): Promise<BackToBack> {
  const page = await openPage(browser, target);
  await waitUntilIdle(page, target.contract);
  await setCode(page, target.contract, 'print("hi")');
  const timeRuns = (runs: number) =>
    page.evaluate(
      (runs) =>
        new Promise<number[]>((resolve) => {
          const status = document.querySelector('[data-testid=status]') as HTMLElement;
          const run = document.querySelector('[data-testid=run]') as HTMLElement;
          const runsMs: number[] = [];
          let ended = Number(status.getAttribute('data-runs') ?? 0);
          let clicked = performance.now();
          new MutationObserver((_, observer) => {
            const now = Number(status.getAttribute('data-runs') ?? 0);
            if (now === ended) return;
            ended = now;
            runsMs.push(performance.now() - clicked);
            if (runsMs.length >= runs) {
              observer.disconnect();
              resolve(runsMs);
              return;
            }
            clicked = performance.now();
            run.click();
          }).observe(status, { attributes: true, attributeFilter: ['data-runs'] });
          run.click();
        }),
      runs,
    );
  const [spacedMs = NaN] = await timeRuns(1);
  await waitUntilIdle(page, target.contract);
  const runsMs = await timeRuns(BACK_TO_BACK_RUNS);
  await page.context().close();
  return { spacedMs, runsMs };
}

/** Memory once the page is idle: Sandpit with its default warm interpreters, the baseline with its one. */
export async function idleMemory(
  browser: Browser,
  target: Target,
): Promise<{ totalBytes: number; workerBytes: number; windowBytes: number }> {
  const page = await openPage(browser, target);
  await waitUntilIdle(page, target.contract);
  const memory = await measureMemory(page);
  await page.context().close();
  return memory;
}

export interface TwentyWidgets {
  /** Right after load, with the first widgets' Python ready. */
  readonly loadedBytes: number;
  /** After every widget has run once. */
  readonly usedBytes: number;
  /** Most interpreter workers alive at once while all twenty ran. */
  readonly mostInterpreters: number;
  /** Time to run all twenty one after another, from the first click to the last result. */
  readonly runAllMs: number;
}

/** The bench page with 20 `<sandpit-python>` widgets: memory idle and after each has run once. */
export async function twentyWidgets(browser: Browser, origin: string): Promise<TwentyWidgets> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await allowPageFunctions(page);
  await page.goto(`${origin}/bench-pages/twenty-widgets.html`);
  const first = page.locator('sandpit-python#w0 [data-testid=status]');
  await first.and(page.locator('[data-state=ready]')).waitFor({ timeout: 120_000 });
  const loaded = await measureMemory(page);
  await page.evaluate(() => {
    const state = { most: 0 };
    (globalThis as unknown as { __most: typeof state }).__most = state;
    new MutationObserver(() => {
      for (const status of document.querySelectorAll('[data-testid=status]'))
        state.most = Math.max(state.most, Number(status.getAttribute('data-interpreters') ?? 0));
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-interpreters'] });
  });
  const started = Date.now();
  for (let index = 0; index < 20; index++) {
    const widget = page.locator(`sandpit-python#w${index}`);
    await widget.getByTestId('run').click();
    await widget.locator('[data-testid=status][data-runs="1"]').waitFor({ timeout: 60_000 });
  }
  const runAllMs = Date.now() - started;
  const used = await measureMemory(page);
  const most = await page.evaluate(() => (globalThis as unknown as { __most: { most: number } }).__most.most);
  await context.close();
  return { loadedBytes: loaded.totalBytes, usedBytes: used.totalBytes, mostInterpreters: most, runAllMs };
}
