// The actor view: who attacked, claimed or was blamed for attacks on whom, and which group
// is part of (or a front for) which, drawn as a graph with a small force layout written
// here (deterministic: same data, same picture), plus a table of every actor.
import { api, el, svg } from "./util.js";

const ROLE_GROUPS = [
  ["acted", ["perpetrator", "claimant"], "#c0392b", "named as perpetrator or claimed it"],
  ["blamed", ["suspected", "accused"], "#8e44ad", "suspected or accused by others"],
  ["hit", ["target", "victim"], "#2471a3", "target or victim"],
  ["other", [], "#7f8c8d", "protesters, speakers, mediators, others"],
];
const EDGE_KINDS = {
  front_of: ["#555", "is part of / a front for", "4 3"],
  claimed: ["#e67e22", "claimed an attack on", null],
  attacked: ["#c0392b", "attacked", null],
  suspected: ["#8e44ad", "was blamed for an attack on", "2 3"],
};
const H = 560, MAX_NODES = 36;

function group(actor) {
  let best = ROLE_GROUPS[3], most = 0;
  for (const g of ROLE_GROUPS.slice(0, 3)) {
    const n = g[1].reduce((sum, r) => sum + (actor.roles[r] || 0), 0);
    if (n > most) { best = g; most = n; }
  }
  return best;
}

function eventEdges(events) {
  const split = (s) => (s ? s.split("; ").filter(Boolean) : []);
  const seen = new Map();
  for (const e of events) {
    for (const [kind, from] of [["claimed", e.claimants], ["attacked", e.perpetrators],
      ["suspected", e.suspected]]) {
      for (const a of split(from)) {
        for (const b of split(e.targets)) {
          if (a === b) continue;
          const key = `${kind}\u0000${a}\u0000${b}`;
          const edge = seen.get(key) || { from: a, to: b, kind, events: 0 };
          edge.events += 1;
          seen.set(key, edge);
        }
      }
    }
  }
  return [...seen.values()];
}

// Actors without any relation go in tidy rows along the bottom (sorted by events); the
// others are spread by the force layout above them.
function layout(nodes, edges, W) {
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  const alone = nodes.filter((d) => !linked.has(d.name));
  let x = 16, y = H - 18;
  for (const d of alone.slice().reverse()) {
    if (x + 2 * d.r + d.w + 24 > W) { x = 16; y -= 26; }
    d.x = x + d.r; d.y = y; x += 2 * d.r + d.w + 28;
  }
  const top = alone.length ? y - 44 : H;
  spread(nodes.filter((d) => linked.has(d.name)), edges, W, top);
  return top;
}

// Spread nodes (circle + label box) so that none overlap and linked ones stay close.
function spread(nodes, edges, W, H) {
  const n = nodes.length;
  nodes.forEach((d, i) => {
    const angle = 2 * Math.PI * i / Math.max(n, 1), ring = 0.25 + 0.7 * (i % 3) / 2;
    d.x = W / 2 + Math.cos(angle) * ring * (W / 2 - 160);
    d.y = H / 2 + Math.sin(angle) * ring * (H / 2 - 40);
  });
  const index = new Map(nodes.map((d, i) => [d.name, i]));
  const links = edges.map((e) => [index.get(e.from), index.get(e.to)]);
  for (let step = 0, heat = 30; step < 350; step++, heat *= 0.985) {
    const force = nodes.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = nodes[j].x - nodes[i].x || 0.1, dy = nodes[j].y - nodes[i].y || 0.1;
        const d2 = Math.max(dx * dx + dy * dy, 100), push = 9000 / d2;
        const d = Math.sqrt(d2);
        force[i][0] -= push * dx / d; force[i][1] -= push * dy / d;
        force[j][0] += push * dx / d; force[j][1] += push * dy / d;
      }
    }
    for (const [i, j] of links) {
      const dx = nodes[j].x - nodes[i].x, dy = nodes[j].y - nodes[i].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1, pull = (d - 140) * 0.05;
      force[i][0] += pull * dx / d; force[i][1] += pull * dy / d;
      force[j][0] -= pull * dx / d; force[j][1] -= pull * dy / d;
    }
    nodes.forEach((d, i) => {
      force[i][0] += (W / 2 - d.x) * 0.004; force[i][1] += (H / 2 - d.y) * 0.02;
      const len = Math.hypot(...force[i]) || 1, move = Math.min(len, heat);
      d.x += force[i][0] / len * move; d.y += force[i][1] / len * move;
    });
    separate(nodes, W, H);
  }
}

function separate(nodes, W, H) {
  const box = (d) => [d.x - d.r - 2, d.y - Math.max(d.r, 8) - 2, d.x + d.r + 6 + d.w,
    d.y + Math.max(d.r, 8) + 2];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [box(nodes[i]), box(nodes[j])];
      const ox = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
      const oy = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
      if (ox <= 0 || oy <= 0) continue;
      if (oy < ox) {
        const s = nodes[i].y <= nodes[j].y ? 1 : -1;
        nodes[i].y -= s * oy / 2; nodes[j].y += s * oy / 2;
      } else {
        const s = nodes[i].x <= nodes[j].x ? 1 : -1;
        nodes[i].x -= s * ox / 2; nodes[j].x += s * ox / 2;
      }
    }
  }
  for (const d of nodes) {
    d.x = Math.min(W - d.w - d.r - 8, Math.max(d.r + 4, d.x));
    d.y = Math.min(H - d.r - 4, Math.max(d.r + 4, d.y));
  }
}

