// Registers the offline service worker in production builds (dev servers change files too often to cache).
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  // Inside a cross-origin iframe a service worker still works, but registration failures must never break the lab.
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((e: unknown) => {
    console.warn('Stickylab: offline support is unavailable:', e)
  })
}
