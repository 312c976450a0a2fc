// Filter a long <select> of units as the citizen types, with or without Vietnamese accents.
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  document.querySelectorAll("[data-unit-filter]").forEach(function (input) {
    var select = document.getElementById(input.dataset.unitFilter);
    if (!select) return;
    input.addEventListener("input", function () {
      var terms = fold(input.value).split(/\s+/).filter(Boolean);
      var matches = [];
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var hay = option.dataset.folded || fold(option.text);
        var show = terms.every(function (t) { return hay.indexOf(t) !== -1; });
        option.hidden = !show;
        if (show) matches.push(option);
      });
      // Choose for the citizen only when the search leaves one unit; otherwise they pick from the shorter list.
      if (matches.length === 1) matches[0].selected = true;
      else if (select.selectedIndex > 0 && select.options[select.selectedIndex].hidden) select.selectedIndex = 0;
    });
  });
})();
