/* Charts of the reports pages, drawn with the vendored Chart.js from data the server embeds. */
(function () {
  "use strict";
  if (typeof Chart === "undefined") { return; }
  var RED = "#b3261e", GOLD = "#d4a017", PALETTE = ["#b3261e", "#1d4ed8", "#15803d", "#b45309", "#7c3aed", "#0f766e", "#be185d", "#4b5563"];
  var lang = document.documentElement.lang || "vi";
  var fmt = new Intl.NumberFormat(lang === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 });

  function read(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }
  function suffix(kind) { return kind === "share" ? " %" : ""; }
  function options(kind, horizontal) {
    var valueAxis = { beginAtZero: true, ticks: { callback: function (v) { return fmt.format(v) + suffix(kind); } } };
    if (kind === "share") { valueAxis.suggestedMax = 100; }
    var scales = horizontal ? { x: valueAxis } : { y: valueAxis };
    return {
      responsive: true, maintainAspectRatio: !horizontal, indexAxis: horizontal ? "y" : "x", animation: false,
      scales: scales,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: function (c) { var v = horizontal ? c.parsed.x : c.parsed.y; return v === null ? "—" : fmt.format(v) + suffix(kind); } } }
      }
    };
  }
  function draw(id, type, labels, datasets, opts) {
    var canvas = document.getElementById(id);
    if (!canvas) { return; }
    new Chart(canvas, { type: type, data: { labels: labels, datasets: datasets }, options: opts });
  }

  var data = read("report-chart-data");
  if (data) {
    draw("chart-years", "line", data.years.labels,
      [{ label: data.name, data: data.years.values, borderColor: RED, backgroundColor: RED, spanGaps: true, tension: 0.2 }],
      options(data.kind, false));
    draw("chart-months", "bar", data.months.labels,
      [{ label: data.name, data: data.months.values, backgroundColor: GOLD }], options(data.kind, false));
    draw("chart-units", "bar", data.units.labels,
      [{ label: data.name, data: data.units.values, backgroundColor: RED }], options(data.kind, true));
  }

  var parts = read("report-breakdown-data");
  if (parts) {
    draw("chart-breakdown", "bar", parts.labels,
      [{ label: parts.name, data: parts.values, backgroundColor: GOLD }], options("count", true));
  }

  var trend = read("public-trend-data");
  if (trend) {
    ["share", "count"].forEach(function (kind) {
      var series = trend.series.filter(function (s) { return kind === "share" ? s.kind === "share" : s.kind !== "share"; });
      if (!series.length) { var c = document.getElementById(kind === "share" ? "public-shares" : "public-counts"); if (c) { c.closest("figure").hidden = true; } return; }
      var opts = options(kind, false);
      opts.plugins.legend.display = true;
      draw(kind === "share" ? "public-shares" : "public-counts", kind === "share" ? "line" : "bar", trend.labels,
        series.map(function (s, i) { var color = PALETTE[i % PALETTE.length]; return { label: s.name, data: s.values, borderColor: color, backgroundColor: color, spanGaps: true }; }),
        opts);
    });
  }
})();
