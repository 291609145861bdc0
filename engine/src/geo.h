// Great-circle distance and the coarse geo grid that lets a radius query visit only the
// workers near it (field notes: a posting source alone is O(N)).
//
// Level L has square cells of 8 / 2^L degrees: L=4 0.5 deg (~55 km), L=6 0.125 deg
// (~14 km), L=8 ~3.5 km. The record cache files every worker under its cell at each
// grid level (RecordCache::Cell); a radius query reads the cells covering the circle's
// bounding box at the finest level that needs at most `max_cells`, and the exact
// distance check refines. The grid lives only in memory: the index holds no cell terms.
#ifndef CAKAP_ENGINE_GEO_H_
#define CAKAP_ENGINE_GEO_H_

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

namespace cakap {

inline constexpr double kEarthRadiusKm = 6371.0;

// Haversine distance in km: exactly the expression and evaluation order of docs/ranking.md
// (`d`), so that a point on a radius by the page's formula is on it for the engine too.
// The one distance of Evaluate, hot filters and bounds.
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

// The latitude and longitude ranges around a centre; longitudes wrap at +-180.
struct GeoBox {
  double lat = 0, lon = 0;    // the centre
  double dlat = 0, dlon = 0;  // half-extents in degrees
  // False for NaN coordinates.
  bool Contains(double point_lat, double point_lon) const {
    if (!(std::abs(point_lat - lat) <= dlat)) return false;
    double d = std::abs(point_lon - lon);
    if (d > 180) d = 360 - d;
    return d <= dlon;
  }
};

// A box holding every point within `radius_km` of (lat, lon), each side widened by
// `margin_deg`; nullopt when the circle reaches a pole.
std::optional<GeoBox> BoundingBox(double lat, double lon, double radius_km, double margin_deg);

// A grid cell: column x and row y at `level`.
struct GeoCell {
  int level = 0;
  long x = 0, y = 0;
  // A unique number for the cell: level, x and y packed in the low 44 bits (x < 2^20 and
  // y < 2^20 up to level 12), so a user may add its own bits above (list_key::WithSkill).
  uint64_t Key() const {
    return (static_cast<uint64_t>(level) << 40) | (static_cast<uint64_t>(x) << 20) |
           static_cast<uint64_t>(y);
  }
};

// The cell of a point at `level`.
GeoCell CellOf(int level, double lat, double lon);

// Cells covering every point within `radius_km` of (lat, lon), at the finest of `levels`
// needing at most `max_cells` cells. nullopt when none fits, or when the circle reaches
// a pole: then no cell filter applies and the exact check alone decides.
std::optional<std::vector<GeoCell>> CoverCircle(double lat, double lon, double radius_km,
                                                const std::vector<int>& levels, int max_cells);

}  // namespace cakap

#endif  // CAKAP_ENGINE_GEO_H_
