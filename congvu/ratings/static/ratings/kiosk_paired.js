// The paired kiosk keeps its device token in this browser, then opens the rating screen.
(function () {
  "use strict";
  var el = document.getElementById("paired");
  try {
    window.localStorage.setItem(el.getAttribute("data-key"), JSON.stringify(el.getAttribute("data-token")));
  } catch (e) {}
  el.removeAttribute("data-token");
  window.location.replace(el.getAttribute("data-next"));
})();
