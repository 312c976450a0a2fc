/* Kiosk at the counter. Plain JavaScript for old Android Chrome.
 *
 * Every rating gets a client-made UUID and goes into a queue in localStorage first; the queue is then
 * sent to POST /api/v1/ratings with the device token. The server stores an id once (a resend answers
 * 200), so a rating that was sent but whose answer was lost is never doubled, and nothing is lost while
 * the network is down: the queue is resent when the browser is back online and every 15 seconds.
 */
(function () {
  "use strict";
  var root = document.getElementById("kiosk");
  if (!root) return;
  var code = root.getAttribute("data-counter");
  var apiUrl = root.getAttribute("data-api");
  var stateUrl = root.getAttribute("data-state");
  var resetSeconds = parseInt(root.getAttribute("data-reset-seconds") || "8", 10);
  // The page's words, as JSON data in the page (not a script, which the CSP forbids inline).
  var textData = document.getElementById("kiosk-text");
  var TEXT = textData ? JSON.parse(textData.textContent) : {};
  var TOKEN_KEY = "congvu.kiosk.token." + code;
  var QUEUE_KEY = "congvu.kiosk.queue." + code;
  var STATE_KEY = "congvu.kiosk.state." + code;
  var $ = function (id) { return document.getElementById(id); };

  var current = { level: null, reasons: [] };
  var CLOCK_KEY = "congvu.kiosk.clock." + code;
  var clockOffset = storageGet(CLOCK_KEY, 0); // server time minus tablet time, in ms (cheap tablets drift)
  var resetTimer = null;
  var flushing = false;
  var lastSendFailed = false;

  function storageGet(key, fallback) {
    try {
      var value = window.localStorage.getItem(key);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) { return fallback; }
  }
  function storageSet(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full */ }
  }
  function token() { return storageGet(TOKEN_KEY, null); }
  function queue() { return storageGet(QUEUE_KEY, []); }

  function uuid4() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = [];
    for (var i = 0; i < 16; i++) hex.push((bytes[i] + 0x100).toString(16).slice(1));
    return hex.slice(0, 4).join("") + "-" + hex.slice(4, 6).join("") + "-" + hex.slice(6, 8).join("") +
      "-" + hex.slice(8, 10).join("") + "-" + hex.slice(10, 16).join("");
  }

  function show(id) {
    var screens = root.querySelectorAll(".k-screen");
    for (var i = 0; i < screens.length; i++) screens[i].hidden = screens[i].id !== id;
  }

  function updateBanner() {
    var count = queue().length;
    var offline = !navigator.onLine || lastSendFailed;
    $("k-queued").textContent = String(count);
    $("k-offline-text").hidden = !offline;
    $("k-queue-text").hidden = count === 0;
    $("k-banner").hidden = !offline && count === 0;
    $("k-banner").className = "k-banner" + (offline ? " offline" : "");
    root.setAttribute("data-queued", String(count));
  }

  function renderOfficial(state) {
    var official = state && state.official;
    $("k-name").textContent = official ? official.name : (TEXT.noOfficial || "");
    $("k-position").textContent = official ? official.position : "";
    $("k-badge").textContent = official && official.badge_number ? (TEXT.badge + ": " + official.badge_number) : "";
    if (official && official.has_photo) loadPhoto(); else { $("k-photo").hidden = true; $("k-photo-empty").hidden = false; }
  }

  function loadPhoto() {
    fetch(stateUrl.replace(/trang-thai\/$/, "anh/"), { headers: { Authorization: "Bearer " + token() } })
      .then(function (r) { if (!r.ok) throw new Error("photo"); return r.blob(); })
      .then(function (blob) {
        $("k-photo").src = URL.createObjectURL(blob);
        $("k-photo").hidden = false;
        $("k-photo-empty").hidden = true;
      })
      .catch(function () { /* keep the placeholder */ });
  }

  function refreshState() {
    if (!token()) { show("k-unpaired"); return; }
    renderOfficial(storageGet(STATE_KEY, null));
    fetch(stateUrl, { headers: { Authorization: "Bearer " + token() }, cache: "no-store" })
      .then(function (r) {
        if (r.status === 401) { unpair(); return null; }
        return r.ok ? r.json() : null;
      })
      .then(function (state) {
        if (state) {
          if (state.now) {
            var server = Date.parse(state.now);
            if (!isNaN(server)) { clockOffset = server - Date.now(); storageSet(CLOCK_KEY, clockOffset); }
          }
          storageSet(STATE_KEY, state);
          renderOfficial(state);
        }
      })
      .catch(function () { /* offline: keep the last known official */ });
  }

  function unpair() {
    try { window.localStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ }
    show("k-unpaired");
  }

  function resetScreen() {
    clearTimeout(resetTimer);
    current = { level: null, reasons: [] };
    $("k-comment").value = "";
    $("k-dossier").value = "";
    var chips = root.querySelectorAll(".k-chip");
    for (var i = 0; i < chips.length; i++) chips[i].setAttribute("aria-pressed", "false");
    show(token() ? "k-choose" : "k-unpaired");
  }

  function choose(level) {
    current.level = level;
    current.reasons = [];
    $("k-details-title").textContent = TEXT[level] + " — " + (level === "not_satisfied" ? TEXT.whyLow : TEXT.whyGood);
    $("k-chips-low").hidden = level !== "not_satisfied";
    $("k-chips-good").hidden = level === "not_satisfied";
    show("k-details");
    clearTimeout(resetTimer);
    resetTimer = setTimeout(function () { submit(); }, 60000); // a citizen who walks away still counts
  }

  function submit() {
    if (!current.level) return;
    var items = queue();
    items.push({
      id: uuid4(),
      level: current.level,
      reasons: current.reasons.slice(),
      comment: $("k-comment").value.trim(),
      dossier_code: $("k-dossier").value.trim(),
      rated_at: new Date(Date.now() + clockOffset).toISOString()
    });
    storageSet(QUEUE_KEY, items);
    current.level = null;
    updateBanner();
    show("k-thanks");
    clearTimeout(resetTimer);
    resetTimer = setTimeout(resetScreen, resetSeconds * 1000);
    flush();
  }

  function drop(id) {
    storageSet(QUEUE_KEY, queue().filter(function (item) { return item.id !== id; }));
  }

  function flush() {
    if (flushing || !token()) return;
    var items = queue();
    if (!items.length) { lastSendFailed = false; updateBanner(); return; }
    flushing = true;
    var item = items[0];
    fetch(apiUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + token() },
      body: JSON.stringify(item)
    }).then(function (r) {
      lastSendFailed = false;
      if (r.status === 200 || r.status === 201) { drop(item.id); return "next"; }
      if (r.status === 401) { unpair(); return "stop"; }
      if (r.status === 429) {
        return r.json().then(function (body) {
          if (body && body.code === "burst") { drop(item.id); return "next"; }
          return "stop"; // too many for now: keep the queue and try again later
        }, function () { return "stop"; });
      }
      if (r.status >= 400 && r.status < 500) { drop(item.id); return "next"; } // never accepted as sent
      return "stop";
    }, function () {
      lastSendFailed = true;
      return "stop";
    }).then(function (next) {
      flushing = false;
      updateBanner();
      if (next === "next") flush();
    });
  }

  // Wiring
  var levels = root.querySelectorAll(".k-level");
  for (var i = 0; i < levels.length; i++) {
    levels[i].addEventListener("click", function () { choose(this.getAttribute("data-level")); });
  }
  var chips = root.querySelectorAll(".k-chip");
  for (var j = 0; j < chips.length; j++) {
    chips[j].addEventListener("click", function () {
      var reason = this.getAttribute("data-reason");
      var on = this.getAttribute("aria-pressed") !== "true";
      this.setAttribute("aria-pressed", on ? "true" : "false");
      current.reasons = current.reasons.filter(function (r) { return r !== reason; });
      if (on) current.reasons.push(reason);
    });
  }
  $("k-send").addEventListener("click", submit);
  $("k-back").addEventListener("click", resetScreen);
  $("k-again").addEventListener("click", resetScreen);
  $("k-fullscreen").addEventListener("click", function () {
    var el = document.documentElement;
    if (el.requestFullscreen) el.requestFullscreen();
    else if (el.webkitRequestFullscreen) el.webkitRequestFullscreen();
  });
  $("k-token-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var value = $("k-token").value.trim();
    if (value) { storageSet(TOKEN_KEY, value); $("k-token").value = ""; resetScreen(); refreshState(); flush(); }
  });
  window.addEventListener("online", function () { lastSendFailed = false; updateBanner(); flush(); refreshState(); });
  window.addEventListener("offline", updateBanner);
  setInterval(flush, 15000);
  setInterval(refreshState, 5 * 60000);

  // Keep the page and its files for a reload during an outage (secure contexts only: https or localhost).
  if ("serviceWorker" in navigator && window.caches) {
    navigator.serviceWorker.register(root.getAttribute("data-sw"), { scope: "/kiosk/" }).then(function () {
      var files = [location.pathname];
      var assets = document.querySelectorAll("link[rel=stylesheet], script[src]");
      for (var k = 0; k < assets.length; k++) files.push(assets[k].getAttribute("href") || assets[k].getAttribute("src"));
      return caches.open("congvu-kiosk-v1").then(function (cache) { return cache.addAll(files); });
    }).then(function () { root.setAttribute("data-offline-ready", "1"); }).catch(function () { /* no offline reload */ });
  }

  resetScreen();
  refreshState();
  updateBanner();
  flush();
})();
