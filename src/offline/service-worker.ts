/// <reference lib="webworker" />
/**
 * Sandpit's service worker: the offline classroom. It precaches the whole build (app, Monaco, Pyodide's
 * wasm, standard library and lock file; the list is generated from `dist/` at build time, so no asset can
 * be forgotten) and serves it from the cache, online or not. Installing reuses what the page downloaded.
 *
 * Every response it serves carries Sandpit's security headers (COOP/COEP/CORP, the CSP), added where the
 * host didn't send them: on a static host that can't set headers, pages it serves are cross-origin
 * isolated anyway, so Stop and input() work (the page reloads once to get that; see register-offline.ts).
 *
 * Updates: a new build installs beside the old one and waits; the page offers "Reload", and only then does
 * the new worker take over, so old and new files are never mixed.
 */
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { securityHeaders } from '../../tools/security-headers';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

const HEADERS = securityHeaders();

function withSecurityHeaders(response: Response): Response {
  const missing = Object.entries(HEADERS).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Precache entries without a revision have content-addressed URLs (a hash in the name or the folder), so
 * any copy the browser already holds under that URL is the right one: installing takes it from the HTTP
 * cache, stale or not, instead of downloading the build a second time on the visit that just fetched it.
 * Entries with a revision (index.html, the manifest...) are small and fetched afresh, as Workbox does.
 */
function reuseHttpCache(request: Request): Request {
  // Workbox asks for revisioned entries with `reload`; a navigation's request can't be re-made with options.
  if (request.cache !== 'default' || request.mode === 'navigate') return request;
  return new Request(request, { cache: 'force-cache' });
}

addPlugins([
  {
    requestWillFetch: async ({ request }) => reuseHttpCache(request),
    cachedResponseWillBeUsed: async ({ cachedResponse }) =>
      cachedResponse ? withSecurityHeaders(cachedResponse) : cachedResponse,
  },
]);
cleanupOutdatedCaches();
// `?timeout=`, `?memory=`… are the app's own options: the page is the same file whatever the query says.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });

// The first install takes the open pages at once (there is nothing older to mix with); updates wait.
clientsClaim();
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
