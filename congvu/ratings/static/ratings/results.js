(function () {
  "use strict";
  var canvas = document.getElementById("trend-chart");
  var source = document.getElementById("trend-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  var data = JSON.parse(JSON.parse(source.textContent));
  var labels = document.getElementById("trend-labels");
  new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        { type: "line", label: labels.getAttribute("data-share"), data: data.share, yAxisID: "y", borderColor: "#a4161a", tension: 0.2 },
        { type: "bar", label: labels.getAttribute("data-total"), data: data.total, yAxisID: "y1", backgroundColor: "rgba(47,127,184,.35)" }
      ]
    },
    options: {
      animation: false,
      scales: {
        y: { min: 0, max: 100, position: "left" },
        y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false } }
      }
    }
  });
})();
