/**
 * The first visit over a school's link: the page reached through a throttling, byte-counting proxy on
 * loopback (bench/link-proxy.ts), in a fresh browser profile, then reloaded. Sandpit is measured on a host
 * that compresses nothing (the targets must hold there) and on its own server (`serve:lan`'s precompressed
 * files); raw Pyodide on a host that compresses nothing and on one that gzips everything.
 */
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { securityHeaders } from '../tools/security-headers.ts';
import { serveStatic, type ListenOptions } from '../tools/static-server.ts';
import { SharedLink, startLinkProxy, type LinkOptions } from './link-proxy.ts';
import { allowPageFunctions, RAW, SANDPIT, type PageContract } from './page-probes.ts';

export interface LinkVisit {
  /** Navigation to Python ready. */
  readonly readyMs: number;
  readonly bytesBeforeReady: number;
  /** Everything the first visit downloads: for Sandpit, until the offline cache is complete. */
  readonly bytesWholeVisit: number;
  readonly secondVisitMs: number;
  readonly secondVisitBytes: number;
}

/** The link counts as quiet once nothing crossed it for this long. */
const QUIET_MS = 2000;

async function untilQuiet(link: SharedLink): Promise<void> {
  let last = link.bytes;
  let quietSince = performance.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (link.bytes !== last) {
      last = link.bytes;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= QUIET_MS) return;
  }
}

/**
 * Calls back into the benchmark the moment the page's state first says `ready`, so the byte count is read
 * then rather than when a poll notices.
 */
async function onReady(page: Page, contract: PageContract, callback: () => void): Promise<void> {
  await page.exposeFunction('__benchReady', callback);
  await page.addInitScript((selector) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)?.getAttribute('data-state') !== 'ready') return;
      observer.disconnect();
      (globalThis as unknown as { __benchReady(ms: number): void }).__benchReady(performance.now() - started);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  }, contract.state);
}

/** Sandpit's first visit is over when the offline cache and the kept snapshot are complete. */
async function sandpitOfflineComplete(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const notice = document.querySelector('[data-testid=notice]')?.textContent ?? '';
      if (!/offline/i.test(notice)) return false;
      const snapshots = await caches.open('sandpit-interpreter-snapshot');
      return (await snapshots.keys()).length > 0;
    },
    null,
    { timeout: 600_000, polling: 500 },
  );
}

/** Resolves, each time it is armed, with the link's byte count when the page next says `ready`. */
class ReadyProbe {
  private pending: ((bytes: number) => void) | null = null;

  constructor(private readonly link: SharedLink) {}

  /** Called from the page (onReady); the count is read at once. */
  readonly ready = (): void => {
    this.pending?.(this.link.bytes);
    this.pending = null;
  };

  arm(): Promise<number> {
    return new Promise((resolve) => (this.pending = resolve));
  }
}

export async function linkVisit(
  browser: Browser,
  link: SharedLink,
  url: string,
  contract: PageContract,
): Promise<LinkVisit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await allowPageFunctions(page);
  const probe = new ReadyProbe(link);
  await onReady(page, contract, probe.ready);

  link.reset();
  let ready = probe.arm();
  const navigated = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const bytesBeforeReady = await ready;
  const readyMs = performance.now() - navigated;
  if (contract === SANDPIT) await sandpitOfflineComplete(page);
  await untilQuiet(link);
  const bytesWholeVisit = link.bytes;

  link.reset();
  ready = probe.arm();
  const reloaded = performance.now();
  await page.reload({ waitUntil: 'commit' });
  await ready;
  const secondVisitMs = performance.now() - reloaded;
  await untilQuiet(link);
  const secondVisitBytes = link.bytes;
  await context.close();
  return { readyMs, bytesBeforeReady, bytesWholeVisit, secondVisitMs, secondVisitBytes };
}

/** The link's figures from the environment: BENCH_LINK_MBIT (default 20) and BENCH_LINK_RTT_MS (40). */
export function linkOptionsFromEnvironment(): LinkOptions {
  return {
    mbitPerSecond: Number(process.env['BENCH_LINK_MBIT'] ?? 20),
    rttMs: Number(process.env['BENCH_LINK_RTT_MS'] ?? 40),
  };
}

export type LinkSetup = 'sandpit-plain' | 'sandpit-precompressed' | 'raw-plain' | 'raw-gzip';

/** Every set-up's visits, `runs` of each, taken in turn so they share the machine's noise. */
export async function schoolLink(
  browser: Browser,
  root: string,
  options: LinkOptions,
  runs: number,
): Promise<Record<LinkSetup, LinkVisit[]>> {
  const mounts = {
    '/': path.join(root, 'dist'),
    '/bench-raw/': path.join(root, 'bench/raw-pyodide'),
    '/pyodide-js/': path.join(root, 'node_modules/pyodide'),
  };
  const serve = (compression: ListenOptions['compression']) =>
    serveStatic(mounts, securityHeaders(), { compression });
  const servers = {
    plain: await serve('none'),
    precompressed: await serve('precompressed'),
    gzip: await serve('gzip-all'),
  };
  const link = new SharedLink(options);
  const proxies = {
    plain: await startLinkProxy(servers.plain.url, link),
    precompressed: await startLinkProxy(servers.precompressed.url, link),
    gzip: await startLinkProxy(servers.gzip.url, link),
  };
  const setups: Record<LinkSetup, { url: string; contract: PageContract }> = {
    'sandpit-plain': { url: `${proxies.plain.url}/`, contract: SANDPIT },
    'sandpit-precompressed': { url: `${proxies.precompressed.url}/`, contract: SANDPIT },
    'raw-plain': { url: `${proxies.plain.url}/bench-raw/`, contract: RAW },
    'raw-gzip': { url: `${proxies.gzip.url}/bench-raw/`, contract: RAW },
  };
  const visits: Record<LinkSetup, LinkVisit[]> = {
    'sandpit-plain': [],
    'sandpit-precompressed': [],
    'raw-plain': [],
    'raw-gzip': [],
  };
  try {
    for (let run = 0; run < runs; run++) {
      for (const [name, setup] of Object.entries(setups) as [LinkSetup, (typeof setups)[LinkSetup]][])
        visits[name].push(await linkVisit(browser, link, setup.url, setup.contract));
      process.stdout.write(
        `\rschool link (${options.mbitPerSecond} Mbit/s, ${options.rttMs} ms): ${run + 1}/${runs}`,
      );
    }
    process.stdout.write('\n');
  } finally {
    for (const closable of [...Object.values(proxies), ...Object.values(servers)]) await closable.close();
  }
  return visits;
}
