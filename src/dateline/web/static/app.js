// dateline's page: map, timeline, table, event panel and actor graph over /api.
// All text from the database is inserted with textContent, never as HTML.
"use strict";

const COLORS = {
  "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#8c564b", "Protests": "#2ca02c", "Riots": "#bcbd22",
  "Strategic developments": "#1f77b4", "Diplomacy": "#9467bd", "Attribution": "#7f7f7f",
  "Security": "#17becf",
};
const FILTER_KEYS = ["start", "end", "country", "event_type", "actor", "status", "background",
  "min_sources", "q", "story"];
const PAGE = 50;
const state = { filter: {}, sort: "date_start", desc: false, offset: 0, event: null, view: "events" };
let map, cluster;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}

// --- URL state ------------------------------------------------------------------------
function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  state.filter = {};
  for (const k of FILTER_KEYS) if (p.get(k)) state.filter[k] = p.get(k);
  state.sort = p.get("sort") || "date_start";
  state.desc = p.get("desc") === "1";
  state.offset = parseInt(p.get("offset") || "0", 10);
  state.event = p.get("event");
  state.view = p.get("view") || "events";
}
function writeHash() {
  const p = new URLSearchParams(state.filter);
  if (state.sort !== "date_start") p.set("sort", state.sort);
  if (state.desc) p.set("desc", "1");
  if (state.offset) p.set("offset", state.offset);
  if (state.event) p.set("event", state.event);
  if (state.view !== "events") p.set("view", state.view);
  history.replaceState(null, "", "#" + p.toString());
}
function query(extra = {}) {
  return new URLSearchParams({ ...state.filter, ...extra }).toString();
}
async function api(path) {
  const r = await fetch(path);
  if (!r.ok) throw new Error((await r.json()).detail || r.statusText);
  return r.json();
}

// --- filters form -------------------------------------------------------------------------
async function setupForm() {
  const meta = await api("/api/meta");
  const form = document.getElementById("filters");
  for (const c of meta.countries) form.country.append(el("option", { value: c }, c));
  for (const t of Object.keys(meta.taxonomy)) form.event_type.append(el("option", { value: t }, t));
  for (const s of meta.statuses) form.status.append(el("option", { value: s }, s));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    state.filter = {};
    for (const k of FILTER_KEYS) if (form[k] && form[k].value) state.filter[k] = form[k].value;
    state.offset = 0;
    refresh();
  });
  document.getElementById("reset").addEventListener("click", () => {
    state.filter = {}; state.offset = 0; refresh();
  });
}
function fillForm() {
  const form = document.getElementById("filters");
  for (const k of FILTER_KEYS) if (form[k]) form[k].value = state.filter[k] || "";
}

// --- map ------------------------------------------------------------------------------
async function setupMap() {
  map = L.map("map", { worldCopyJump: true, attributionControl: true }).setView([33.5, 43], 5);
  const world = await (await fetch("/static/world.geojson")).json();
  L.geoJSON(world, { style: { color: "#8894a4", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 },
    attribution: "Natural Earth (public domain)" }).addTo(map);
  cluster = L.markerClusterGroup({ maxClusterRadius: 35 });
  map.addLayer(cluster);
  const legend = document.getElementById("legend");
  for (const [t, c] of Object.entries(COLORS))
    legend.append(el("span", {}, el("i", { style: `background:${c}` }), t));
}
function drawMap(items) {
  cluster.clearLayers();
  for (const e of items) {
    if (e.latitude == null || e.longitude == null) continue;
    const radius = 6 + Math.min(14, Math.sqrt(e.fatalities_max || 0) * 3);
    const m = L.circleMarker([e.latitude, e.longitude], { radius, color: "#222", weight: 1,
      fillColor: COLORS[e.event_type] || "#555", fillOpacity: 0.85, className: "event-marker" });
    const tip = el("div", {}, el("b", {}, e.sub_event_type), el("br"),
      `${e.date_start || "date unknown"} · ${e.location || ""}`);
    m.bindTooltip(tip);
    m.on("click", () => openEvent(e.event_id));
    cluster.addLayer(m);
  }
}

