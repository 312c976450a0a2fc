// The visit checklist on a phone. Every change is kept as a draft in localStorage, so a dropped
// connection or a closed tab loses nothing; a save that fails for lack of network is sent again as soon
// as the browser is back online. Officials are searched on the server (accent-insensitive).
(function () {
  "use strict";
  var form = document.getElementById("visit-form");
  if (!form) return;
  var key = form.dataset.draftKey;
  var statusBox = document.getElementById("sync-status");
  var labels = {}; // staff id -> name, for rebuilding chips from a draft
  var pendingPhotos = [];
  var sending = false;
  var pending = false; // a save was attempted and has not reached the server yet

  function say(text, ok) {
    statusBox.textContent = text;
    statusBox.classList.toggle("ok", !!ok);
  }

  function readDraft() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  function collect() {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.type === "file") return;
      if (el.type === "radio") { if (el.checked) fields[el.name] = el.value; return; }
      fields[el.name] = el.value;
    });
    return { fields: fields, labels: labels, pending: pending, at: Date.now() };
  }

  function keep() {
    try { localStorage.setItem(key, JSON.stringify(collect())); } catch (e) { /* storage full: the form still works */ }
  }

  function restore(draft) {
    Object.assign(labels, draft.labels || {});
    Object.keys(draft.fields).forEach(function (name) {
      var value = draft.fields[name];
      var radios = form.querySelectorAll('input[type=radio][name="' + name + '"]');
      if (radios.length) {
        radios.forEach(function (r) { r.checked = r.value === value; });
        return;
      }
      var el = form.elements[name];
      if (el) el.value = value;
    });
    form.querySelectorAll(".officials").forEach(renderChips);
  }

  function idsOf(box) {
    var hidden = box.querySelector("input[type=hidden]");
    return hidden.value ? hidden.value.split(",").filter(Boolean) : [];
  }

  function renderChips(box) {
    var list = box.querySelector(".chips");
    var existing = {};
    list.querySelectorAll("li").forEach(function (li) { existing[li.dataset.id] = li.querySelector("span").textContent; });
    Object.assign(labels, existing);
    list.innerHTML = "";
    idsOf(box).forEach(function (id) {
      var li = document.createElement("li");
      li.dataset.id = id;
      var span = document.createElement("span");
      span.textContent = labels[id] || ("#" + id);
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "chip-remove";
      remove.textContent = "×";
      remove.setAttribute("aria-label", form.dataset.msgRemove + " " + span.textContent);
      li.appendChild(span);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(remove);
      list.appendChild(li);
    });
  }

  // An edit after a failed save makes a new save: a fresh key, so the server never mistakes the changed
  // content for a retry of the earlier attempt.
  function edited() {
    if (!sending) form.elements.save_key.value = "";
    keep();
    say(pending ? form.dataset.msgOffline : form.dataset.msgLocal);
  }

  function setIds(box, ids) {
    box.querySelector("input[type=hidden]").value = ids.join(",");
    renderChips(box);
    edited();
  }

  form.addEventListener("click", function (event) {
    var remove = event.target.closest(".chip-remove");
    if (remove) {
      var box = remove.closest(".officials");
      var id = remove.closest("li").dataset.id;
      setIds(box, idsOf(box).filter(function (x) { return x !== id; }));
      return;
    }
    var pick = event.target.closest(".official-results button");
    if (pick) {
      var box2 = pick.closest(".officials");
      labels[pick.dataset.id] = pick.dataset.name;
      var ids = idsOf(box2);
      if (ids.indexOf(pick.dataset.id) < 0) ids.push(pick.dataset.id);
      box2.querySelector(".official-results").innerHTML = "";
      box2.querySelector(".official-search").value = "";
      setIds(box2, ids);
    }
  });

  var searchTimer = null;
  form.addEventListener("input", function (event) {
    if (event.target.classList.contains("official-search")) {
      var input = event.target;
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () { search(input); }, 250);
      return;
    }
    edited();
  });
  form.addEventListener("change", function (event) {
    if (event.target.classList.contains("photo-input")) { photo(event.target); return; }
    if (!event.target.classList.contains("official-search")) edited();
  });

  function search(input) {
    var box = input.closest(".officials");
    var results = box.querySelector(".official-results");
    var q = input.value.trim();
    if (q.length < 2) { results.innerHTML = ""; return; }
    fetch(form.dataset.officialsUrl + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        results.innerHTML = "";
        if (!data.results.length) {
          var none = document.createElement("li");
          none.className = "muted";
          none.textContent = form.dataset.msgNoResult;
          results.appendChild(none);
        }
        data.results.forEach(function (person) {
          var li = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.dataset.id = String(person.id);
          button.dataset.name = person.name;
          button.textContent = person.name + (person.position ? " — " + person.position : "") + (person.badge ? " (" + person.badge + ")" : "");
          li.appendChild(button);
          results.appendChild(li);
        });
      })
      .catch(function () { results.innerHTML = ""; });
  }

  function newKey() {
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  function send() {
    if (sending) return;
    sending = true;
    // One key per save: a retry after a lost answer carries the same key and is recognised by the server.
    if (!form.elements.save_key.value) form.elements.save_key.value = newKey();
    pending = true;
    keep();
    say(form.dataset.msgSending);
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      })
      .then(function (result) {
        sending = false;
        form.elements.save_key.value = "";
        pending = false;
        if (result.data.ok) {
          form.elements.revision.value = result.data.revision;
          localStorage.removeItem(key);
          say(form.dataset.msgSaved + " " + result.data.saved_at, true);
        } else {
          // On a conflict, the next save deliberately overwrites the newer version.
          if (result.data.conflict) form.elements.revision.value = result.data.revision;
          keep();
          say((result.data.errors || []).join(" "));
        }
      })
      .catch(function () {
        sending = false;
        keep();
        say(form.dataset.msgOffline);
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send();
  });

  function photo(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    var item = input.dataset.item;
    var status = input.closest(".check-item").querySelector(".photo-status");
    uploadPhoto({ file: file, item: item, status: status });
    input.value = "";
  }

  function uploadPhoto(job) {
    var data = new FormData();
    data.append("photo", job.file, job.file.name || "anh.jpg");
    data.append("item", job.item);
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    job.status.textContent = form.dataset.msgSending;
    fetch(form.dataset.photoUrl, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" },
    })
      .then(function (r) { return r.json(); })
      .then(function (result) {
        job.status.textContent = result.ok ? form.dataset.msgPhotoSent : (result.errors || []).join(" ");
      })
      .catch(function () {
        pendingPhotos.push(job);
        job.status.textContent = form.dataset.msgPhotoWaiting;
      });
  }

  window.addEventListener("online", function () {
    if (pending) send();
    var jobs = pendingPhotos.splice(0);
    jobs.forEach(uploadPhoto);
  });

  var draft = readDraft();
  if (draft) {
    pending = !!draft.pending;
    restore(draft);
    say(form.dataset.msgRestored);
    if (draft.pending && navigator.onLine) send();
  }
})();
