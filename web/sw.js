// The service worker: keeps every file of the site (app, worker, models,
// data) in a cache named after the build, so that after the first visit the
// page works with the network off. scripts/build-web.sh replaces the two
// placeholders below with the build's version and the list of files; a new
// build has a new version, its cache replaces the old one on activation.
const VERSION = "__SDR_VERSION__";
const FILES = __SDR_FILES__;
const CACHE = `sdr-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("sdr-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first, then the network (only same-origin GETs; nothing else is ever requested).
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
