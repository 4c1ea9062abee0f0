import type { Page } from '@playwright/test';

/**
 * Measures main-thread smoothness while something runs: the longest gap between animation frames and
 * the longest task reported by the Long Tasks API. Start before the action, read after.
 */
export async function startFrameGapProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = { maxGap: 0, longestTask: 0, frames: 0, running: true };
    (globalThis as unknown as { __frameProbe: typeof probe }).__frameProbe = probe;
    let last = performance.now();
    const tick = (now: number) => {
      if (!probe.running) return;
      probe.maxGap = Math.max(probe.maxGap, now - last);
      probe.frames++;
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longestTask = Math.max(probe.longestTask, entry.duration);
    }).observe({ type: 'longtask' });
  });
}

export async function stopFrameGapProbe(
  page: Page,
): Promise<{ maxGap: number; longestTask: number; frames: number }> {
  return page.evaluate(() => {
    const probe = (
      globalThis as unknown as {
        __frameProbe: { maxGap: number; longestTask: number; frames: number; running: boolean };
      }
    ).__frameProbe;
    probe.running = false;
    return { maxGap: probe.maxGap, longestTask: probe.longestTask, frames: probe.frames };
  });
}

/**
 * Records, in the page, when the status line's `data-state` changes, so a test can read how long the
 * interpreter was unavailable after a kill (the time between leaving `running` and reaching `ready`).
 */
export async function recordStateChanges(page: Page): Promise<void> {
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid=status]');
    const log: { state: string; at: number }[] = [
      { state: status?.getAttribute('data-state') ?? '', at: performance.now() },
    ];
    (globalThis as unknown as { __stateLog: typeof log }).__stateLog = log;
    if (status === null) return;
    new MutationObserver(() => {
      const state = status.getAttribute('data-state') ?? '';
      if (log.at(-1)?.state !== state) log.push({ state, at: performance.now() });
    }).observe(status, { attributes: true, attributeFilter: ['data-state'] });
  });
}

/** Milliseconds from the last time the state left `running` until it was `ready` again. */
export async function readyAfterLastKill(page: Page): Promise<number> {
  return page.evaluate(() => {
    const log = (globalThis as unknown as { __stateLog: { state: string; at: number }[] }).__stateLog;
    let leftRunning = -1;
    for (let i = log.length - 1; i > 0; i--) {
      if (log[i - 1]?.state === 'running' && log[i]?.state !== 'running') {
        leftRunning = i;
        break;
      }
    }
    if (leftRunning < 0) throw new Error('the state never left running');
    const left = log[leftRunning] as { state: string; at: number };
    const ready = log.slice(leftRunning).find((entry) => entry.state === 'ready');
    if (ready === undefined) throw new Error('the state did not come back to ready');
    return ready.at - left.at;
  });
}
