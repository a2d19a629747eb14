// Stickylab service worker: after the first visit the lab works offline.
// Navigations go to the network first (so a new deployment is picked up) and fall back to the cached page;
// other same-origin GETs (hashed, immutable assets) are served from the cache first. Cross-origin requests are
// never touched: the app makes none.
const CACHE = 'stickylab-v1'

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await cache.addAll(['./', './index.html', './favicon.svg'])
        // Every built file, including chunks the first visit never loads (listed at build time by vite.config.ts).
        const listed = await fetch('./precache.json').then((r) => (r.ok ? r.json() : []))
        await cache.addAll(listed.map((f) => `./${f}`))
      })
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return

  if (request.mode === 'navigate') {
    // Only the app's own page is kept as the offline copy (not, say, the embed example host page).
    const scope = new URL(self.registration.scope)
    const isApp = url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (isApp && response.ok) {
            const copy = response.clone()
            caches.open(CACHE).then((cache) => cache.put('./index.html', copy))
          }
          return response
        })
        .catch(() =>
          caches
            .match(isApp ? './index.html' : request, { ignoreVary: true })
            .then((r) => r ?? Response.error()),
        ),
    )
    return
  }

  // ignoreVary: a server's `Vary: Origin` (vite preview sends it) would otherwise make a precached file miss when
  // the page's request and the worker's precache request differ in that header; hashed assets never vary.
  event.respondWith(
    caches.match(request, { ignoreVary: true }).then(
      (cached) =>
        cached ??
        fetch(request).then((response) => {
          if (response.ok && response.type === 'basic') {
            const copy = response.clone()
            caches.open(CACHE).then((cache) => cache.put(request, copy))
          }
          return response
        }),
    ),
  )
})
