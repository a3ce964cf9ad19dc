// Small inline-SVG charts; no libraries. Every function returns an SVG element.
"use strict";
window.SwellCharts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const el = (name, attrs = {}, text) => {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  /// Bars for [{label, count}], with a baseline, the maximum marked and a few x labels.
  function bars(points, { width = 560, height = 150, colour = "#2563eb", labelEvery = 6, title = "" } = {}) {
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, class: "bars", role: "img", "aria-label": title });
    const top = 14, bottom = 22, left = 28, right = 6;
    const innerH = height - top - bottom, innerW = width - left - right;
    const max = Math.max(1, ...points.map(p => p.count));
    const step = innerW / Math.max(points.length, 1);
    for (const frac of [0, 0.5, 1]) {
      const y = top + innerH * (1 - frac);
      svg.append(el("line", { x1: left, x2: width - right, y1: y, y2: y, class: "grid" }));
      svg.append(el("text", { x: left - 4, y: y + 3, class: "axis", "text-anchor": "end" }, String(Math.round(max * frac))));
    }
    points.forEach((p, i) => {
      const h = innerH * p.count / max;
      const bar = el("rect", { x: left + i * step + 1, y: top + innerH - h, width: Math.max(step - 2, 1), height: h, fill: colour, rx: 1.5 });
      bar.append(el("title", {}, `${p.label}: ${p.count}`));
      svg.append(bar);
      if (i % labelEvery === 0) {
        svg.append(el("text", { x: left + i * step + step / 2, y: height - 6, class: "axis", "text-anchor": "middle" }, p.short || p.label));
      }
    });
    return svg;
  }

  /// A progress track for a rate in [0, 1], with a label.
  function gauge(rate, { width = 260, height = 18, colour = "#16a34a" } = {}) {
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, class: "gauge", role: "img" });
    svg.append(el("rect", { x: 0, y: 0, width, height, rx: 9, class: "track" }));
    svg.append(el("rect", { x: 0, y: 0, width: Math.max(0, Math.min(1, rate)) * width, height, rx: 9, fill: colour }));
    svg.append(el("text", { x: width / 2, y: height - 5, "text-anchor": "middle", class: "gauge-text" }, `${Math.round(rate * 100)}%`));
    return svg;
  }

  return { bars, gauge };
})();
