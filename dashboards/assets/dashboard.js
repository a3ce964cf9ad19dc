// The executive dashboard: sign in with a token (sessionStorage), read /v1/summary, follow /v1/feed.
// The feed reconnects by itself with backoff, resuming from the last seq through a fresh ticket.
"use strict";
(() => {
  const TOKEN_KEY = "swell.token", LANG_KEY = "swell.lang";
  const REFRESH_TYPES = /^(warning|cluster|incident|task|offer|media_contact|daily_report|complaint|complaints|case|statement|liaison|mention|mentions)\./;
  // Only what the page draws, with complaint events as counts (at most one a second): a thousand dashboards
  // watching an import of 100,000 complaints get a few hundred messages each, not 200,000.
  const FEED_CHOICE = "types=warning.*,incident.*,task.*,offer.*,media_contact.*,statement.*,liaison.*,daily_report.*,"
    + "mention.*,mentions.*,case.*,complaint.*,cluster.*&mode=summary";
  const LEVEL_COLOURS = { blue: "#2563eb", yellow: "#ca8a04", orange: "#ea580c", red: "#dc2626" };
  const $ = id => document.getElementById(id);
  const state = {
    lang: localStorage.getItem(LANG_KEY) || (navigator.language.startsWith("zh") ? "zh" : "en"),
    token: sessionStorage.getItem(TOKEN_KEY), summary: null, lastSeq: null, socket: null,
    retry: 0, retryTimer: null, refreshTimer: null, ticker: [],
  };

  const t = key => key.split(".").reduce((o, k) => (o || {})[k], SwellText[state.lang]) ?? key;
  const node = (tag, cls, text) => { const n = document.createElement(tag); if (cls) n.className = cls; if (text !== undefined) n.textContent = text; return n; };
  const time = iso => new Date(iso).toLocaleString(state.lang === "zh" ? "zh-CN" : "en-GB", { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const levelName = level => t("level." + level);

  function duration(ms) {
    const s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
    const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
    const pad = v => String(v).padStart(2, "0");
    return (d ? `${d}d ` : "") + `${pad(h)}:${pad(m)}:${pad(sec)}`;
  }

  // ---- sign-in -------------------------------------------------------------------------------------

  async function api(path, options = {}) {
    const response = await fetch(path, { ...options, headers: { Authorization: `Bearer ${state.token}`, ...(options.headers || {}) } });
    if (response.status === 401) { signOut(t("badToken")); throw new Error("unauthenticated"); }
    if (response.status === 403) { signOut(t("forbidden")); throw new Error("forbidden"); }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  function signOut(message = "") {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    closeFeed();
    showSignIn(message);
  }

  function showSignIn(message) {
    $("board").hidden = true; $("signout").hidden = true; $("signin").hidden = false;
    $("signin-error").textContent = message || "";
    setConnection("offline");
  }

  async function start() {
    $("signin").hidden = true; $("board").hidden = false; $("signout").hidden = false;
    try { await refreshSummary(); } catch (e) { if (!state.token) return; }
    connectFeed();
  }

  // ---- summary -------------------------------------------------------------------------------------

  async function refreshSummary() {
    state.summary = await api("/v1/summary");
    try { state.responseTimes = await api("/v1/reports/response-times"); } catch { state.responseTimes = null; }
    render();
    refreshNotifyHealth();
  }

  // Channels whose notifications are failing or dead, for admins only: other roles get 403 from /v1/deliveries
  // and the panel stays hidden (this is the one call that does not sign out on 403).
  async function refreshNotifyHealth() {
    const box = $("notify-health");
    const problems = [];
    for (const s of ["dead", "failed"]) {
      const response = await fetch(`/v1/deliveries?state=${s}&limit=100`, { headers: { Authorization: `Bearer ${state.token}` } });
      if (!response.ok) { box.hidden = true; return; }
      problems.push(...(await response.json()).items);
    }
    const byChannel = new Map();
    for (const d of problems) {
      const entry = byChannel.get(d.channel) || { channel: d.channel, dead: 0, failed: 0, error: d.lastError, at: d.lastAttemptAt };
      entry[d.state] += 1;
      byChannel.set(d.channel, entry);
    }
    const list = $("failed-channels");
    list.replaceChildren();
    for (const e of byChannel.values()) {
      const li = node("li", e.dead ? "dead" : "failed");
      li.append(node("strong", "", e.channel), node("span", "", ` ${e.dead} ${t("deadCount")} · ${e.failed} ${t("retrying")} `),
        node("span", "muted small", `${e.error ?? ""}${e.at ? " · " + time(e.at) : ""}`));
      list.append(li);
    }
    box.hidden = byChannel.size === 0;
  }

  function scheduleRefresh(delay = 400) {
    if (state.refreshTimer) return;
    state.refreshTimer = setTimeout(async () => {
      state.refreshTimer = null;
      try { await refreshSummary(); } catch { /* the feed's state shows what is wrong */ }
    }, delay);
  }

  function render() {
    const s = state.summary;
    if (!s) return;
    $("kpi-complaints").textContent = s.counts.complaintsLast24h;
    $("kpi-warnings").textContent = s.counts.openWarnings;
    const acknowledged = s.counts.acknowledgedWarnings ?? 0;
    $("kpi-warnings-note").textContent = acknowledged ? `+${acknowledged} ${t("kpiAcknowledged")}` : "";
    $("kpi-incidents").textContent = s.counts.openIncidents;
    $("kpi-seq").textContent = state.lastSeq ?? "–";
    $("updated").textContent = time(s.generatedAt);
    renderIncidents(s.incidents);
    renderResponseTimes(state.responseTimes);
    renderCorrectiveActions(s.correctiveActions || []);
    renderWarnings(s.warnings);
    renderHourly(s.hourlyComplaints);
    renderTicker();
  }

  // Each step with a playbook deadline: how often it was met across incidents, and the median time it took.
  function renderResponseTimes(report) {
    const box = $("response-times");
    box.replaceChildren();
    const rows = (report?.distributions || []).filter(d => d.deadlineTask && d.met + d.missed + d.pending > 0);
    if (!rows.length) { box.append(node("p", "empty", t("noResponseTimes"))); return; }
    const list = node("ul", "response-times");
    for (const d of rows) {
      const decided = d.met + d.missed;
      const li = node("li", d.missed > 0 ? "missed" : "");
      li.dataset.measure = d.measure;
      const median = d.medianSeconds == null ? "–" : `${(d.medianSeconds / 3600).toFixed(1)} h`;
      li.append(node("strong", "", t("measure." + d.measure)),
        node("span", "", ` ${t("metIn")} ${d.met} / ${decided}`),
        node("span", "muted small", ` · ${t("median")} ${median}${d.pending ? ` · ${d.pending} ${t("pendingSteps")}` : ""}`));
      list.append(li);
    }
    box.append(list);
  }

  // Reviews' corrective actions not done yet, closed incidents included, soonest first, each with its countdown.
  function renderCorrectiveActions(actions) {
    const box = $("corrective-actions");
    box.replaceChildren();
    if (!actions.length) { box.append(node("p", "empty", t("noCorrectiveActions"))); return; }
    const list = node("ul", "follow-ups corrective");
    for (const a of actions.slice(0, 8)) {
      const li = node("li", a.overdue ? "overdue" : "");
      const countdown = node("span", "countdown");
      countdown.dataset.due = a.dueAt;
      li.append(node("span", "", `${a.title} (${a.ownerRole}) · #${a.incidentId} `), countdown);
      list.append(li);
    }
    box.append(list);
  }

  function renderWarnings(warnings) {
    const box = $("warnings");
    box.replaceChildren();
    if (!warnings.length) { box.append(node("p", "empty", t("noWarnings"))); return; }
    const list = node("ul", "warnings");
    for (const w of warnings) {
      const handled = w.state && w.state !== "open";
      const item = node("li", `warning level-${w.level}${handled ? " handled" : ""}`);
      item.dataset.warningId = w.id;
      const badge = node("span", `badge level-${w.level}`, levelName(w.level));
      const head = node("div", "warning-head");
      head.append(badge, node("strong", "", w.title ? `${w.title} (#${w.clusterId})` : `${t("cluster")} #${w.clusterId}`), node("span", "muted", `${w.kind === "escalated" ? t("escalated") : t("raised")} · ${time(w.raisedAt)}`));
      if (handled) head.append(node("span", `state-tag state-${w.state}`, t("state." + w.state)));
      const terms = node("div", "terms");
      for (const term of w.topTerms.slice(0, 6)) terms.append(node("span", "term", term));
      const facts = node("div", "muted small", `${w.complaintCount} ${t("complaints")} · ${w.distinctComplainants} ${t("complainants")} · ${w.rule}`);
      item.append(head, terms, facts);
      list.append(item);
    }
    box.append(list);
  }

  function renderHourly(hours) {
    const box = $("hourly");
    box.replaceChildren();
    if (!hours.length) { box.append(node("p", "empty", t("noData"))); return; }
    const points = hours.map(h => ({ label: time(h.hour), short: h.hour.slice(11, 13) + ":00", count: h.count }));
    box.append(SwellCharts.bars(points, { title: t("hourly") }));
  }

  function renderIncidents(incidents) {
    const box = $("incidents");
    box.replaceChildren();
    if (!incidents.length) { box.append(node("p", "empty", t("noIncidents"))); return; }
    for (const inc of incidents) box.append(incidentPanel(inc));
  }

  function incidentPanel(inc) {
    const panel = node("article", `incident level-${inc.level}`);
    const head = node("div", "incident-head");
    head.append(node("span", `badge level-${inc.level}`, levelName(inc.level)), node("h3", "", inc.title),
      node("span", "muted", `${t("phase")}: ${inc.phase ?? "–"}`));
    panel.append(head);

    const facts = node("div", "incident-facts");
    const deadline = node("div", "fact");
    deadline.append(node("div", "fact-label", t("nextDeadline")));
    if (inc.nextDeadline) {
      deadline.append(node("div", "", `${inc.nextDeadline.title} (${inc.nextDeadline.ownerRole})`));
      const countdown = node("div", "countdown");
      countdown.dataset.due = inc.nextDeadline.dueAt;
      deadline.append(countdown);
    } else deadline.append(node("div", "muted", t("noDeadline")));
    const overdue = node("div", inc.overdueTasks > 0 ? "fact overdue" : "fact");
    overdue.append(node("div", "fact-label", " "), node("div", "big", `${inc.overdueTasks} ${t("overdue")}`));
    const counts = node("div", "fact");
    counts.append(node("div", "fact-label", `${t("cluster")} #${inc.clusterId ?? "–"}`),
      node("div", "", `${inc.complaintCount} ${t("complaints")} · ${inc.distinctComplainants} ${t("complainants")}`));
    if (inc.cases) {
      const states = inc.cases.byState || {};
      const open = Object.entries(states).filter(([state]) => state !== "closed").reduce((sum, [, n]) => sum + n, 0);
      counts.append(node("div", inc.cases.overdue > 0 ? "cases overdue small" : "cases muted small",
        `${t("cases")}: ${open} ${t("casesOpen")} · ${states.closed ?? 0} ${t("casesClosed")} · ${inc.cases.overdue} ${t("casesOverdue")}`));
    }
    facts.append(deadline, overdue, counts);
    panel.append(facts);
    if (inc.followUps && inc.followUps.length) panel.append(followUpList(inc.followUps));

    const grid = node("div", "incident-grid");
    const daily = node("div", "");
    daily.append(node("h4", "", t("daily")));
    daily.append(inc.dailyCounts.length
      ? SwellCharts.bars(inc.dailyCounts.map(d => ({ label: d.day, short: d.day.slice(5), count: d.count })), { height: 110, width: 320, labelEvery: 2, colour: LEVEL_COLOURS[inc.level] || "#2563eb" })
      : node("p", "empty", t("noData")));
    const acceptance = node("div", "");
    acceptance.append(node("h4", "", t("acceptance")));
    if (inc.acceptance) {
      acceptance.append(SwellCharts.gauge(inc.acceptance.rate), node("div", "muted small", `${inc.acceptance.accepted} / ${inc.acceptance.eligible}`));
      if (inc.acceptance.curve && inc.acceptance.curve.length) {
        const labels = { accepted: t("accepted"), refused: t("refused"), pending: t("pending") };
        acceptance.append(SwellCharts.curve(inc.acceptance.curve, { tierEnds: inc.acceptance.tierEnds, title: t("acceptanceCurve"), labels }),
          node("div", "muted small legend", `${t("accepted")} ${inc.acceptance.accepted} · ${t("refused")} ${inc.acceptance.refused} · ${t("pending")} ${inc.acceptance.curve[inc.acceptance.curve.length - 1].pending} (${t("per." + inc.acceptance.curveBucket)})`));
      }
      if (inc.acceptance.tierEndsAt) {
        const tier = node("div", "countdown tier");
        tier.dataset.due = inc.acceptance.tierEndsAt;
        tier.dataset.suffix = ` ${t("tierLeft")} (${inc.acceptance.currentTier ?? ""})`;
        acceptance.append(tier);
      }
    } else acceptance.append(node("p", "empty", t("noOffer")));
    const media = node("div", "");
    if (inc.publicOpinion) media.append(publicOpinion(inc.publicOpinion, inc.level));
    media.append(node("h4", "", t("media")));
    if (inc.mediaContacts.length) {
      const list = node("ul", "media");
      for (const m of inc.mediaContacts.slice(0, 5)) {
        const li = node("li", `tone-${m.tone}`);
        li.append(node("span", "muted", time(m.at)), node("span", "", ` ${m.outlet} `), node("span", "tone", t("tone." + m.tone)));
        list.append(li);
      }
      media.append(list);
    } else media.append(node("p", "empty", t("noMedia")));
    grid.append(daily, acceptance, media);
    panel.append(grid);
    return panel;
  }

  // Public opinion about the incident (舆情): the last 24 hours against the 24 before, mentions per day on the
  // complaints' days, and the top negative stories with their links.
  function publicOpinion(p, level) {
    const box = node("div", "public-opinion");
    box.append(node("h4", "", t("publicOpinion")));
    const share = Math.round((p.negativeShare || 0) * 100);
    box.append(node("div", p.trend === "rising" ? "opinion-figures rising" : "opinion-figures",
      `${p.mentions} ${t("mentions24h")} · ${t("trend." + p.trend)} · ${t("negative")} ${share}% · ${t("reach")} ${p.reach.toLocaleString()}`));
    if (p.dailyCounts && p.dailyCounts.some(d => d.count > 0)) {
      box.append(SwellCharts.bars(p.dailyCounts.map(d => ({ label: d.day, short: d.day.slice(5), count: d.count })),
        { height: 80, width: 320, labelEvery: 3, colour: "#7c3aed", title: t("mentionsPerDay") }));
    }
    if (p.topNegativeStories && p.topNegativeStories.length) {
      const list = node("ul", "stories");
      for (const story of p.topNegativeStories.slice(0, 3)) {
        const li = node("li", "tone-negative");
        const link = node("a", "", story.headline);
        link.href = story.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        li.append(link, node("span", "muted small", ` ${story.outlet ?? story.source} · ×${story.copies}`));
        list.append(li);
      }
      box.append(list);
    }
    return box;
  }

  // Follow-ups and authorities' deadlines that contacts set, soonest first, each with its own countdown.
  function followUpList(followUps) {
    const box = node("div", "follow-ups");
    box.append(node("h4", "", t("followUps")));
    const list = node("ul", "");
    for (const f of followUps.slice(0, 6)) {
      const li = node("li", f.overdue ? "overdue" : "");
      const countdown = node("span", "countdown");
      countdown.dataset.due = f.dueAt;
      li.append(node("span", "", `${f.title} (${f.ownerRole}) `), countdown);
      list.append(li);
    }
    box.append(list);
    return box;
  }

  function tickCountdowns() {
    const now = Date.now();
    for (const el of document.querySelectorAll(".countdown[data-due]")) {
      const left = Date.parse(el.dataset.due) - now;
      el.classList.toggle("late", left < 0);
      el.textContent = (left < 0 ? `${t("overdueBy")} ` : `${t("dueIn")} `) + duration(left) + (el.dataset.suffix || "");
    }
  }

  function renderTicker() {
    const list = $("ticker");
    list.replaceChildren();
    for (const e of state.ticker) {
      const li = node("li", "");
      const label = (SwellText[state.lang].events[e.type] ?? e.type) + (e.type === "complaints.arrived" ? ` ×${e.count}` : "");
      li.append(node("span", "seq", `#${e.seq}`), node("span", "", label),
        node("span", "muted", time(e.at)));
      list.append(li);
    }
  }

  // ---- feed ----------------------------------------------------------------------------------------

  function setConnection(kind) {
    const pill = $("connection");
    pill.dataset.state = kind;
    pill.className = `pill ${kind}`;
    pill.textContent = t(kind === "live" ? "online" : kind);
    $("offline-banner").hidden = kind !== "offline" || !state.token;
  }

  async function connectFeed() {
    clearTimeout(state.retryTimer);
    if (!state.token) return;
    setConnection(state.retry ? "offline" : "connecting");
    let ticket;
    try {
      ticket = await api("/v1/feed/ticket", { method: "POST" });
    } catch (e) {
      if (state.token) scheduleReconnect();
      return;
    }
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const since = state.lastSeq !== null ? `&since=${state.lastSeq}` : "";
    const socket = new WebSocket(`${scheme}://${location.host}${ticket.url}&${FEED_CHOICE}${since}`);
    state.socket = socket;
    socket.onopen = () => {
      state.retry = 0;
      setConnection("live");
      scheduleRefresh(0);  // anything missed while offline shows at once
    };
    socket.onmessage = message => {
      const event = JSON.parse(message.data);
      if (typeof event.seq === "number") state.lastSeq = Math.max(state.lastSeq ?? 0, event.seq);
      $("kpi-seq").textContent = state.lastSeq ?? "–";
      if (event.type === "heartbeat") return;
      state.ticker.unshift(event);
      state.ticker.length = Math.min(state.ticker.length, 12);
      renderTicker();
      if (REFRESH_TYPES.test(event.type)) scheduleRefresh(event.type.startsWith("complaint") ? 1500 : 300);
    };
    socket.onclose = () => {
      if (state.socket !== socket) return;
      state.socket = null;
      if (state.token) scheduleReconnect();
    };
  }

  function scheduleReconnect() {
    setConnection("offline");
    const delay = Math.min(30000, 1000 * 2 ** state.retry) * (0.75 + Math.random() * 0.5);
    state.retry += 1;
    clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(connectFeed, delay);
  }

  function closeFeed() {
    clearTimeout(state.retryTimer);
    const socket = state.socket;
    state.socket = null;
    if (socket) socket.close(1000);
  }

  // ---- language ------------------------------------------------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    document.title = `Swell · ${t("title")}`;
    $("lang").textContent = state.lang === "zh" ? "EN" : "中文";
    setConnection($("connection").dataset.state);
    render();
    tickCountdowns();
  }

  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "zh" ? "en" : "zh";
    localStorage.setItem(LANG_KEY, state.lang);
    applyLanguage();
  });
  $("signout").addEventListener("click", () => signOut());
  $("signin-form").addEventListener("submit", async event => {
    event.preventDefault();
    state.token = $("token").value.trim();
    sessionStorage.setItem(TOKEN_KEY, state.token);
    $("token").value = "";
    try { await refreshSummary(); } catch (e) { if (!state.token) return; $("signin-error").textContent = t("network"); return; }
    start();
  });
  window.addEventListener("online", () => { if (state.token && !state.socket) connectFeed(); });

  applyLanguage();
  setInterval(tickCountdowns, 1000);
  if (state.token) start(); else showSignIn();
})();
