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
  load(): Promise<Uint8Array | null>;
  save(bytes: Uint8Array): Promise<void>;
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
        return response ? new Uint8Array(await response.arrayBuffer()) : null;
      } catch {
        return null; // Storage refused (quota, private mode): start as without one.
      }
    },
    async save(bytes) {
      try {
        const cache = await caches.open(CACHE_NAME);
        for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
        await cache.put(
          key,
          new Response(bytes as Uint8Array<ArrayBuffer>, {
            headers: { 'Content-Type': 'application/octet-stream' },
          }),
        );
      } catch {
        // Not kept: the next visit makes or fetches one again.
      }
    },
  };
}
