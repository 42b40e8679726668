// The timeline: events per day, stacked by type. Dragging across it sets the date filter
// and zooms the timeline to the chosen days; "all dates" zooms back out. Only events
// dated to the day are drawn (a month-precise event has no single bar to sit in).
import { COLORS, api, el, fill, state, svg } from "./util.js";

const DAY = 86400000;
const H = 130, PAD_X = 28, PAD_TOP = 10, PAD_BOTTOM = 22;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
  "Dec"];

const iso = (t) => new Date(t).toISOString().slice(0, 10);
let whole = false;  // the user asked for the whole period rather than the busy stretch

// Where the news is: the latest days holding 75% of the events, when that is much shorter
// than the whole period (a few old events mentioned as history would squash the rest).
function busyStretch(days, totals) {
  const all = days.reduce((n, d) => n + totals[d], 0);
  let kept = 0, i = days.length;
  while (i > 0 && kept < 0.75 * all) kept += totals[days[--i]];
  const from = Date.parse(days[i]) - 2 * DAY, first = Date.parse(days[0]);
  const last = Date.parse(days[days.length - 1]);
  return (last - from) * 3 > last - first ? null : from;
}

function ticks(t0, t1) {
  // Day ticks for a few weeks, month ticks for a few years, year ticks beyond that.
  const span = (t1 - t0) / DAY, out = [];
  const d = new Date(t0);
  if (span <= 62) {
    const step = span <= 16 ? 1 : 7;
    for (let t = t0; t < t1; t += step * DAY) {
      const x = new Date(t);
      out.push([t, `${x.getUTCDate()} ${MONTHS[x.getUTCMonth()]}`]);
    }
    return out;
  }
  const monthly = span <= 800;
  let y = d.getUTCFullYear(), m = monthly ? d.getUTCMonth() + 1 : 12;
  const every = span <= 400 ? 1 : 3;
  for (;;) {
    if (m >= 12) { y += Math.floor(m / 12); m %= 12; }
    const t = Date.UTC(y, m, 1);
    if (t >= t1) break;
    if (m === 0) out.push([t, String(y)]);
    else if (monthly && m % every === 0) out.push([t, MONTHS[m]]);
    m += monthly ? 1 : 12;
  }
  return out;
}

export async function drawTimeline(onBrush) {
  const { start, end, ...rest } = state.filter;  // the bars ignore the dates they set
  const box = document.getElementById("timeline");
  const note = document.getElementById("timeline-note");
  const data = await api("/api/timeline?" + new URLSearchParams(rest));
  box.replaceChildren();
  const days = [...new Set(data.days.map((d) => d.date))].sort();
  document.getElementById("timeline-reset").hidden = !(start || end);
  if (!days.length) {
    fill(note, "No events dated to the day match these filters.");
    return;
  }
  const totals = {};
  for (const d of data.days) totals[d.date] = (totals[d.date] || 0) + d.events;
  const cut = start ? null : busyStretch(days, totals);
  const t0 = start ? Date.parse(start) : cut && !whole ? cut : Date.parse(days[0]);
  const t1 = Date.parse(end || days[days.length - 1]) + DAY;
  const before = days.filter((d) => Date.parse(d) < t0).reduce((n, d) => n + totals[d], 0);
  const redraw = () => { whole = !whole; drawTimeline(onBrush); };
  fill(note, start || end
    ? `Showing ${iso(t0)} to ${iso(t1 - DAY)}. Drag again to narrow further.`
    : `${iso(t0)} to ${iso(t1 - DAY)}. Drag across the bars to keep only those dates.`,
  cut && before ? ` ${before} earlier event${before > 1 ? "s" : ""} not drawn. ` : " ",
  cut ? el("button", { type: "button", class: "link", onclick: redraw },
    whole ? "Show the busy stretch" : "Show the whole period") : null);
  const W = box.clientWidth || 600;
  const x = (t) => PAD_X + (W - 2 * PAD_X) * (t - t0) / (t1 - t0);
  const shown = data.days.filter((d) => Date.parse(d.date) >= t0 && Date.parse(d.date) < t1);
  const maxN = Math.max(1, ...shown.map((d) => totals[d.date]));
  const plotH = H - PAD_TOP - PAD_BOTTOM;
  const barW = Math.max(2, (W - 2 * PAD_X) * DAY / (t1 - t0) - 1);

  for (const [t, label] of ticks(t0, t1)) {
    box.append(svg("line", { x1: x(t), x2: x(t), y1: PAD_TOP, y2: H - PAD_BOTTOM + 4,
      class: "tick" }), svg("text", { x: x(t) + 2, y: H - 6, class: "axis" }, label));
  }
  box.append(svg("line", { x1: PAD_X, x2: W - PAD_X, y1: H - PAD_BOTTOM, y2: H - PAD_BOTTOM,
    class: "baseline" }), svg("text", { x: PAD_X - 4, y: PAD_TOP + 8, class: "axis",
    "text-anchor": "end" }, String(maxN)), svg("text", { x: PAD_X - 4, y: H - PAD_BOTTOM,
    class: "axis", "text-anchor": "end" }, "0"));
  const stacked = {};
  for (const d of shown) {
    const base = stacked[d.date] || 0, h = plotH * d.events / maxN;
    box.append(svg("rect", { x: x(Date.parse(d.date)), width: barW,
      y: H - PAD_BOTTOM - base - h, height: h, fill: COLORS[d.event_type] || "#555",
      class: "bar" }, svg("title", {}, `${d.date}: ${d.events} × ${d.event_type}`)));
    stacked[d.date] = base + h;
  }
  const brush = svg("rect", { class: "brush", x: 0, y: 0, width: 0, height: H });
  box.append(brush);
  brushing(box, brush, (a, b) => {
    const toDay = (px) => iso(t0 + Math.floor((px - PAD_X) / (W - 2 * PAD_X) * (t1 - t0) / DAY)
      * DAY);
    const clamp = (px) => Math.min(W - PAD_X - 0.01, Math.max(PAD_X, px));
    onBrush(toDay(clamp(a)), toDay(clamp(b)));
  });
}

function brushing(box, brush, done) {
  let from = null;
  const at = (ev) => ev.clientX - box.getBoundingClientRect().left;
  box.onpointerdown = (ev) => {
    from = at(ev);
    box.setPointerCapture(ev.pointerId);
    brush.setAttribute("x", from); brush.setAttribute("width", 0);
  };
  box.onpointermove = (ev) => {
    if (from === null) return;
    const now = at(ev);
    brush.setAttribute("x", Math.min(from, now)); brush.setAttribute("width", Math.abs(now - from));
  };
  box.onpointerup = (ev) => {
    if (from === null) return;
    const a = Math.min(from, at(ev)), b = Math.max(from, at(ev));
    from = null;
    if (b - a < 3) { brush.setAttribute("width", 0); return; }  // a click is not a brush
    done(a, b);
  };
}
