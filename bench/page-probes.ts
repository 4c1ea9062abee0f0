import type { Page } from '@playwright/test';

/**
 * What the benchmark reads inside a page. Both pages (Sandpit and the raw-Pyodide baseline) follow the same
 * small contract: an element with `data-state` (loading | ready | running), a Run button and an output
 * element. The selectors differ; the measurements don't.
 */
export interface PageContract {
  readonly state: string;
  readonly run: string;
  readonly output: string;
}

export const SANDPIT: PageContract = {
  state: '[data-testid=status]',
  run: '[data-testid=run]',
  output: '[data-testid=output]',
};

export const RAW: PageContract = { state: 'body', run: '#run', output: '#output' };

/**
 * Installed before the page's own scripts: records (performance.now(), so from navigation start) when the
 * state first became `ready` and when the editor first appeared.
 */
/**
 * tsx compiles the bench with esbuild's keepNames, which wraps named functions in a `__name(...)` helper;
 * functions the bench runs in a page need that helper there too. Call before the page loads.
 */
export async function allowPageFunctions(page: Page): Promise<void> {
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
}

export async function recordMilestones(page: Page, contract: PageContract): Promise<void> {
  await allowPageFunctions(page);
  await page.addInitScript((selector) => {
    const marks: Record<string, number> = {};
    (globalThis as unknown as { __marks: typeof marks }).__marks = marks;
    const check = () => {
      if (
        marks.ready === undefined &&
        document.querySelector(selector)?.getAttribute('data-state') === 'ready'
      )
        marks.ready = performance.now();
      if (marks.editor === undefined && document.querySelector('.monaco-editor .view-lines') !== null)
        marks.editor = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  }, contract.state);
}

export async function milestones(
  page: Page,
  { editor = false }: { editor?: boolean } = {},
): Promise<{ ready: number; editor?: number }> {
  await page.waitForFunction(
    () => (globalThis as unknown as { __marks: { ready?: number } }).__marks.ready !== undefined,
    null,
    {
      timeout: 120_000,
    },
  );
  // Sandpit's editor arrives after Python is ready (it waits for that, then for a moment nothing runs).
  if (editor)
    await page.waitForFunction(
      () => (globalThis as unknown as { __marks: { editor?: number } }).__marks.editor !== undefined,
      null,
      { timeout: 120_000 },
    );
  return page.evaluate(
    () => (globalThis as unknown as { __marks: { ready: number; editor?: number } }).__marks,
  );
}

/** Waits until the page's state is `ready` (and, for Sandpit, the warm interpreters are all loaded). */
export async function waitUntilIdle(page: Page, contract: PageContract): Promise<void> {
  await page.waitForSelector(`${contract.state}[data-state=ready]`, { timeout: 120_000 });
  if (contract === SANDPIT)
    await page.waitForFunction(
      (selector) => {
        const status = document.querySelector(selector);
        return status?.getAttribute('data-warm') === status?.getAttribute('data-interpreters');
      },
      contract.state,
      { timeout: 120_000 },
    );
}

/**
 * Clicks Run and measures, in the page, from the click to the moment the output contains `expected`,
 * with the longest gap between animation frames meanwhile (the longest main-thread stall).
 */
export async function runUntilOutput(
  page: Page,
  contract: PageContract,
  expected: string,
): Promise<{ ms: number; maxFrameGapMs: number; output: string }> {
  return page.evaluate(
    ({ contract, expected }) =>
      new Promise<{ ms: number; maxFrameGapMs: number; output: string }>((resolve) => {
        const output = document.querySelector(contract.output) as HTMLElement;
        let maxFrameGapMs = 0;
        let lastFrame = performance.now();
        let measuring = true;
        const frame = (now: number) => {
          if (!measuring) return;
          maxFrameGapMs = Math.max(maxFrameGapMs, now - lastFrame);
          lastFrame = now;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        const started = performance.now();
        // Only the last two children are read on each mutation: reading the whole output each time would
        // make a 200 000-line flood quadratic in the measurement itself.
        const tail = () =>
          (output.lastChild?.previousSibling?.textContent ?? '') + (output.lastChild?.textContent ?? '');
        const observer = new MutationObserver(() => {
          if (!tail().includes(expected)) return;
          const ms = performance.now() - started;
          measuring = false;
          observer.disconnect();
          resolve({ ms, maxFrameGapMs, output: tail() });
        });
        observer.observe(output, { subtree: true, childList: true, characterData: true });
        (document.querySelector(contract.run) as HTMLElement).click();
      }),
    { contract, expected },
  );
}

/** Sets the code the next Run click runs: Sandpit's editor through a share link, the baseline directly. */
export async function setCode(page: Page, contract: PageContract, code: string): Promise<void> {
  if (contract === SANDPIT) {
    const hash = `code=${Buffer.from(code, 'utf8').toString('base64url')}`;
    await page.evaluate((value) => (location.hash = value), hash);
    await page.waitForFunction(
      (text) =>
        document.querySelector('[data-testid=editor]')?.textContent?.replace(/\s/g, '').includes(text),
      code.replace(/\s/g, '').slice(0, 20),
    );
  } else {
    await page.evaluate(
      (value) =>
        ((globalThis as unknown as { rawPyodide: { nextCode: string } }).rawPyodide.nextCode = value),
      code,
    );
  }
}

/** The page's memory as the browser accounts it (JS heaps and wasm memories of the page and its workers). */
export async function measureMemory(
  page: Page,
): Promise<{ totalBytes: number; workerBytes: number; windowBytes: number }> {
  return page.evaluate(async () => {
    const measure = (
      performance as unknown as {
        measureUserAgentSpecificMemory(): Promise<{
          bytes: number;
          breakdown: { bytes: number; attribution: { scope: string }[] }[];
        }>;
      }
    ).measureUserAgentSpecificMemory;
    const result = await measure.call(performance);
    let workerBytes = 0;
    let windowBytes = 0;
    for (const entry of result.breakdown) {
      const scope = entry.attribution[0]?.scope ?? '';
      if (scope === 'DedicatedWorkerGlobalScope') workerBytes += entry.bytes;
      else if (scope === 'Window') windowBytes += entry.bytes;
    }
    return { totalBytes: result.bytes, workerBytes, windowBytes };
  });
}
