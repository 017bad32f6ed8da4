// SLA dashboard: reads the JSON endpoints behind the page and refreshes whenever the server
// announces a change over server-sent events. Every value from the server is written with
// textContent, never as HTML, so lead data cannot inject markup.
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const state = { team: "", clockOffset: 0, chart: null };
  let refreshTimer = null;
  let lastRefresh = 0;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
    return node;
  }

  // The viewer key lives in this tab's session only; a 401 asks for it again.
  const keyName = "salesops-routing.api-key";
  const headers = (accept) => {
    const key = sessionStorage.getItem(keyName);
    return key ? { Accept: accept, Authorization: `Bearer ${key}` } : { Accept: accept };
  };

  function askForKey() {
    $("key-form").hidden = false;
    $("live").textContent = "API key needed";
    $("live").classList.remove("on");
  }

  async function api(path) {
    const response = await fetch(path, { headers: headers("application/json") });
    if (response.status === 404) return null;
    if (response.status === 401 || response.status === 403) askForKey();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  const withTeam = (path) => state.team ? `${path}${path.includes("?") ? "&" : "?"}team=${encodeURIComponent(state.team)}` : path;

  function duration(seconds) {
    const s = Math.max(0, Math.round(Math.abs(seconds)));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return h > 0 ? `${h}h ${String(m).padStart(2, "0")}m` : `${m}m ${String(r).padStart(2, "0")}s`;
  }

  const minutes = (value) => value == null ? "–" : `${value.toFixed(1)} min`;
  const percent = (value) => value == null ? "–" : `${Math.round(value * (value <= 1 ? 100 : 1))}%`;

  function fillTable(tableId, rows, emptyId) {
    const body = $(tableId).querySelector("tbody");
    body.replaceChildren(...rows);
    $(emptyId).hidden = rows.length > 0;
    $(tableId).hidden = rows.length === 0;
  }

  // Countdowns run on the server's clock: a browser clock that is off would turn "3m left" into "late by".
  const serverNow = () => Date.now() + state.clockOffset;
  const open = (timer) => timer.state === "running" || timer.state === "warning" || timer.state === "breached";
  const repLabel = (id, name) => name ?? id ?? "queue";
  const clockTime = (iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

  function leadRow(timer) {
    const company = timer.company ?? "(no company)";
    const when = open(timer)
      ? el("td", { class: "countdown", "data-due": timer.dueAt })
      : el("td", { class: "closed-at" }, `breached ${clockTime(timer.breachedAt ?? timer.dueAt)}`);
    const rep = el("td", {}, repLabel(timer.repId, timer.repName));
    if (timer.state === "reassigned")
      rep.append(el("div", { class: "moved" }, `reassigned to ${repLabel(timer.reassignedTo, timer.reassignedToName)}`));
    else if (timer.state === "late")
      rep.append(el("div", { class: "moved" }, "touched late"));
    const row = el("tr", { class: `lead${open(timer) ? "" : " closed"}`, tabindex: "0", "data-lead": timer.leadId, "data-state": timer.state, role: "button",
      "aria-label": `Show why the lead from ${company} went to ${repLabel(timer.repId, timer.repName)}` },
      el("td", {}, el("span", { class: "company" }, company), el("span", { class: "lead-id" }, timer.leadId.slice(0, 8))),
      rep, el("td", {}, timer.team ?? ""), el("td", {}, timer.policy), when);
    const show = () => showTrace(timer.leadId);
    row.addEventListener("click", show);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); show(); } });
    return row;
  }

  function tickCountdowns() {
    const now = serverNow();
    for (const cell of document.querySelectorAll("td.countdown")) {
      const left = (Date.parse(cell.dataset.due) - now) / 1000;
      cell.textContent = left < 0 ? `late by ${duration(left)}` : duration(left);
    }
  }

  function note(id, list) {
    $(id).hidden = !list?.more;
  }

  async function loadAttention() {
    const [breached, atRisk] = await Promise.all([api(withTeam("/api/dashboard/breached")), api(withTeam("/api/dashboard/at-risk"))]);
    const now = breached?.now ?? atRisk?.now;
    if (now) state.clockOffset = Date.parse(now) - Date.now();
    fillTable("breached", (breached?.items ?? []).map(leadRow), "breached-empty");
    fillTable("at-risk", (atRisk?.items ?? []).map(leadRow), "at-risk-empty");
    note("breached-more", breached);
    note("at-risk-more", atRisk);
    tickCountdowns();
  }

  async function loadReps() {
    const teams = (await api(withTeam("/api/dashboard/reps"))) ?? [];
    const select = $("team-filter");
    if (select.options.length === 1) {
      const all = (await api("/api/dashboard/reps")) ?? teams;
      for (const team of all) select.append(el("option", { value: team.id }, team.name));
    }
    const rows = teams.flatMap((team) => team.reps.map((rep) => {
      const capacity = rep.maxOpenLeads;
      const fill = capacity ? Math.min(100, (rep.openLeads / capacity) * 100) : 0;
      const meter = el("div", { class: "meter" },
        el("span", { class: "bar" }, el("span", { class: `fill${capacity && rep.openLeads >= capacity ? " full" : ""}`, style: `width:${fill}%` })),
        `${rep.openLeads} / ${capacity ?? "∞"}`);
      const now = rep.eligibleNow ? el("span", { class: "ok" }, "eligible") : el("span", { class: "why" }, rep.notEligibleBecause.join("; "));
      return el("tr", { "data-rep": rep.id }, el("td", {}, rep.name), el("td", {}, rep.team), el("td", {}, meter), el("td", {}, String(rep.assignedToday)), el("td", {}, now));
    }));
    fillTable("reps", rows, "reps-empty");
  }

  async function loadDistribution() {
    const teams = ((await api(withTeam("/api/dashboard/distribution"))) ?? []).filter((t) => t.total > 0);
    const blocks = teams.map((team) => el("div", { class: "team-dist" },
      el("h3", {}, `${team.team} · ${team.distribution} · ${team.total} today`),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Rep"), el("th", {}, "Leads"), el("th", {}, "Share"), el("th", {}, "Target"))),
        el("tbody", {}, ...team.reps.map((rep) => {
          const off = Math.abs(rep.share - rep.targetShare) > 0.15 && team.total >= 10;
          return el("tr", {}, el("td", {}, rep.name), el("td", {}, String(rep.leads)),
            el("td", { class: `share${off ? " off" : ""}` }, percent(rep.share)), el("td", {}, percent(rep.targetShare)));
        })))));
    $("distribution").replaceChildren(...blocks);
    $("distribution-empty").hidden = blocks.length > 0;
  }

  async function loadSpeed() {
    const now = new Date(serverNow());
    const day = new Date(now); day.setHours(0, 0, 0, 0);
    const week = new Date(day); week.setDate(day.getDate() - ((day.getDay() + 6) % 7));
    const to = new Date(now.getTime() + 1000).toISOString();
    const [today, thisWeek] = await Promise.all([
      api(`/api/sla/summary?from=${encodeURIComponent(day.toISOString())}&to=${encodeURIComponent(to)}`),
      api(`/api/sla/summary?from=${encodeURIComponent(week.toISOString())}&to=${encodeURIComponent(to)}`),
    ]);
    const byTeam = new Map();
    for (const t of thisWeek?.teams ?? []) byTeam.set(t.team ?? "(none)", { week: t.figures });
    for (const t of today?.teams ?? []) byTeam.set(t.team ?? "(none)", { ...(byTeam.get(t.team ?? "(none)") ?? {}), today: t.figures });
    const rows = [...byTeam.entries()]
      .filter(([team]) => !state.team || team === state.team)
      .map(([team, f]) => el("tr", {}, el("td", {}, team), el("td", {}, minutes(f.today?.medianMinutes)), el("td", {}, minutes(f.today?.p90Minutes)),
        el("td", {}, minutes(f.week?.medianMinutes)), el("td", {}, minutes(f.week?.p90Minutes)), el("td", {}, percent(f.week?.percentMet))));
    fillTable("speed", rows, "speed-empty");
  }

  async function loadHourly() {
    const hourly = await api(withTeam("/api/dashboard/hourly"));
    if (!hourly || typeof uPlot === "undefined") return;
    const hours = hourly.counts.map((_, i) => i);
    const box = $("hourly-chart");
    const width = Math.max(280, box.clientWidth || 500);
    if (state.chart) { state.chart.setData([hours, hourly.counts]); state.chart.setSize({ width, height: 160 }); return; }
    state.chart = new uPlot({
      width, height: 160, legend: { show: false },
      scales: { x: { time: false } },
      axes: [{ values: (u, vals) => vals.map((v) => `${v}h`) }, {}],
      series: [{}, { label: "leads", stroke: "#1f6feb", fill: "rgba(31,111,235,.12)", paths: uPlot.paths.bars({ size: [0.8] }) }],
    }, [hours, hourly.counts], box);
  }

  async function loadRules() {
    const status = await api("/api/rules/status");
    const target = $("rules-status");
    if (!status) { target.textContent = "Rule status is not available."; return; }
    const parts = [el("span", {}, `Active version ${status.activeVersion ?? "none"}`),
      el("span", { class: "muted" }, status.loadedAt ? ` · loaded ${new Date(status.loadedAt).toLocaleString()}` : "")];
    if (status.lastError) {
      const first = status.lastError.errors?.[0];
      const where = first ? `${first.file}${first.line ? `:${first.line}:${first.column ?? 1}` : ""}: ${first.message}` : status.lastError.message;
      parts.push(el("div", { class: "error", role: "alert" }, `Last edit refused (${new Date(status.lastError.at).toLocaleString()}): ${where}`));
    }
    target.replaceChildren(...parts);
  }

  async function showTrace(leadId) {
    const lead = await api(`/api/leads/${encodeURIComponent(leadId)}`);
    if (!lead) return;
    const owner = (repId, repName) => repId ? `${repName ?? repId} (${repId})` : "–";
    const decided = lead.decided;
    const summary = [
      el("dt", {}, "Lead"), el("dd", {}, `${lead.externalId} (${lead.source})`),
      el("dt", {}, "Status"), el("dd", {}, lead.status),
      el("dt", {}, "Team"), el("dd", {}, lead.team ?? "–"),
      el("dt", {}, "Rep"), el("dd", {}, owner(lead.repId, lead.repName)),
    ];
    if (decided && (decided.repId !== lead.repId || decided.team !== lead.team))
      summary.push(el("dt", {}, "Decided"), el("dd", {}, `${owner(decided.repId, decided.repName)} in ${decided.team ?? "–"}`));
    summary.push(el("dt", {}, "Score"), el("dd", {}, String(lead.score)), el("dt", {}, "Rule set"), el("dd", {}, lead.ruleSetVersion));
    $("trace-summary").replaceChildren(...summary);
    $("trace-steps").replaceChildren(...lead.trace.map((step) =>
      el("li", {}, el("span", { class: "stage" }, step.stage), el("strong", {}, step.rule), ` — ${step.effect}`)));
    const moves = (lead.assignments ?? []).slice(1);
    $("trace-moves").replaceChildren(...moves.map((move) =>
      el("li", {}, el("span", { class: "stage" }, new Date(move.assignedAt).toLocaleString()), el("strong", {}, move.repId), ` — ${move.trace?.[0]?.effect ?? move.reason}`)));
    $("trace-moves-title").hidden = moves.length === 0;
    const dialog = $("trace-dialog");
    if (!dialog.open) dialog.showModal();
  }

  async function refresh() {
    const results = await Promise.allSettled([loadRules(), loadAttention(), loadReps(), loadDistribution(), loadSpeed(), loadHourly()]);
    for (const r of results) if (r.status === "rejected") console.warn("dashboard section failed:", r.reason?.message ?? r.reason);
    document.body.dataset.refreshed = String(Date.now());
  }

  // A moment after a change, and at most once a second. An event joins a refresh already due
  // instead of postponing it: postponed on each one, the page stayed as it was for as long as
  // leads kept arriving (a campaign), and each refresh costs the server six queries.
  function scheduleRefresh() {
    if (refreshTimer !== null) return;
    const wait = Math.max(250, lastRefresh + 1000 - Date.now());
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      lastRefresh = Date.now();
      refresh();
    }, wait);
  }

  // Server-sent events read with fetch rather than EventSource, which cannot send the key.
  let stream = null;
  async function connect() {
    stream?.abort();
    stream = new AbortController();
    const live = $("live");
    try {
      const response = await fetch("/api/dashboard/events", { headers: headers("text/event-stream"), signal: stream.signal });
      if (response.status === 401 || response.status === 403) { askForKey(); return; }
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replaceAll("\r\n", "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const type = buffer.slice(0, end).split("\n").find((line) => line.startsWith("event:"))?.slice(6).trim();
          buffer = buffer.slice(end + 2);
          if (!type) continue;
          live.textContent = "live"; live.classList.add("on");
          if (type !== "hello") scheduleRefresh();
        }
      }
    } catch (error) {
      if (error.name === "AbortError") return;
    }
    live.textContent = "reconnecting…"; live.classList.remove("on");
    setTimeout(connect, 3000);
  }

  $("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem(keyName, $("key-input").value.trim());
    $("key-input").value = "";
    $("key-form").hidden = true;
    refresh();
    connect();
  });

  $("team-filter").addEventListener("change", (e) => { state.team = e.target.value; refresh(); });
  setInterval(tickCountdowns, 1000);
  // A breach needs no event to become visible: a timer's deadline passing shows on the next tick,
  // and a slow refresh catches anything an event could not announce.
  setInterval(refresh, 30000);
  refresh();
  connect();
})();
