// The event panel: what happened, each field with the sentence it came from, where the
// sources disagree (side by side), which reports were joined and why, a split button per
// report, and the articles themselves with the evidence highlighted.
import { ApiError, COLORS, api, countryName, el, fill, range, state, writeHash } from "./util.js";
import { highlighted, scrollToEvidence } from "./highlight.js";

const FEATURE_WORDS = {
  text_sim: (v) => `text similarity ${v.toFixed(2)}`,
  date_overlap: (v) => `dates overlap ${Math.round(v * 100)}%`,
  distance_km: (v) => `${Math.round(v)} km apart`,
  actor_jaccard: (v) => `${Math.round(v * 100)}% of actors shared`,
  subtype_compat: (v) => (v >= 1 ? "same kind of event" : `event kinds compatible ${v.toFixed(2)}`),
  same_outlet: (v) => (v ? "same outlet" : "different outlets"),
  place: (v) => (v >= 1 ? "same place" : `place match ${v.toFixed(2)}`),
  casualty_compat: (v) => `tolls compatible ${v.toFixed(2)}`,
};
const FIELD_NAMES = { place: "location", location: "location", date: "date",
  fatalities: "fatalities", injured: "injured", actors: "actors", event: "event" };
let shown = 0;  // only the latest request may draw (clicks can overtake each other)

export function fmtValue(v) {
  if (v == null) return "–";
  if (Array.isArray(v)) return v.map(fmtValue).join("; ");
  if (typeof v !== "object") return String(v);
  if ("min" in v) return range(v);
  if ("start" in v && "precision" in v) {
    return (v.start === v.end ? v.start : `${v.start} – ${v.end}`) + ` (${v.precision})`;
  }
  if ("name" in v && "role" in v) return `${v.name} (${v.role})`;
  if ("name" in v) {
    const parts = [v.name, v.admin1, countryName(v.country_code)].filter(Boolean);
    return parts.filter((p, i) => p !== parts[i - 1]).join(", ");
  }
  return Object.entries(v).map(([k, x]) => `${k}: ${x}`).join(", ");
}

function quote(e, field) {
  const ev = e.evidence.find((x) => x.field === field);
  if (!ev) return null;
  return el("button", { type: "button", class: "quote", title: "show in the article",
    onclick: () => scrollToEvidence(ev) }, `“${ev.text}”`);
}

function fieldsTable(e) {
  const loc = e.location;
  const where = loc ? [fmtValue(loc), `(${["", "exact place", "near a place / part of a region",
    "region or country only"][loc.precision] || "precision " + loc.precision})`].join(" ")
    : "unknown";
  const actors = e.actors.length ? el("ul", { class: "actors" }, e.actors.map((a) => el("li", {},
    el("b", {}, a.name), " ", el("span", { class: "badge" }, a.role),
    a.attributed_by ? ` according to ${a.attributed_by}` : "",
    a.parent ? el("span", { class: "muted" }, ` · part of ${a.parent}`) : ""))) : "none named";
  const rows = [
    ["When", [fmtValue(e.date), el("div", { class: "muted" }, e.date.reason)], "date"],
    ["Where", where, "location"], ["Who", actors, "actors"],
    ["Killed", range(e.fatalities), "fatalities"], ["Injured", range(e.injured), "injured"],
    ["Report", "", "event"],
  ];
  if (e.tags && e.tags.length) rows.push(["Tags", e.tags.join(", "), null]);
  return el("table", { class: "fields" }, rows.map(([k, v, field]) =>
    el("tr", {}, el("th", { scope: "row" }, k), el("td", {}, v, field && quote(e, field)))));
}

function conflicts(e, outletOf) {
  if (!e.conflicts.length) return [];
  const said = (field, articleId) => (e.field_values || []).find((fv) =>
    FIELD_NAMES[fv.field] === FIELD_NAMES[field] && fv.article_id === articleId);
  return [el("h3", {}, "Sources disagree"), el("p", { class: "hint" },
    "dateline never picks a winner silently: each source's value is kept beside the others."),
  e.conflicts.map((c) => el("div", { class: "conflict-block" },
    el("h4", {}, FIELD_NAMES[c.field] || c.field),
    el("div", { class: "sides" }, c.values.map((v) => {
      const ev = (said(c.field, v.article_id) || {}).evidence || [];
      return el("div", { class: "side" }, el("div", { class: "value" }, fmtValue(v.value)),
        el("div", { class: "muted" }, `says ${outletOf(v.article_id)}`),
        ev.length ? el("button", { type: "button", class: "quote",
          onclick: () => scrollToEvidence(ev[0]) }, `“${ev[0].text}”`) : null);
    }))))];
}

