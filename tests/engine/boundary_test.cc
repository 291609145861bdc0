// Boundaries follow docs/ranking.md exactly (issue 12, item 12): `d` is the page's
// haversine expression in its evaluation order, and `d <= radius_km`, `d <= travel(w)`
// include a worker whose `d` equals the limit in double. Workers are placed exactly on
// radii and travel radii by the documented formula, written out here on its own.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "engine/test_util.h"
#include "geo.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

// docs/ranking.md, `d`, as the page writes it.
double DocumentedKm(double lat1, double lon1, double lat2, double lon2) {
  const double rad = 3.14159265358979323846 / 180.0;  // degrees to radians
  const double phi1 = lat1 * rad, phi2 = lat2 * rad;
  const double lambda1 = lon1 * rad, lambda2 = lon2 * rad;
  const double a = std::sin((phi2 - phi1) / 2);
  const double b = std::sin((lambda2 - lambda1) / 2);
  const double h = a * a + std::cos(phi1) * std::cos(phi2) * b * b;
  return 2 * 6371.0 * std::asin(std::sqrt(std::min(1.0, h)));
}

// The engine's one distance function is the documented expression, bit for bit.
TEST(BoundaryTest, EngineDistanceIsTheDocumentedFormula) {
  std::mt19937_64 rng(12);
  std::uniform_real_distribution<double> lat(-89.9, 89.9), lon(-180, 180), near(-3, 3);
  int differences = 0;
  for (int i = 0; i < 200000; ++i) {
    const double lat1 = lat(rng), lon1 = lon(rng);
    // Half the pairs near each other (where radii are), half anywhere.
    const double lat2 = i % 2 ? std::clamp(lat1 + near(rng), -90.0, 90.0) : lat(rng);
    const double lon2 = i % 2 ? std::clamp(lon1 + near(rng), -180.0, 180.0) : lon(rng);
    const double want = DocumentedKm(lat1, lon1, lat2, lon2);
    const double got = cakap::HaversineKm(lat1, lon1, lat2, lon2);
    if (want != got && ++differences <= 3) {
      ADD_FAILURE() << "(" << lat1 << ", " << lon1 << ") - (" << lat2 << ", " << lon2
                    << "): documented " << want << ", engine " << got << " ("
                    << (got - want) << " km)";
    }
  }
  EXPECT_EQ(differences, 0);
}

// A point at latitude `lat` whose documented distance from (clat, clon) is exactly `km`,
// east (`side` 1) or west (-1) of the centre, found by bisection on the longitude down to
// adjacent doubles; *beyond gets the next longitude outwards (farther than `km`). False
// when no double longitude gives exactly `km` there.
bool OnCircle(double clat, double clon, double km, double lat, int side, double* lon,
              double* beyond) {
  double in = clon;                         // d <= km
  double out = clon + side * 1.5 * km / 60; // d > km (a degree is > 60 km up to 57 deg)
  if (DocumentedKm(clat, clon, lat, in) > km || DocumentedKm(clat, clon, lat, out) <= km) {
    return false;
  }
  while (std::nextafter(in, out) != out) {
    const double mid = in + (out - in) / 2;
    if (mid == in || mid == out) break;
    (DocumentedKm(clat, clon, lat, mid) <= km ? in : out) = mid;
  }
  if (DocumentedKm(clat, clon, lat, in) != km) return false;
  *lon = in;
  *beyond = out;
  return true;
}

struct Placed {
  std::set<std::string> on;      // exactly on the limit: must be candidates
  std::set<std::string> beyond;  // the next double outwards: must not be
};

std::set<std::string> CandidateIds(const cakap::Engine& engine, const cakap::v1::Vacancy& v) {
  std::set<std::string> ids;
  cakap::v1::MatchOptions options;
  options.set_page_size(200);
  for (int page = 0; page < 100; ++page) {
    absl::StatusOr<cakap::v1::MatchResult> r = engine.Match(v, options);
    EXPECT_TRUE(r.ok()) << r.status();
    if (!r.ok()) break;
    for (const auto& c : r->candidates()) ids.insert(c.worker().id());
    if (r->next_page_token().empty()) break;
    options.set_page_token(r->next_page_token());
  }
  return ids;
}

TEST(BoundaryTest, WorkersExactlyOnARadiusOrTravelRadiusAreCandidates) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<cakap::Engine>> engine = OpenEngine(dir.path());
  ASSERT_TRUE(engine.ok()) << engine.status();
  struct Case {
    double lat, lon, km;
    bool travel;  // on the worker's own travel radius (the vacancy has no radius)
  };
  const std::vector<Case> cases = {
      {-2.32314, 115.62922, 50, false},      {-1.16667, 116.88333, 7.5, false},
      {0.78844, 116.242, 123.456, false},    {-3.31667, 115.08333, 300, false},
      {-0.43333, 117.18333, 20.000001, false}, {-2.32314, 115.62922, 40, true},
      {-1.16667, 116.88333, 12.5, true},     {1.03769, 117.83112, 77.7, true},
  };
  // (Not every radius has points exactly on it: near 7.3 km the double products
  // 12742 * asin(..) skip 7.3 itself, so no worker can be exactly there.)
  constexpr int kPerCase = 24;
  std::vector<cakap::v1::Worker> workers;
  std::vector<Placed> placed(cases.size());
  for (size_t k = 0; k < cases.size(); ++k) {
    const Case& c = cases[k];
    const double dlat = c.km / 111.2;  // the circle's latitude extent, roughly
    int found = 0;
    for (int i = 0; i < 200000 && found < kPerCase; ++i) {
      const double lat = c.lat + dlat * 0.98 * std::sin(i * 0.61803398875);
      const int side = i % 2 ? 1 : -1;
      double lon = 0, beyond = 0;
      if (!OnCircle(c.lat, c.lon, c.km, lat, side, &lon, &beyond)) continue;
      const std::string id = absl::StrCat("c", k, "-", found++);
      for (int outside = 0; outside < 2; ++outside) {
        WorkerBuilder w(id + (outside ? "-beyond" : "-on"));
        w.CoordsOnly(lat, outside ? beyond : lon).Skill("LAS");
        if (c.travel) {
          // travel(w) is exactly the distance of the point on the circle.
          w.Travel(c.km);
        } else {
          w.Relocate();
        }
        workers.push_back(w.Build());
        (outside ? placed[k].beyond : placed[k].on).insert(workers.back().id());
      }
    }
    ASSERT_EQ(found, kPerCase) << "case " << k << ": too few exact points found";
  }
  absl::StatusOr<cakap::BulkResult> put = (*engine)->UpsertWorkers(workers);
  ASSERT_TRUE(put.ok()) << put.status();
  ASSERT_EQ(put->accepted, static_cast<int64_t>(workers.size()));

  for (size_t k = 0; k < cases.size(); ++k) {
    const Case& c = cases[k];
    VacancyBuilder v;
    v.Require("LAS").At(c.lat, c.lon).Start("2026-12-01");
    if (!c.travel) v.Radius(c.km);
    const std::set<std::string> ids = CandidateIds(**engine, v);
    int missing = 0, extra = 0;
    for (const std::string& id : placed[k].on) missing += ids.count(id) ? 0 : 1;
    for (const std::string& id : placed[k].beyond) extra += ids.count(id);
    EXPECT_EQ(missing, 0) << "case " << k << ": workers exactly on the "
                          << (c.travel ? "travel radius" : "radius") << " left out, of "
                          << placed[k].on.size();
    EXPECT_EQ(extra, 0) << "case " << k << ": workers just beyond it included";
  }
}

}  // namespace
}  // namespace cakap_test
