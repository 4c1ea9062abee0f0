import type { Page } from '@playwright/test';

/** What a program must never change: the origin's storage, as the page sees it. */
export interface OriginState {
  readonly localStorageKeys: readonly string[];
  readonly indexedDbNames: readonly string[];
  readonly cacheNames: readonly string[];
  readonly serviceWorkers: number;
}

export async function originState(page: Page): Promise<OriginState> {
  return page.evaluate(async () => {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      // The scratch pad's own autosave changes with every program the suite loads.
      if (key !== null && !key.startsWith('sandpit:code')) keys.push(key);
    }
    const databases = (await indexedDB.databases()).map((database) => database.name ?? '');
    const caches_ = 'caches' in globalThis ? await caches.keys() : [];
    const registrations = navigator.serviceWorker ? await navigator.serviceWorker.getRegistrations() : [];
    return {
      localStorageKeys: keys.sort(),
      indexedDbNames: databases.sort(),
      cacheNames: [...caches_].sort(),
      serviceWorkers: registrations.length,
    };
  });
}

/**
 * Every element in the console must be one the console itself makes (blocks, stream spans, notes) with
 * nothing but a class attribute: output never turns into markup.
 */
export async function foreignMarkupInConsole(page: Page): Promise<string[]> {
  return page.getByTestId('output').evaluate((console_) => {
    const allowed =
      /^(DIV\.console-block( console-block-unlaid)?|SPAN\.console-(stdout|stderr|stdin)|DIV\.console-note console-note-(info|warning|error|help))$/;
    const problems: string[] = [];
    for (const element of console_.querySelectorAll('*')) {
      const signature = `${element.tagName}.${element.className}`;
      const attributes = [...element.attributes]
        .map((attribute) => attribute.name)
        .filter((name) => name !== 'class');
      if (!allowed.test(signature) || attributes.length > 0)
        problems.push(`${signature} [${attributes.join(' ')}]`);
    }
    return problems;
  });
}

/**
 * The turtle drawing's pane, when a program made one, holds only what GraphicsPane builds: drawing
 * commands are painted on the canvas and never become elements.
 */
export async function foreignMarkupInGraphics(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-testid=graphics]');
    if (pane === null) return [];
    const allowed = /^(DIV\.pane-header|SPAN\.|BUTTON\.small|DIV\.graphics-stage|CANVAS\.|P\.graphics-hint)$/;
    const problems: string[] = [];
    for (const element of pane.querySelectorAll('*')) {
      const signature = `${element.tagName}.${element.className}`;
      if (!allowed.test(signature)) problems.push(signature);
    }
    return problems;
  });
}