// --- timeline with a brush ------------------------------------------------------------------
async function drawTimeline() {
  const { start, end, ...rest } = state.filter;  // the timeline shows the whole range
  const data = await api("/api/timeline?" + new URLSearchParams(rest));
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const days = [...new Set(data.days.map((d) => d.date))].sort();
  if (!days.length) return;
  const t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]) + 86400000;
  const W = svg.clientWidth || 600, H = 120, pad = 18;
  const x = (t) => pad + (W - 2 * pad) * (t - t0) / (t1 - t0);
  const totals = {};
  for (const d of data.days) totals[d.date] = (totals[d.date] || 0) + d.events;
  const maxN = Math.max(...Object.values(totals));
  const bw = Math.max(2, (W - 2 * pad) / ((t1 - t0) / 86400000) - 1);
  const stacked = {};
  const ns = "http://www.w3.org/2000/svg";
  for (const d of data.days) {
    const base = stacked[d.date] || 0;
    const h = (H - 2 * pad) * d.events / maxN;
    const r = document.createElementNS(ns, "rect");
    r.setAttribute("x", x(Date.parse(d.date))); r.setAttribute("width", bw);
    r.setAttribute("y", H - pad - base - h); r.setAttribute("height", h);
    r.setAttribute("fill", COLORS[d.event_type] || "#555");
    r.setAttribute("class", "bar");
    const title = document.createElementNS(ns, "title");
    title.textContent = `${d.date}: ${d.events} ${d.event_type}`;
    r.append(title);
    svg.append(r);
    stacked[d.date] = base + h;
  }
  for (const [t, anchor] of [[days[0], "start"], [days[days.length - 1], "end"]]) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", anchor === "start" ? pad : W - pad); label.setAttribute("y", H - 3);
    label.setAttribute("text-anchor", anchor); label.setAttribute("font-size", "10");
    label.textContent = t; svg.append(label);
  }
  const brush = document.createElementNS(ns, "rect");
  brush.setAttribute("fill", "rgba(30,100,200,.2)"); brush.setAttribute("y", 0);
  brush.setAttribute("height", H); brush.setAttribute("width", 0);
  svg.append(brush);
  const toDate = (px) => new Date(t0 + (px - pad) / (W - 2 * pad) * (t1 - t0)).toISOString().slice(0, 10);
  let from = null;
  svg.onmousedown = (ev) => { from = ev.offsetX; brush.setAttribute("x", from); brush.setAttribute("width", 0); };
  svg.onmousemove = (ev) => {
    if (from === null) return;
    brush.setAttribute("x", Math.min(from, ev.offsetX)); brush.setAttribute("width", Math.abs(ev.offsetX - from));
  };
  svg.onmouseup = (ev) => {
    if (from === null) return;
    const a = Math.min(from, ev.offsetX), b = Math.max(from, ev.offsetX);
    from = null;
    if (b - a < 3) return;
    state.filter.start = toDate(a); state.filter.end = toDate(b); state.offset = 0;
    refresh();
  };
}

// --- table ---------------------------------------------------------------------------------
async function drawTable() {
  const page = await api("/api/events?" + query({ limit: PAGE, offset: state.offset, sort: state.sort, desc: state.desc }));
  const all = await api("/api/events?" + query({ limit: 1000 }));
  drawMap(all.items);
  document.getElementById("count").textContent =
    `${page.total} events` + (page.total > PAGE ? ` — showing ${state.offset + 1}–${Math.min(state.offset + PAGE, page.total)}` : "");
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of page.items) {
    const who = [e.perpetrators, e.claimants && e.claimants + " (claimed)", e.suspected && e.suspected + " (suspected)"].filter(Boolean).join("; ");
    const toll = e.fatalities_min == null ? "–" : e.fatalities_min === e.fatalities_max ? String(e.fatalities_min) : `${e.fatalities_min}–${e.fatalities_max}`;
    const row = el("tr", { "data-event": e.event_id, onclick: () => openEvent(e.event_id) },
      el("td", {}, e.date_start || "unknown"),
      el("td", { class: e.background ? "bg" : "" }, e.sub_event_type + (e.background ? " (background)" : e.status !== "asserted" ? ` (${e.status})` : "")),
      el("td", {}, [e.location, e.country_code].filter(Boolean).join(", ")),
      el("td", {}, who || "–"), el("td", {}, toll), el("td", {}, String(e.n_sources)),
      el("td", { class: e.conflicts ? "conflict" : "" }, e.conflicts || "–"));
    body.append(row);
  }
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = state.offset + PAGE >= page.total;
}

// --- one event ----------------------------------------------------------------------------
function highlighted(text, spans, focus) {
  const box = el("div", { class: "article" });
  let at = 0;
  for (const s of spans.filter((s) => s.start >= 0).sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    box.append(text.slice(at, s.start));
    box.append(el("mark", { class: s.event_id === focus ? "selected" : "", title: s.field }, text.slice(s.start, s.end)));
    at = s.end;
  }
  box.append(text.slice(at));
  return box;
}
function fmt(v) { return v == null ? "–" : typeof v === "object" ? JSON.stringify(v) : String(v); }

