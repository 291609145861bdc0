// The map: Leaflet with a configurable tile URL (localStorage, "Map settings"). Without
// one, or when tiles cannot be loaded (offline, in tests), it is a plain background
// with every kabupaten/kota reference point from the server (ListRegions): the search
// circle and the candidates still show, never an error.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import type { RegionEntry } from "./gen/cakap/v1/lexicon_pb";
import { t } from "./i18n";

const TILES_KEY = "cakap.tileUrl";
export function tileUrl(): string {
  return localStorage.getItem(TILES_KEY) ?? "";
}
export function setTileUrl(url: string): void {
  if (url.trim()) localStorage.setItem(TILES_KEY, url.trim());
  else localStorage.removeItem(TILES_KEY);
}

export interface MapPoint {
  lat: number;
  lng: number;
  label: string;
  id: string;
}

export class ConsoleMap {
  readonly map: L.Map;
  readonly note: HTMLElement;
  private readonly search = L.layerGroup();
  private readonly people = L.layerGroup();
  private tiles: L.TileLayer | null = null;

  constructor(
    container: HTMLElement,
    note: HTMLElement,
    regions: RegionEntry[],
    handlers: { region(code: string): void; point(lat: number, lng: number): void },
  ) {
    this.note = note;
    this.map = L.map(container, { zoomControl: true, attributionControl: true, keyboard: true });
    container.classList.add("plain-map");
    const points = L.layerGroup().addTo(this.map);
    const kalimantan: L.LatLngExpression[] = [];
    for (const r of regions) {
      if (r.level === "province") continue;
      const m = L.circleMarker([r.latitude, r.longitude], {
        radius: 3,
        weight: 1,
        color: "#6b7280",
        fillOpacity: 0.6,
        className: "region-point",
      })
        .bindTooltip(`${r.name} (${r.code})`)
        .on("click", (e) => {
          L.DomEvent.stopPropagation(e);
          handlers.region(r.code);
        });
      points.addLayer(m);
      if (["61", "62", "63", "64", "65"].includes(r.provinceCode)) kalimantan.push([r.latitude, r.longitude]);
    }
    this.map.fitBounds(L.latLngBounds(kalimantan.length ? kalimantan : [[-6, 95], [6, 141]]), { padding: [10, 10] });
    this.map.on("click", (e: L.LeafletMouseEvent) => handlers.point(e.latlng.lat, e.latlng.lng));
    this.search.addTo(this.map);
    this.people.addTo(this.map);
    this.useTiles(tileUrl());
  }

  useTiles(url: string): void {
    if (this.tiles) this.tiles.remove();
    this.tiles = null;
    this.note.textContent = t("mapOffline");
    if (!url) return;
    let failures = 0;
    const layer = L.tileLayer(url, { maxZoom: 18, attribution: "© OpenStreetMap contributors" });
    layer.on("tileerror", () => {
      // Unreachable tiles: back to the plain map, quietly.
      if (++failures >= 4 && this.tiles === layer) {
        layer.remove();
        this.tiles = null;
        this.note.textContent = t("mapOffline");
      }
    });
    layer.on("tileload", () => (this.note.textContent = ""));
    this.tiles = layer.addTo(this.map);
  }

  // The search: its centre and the radius circle (radius 0: centre only).
  showSearch(lat: number, lng: number, radiusKm: number): void {
    this.search.clearLayers();
    L.circleMarker([lat, lng], { radius: 6, color: "#b91c1c", fillOpacity: 1, className: "search-centre" }).addTo(
      this.search,
    );
    if (radiusKm > 0) {
      L.circle([lat, lng], { radius: radiusKm * 1000, color: "#b91c1c", weight: 2, fillOpacity: 0.06, className: "search-circle" }).addTo(
        this.search,
      );
    }
  }

  // Candidates at the point the caller's role is given (partners: ~1 km, or the region's
  // reference point when the worker has no coordinates).
  showPeople(points: MapPoint[], onOpen: (id: string) => void): void {
    this.people.clearLayers();
    for (const p of points) {
      const marker = L.circleMarker([p.lat, p.lng], { radius: 7, color: "#1d4ed8", weight: 2, fillOpacity: 0.7, className: "candidate-point" })
        .bindTooltip(p.label)
        .on("click", (e) => {
          L.DomEvent.stopPropagation(e);
          onOpen(p.id);
        })
        .addTo(this.people);
      // Where the point is, as the reply gave it (for assistive tools and the tests).
      const el = marker.getElement();
      el?.setAttribute("data-worker-id", p.id);
      el?.setAttribute("data-latlng", `${p.lat},${p.lng}`);
    }
  }

  fitSearch(): void {
    const layers = this.search.getLayers();
    const circle = layers.find((l) => l instanceof L.Circle) as L.Circle | undefined;
    if (circle) this.map.fitBounds(circle.getBounds(), { padding: [10, 10], animate: false });
  }
}