function reports(e, outletOf, onSplit) {
  const why = (articleId) => e.merge_decisions.find((d) =>
    String(d.features.absorbed_articles || "").split(/[;, ]+/).includes(articleId));
  const list = el("ul", { class: "reports" });
  for (const m of e.mentions) {
    const d = why(m.article_id);
    const reason = d ? `joined: score ${d.score.toFixed(2)} (${d.rule}); ` + Object.entries(
      d.features).filter(([k, v]) => FEATURE_WORDS[k] && typeof v === "number")
      .map(([k, v]) => FEATURE_WORDS[k](v)).join(", ") : "the report the others were joined to";
    list.append(el("li", {}, el("b", {}, outletOf(m.article_id)), " ",
      el("span", { class: "muted" }, `${(e.articles[m.article_id] || {}).title || ""}`),
      el("div", { class: "why" }, e.mentions.length > 1 ? reason : "a single report"),
      e.mentions.length > 1 ? el("button", { type: "button", class: "split",
        "data-mention": m.mention_id, title: "this report is about another event",
        onclick: (ev) => onSplit(e.event_id, m.mention_id, ev.target) }, "Split out") : null));
  }
  return [el("h3", {}, `Reports in this event (${e.mentions.length})`),
    e.mentions.length > 1 ? el("p", { class: "hint" }, "If a report describes a different " +
      "event, split it out: the events are rebuilt without it and your decision is stored, " +
      "so later runs keep it.") : null, list];
}

export async function openEvent(id, onSplit, notice = null) {
  const ticket = ++shown;
  state.event = id; writeHash();
  const panel = document.getElementById("event-panel");
  const box = document.getElementById("event-detail");
  box.replaceChildren(el("p", { class: "loading-note" }, "Loading event…"));
  panel.hidden = false;
  let e;
  try {
    e = await api("/api/events/" + encodeURIComponent(id));
  } catch (err) {
    if (ticket !== shown) return;
    fill(box, notice ? el("p", { class: "notice" }, notice) : null,
      el("p", { class: "empty" }, err instanceof ApiError && err.status === 404
        ? "This event no longer exists: a split or merge rebuilt it under another id."
        : `Could not load the event: ${err.message}`));
    return;
  }
  const articles = await Promise.all(Object.keys(e.articles).map((aid) =>
    api("/api/articles/" + encodeURIComponent(aid))));
  if (ticket !== shown) return;
  const outletOf = (aid) => (e.articles[aid] || {}).outlet || aid;
  fill(box,
    notice ? el("p", { class: "notice", role: "status" }, notice) : null,
    el("h2", {}, e.sub_event_type),
    el("p", { class: "subtitle" }, el("i", { class: "dot",
      style: `background:${COLORS[e.event_type] || "#555"}` }), e.event_type,
    el("span", { class: "badge" }, e.status),
    e.background ? el("span", { class: "badge bg-badge" }, "background: told as history") : "",
    el("span", { class: "muted" }, ` confidence ${Math.round(e.confidence * 100)}% · ${e.event_id}`)),
    el("h3", {}, "What happened"),
    el("p", { class: "hint" }, "Click a quotation to see it highlighted in its article."),
    fieldsTable(e), conflicts(e, outletOf),
    el("h3", {}, `Sources (${e.sources.length})`),
    el("ul", { class: "sources" }, e.sources.map((s) => el("li", {},
      el("b", {}, s.outlet || "unknown outlet"), ` · ${s.published || "date unknown"} · `,
      (e.articles[s.article_id] || {}).title || s.article_id,
      s.url ? el("div", { class: "muted url" }, s.url) : null))),
    reports(e, outletOf, onSplit),
    el("h3", {}, "Articles, with the evidence highlighted"),
    el("p", { class: "hint" }, el("mark", { class: "selected" }, "this event's evidence"), " · ",
      el("mark", {}, "evidence for other events in the same article")),
    articles.map((a) => el("section", { class: "article-box" },
      el("h4", {}, `${a.outlet || "unknown outlet"} — ${a.title || "untitled"}`,
        el("span", { class: "muted" }, ` · ${(a.published || {}).start || "date unknown"}`)),
      highlighted(a, e.event_id))));
  const first = box.querySelector(".article mark.selected");
  if (first) first.scrollIntoView({ block: "nearest" });
  box.scrollTop = 0;
  panel.scrollTop = 0;
}

export function closeEvent() {
  shown++;
  document.getElementById("event-panel").hidden = true;
  state.event = null; writeHash();
}
