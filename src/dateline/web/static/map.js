// The map: Natural Earth countries as the only basemap (no tile server, nothing remote),
// one circle per event coloured by type and sized by the highest reported death toll,
// clustered where events crowd together.
/* global L */
import { COLORS, el, countryName } from "./util.js";

let map, cluster, framed = false;

export async function setupMap(onOpen) {
  map = L.map("map", { worldCopyJump: true, minZoom: 2 }).setView([32, 44], 5);
  map.attributionControl.setPrefix(false);
  const world = await (await fetch("/static/world.geojson")).json();
  L.geoJSON(world, {
    style: { color: "#8894a4", weight: 0.6, fillColor: "#f2efe6", fillOpacity: 1 },
    attribution: "Borders: Natural Earth (public domain)", interactive: false,
  }).addTo(map);
  cluster = L.markerClusterGroup({ maxClusterRadius: 30, showCoverageOnHover: false });
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
  document.getElementById("map-note").textContent = !items.length ? "No events to show."
    : missing ? `${missing} of these events have no known place and are not on the map.` : "";
  if (placed.length && !framed) {  // frame the data once; afterwards the user's view wins
    map.fitBounds(L.latLngBounds(placed).pad(0.15), { maxZoom: 7 });
    framed = true;
  }
}
