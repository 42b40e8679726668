// dateline's page: wires the filter form, map, timeline, table, event panel and actor
// graph to the URL state. Every view is a function of the URL fragment, so reloading or
// sharing a link shows the same thing.
import { FILTER_KEYS, PAGE, api, countryName, el, readHash, showError, state, query,
  writeHash } from "./util.js";
import { setupMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { drawTable } from "./table.js";
import { closeEvent, openEvent } from "./event.js";
import { drawActors } from "./actors.js";

const form = document.getElementById("filters");

async function setupForm() {
  const meta = await api("/api/meta");
  for (const c of meta.countries) form.country.append(el("option", { value: c },
    `${countryName(c)} (${c})`));
  for (const t of Object.keys(meta.taxonomy)) form.event_type.append(el("option", { value: t }, t));
  for (const s of meta.statuses) form.status.append(el("option", { value: s }, s));
  document.getElementById("stored").textContent = `${meta.counts.events} events from ` +
    `${meta.counts.articles} articles`;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const story = state.filter.story;  // set by links, not by the form
    state.filter = story ? { story } : {};
    for (const k of FILTER_KEYS) if (form[k] && form[k].value) state.filter[k] = form[k].value;
    state.offset = 0;
    refresh();
  });
  form.addEventListener("change", () => form.requestSubmit());
  document.getElementById("reset").addEventListener("click", resetFilters);
}

function resetFilters() {
  state.filter = {}; state.offset = 0; refresh();
}

function fillForm() {
  for (const k of FILTER_KEYS) if (form[k]) form[k].value = state.filter[k] || "";
  const active = Object.keys(state.filter).length;
  document.getElementById("reset").disabled = !active;
}

function showView() {
  document.getElementById("events-view").hidden = state.view !== "events";
  document.getElementById("actors-view").hidden = state.view !== "actors";
  form.hidden = state.view !== "events";  // the actor view covers every stored event
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    a.classList.toggle("active", a.dataset.view === state.view);
    a.setAttribute("aria-current", a.dataset.view === state.view ? "page" : "false");
  }
}

function open(id) { return openEvent(id, split); }

function pickActor(name) {
  state.filter = { actor: name }; state.offset = 0; state.view = "events"; refresh();
}

async function split(eventId, mentionId, button) {
  const headers = { "Content-Type": "application/json" };
  const token = sessionStorage.getItem("dateline-token");
  if (token) headers["X-Dateline-Token"] = token;
  button.disabled = true; button.textContent = "Splitting…";
  const prior = await api("/api/events/" + encodeURIComponent(eventId));
  const r = await fetch(`/api/events/${encodeURIComponent(eventId)}/split`, { method: "POST",
    headers, body: JSON.stringify({ mention_ids: [mentionId], note: "split in the web page" }) });
  if (r.status === 401) {
    const given = prompt("Changing events needs the server's token:");
    if (!given) { button.disabled = false; button.textContent = "Split out"; return; }
    sessionStorage.setItem("dateline-token", given);
    return split(eventId, mentionId, button);
  }
  if (!r.ok) {
    button.disabled = false; button.textContent = "Split out";
    showError(new Error((await r.json()).detail));
    return;
  }
  const done = await r.json();
  await refresh(false);
  // Rebuilding may give the events new ids: follow the reports to where they are now.
  const kept = prior.mention_ids.find((m) => m !== mentionId);
  const [keptId, outId] = await Promise.all([whereIs(kept, prior), whereIs(mentionId, prior)]);
  const notice = el("span", {}, "Report split out: it is now ",
    outId ? el("a", { href: "#", class: "split-event", "data-event": outId,
      onclick: (ev) => { ev.preventDefault(); open(outId); } }, "an event of its own")
      : "an event of its own",
    `. Your decision is stored (override ${done.override_id}) and later runs keep it.`);
  await openEvent(keptId || eventId, split, notice);
}

// The id of the event now holding report ``mentionId``, looked up among events of the same
// type around the same dates as ``prior`` (the event it used to belong to).
async function whereIs(mentionId, prior) {
  const around = { event_type: prior.event_type, limit: 1000 };
  if (prior.date.start) Object.assign(around, { start: prior.date.start, end: prior.date.end });
  for (const params of [around, { event_type: prior.event_type, limit: 1000 }]) {
    const page = await api("/api/events?" + new URLSearchParams(params));
    const ids = page.items.map((e) => e.event_id);
    ids.sort((a, b) => (b === prior.event_id) - (a === prior.event_id));  // likeliest first
    for (const id of ids) {
      const e = await api("/api/events/" + encodeURIComponent(id));
      if (e.mention_ids.includes(mentionId)) return id;
    }
  }
  return null;
}

async function refresh(reopen = true) {
  writeHash(); fillForm(); showView();
  document.body.dataset.ready = "0";
  for (const f of ["csv", "acled", "geojson"]) {
    document.getElementById("export-" + f).href = `/api/export.${f}?` + query();
  }
  try {
    if (state.view === "actors") await drawActors(pickActor);
    else {
      await Promise.all([drawTable(open, resetFilters), drawTimeline((start, end) => {
        state.filter.start = start; state.filter.end = end; state.offset = 0; refresh();
      })]);
    }
  } catch (err) {
    showError(err);
  }
  document.body.dataset.ready = "1";
  if (reopen && state.event && document.getElementById("event-panel").hidden) open(state.event);
}

async function main() {
  readHash();
  for (const th of document.querySelectorAll("th[data-sort]")) {
    th.addEventListener("click", () => {
      state.desc = state.sort === th.dataset.sort ? !state.desc : th.dataset.sort === "date_start"
        || th.dataset.sort === "fatalities_max" || th.dataset.sort === "n_sources";
      state.sort = th.dataset.sort; state.offset = 0; refresh();
    });
  }
  document.getElementById("prev").onclick = () => {
    state.offset = Math.max(0, state.offset - PAGE); refresh();
  };
  document.getElementById("next").onclick = () => { state.offset += PAGE; refresh(); };
  document.getElementById("close-panel").onclick = closeEvent;
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeEvent(); });
  document.getElementById("timeline-reset").onclick = () => {
    delete state.filter.start; delete state.filter.end; state.offset = 0; refresh();
  };
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    a.addEventListener("click", (ev) => {
      ev.preventDefault(); state.view = a.dataset.view; refresh();
    });
  }
  window.addEventListener("hashchange", () => {
    readHash();
    document.getElementById("event-panel").hidden = true;  // refresh reopens the URL's event
    refresh();
  });
  try {
    await Promise.all([setupForm(), setupMap(open)]);
  } catch (err) {
    showError(err);
  }
  await refresh();
}
main();
