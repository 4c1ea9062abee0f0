import type { InterpreterPool } from '../runtime/interpreter-pool';
import { createSharedInterpreters } from '../runtime/sandbox';

/**
 * What every widget of a page shares, each piece created on first need and released when the last widget
 * lets go of it: one small pool of interpreters (one warm, at most three alive) and one
 * IntersectionObserver that wakes widgets as they come near the viewport. A page whose widgets are all
 * removed keeps no worker and no observer.
 */
let pool: InterpreterPool | null = null;
let poolUsers = 0;

export interface PageInterpreters {
  readonly pool: InterpreterPool;
  /** This widget is done with them; the last release ends the page's interpreters. */
  release(): void;
}

export function acquirePageInterpreters(): PageInterpreters {
  pool ??= createSharedInterpreters({ warm: 1, maxLive: 3 });
  poolUsers += 1;
  const acquired = pool;
  let released = false;
  return {
    pool: acquired,
    release() {
      if (released) return;
      released = true;
      poolUsers -= 1;
      if (poolUsers === 0 && pool === acquired) {
        pool.dispose();
        pool = null;
      }
    },
  };
}

let observer: IntersectionObserver | null = null;
const wakers = new Map<Element, () => void>();

function forget(element: Element): void {
  wakers.delete(element);
  observer?.unobserve(element);
  if (wakers.size === 0) {
    observer?.disconnect();
    observer = null;
  }
}

/** Calls `wake` once, when `element` comes within a screen's height of the viewport. Returns the cancel. */
export function whenNearViewport(element: Element, wake: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    wake();
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const callback = wakers.get(entry.target);
        forget(entry.target);
        callback?.();
      }
    },
    { rootMargin: '100% 0px' },
  );
  wakers.set(element, wake);
  observer.observe(element);
  return () => {
    if (wakers.has(element)) forget(element);
  };
}
