/* Keyboard-only paper entry: digits pick a choice in the focused question and move on; Enter saves. */
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) return;
  var questions = Array.prototype.slice.call(form.querySelectorAll(".entry-question"));
  if (questions.length) questions[0].focus();
  questions.forEach(function (fieldset, index) {
    fieldset.addEventListener("keydown", function (event) {
      var digit = parseInt(event.key, 10);
      if (!isNaN(digit) && digit >= 1) {
        var radios = fieldset.querySelectorAll("input[type=radio]");
        if (radios[digit - 1]) {
          radios[digit - 1].checked = true;
          event.preventDefault();
          var next = questions[index + 1];
          if (next) next.focus(); else document.getElementById("id_dossier_code").focus();
        }
      } else if (event.key === "Enter") {
        event.preventDefault();
        form.submit();
      }
    });
  });
})();
