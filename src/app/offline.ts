/**
 * Registers the build's service worker (see build/offline.ts) so a page opened
 * once keeps working without a network. Production builds only: the dev server
 * serves files that change under it.
 */
export function registerOffline(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  // Relative to the page, so the build works from any sub-path.
  navigator.serviceWorker.register("./sw.js").catch(() => {
    // file:// pages and some private modes refuse service workers; the app still works online.
  });
}
