// The map: Natural Earth countries as the only basemap (no tile server, nothing remote),
// one circle per event coloured by type and sized by the highest reported death toll,
// clustered where events crowd together.
/* global L */
import { COLORS, el, countryName } from "./util.js";

let map, cluster, framed = false;

export async function setupMap(onOpen) {
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([32, 44], 5);
  map.attributionControl.setPrefix(false);
  const world = await (await fetch("/static/world.geojson")).json();
  L.geoJSON(world, {
    style: { color: "#8894a4", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 },
    attribution: "Borders: Natural Earth (public domain)", interactive: false,
  }).addTo(map);
  cluster = L.markerClusterGroup({ maxClusterRadius: 30, showCoverageOnHover: false,
    iconCreateFunction: clusterIcon });
  map.addLayer(cluster);
  map.onOpen = onOpen;
  drawLegend();
}

function drawLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren();
  for (const [type, colour] of Object.entries(COLORS)) {
    legend.append(el("span", { class: "legend-item" },
      el("i", { class: "dot", style: `background:${colour}` }), type));
  }
  legend.append(
    el("span", { class: "legend-item" }, el("i", { class: "dot big" }), "larger = more killed"),
    el("span", { class: "legend-item" }, el("i", { class: "dot hollow" }),
      "hollow = only the region or country is known"),
    el("span", { class: "legend-item" }, el("i", { class: "dot cluster" }),
      "number = events grouped here (zoom in)"));
}

export function drawMap(items) {
  cluster.clearLayers();
  const placed = [];
  for (const e of items) {
    if (e.latitude == null || e.longitude == null) continue;
    const vague = (e.location_precision || 1) >= 3;
    const radius = 6 + Math.min(14, Math.sqrt(e.fatalities_max || 0) * 3);
    const colour = COLORS[e.event_type] || "#555";
    const marker = L.circleMarker([e.latitude, e.longitude], {
      radius, color: vague ? colour : "#222", weight: vague ? 2.5 : 1,
      fillColor: colour, fillOpacity: vague ? 0.15 : 0.85, className: "event-marker",
    });
    marker.bindTooltip(el("div", {}, el("b", {}, e.sub_event_type), el("br"),
      `${e.date_start || "date unknown"} · ${e.location || countryName(e.country_code)}`,
      e.fatalities_max ? ` · ${e.fatalities_max} killed` : ""));
    marker.on("click", () => map.onOpen(e.event_id));
    cluster.addLayer(marker);
    placed.push([e.latitude, e.longitude]);
  }
  const missing = items.length - placed.length;
  const notes = [];
  if (!items.length) notes.push("No events to show.");
  if (missing) notes.push(`${missing} of these events have no known place, so are not on the map.`);
  if (placed.length && !framed) {  // frame the data once; afterwards the user's view wins
    const core = heartland(placed);
    map.fitBounds(L.latLngBounds(core).pad(0.12), { maxZoom: 7 });
    framed = true;
  }
  const view = map.getBounds(), outside = placed.filter((p) => !view.contains(p)).length;
  if (outside) notes.push(`${outside} more outside this view: zoom out to see them.`);
  document.getElementById("map-note").textContent = notes.join(" ");
}

// A neutral disc with the number of events, ringed in the colour of the commonest type:
// the default green/yellow/orange discs would read as event types.
function clusterIcon(group) {
  const counts = {};
  for (const m of group.getAllChildMarkers()) {
    counts[m.options.fillColor] = (counts[m.options.fillColor] || 0) + 1;
  }
  const ring = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  const n = group.getChildCount(), size = n < 10 ? 26 : n < 50 ? 32 : 38;
  const disc = el("div", { class: "cluster-disc", style: `border-color:${ring}` }, String(n));
  return L.divIcon({ html: disc, className: "marker-cluster", iconSize: [size, size] });
}

// The points within ~2500 km of the median point (when that keeps at least half of them),
// so that one stray event on another continent does not shrink everything else to a dot.
function heartland(points) {
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [lat0, lon0] = [median(points.map((p) => p[0])), median(points.map((p) => p[1]))];
  const km = ([lat, lon]) => 111 * Math.hypot(lat - lat0,
    (lon - lon0) * Math.cos((lat + lat0) * Math.PI / 360));
  const near = points.filter((p) => km(p) <= 2500);
  return near.length * 2 >= points.length ? near : points;
}
