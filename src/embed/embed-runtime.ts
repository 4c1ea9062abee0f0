import type { PythonEditor, PythonEditorOptions } from '../editor/python-editor';
import type { InterpreterPool } from '../runtime/interpreter-pool';
import { createSharedInterpreters } from '../runtime/sandbox';

/**
 * What every widget of a page shares, each piece created on first need: one small pool of interpreters
 * (one warm, at most three alive), Monaco (loaded when a widget's code is first edited), and one
 * IntersectionObserver that wakes widgets as they come near the viewport.
 */
let pool: InterpreterPool | null = null;

export function pageInterpreters(): InterpreterPool {
  pool ??= createSharedInterpreters({ warm: 1, maxLive: 3 });
  return pool;
}

export async function loadEditor(options: PythonEditorOptions): Promise<PythonEditor> {
  const { createPythonEditor } = await import('../editor/python-editor');
  return createPythonEditor(options);
}

let observer: IntersectionObserver | null = null;
const wakers = new WeakMap<Element, () => void>();

/** Calls `wake` once, when `element` comes within a screen's height of the viewport. */
export function whenNearViewport(element: Element, wake: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    wake();
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer?.unobserve(entry.target);
        const callback = wakers.get(entry.target);
        wakers.delete(entry.target);
        callback?.();
      }
    },
    { rootMargin: '100% 0px' },
  );
  wakers.set(element, wake);
  observer.observe(element);
  return () => {
    wakers.delete(element);
    observer?.unobserve(element);
  };
}