async function openEvent(id) {
  state.event = id; writeHash();
  const e = await api("/api/events/" + encodeURIComponent(id));
  const panel = document.getElementById("event-panel");
  const box = document.getElementById("event-detail");
  box.replaceChildren();
  box.append(el("h2", {}, `${e.sub_event_type}`), el("p", { class: "hint" }, `${e.event_type} · ${e.status}${e.background ? " · background (told as history)" : ""} · ${e.event_id}`));
  const quote = (field) => {
    const ev = e.evidence.find((x) => x.field === field) || (field === "event" ? e.evidence[0] : null);
    return ev ? el("span", { class: "quote" }, "“" + ev.text + "”") : "";
  };
  const loc = e.location;
  const rows = [
    ["When", `${e.date.start || "unknown"}${e.date.end && e.date.end !== e.date.start ? " – " + e.date.end : ""} (${e.date.precision}) — ${e.date.reason}`, "date"],
    ["Where", loc ? `${loc.name}${loc.admin1 ? ", " + loc.admin1 : ""}${loc.country_code ? ", " + loc.country_code : ""} (precision ${loc.precision})` : "unknown", "location"],
    ["Actors", e.actors.map((a) => `${a.name} [${a.role}${a.attributed_by ? " per " + a.attributed_by : ""}${a.parent ? ", front of " + a.parent : ""}]`).join("; ") || "–", "actors"],
    ["Killed", fmt(e.fatalities && (e.fatalities.min === e.fatalities.max ? e.fatalities.min : `${e.fatalities.min}–${e.fatalities.max}`)), "fatalities"],
    ["Injured", fmt(e.injured && (e.injured.min === e.injured.max ? e.injured.min : `${e.injured.min}–${e.injured.max}`)), "injured"],
    ["Event", "", "event"],
  ];
  const t = el("table", { class: "fields" });
  for (const [k, v, field] of rows) t.append(el("tr", {}, el("td", {}, k), el("td", {}, v, el("br"), quote(field))));
  box.append(t);
  if (e.conflicts.length) {
    box.append(el("h3", {}, "Sources disagree"));
    for (const c of e.conflicts) {
      const sides = el("div", { class: "sides" });
      for (const v of c.values) sides.append(el("div", {}, el("b", {}, c.field + ": " + fmt(v.value)), el("br"), (e.articles[v.article_id] || {}).outlet || v.article_id));
      box.append(sides);
    }
  }
  box.append(el("h3", {}, `Sources (${e.sources.length})`));
  const srcs = el("ul");
  for (const s of e.sources) srcs.append(el("li", {}, `${s.outlet || "unknown outlet"} · ${s.published || "date unknown"} · ${(e.articles[s.article_id] || {}).title || s.article_id}`));
  box.append(srcs);
  box.append(el("h3", {}, "Why these reports were joined"));
  if (!e.merge_decisions.length) box.append(el("p", { class: "hint" }, "A single report: nothing was merged."));
  const mtab = el("table", {}, el("tr", {}, el("th", {}, "report"), el("th", {}, "score"), el("th", {}, "rule"), el("th", {}, "features")));
  for (const d of e.merge_decisions) {
    const feats = Object.entries(d.features).map(([k, v]) => `${k}=${typeof v === "number" ? v.toFixed(2) : v}`).join(", ");
    mtab.append(el("tr", {}, el("td", {}, d.absorbed_id.slice(0, 14)), el("td", {}, d.score.toFixed(3)), el("td", {}, d.rule), el("td", {}, feats)));
  }
  if (e.merge_decisions.length) box.append(mtab);
  if (e.mentions.length > 1) {
    box.append(el("h4", {}, "Reports in this event"));
    const ul = el("ul");
    for (const m of e.mentions) {
      const outlet = (e.articles[m.article_id] || {}).outlet || m.article_id;
      ul.append(el("li", {}, `${outlet} (${m.mention_id.slice(0, 14)})`,
        el("button", { class: "split", "data-mention": m.mention_id, onclick: () => splitOut(e.event_id, m.mention_id) }, "Split out")));
    }
    box.append(ul);
  }
  box.append(el("h3", {}, "Articles, with the evidence highlighted"));
  for (const aid of Object.keys(e.articles)) {
    const a = await api("/api/articles/" + encodeURIComponent(aid));
    box.append(el("h4", {}, `${a.outlet || ""} — ${a.title || ""}`),
      highlighted(a.text, a.evidence, e.event_id));
  }
  panel.hidden = false;
  const first = box.querySelector("mark.selected");
  if (first) first.scrollIntoView({ block: "nearest" });
}

