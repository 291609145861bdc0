// geo.h: the bounding box that pre-filters radius candidates must hold every point of the
// circle (a point it drops is a lost match), wrap at the antimeridian and reject NaN.
#include "geo.h"

#include <cmath>
#include <limits>
#include <random>

#include "gtest/gtest.h"

namespace cakap {
namespace {

constexpr double kPi = 3.14159265358979323846;

// The point `km` from (lat, lon) at `bearing` radians (great-circle destination).
void Destination(double lat, double lon, double km, double bearing, double* out_lat,
                 double* out_lon) {
  const double d = km / kEarthRadiusKm, phi = lat * kPi / 180, lambda = lon * kPi / 180;
  const double phi2 =
      std::asin(std::sin(phi) * std::cos(d) + std::cos(phi) * std::sin(d) * std::cos(bearing));
  const double lambda2 =
      lambda + std::atan2(std::sin(bearing) * std::sin(d) * std::cos(phi),
                          std::cos(d) - std::sin(phi) * std::sin(phi2));
  *out_lat = phi2 * 180 / kPi;
  *out_lon = std::remainder(lambda2 * 180 / kPi, 360.0);
}

TEST(GeoBoxTest, HoldsEveryPointOfTheCircle) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> lat(-80, 80), lon(-180, 180), radius(0.1, 500),
      bearing(0, 2 * kPi), fraction(0, 1);
  for (int i = 0; i < 20000; ++i) {
    const double clat = lat(rng), clon = lon(rng), r = radius(rng);
    const std::optional<GeoBox> box = BoundingBox(clat, clon, r, 0);
    if (!box) continue;  // reaches a pole
    double plat, plon;
    // On the boundary (the hardest case) and inside.
    Destination(clat, clon, r * (i % 2 ? 1.0 : fraction(rng)), bearing(rng), &plat, &plon);
    ASSERT_LE(HaversineKm(clat, clon, plat, plon), r * (1 + 1e-9));
    EXPECT_TRUE(box->Contains(plat, plon))
        << "centre " << clat << "," << clon << " radius " << r << " point " << plat << ","
        << plon;
  }
}

TEST(GeoBoxTest, ExcludesPointsWellOutside) {
  const std::optional<GeoBox> box = BoundingBox(-3.32, 114.59, 10, 1e-4);
  ASSERT_TRUE(box.has_value());
  EXPECT_TRUE(box->Contains(-3.32, 114.59));
  EXPECT_FALSE(box->Contains(-3.32, 114.59 + 0.2));  // ~22 km east
  EXPECT_FALSE(box->Contains(-3.32 - 0.2, 114.59));
  EXPECT_FALSE(box->Contains(3.32, 114.59));
}

TEST(GeoBoxTest, WrapsAtTheAntimeridian) {
  const std::optional<GeoBox> box = BoundingBox(0, 179.95, 20, 0);
  ASSERT_TRUE(box.has_value());
  EXPECT_TRUE(box->Contains(0, -179.95));  // ~11 km east, across the antimeridian
  EXPECT_FALSE(box->Contains(0, -179.0));
}

TEST(GeoBoxTest, RejectsNaNAndPoles) {
  const std::optional<GeoBox> box = BoundingBox(-1, 116, 50, 1e-4);
  ASSERT_TRUE(box.has_value());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(box->Contains(nan, 116));
  EXPECT_FALSE(box->Contains(-1, nan));
  EXPECT_FALSE(BoundingBox(89.9, 0, 50, 0).has_value());
}

}  // namespace
}  // namespace cakap
