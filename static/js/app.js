// The few behaviours every page shares, kept out of the HTML so that the Content-Security-Policy can
// forbid inline scripts.
(function () {
  "use strict";

  // On a phone the long staff menu starts folded so that the page's content comes first.
  var menu = document.querySelector(".sidebar-menu");
  if (menu && window.matchMedia("(max-width: 800px)").matches) {
    menu.removeAttribute("open");
  }

  // Choosing a language sends its form at once (the button is there for keyboards without scripts).
  var language = document.getElementById("language-select");
  if (language && language.form) {
    language.addEventListener("change", function () { language.form.submit(); });
  }

  // Print buttons.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
