// The event table: one page of the filtered events, sortable by clicking a column head.
// The map gets every event of the filter (up to 1000) from the same request family, so
// the count, the table and the map always describe the same set.
import { COLORS, PAGE, api, countryName, el, query, state } from "./util.js";
import { drawMap } from "./map.js";

const STATUS_HINT = {
  claimed: "a group says it did this", denied: "someone denies it happened or took part",
  threatened: "a threat, not (yet) an act", planned: "announced or planned",
  hypothetical: "discussed as a possibility",
};

function toll(e) {
  if (e.fatalities_min == null) return "–";
  return e.fatalities_min === e.fatalities_max ? String(e.fatalities_min)
    : `${e.fatalities_min}–${e.fatalities_max}`;
}

function when(e) {
  if (!e.date_start) return el("span", { class: "muted" }, "unknown");
  if (e.date_precision === "day") return e.date_start;
  const end = e.date_end && e.date_end !== e.date_start ? `to ${e.date_end} ` : "";
  return el("span", { title: e.date_reason }, e.date_start, el("br"),
    el("small", { class: "muted" }, `${end}(${e.date_precision})`));
}

function who(e) {
  const names = [];
  const add = (list, how) => {
    for (const n of (list || "").split("; ").filter(Boolean)) names.push(n + how);
  };
  add(e.perpetrators, ""); add(e.claimants, " (claimed)"); add(e.suspected, " (suspected)");
  if (!names.length) return el("span", { class: "muted" }, "not named");
  const more = names.length - 2;
  return el("span", { title: names.join("\n") }, names.slice(0, 2).join("; "),
    more > 0 ? el("small", { class: "muted" }, ` +${more} more`) : null);
}

function row(e, open) {
  const badges = [];
  if (e.background) badges.push(el("span", { class: "badge bg-badge",
    title: "mentioned as history or context, not reported as news" }, "background"));
  if (e.status !== "asserted") badges.push(el("span", { class: "badge",
    title: STATUS_HINT[e.status] || "" }, e.status));
  return el("tr", { "data-event": e.event_id, class: e.background ? "background" : null,
    tabindex: 0, onclick: () => open(e.event_id),
    onkeydown: (ev) => { if (ev.key === "Enter") open(e.event_id); } },
  el("td", { class: "when" }, when(e)),
  el("td", {}, el("i", { class: "dot", style: `background:${COLORS[e.event_type] || "#555"}`,
    title: e.event_type }), e.sub_event_type, ...badges),
  el("td", { class: "where", title: countryName(e.country_code) },
    [e.location, e.country_code].filter(Boolean).join(", ") || "–"),
  el("td", {}, who(e)),
  el("td", { class: "num" }, toll(e)),
  el("td", { class: "num", title: e.outlets }, String(e.n_sources)),
  el("td", { class: e.conflicts ? "conflict" : "muted",
    title: e.conflicts ? "sources disagree about these fields" : "" }, e.conflicts || "–"));
}

export async function drawTable(open, onReset) {
  const count = document.getElementById("count");
  const right = document.getElementById("right");
  right.classList.add("loading");
  count.textContent = "Loading events…";
  const [page, all] = await Promise.all([
    api("/api/events?" + query({ limit: PAGE, offset: state.offset, sort: state.sort,
      desc: state.desc })),
    api("/api/events?" + query({ limit: 1000 })),
  ]);
  right.classList.remove("loading");
  drawMap(all.items);
  count.dataset.total = page.total;
  const last = Math.min(state.offset + PAGE, page.total);
  count.textContent = page.total === 0 ? "No events match these filters."
    : `${page.total} event${page.total === 1 ? "" : "s"}` +
      (page.total > PAGE ? ` — showing ${state.offset + 1}–${last}` : "");
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  if (!page.items.length) {
    body.append(el("tr", {}, el("td", { colspan: 7, class: "empty" },
      el("p", {}, "No events match these filters."),
      el("button", { type: "button", onclick: onReset }, "Clear all filters"))));
  }
  for (const e of page.items) body.append(row(e, open));
  for (const th of document.querySelectorAll("th[data-sort]")) {
    const on = th.dataset.sort === state.sort;
    th.classList.toggle("sorted", on);
    th.setAttribute("aria-sort", on ? (state.desc ? "descending" : "ascending") : "none");
    th.dataset.arrow = on ? (state.desc ? " ▼" : " ▲") : "";
  }
  document.getElementById("pager").hidden = page.total <= PAGE;
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
}