function drawGraph(graph, nodes, edges, onPick) {
  const W = graph.clientWidth || 1000;
  graph.replaceChildren(svg("defs", {}, Object.entries(EDGE_KINDS).map(([kind, [colour]]) =>
    svg("marker", { id: `arrow-${kind}`, viewBox: "0 0 10 10", refX: 10, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
    svg("path", { d: "M0,0 L10,5 L0,10 z", fill: colour })))));
  const labels = nodes.map((d) => svg("text", { class: "label" }, `${d.name} (${d.events})`));
  graph.append(...labels);
  nodes.forEach((d, i) => { d.w = labels[i].getComputedTextLength() || d.name.length * 6.5; });
  graph.replaceChildren(graph.firstChild);
  const top = layout(nodes, edges, W);
  if (top < H) {
    graph.append(svg("line", { x1: 10, x2: W - 10, y1: top + 8, y2: top + 8, class: "divider" }),
      svg("text", { x: 12, y: top + 22, class: "caption" }, "No relation found in the events:"));
  }
  const at = new Map(nodes.map((d) => [d.name, d]));
  for (const e of edges) {
    const [a, b] = [at.get(e.from), at.get(e.to)];
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.hypot(dx, dy) || 1;
    const [colour, words, dash] = EDGE_KINDS[e.kind];
    graph.append(svg("line", { class: `edge ${e.kind}`, x1: a.x + dx / d * a.r,
      y1: a.y + dy / d * a.r, x2: b.x - dx / d * (b.r + 2), y2: b.y - dy / d * (b.r + 2),
      stroke: colour, "stroke-width": 1.2 + Math.min(3, (e.events || 1) - 1),
      "stroke-dasharray": dash, "marker-end": `url(#arrow-${e.kind})` },
    svg("title", {}, `${e.from} ${words} ${e.to}` +
      (e.events ? ` (${e.events} event${e.events > 1 ? "s" : ""})` : ""))));
  }
  for (const d of nodes) {
    graph.append(svg("g", { class: "node", transform: `translate(${d.x},${d.y})`,
      onclick: () => onPick(d.name) },
    svg("title", {}, `${d.name}: ${d.events} events — click to see them`),
    svg("circle", { r: d.r, fill: group(d)[2] }),
    svg("text", { class: "label", x: d.r + 4, y: 4 }, `${d.name} (${d.events})`)));
  }
}

function drawLegend() {
  const legend = document.getElementById("actor-legend");
  legend.replaceChildren(
    ...ROLE_GROUPS.map(([, , colour, words]) => el("span", { class: "legend-item" },
      el("i", { class: "dot", style: `background:${colour}` }), words)),
    ...Object.values(EDGE_KINDS).map(([colour, words, dash]) => el("span",
      { class: "legend-item" }, el("i", { class: `line${dash ? " dashed" : ""}`,
        style: `border-color:${colour}` }), `A ${words} B`)),
    el("span", { class: "legend-item muted" }, "circle size = number of events"));
}

export async function drawActors(onPick) {
  const graph = document.getElementById("actor-graph");
  const body = document.querySelector("#actors tbody");
  if (!graph.childElementCount) graph.append(svg("text", { x: 20, y: 30 }, "Loading actors…"));
  const [data, events] = await Promise.all([api("/api/actors?limit=1000"),
    api("/api/events?limit=1000")]);
  body.replaceChildren();
  if (!data.items.length) {
    body.append(el("tr", {}, el("td", { colspan: 5, class: "empty" }, "No actors stored yet.")));
  }
  for (const a of data.items) {
    const roles = Object.entries(a.roles).map(([r, n]) => `${r} ${n}`).join(", ");
    body.append(el("tr", { onclick: () => onPick(a.name), title: "show this actor's events" },
      el("td", {}, el("b", {}, a.name), a.kind ? el("div", { class: "muted" },
        a.kind.replace(/_/g, " ")) : null),
      el("td", { class: "num" }, String(a.events)), el("td", {}, roles),
      el("td", {}, a.parent || "–"), el("td", { class: "muted" }, (a.aliases || []).join(", "))));
  }
  const byName = new Map(data.items.map((a) => [a.name, a]));
  const chosen = new Map(data.items.slice(0, MAX_NODES).map((a) => [a.name, a]));
  const relations = [...data.edges.map((e) => ({ ...e, events: 0 })), ...eventEdges(events.items)];
  for (const e of relations) {  // bring in the other end of a relation of a chosen actor
    for (const [mine, other] of [[e.from, e.to], [e.to, e.from]]) {
      if (chosen.has(mine) && !chosen.has(other) && chosen.size < MAX_NODES + 8) {
        chosen.set(other, byName.get(other) || { name: other, events: 0, roles: {} });
      }
    }
  }
  const nodes = [...chosen.values()].map((a) => ({ ...a, r: 5 + Math.sqrt(a.events) * 3.5 }));
  const edges = relations.filter((e) => chosen.has(e.from) && chosen.has(e.to));
  drawLegend();
  drawGraph(graph, nodes, edges, onPick);
}
