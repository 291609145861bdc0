#include "geo.h"

#include <algorithm>
#include <cmath>

namespace cakap {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180.0;

double CellDegrees(int level) { return 8.0 / static_cast<double>(1 << level); }

// Number of cells along a full circle of longitude (360 deg) and of latitude (180 deg).
long CellsX(int level) { return std::lround(360.0 / CellDegrees(level)); }
long CellsY(int level) { return std::lround(180.0 / CellDegrees(level)); }

long CellX(int level, double lon) {
  long x = static_cast<long>(std::floor((lon + 180.0) / CellDegrees(level)));
  return std::clamp(x, 0L, CellsX(level) - 1);
}
long CellY(int level, double lat) {
  long y = static_cast<long>(std::floor((lat + 90.0) / CellDegrees(level)));
  return std::clamp(y, 0L, CellsY(level) - 1);
}

}  // namespace

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  // docs/ranking.md's expression, operation for operation: the differences of the
  // radians, not the radians of the differences (equal algebraically, not in double: up to
  // 2.7e-12 km apart, enough to drop a worker exactly on a radius by the page's formula).
  const double phi1 = lat1 * kDegToRad, phi2 = lat2 * kDegToRad;
  const double lambda1 = lon1 * kDegToRad, lambda2 = lon2 * kDegToRad;
  const double a = std::sin((phi2 - phi1) / 2), b = std::sin((lambda2 - lambda1) / 2);
  const double h = a * a + std::cos(phi1) * std::cos(phi2) * b * b;
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

GeoCell CellOf(int level, double lat, double lon) {
  return {level, CellX(level, lon), CellY(level, lat)};
}

std::optional<GeoBox> BoundingBox(double lat, double lon, double radius_km, double margin_deg) {
  // Angular radius, widened a little so that rounding never drops a boundary point.
  const double delta = radius_km / kEarthRadiusKm * (1 + 1e-9) + 1e-12;
  const double phi = lat * kDegToRad;
  if (std::abs(phi) + delta >= kPi / 2) return std::nullopt;  // reaches a pole
  GeoBox box;
  box.lat = lat;
  box.lon = lon;
  box.dlat = delta / kDegToRad + margin_deg;
  // Largest longitude difference of a point within `delta` of (phi, *).
  box.dlon = std::asin(std::min(1.0, std::sin(delta) / std::cos(phi))) / kDegToRad + margin_deg;
  return box;
}

std::optional<std::vector<GeoCell>> CoverCircle(double lat, double lon, double radius_km,
                                                const std::vector<int>& levels, int max_cells) {
  const std::optional<GeoBox> box = BoundingBox(lat, lon, radius_km, 1e-9);
  if (!box) return std::nullopt;
  const double lat_lo = std::max(-90.0, lat - box->dlat);
  const double lat_hi = std::min(90.0, lat + box->dlat);
  const double lon_lo = lon - box->dlon, lon_hi = lon + box->dlon;

  // Finest level first.
  std::vector<int> by_fineness(levels);
  std::sort(by_fineness.rbegin(), by_fineness.rend());
  for (int level : by_fineness) {
    const double cell = CellDegrees(level);
    const long nx = CellsX(level);
    const long y0 = CellY(level, lat_lo), y1 = CellY(level, lat_hi);
    const long x0 = static_cast<long>(std::floor((lon_lo + 180.0) / cell));
    const long x1 = static_cast<long>(std::floor((lon_hi + 180.0) / cell));
    const long count_x = std::min(nx, x1 - x0 + 1);
    if (count_x * (y1 - y0 + 1) > max_cells) continue;
    std::vector<GeoCell> cells;
    cells.reserve(count_x * (y1 - y0 + 1));
    for (long i = 0; i < count_x; ++i) {
      const long x = ((x0 + i) % nx + nx) % nx;  // wraps across the antimeridian
      for (long y = y0; y <= y1; ++y) cells.push_back({level, x, y});
    }
    return cells;
  }
  return std::nullopt;
}

}  // namespace cakap