async function splitOut(eventId, mentionId) {
  const headers = { "Content-Type": "application/json" };
  const token = sessionStorage.getItem("dateline-token");
  if (token) headers["X-Dateline-Token"] = token;
  let r = await fetch(`/api/events/${encodeURIComponent(eventId)}/split`, { method: "POST", headers, body: JSON.stringify({ mention_ids: [mentionId], note: "split in the web page" }) });
  if (r.status === 401) {
    const t = prompt("This action needs the server's token:");
    if (!t) return;
    sessionStorage.setItem("dateline-token", t);
    return splitOut(eventId, mentionId);
  }
  if (!r.ok) { alert((await r.json()).detail); return; }
  await refresh();
  openEvent(eventId);
}

// --- actors ---------------------------------------------------------------------------------
async function drawActors() {
  const data = await api("/api/actors?limit=200");
  const body = document.querySelector("#actors tbody");
  body.replaceChildren();
  for (const a of data.items) {
    const roles = Object.entries(a.roles).map(([r, n]) => `${r} ${n}`).join(", ");
    body.append(el("tr", { onclick: () => { state.filter = { actor: a.name }; state.view = "events"; refresh(); } },
      el("td", {}, a.name), el("td", {}, String(a.events)), el("td", {}, roles), el("td", {}, a.parent || "–"), el("td", {}, (a.aliases || []).join(", "))));
  }
  const svg = document.getElementById("actor-graph");
  svg.replaceChildren();
  const ns = "http://www.w3.org/2000/svg";
  const W = svg.clientWidth || 800, H = 520, items = data.items.slice(0, 40);
  const names = new Set(items.map((a) => a.name));
  for (const e of data.edges) if (!names.has(e.to)) { items.push({ name: e.to, events: 0, roles: {} }); names.add(e.to); }
  const pos = {};
  items.forEach((a, i) => {
    const ang = 2 * Math.PI * i / items.length;
    pos[a.name] = [W / 2 + (W / 2 - 120) * Math.cos(ang), H / 2 + (H / 2 - 40) * Math.sin(ang)];
  });
  for (const e of data.edges) {
    if (!pos[e.from] || !pos[e.to]) continue;
    const line = document.createElementNS(ns, "line");
    line.setAttribute("x1", pos[e.from][0]); line.setAttribute("y1", pos[e.from][1]);
    line.setAttribute("x2", pos[e.to][0]); line.setAttribute("y2", pos[e.to][1]);
    line.setAttribute("stroke", "#b3261e"); line.setAttribute("stroke-dasharray", "4 3");
    const title = document.createElementNS(ns, "title"); title.textContent = `${e.from} is a front of ${e.to}`;
    line.append(title); svg.append(line);
  }
  for (const a of items) {
    const [cx, cy] = pos[a.name];
    const c = document.createElementNS(ns, "circle");
    c.setAttribute("cx", cx); c.setAttribute("cy", cy); c.setAttribute("r", 5 + Math.sqrt(a.events) * 4);
    c.setAttribute("fill", a.roles.claimant ? "#ff7f0e" : a.roles.suspected ? "#9467bd" : "#1f77b4");
    c.setAttribute("opacity", "0.8");
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", cx + 8); label.setAttribute("y", cy + 4); label.setAttribute("font-size", "11");
    label.textContent = `${a.name} (${a.events})`;
    svg.append(c, label);
  }
}

// --- wiring -------------------------------------------------------------------------------
function showView() {
  document.getElementById("events-view").hidden = state.view !== "events";
  document.getElementById("actors-view").hidden = state.view !== "actors";
  document.querySelectorAll("nav a[data-view]").forEach((a) => a.classList.toggle("active", a.dataset.view === state.view));
}
async function refresh() {
  writeHash(); fillForm(); showView();
  for (const f of ["csv", "acled", "geojson"]) document.getElementById("export-" + f).href = `/api/export.${f}?` + query();
  if (state.view === "actors") return drawActors();
  await Promise.all([drawTable(), drawTimeline()]);
  document.body.dataset.ready = "1";
}
async function main() {
  readHash();
  await Promise.all([setupForm(), setupMap()]);
  document.querySelectorAll("th[data-sort]").forEach((th) => th.addEventListener("click", () => {
    state.desc = state.sort === th.dataset.sort ? !state.desc : false;
    state.sort = th.dataset.sort; state.offset = 0; refresh();
  }));
  document.getElementById("prev").onclick = () => { state.offset = Math.max(0, state.offset - PAGE); refresh(); };
  document.getElementById("next").onclick = () => { state.offset += PAGE; refresh(); };
  document.getElementById("close-panel").onclick = () => { document.getElementById("event-panel").hidden = true; state.event = null; writeHash(); };
  document.querySelectorAll("nav a[data-view]").forEach((a) => a.addEventListener("click", (ev) => {
    ev.preventDefault(); state.view = a.dataset.view; refresh();
  }));
  await refresh();
  if (state.event) openEvent(state.event);
}
main();
