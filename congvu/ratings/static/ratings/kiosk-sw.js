/* Service worker for the kiosk (scope /kiosk/): the kiosk page and its files come from the network
 * when it is there and from the cache when it is not, so a tablet that reloads or restarts during an
 * outage still opens the rating screen. Ratings themselves never go through the cache: the page
 * queues them in localStorage and sends them when the network is back. */
var CACHE = "congvu-kiosk-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function isKioskPage(url) {
  return /^\/kiosk\/[^/]+\/$/.test(url.pathname);
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (!isKioskPage(url) && url.pathname.indexOf("/static/") !== 0) return;
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (hit) {
        return hit || Response.error();
      });
    })
  );
});
