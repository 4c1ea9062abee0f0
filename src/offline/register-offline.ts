import { registerSW } from 'virtual:pwa-register';

export interface OfflineEvents {
  /** A new version is installed and waiting; `apply` switches to it (the page reloads). */
  readonly onUpdate: (apply: () => void) => void;
  /** Everything is cached: the page will work without the network from now on. */
  readonly onOfflineReady: () => void;
  /**
   * Whether reloading now, to become cross-origin isolated, is worth it: only when nothing else lets a
   * program wait for input (no JSPI) and no program is running. Otherwise the next visit is isolated.
   */
  readonly mayReloadForIsolation: () => boolean;
}

const RELOADED_FOR_ISOLATION = 'sandpit-reloaded-for-isolation';

/**
 * Registers the service worker (built pages only). On a host that couldn't send the COOP/COEP headers,
 * the page isn't cross-origin isolated on the first visit; once the service worker controls it, the next
 * load gets the headers from the service worker instead. Where the browser has JSPI, input() and Stop
 * work without them, so the page just goes on; otherwise it reloads once (once per tab, and never over a
 * running program) to get them.
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
    if (!events.mayReloadForIsolation()) return;
    sessionStorage.setItem(RELOADED_FOR_ISOLATION, '1');
    location.reload();
  });
}
