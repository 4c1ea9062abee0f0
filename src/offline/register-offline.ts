import { registerSW } from 'virtual:pwa-register';

export interface OfflineEvents {
  /** A new version is installed and waiting; `apply` switches to it (the page reloads). */
  readonly onUpdate: (apply: () => void) => void;
  /** Everything is cached: the page will work without the network from now on. */
  readonly onOfflineReady: () => void;
}

const RELOADED_FOR_ISOLATION = 'sandpit-reloaded-for-isolation';

/**
 * Registers the service worker (built pages only). On a host that couldn't send the COOP/COEP headers,
 * the page isn't cross-origin isolated on the first visit; once the service worker controls it, a reload
 * (once per tab) gets the headers from the service worker instead.
 */
export function registerOffline(events: OfflineEvents): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  let updating = false;
  const update = registerSW({
    onNeedRefresh: () =>
      events.onUpdate(() => {
        updating = true;
        void update(true);
      }),
    onOfflineReady: () => events.onOfflineReady(),
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The learner accepted the update: the new worker now serves the page, so load the new version.
    // (registerSW reloads only for updates it found itself at start-up, not for ones found later.)
    if (updating) {
      location.reload();
      return;
    }
    if (crossOriginIsolated || sessionStorage.getItem(RELOADED_FOR_ISOLATION) !== null) return;
    sessionStorage.setItem(RELOADED_FOR_ISOLATION, '1');
    location.reload();
  });
}
