/**
 * Keeps the page's interpreter snapshot for the next visit, in Cache Storage. The first interpreter of a
 * visit leaves one (made in this browser, or the build's, fetched over a fast link); every later visit's
 * first interpreter then starts from it without a byte of network, online or offline.
 *
 * Only the pool writes here, and only with a snapshot a worker reported at the end of its boot, before any
 * program ran in it; programs never reach Cache Storage (the worker's lockdown removes `caches`). A key
 * names the build whose worker code made the snapshot, so a new deployment never restores an old one, and
 * saving drops every other key.
 */
export interface SnapshotStore {
  load(): Promise<Blob | null>;
  save(snapshot: Blob): Promise<void>;
}

const CACHE_NAME = 'sandpit-interpreter-snapshot';

/** The key for one build: any URL of our origin will do; it is never fetched. */
function keyFor(buildId: string): string {
  return new URL(`sandpit-snapshot/${encodeURIComponent(buildId)}`, location.href).href;
}

/**
 * The store for this build, or null where there is no Cache Storage (an insecure origin: a LAN laptop over
 * plain http) or no build id (the dev server, whose worker code changes under it).
 */
export function browserSnapshotStore(buildId: string | null): SnapshotStore | null {
  if (buildId === null || typeof caches === 'undefined') return null;
  const key = keyFor(buildId);
  return {
    async load() {
      try {
        const response = await (await caches.open(CACHE_NAME)).match(key);
        // A Blob: the bytes stay in the browser's storage until a worker reads them, off this thread.
        return response ? await response.blob() : null;
      } catch {
        return null; // Storage refused (quota, private mode): start as without one.
      }
    },
    async save(snapshot) {
      try {
        const cache = await caches.open(CACHE_NAME);
        for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
        await cache.put(
          key,
          // From a Blob the browser stores the body without streaming it through this thread (from a byte
          // array, Chromium spent 200-400 ms of main-thread time on a 30 MiB put).
          new Response(snapshot, {
            headers: { 'Content-Type': 'application/octet-stream' },
          }),
        );
      } catch {
        // Not kept: the next visit makes or fetches one again.
      }
    },
  };
}
