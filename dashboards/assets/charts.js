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

  /// The acceptance curve: per bucket a column of accepted (green), refused (red) and pending (grey), stacked to
  /// the eligible total, with a dashed line where each tier ends. points: [{endsAt, accepted, refused, pending}].
  function curve(points, { tierEnds = [], width = 320, height = 120, title = "", labels = {} } = {}) {
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, class: "curve", role: "img", "aria-label": title });
    const top = 8, bottom = 18, left = 28, right = 4;
    const innerH = height - top - bottom, innerW = width - left - right;
    const total = Math.max(1, ...points.map(p => p.accepted + p.refused + p.pending));
    const step = innerW / Math.max(points.length, 1);
    for (const frac of [0, 1]) {
      const y = top + innerH * (1 - frac);
      svg.append(el("line", { x1: left, x2: width - right, y1: y, y2: y, class: "grid" }));
      svg.append(el("text", { x: left - 4, y: y + 3, class: "axis", "text-anchor": "end" }, String(Math.round(total * frac))));
    }
    points.forEach((p, i) => {
      const column = el("g", { class: "bucket" });
      let y = top + innerH;
      for (const [part, count] of [["accepted", p.accepted], ["refused", p.refused], ["pending", p.pending]]) {
        const h = innerH * count / total;
        y -= h;
        column.append(el("rect", { x: left + i * step + 0.5, y, width: Math.max(step - 1, 1), height: h, class: part }));
      }
      column.append(el("title", {}, `${p.endsAt}: ${labels.accepted ?? "accepted"} ${p.accepted} · ${labels.refused ?? "refused"} ${p.refused} · ${labels.pending ?? "pending"} ${p.pending}`));
      svg.append(column);
    });
    const first = points.length ? Date.parse(points[0].endsAt) : 0;
    const last = points.length ? Date.parse(points[points.length - 1].endsAt) : 0;
    const span = points.length > 1 ? (last - first) / (points.length - 1) : 1;
    tierEnds.forEach((end, i) => {
      const at = Date.parse(end);
      if (!points.length || at < first - span || at > last) return;
      const x = left + ((at - first) / span + 1) * step;
      svg.append(el("line", { x1: x, x2: x, y1: top, y2: top + innerH, class: "tier-end" }));
      svg.append(el("text", { x: x + 2, y: top + 8, class: "axis" }, `T${i + 1}`));
    });
    return svg;
  }

  return { bars, gauge, curve };
})();
