import type { InteractionMode } from '../wire/protocol';

/** What the page's browser offers, read once: the inputs to the choice of interaction mode. */
export interface PageCapabilities {
  /** `crossOriginIsolated` and a usable SharedArrayBuffer: COOP/COEP sent and honoured. */
  readonly isolated: boolean;
  /** WebAssembly JavaScript Promise Integration (Chromium 137 and later), which Pyodide's `run_sync` uses. */
  readonly jspi: boolean;
  /** HTTPS, `localhost`, or a file: plain http to another computer is not. */
  readonly secureContext: boolean;
  /** The page's address, for messages (a LAN laptop's `classroom.test:8080`, over plain http). */
  readonly origin: string;
}

interface CapabilityScope {
  readonly crossOriginIsolated?: boolean;
  readonly isSecureContext?: boolean;
  readonly SharedArrayBuffer?: unknown;
  readonly WebAssembly?: { readonly Suspending?: unknown; readonly promising?: unknown };
  readonly location?: { readonly origin?: string };
}

export function pageCapabilities(scope: CapabilityScope = globalThis as CapabilityScope): PageCapabilities {
  return {
    isolated: scope.crossOriginIsolated === true && typeof scope.SharedArrayBuffer === 'function',
    jspi:
      typeof scope.WebAssembly?.Suspending === 'function' &&
      typeof scope.WebAssembly.promising === 'function',
    secureContext: scope.isSecureContext === true,
    origin: scope.location?.origin ?? '',
  };
}

/**
 * Shared memory where the page is isolated (it is the fastest way and needs no suspension), JSPI where it
 * is not but the browser has it, and otherwise nothing that reaches a running program.
 */
export function pickInteractionMode(page: PageCapabilities): InteractionMode {
  if (page.isolated) return 'shared-memory';
  if (page.jspi) return 'jspi';
  return 'none';
}

/**
 * Why `input()` can't wait for typing on this page, for the learner, naming the true cause: an insecure
 * address (the server's headers don't matter then, so they are not blamed), or headers the page was
 * served without, and what a teacher or author can do.
 */
export function inputUnavailableReason(page: PageCapabilities): string {
  const browsers = 'Chrome, Edge or a Chromebook';
  if (!page.secureContext) {
    const address = page.origin ? ` (${page.origin})` : '';
    return (
      `input() can't wait for typing on this page: its address${address} is not secure (plain http:// to ` +
      "another computer), and this browser can't pause Python there. Your teacher can serve Sandpit over " +
      `https://, or you can open it as http://localhost on the computer that serves it, or use a browser ` +
      `that can pause Python on such an address (${browsers}).`
    );
  }
  return (
    "input() can't wait for typing on this page: it is not served with the Cross-Origin-Opener-Policy " +
    "and Cross-Origin-Embedder-Policy headers, and this browser can't pause Python without them. The " +
    `page's author can send those headers (see Sandpit's docs/deployment.md), or you can use a browser ` +
    `that can pause Python without them (${browsers}).`
  );
}
