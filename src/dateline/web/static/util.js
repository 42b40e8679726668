// Shared pieces of the page: DOM builders, the URL state, and the API client.
// Text from the database only ever enters the page through text nodes (never as HTML),
// so an article that contains markup is shown as the characters it contains.

export const COLORS = {
  "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#8c564b", "Protests": "#2ca02c", "Riots": "#bcbd22",
  "Strategic developments": "#1f77b4", "Diplomacy": "#9467bd", "Attribution": "#7f7f7f",
  "Security": "#17becf",
};
export const FILTER_KEYS = ["start", "end", "country", "event_type", "actor", "status",
  "background", "min_sources", "q", "story"];
export const PAGE = 50;
const SVG_NS = "http://www.w3.org/2000/svg";

// The whole view lives in the URL's fragment, so a link reproduces it.
export const state = {
  filter: {}, sort: "date_start", desc: true, offset: 0, event: null, view: "events",
};

// Replace a node's children, skipping empty parts (null, "", nested lists are flattened).
export function fill(node, ...children) {
  node.replaceChildren();
  return build(node, {}, children);
}
export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}
export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}
function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") node.setAttribute("class", v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === "") continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  state.filter = {};
  for (const k of FILTER_KEYS) if (p.get(k)) state.filter[k] = p.get(k);
  state.sort = p.get("sort") || "date_start";
  state.desc = p.get("desc") !== "0";
  state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  state.event = p.get("event");
  state.view = p.get("view") === "actors" ? "actors" : "events";
}
export function writeHash() {
  const p = new URLSearchParams(state.filter);
  if (state.sort !== "date_start") p.set("sort", state.sort);
  if (!state.desc) p.set("desc", "0");
  if (state.offset) p.set("offset", state.offset);
  if (state.event) p.set("event", state.event);
  if (state.view !== "events") p.set("view", state.view);
  history.replaceState(null, "", "#" + p.toString());
}
export function query(extra = {}, filter = state.filter) {
  return new URLSearchParams({ ...filter, ...extra }).toString();
}

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}
export async function api(path, options = {}) {
  const r = await fetch(path, options);
  if (!r.ok) {
    let detail = r.statusText;
    try {
      const body = await r.json();
      detail = typeof body.detail === "string" ? body.detail
        : (body.detail || []).map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ");
    } catch { /* not JSON: keep the status text */ }
    throw new ApiError(r.status, detail);
  }
  return r.json();
}

// A message across the top of the page for anything that went wrong.
export function showError(err) {
  const box = document.getElementById("error");
  box.replaceChildren(el("span", {}, `Something went wrong: ${err.message || err}`),
    el("button", { type: "button", onclick: () => { box.hidden = true; } }, "dismiss"));
  box.hidden = false;
}

const regionNames = typeof Intl.DisplayNames === "function"
  ? new Intl.DisplayNames(["en"], { type: "region" }) : null;
export function countryName(code) {
  if (!code) return "";
  try { return regionNames ? regionNames.of(code) : code; } catch { return code; }
}
export function range(r) {
  if (!r || r.min == null) return "–";
  return r.min === r.max ? String(r.min) : `${r.min}–${r.max}`;
}
