// Before decoding a candidate, a match rules workers out on their hot records: float
// points, travel radii rounded up to whole km, availability. It may rule out only workers
// that Evaluate fails. These workers sit where a filter without the right margins would
// drop a match: a point just inside a limit whose float is just outside it, a fractional
// travel radius, a point that only its rounded (coarse) form brings inside.
#include <memory>
#include <string>
#include <vector>

#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

constexpr double kLat = -2.2139, kLon = 115.4567;  // the vacancy, in Kalimantan Selatan

double FloatKm(const LatLon& p) {
  return HaversineKm(kLat, kLon, static_cast<float>(p.lat), static_cast<float>(p.lon));
}
double CoarseKm(const LatLon& p) {
  return HaversineKm(kLat, kLon, cakap::CoarseDegrees(p.lat), cakap::CoarseDegrees(p.lon));
}

// Within `km` (by at least 1 mm, far above rounding in the distance itself), but farther
// than `km` once its coordinates are floats.
LatLon InsideButFloatOutside(double km) {
  for (int bearing = 0; bearing < 360; ++bearing) {
    const LatLon p = PointAtDistance(kLat, kLon, km - 1e-6, bearing);
    if (FloatKm(p) > km) return p;
  }
  ADD_FAILURE() << "no such point at " << km << " km";
  return {kLat, kLon};
}

// Farther than `km` (by at least 1 mm), but within it once its coordinates are floats.
LatLon OutsideButFloatInside(double km) {
  for (int bearing = 0; bearing < 360; ++bearing) {
    const LatLon p = PointAtDistance(kLat, kLon, km + 1e-6, bearing);
    if (FloatKm(p) < km) return p;
  }
  ADD_FAILURE() << "no such point at " << km << " km";
  return {kLat, kLon};
}

// Farther than `km` by more than a float point's error, but within it once rounded.
LatLon OutsideButCoarseInside(double km) {
  for (double out = 0.05; out < 0.8; out += 0.05) {
    for (int bearing = 0; bearing < 360; bearing += 3) {
      const LatLon p = PointAtDistance(kLat, kLon, km + out, bearing);
      if (CoarseKm(p) <= km - 1e-6) return p;
    }
  }
  ADD_FAILURE() << "no such point at " << km << " km";
  return {kLat, kLon};
}

// The candidates' ids, sorted, from pages of 200 and, again, from pages of 1 (where a
// match decides most candidates on hot records and scores only those that may reach the
// page); both must agree, with each other and with every page's total.
std::vector<std::string> MatchIds(const cakap::Engine& engine, const cakap::v1::Vacancy& v,
                                  cakap::v1::MatchOptions options = MatchOpts()) {
  std::vector<std::string> by_page_size[2];
  for (int page_size : {200, 1}) {
    options.set_page_size(page_size);
    int64_t total = -1;
    absl::StatusOr<std::vector<cakap::v1::Candidate>> all = MatchAll(engine, v, options, &total);
    EXPECT_OK(all);
    if (!all.ok()) return {};
    std::vector<std::string>& ids = by_page_size[page_size == 1];
    ids = Ids(*all);
    EXPECT_EQ(total, static_cast<int64_t>(ids.size())) << "page size " << page_size;
    std::sort(ids.begin(), ids.end());
  }
  EXPECT_EQ(by_page_size[0], by_page_size[1]);
  return by_page_size[0];
}

TEST(HotFilterTest, TravelRadiusAtItsEdge) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
  const double default_km = TestOptions().default_travel_km;
  struct Case {
    const char* id;
    LatLon point;
    double travel_km;  // 0: the default
    bool relocates;
  };
  const std::vector<Case> cases = {
      {"in-own", InsideButFloatOutside(12.3456), 12.3456, false},
      {"out-own", PointAtDistance(kLat, kLon, 12.3456 + 1e-3, 90), 12.3456, false},
      {"in-default", InsideButFloatOutside(default_km), 0, false},
      {"out-default", OutsideButFloatInside(default_km), 0, false},
      // Rounded up to 1 km on the hot record; Evaluate still reads 0.4.
      {"in-fraction", PointAtDistance(kLat, kLon, 0.399, 45), 0.4, false},
      {"out-fraction", PointAtDistance(kLat, kLon, 0.401, 45), 0.4, false},
      {"relocates", PointAtDistance(kLat, kLon, 300, 270), 1, true},
  };
  // Near the vacancy, certified and first in the welfare register, so with the best
  // scores: on pages of 1 the workers at the edges are then bounded below the page, and
  // counted without decoding unless their hot record cannot prove them within the limits.
  for (const char* id : {"centre-1", "centre-2", "centre-3"}) {
    ASSERT_OK(engine->UpsertWorker(WorkerBuilder(id)
                                       .CoordsOnly(PointAtDistance(kLat, kLon, 0.1, 0))
                                       .Skill("LAS")
                                       .Cert(cakap::v1::ISSUER_BNSP, {"LAS"}, 6, "2025-06-01")
                                       .Decile(1)));
  }
  for (const Case& c : cases) {
    ASSERT_OK(engine->UpsertWorker(WorkerBuilder(c.id)
                                       .CoordsOnly(c.point)
                                       .Skill("LAS")
                                       .Travel(c.travel_km)
                                       .Relocate(c.relocates)));
  }
  const cakap::v1::Vacancy v = VacancyBuilder("v").Require("LAS").At(kLat, kLon);
  const std::vector<std::string> within_travel = {"centre-1", "centre-2", "centre-3",
                                                  "in-default", "in-fraction", "in-own",
                                                  "relocates"};
  EXPECT_EQ(MatchIds(*engine, v), within_travel);
  // No skill, radius or region: no list drives, and the travel radii still apply.
  EXPECT_EQ(MatchIds(*engine, VacancyBuilder("anyone").At(kLat, kLon)), within_travel);

  // A radius is a limit of its own: just inside it, by the stored point, is a match.
  ASSERT_OK(engine->UpsertWorker(
      WorkerBuilder("in-radius").CoordsOnly(InsideButFloatOutside(30)).Skill("LAS").Relocate()));
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("out-radius")
                                     .CoordsOnly(OutsideButFloatInside(30))
                                     .Skill("LAS")
                                     .Relocate()));
  const cakap::v1::Vacancy radius = VacancyBuilder("r").Require("LAS").At(kLat, kLon).Radius(30);
  EXPECT_EQ(MatchIds(*engine, radius),
            (std::vector<std::string>{"centre-1", "centre-2", "centre-3", "in-fraction",
                                      "in-own", "in-radius"}));
}

TEST(HotFilterTest, CoarseLocationsMeasureFromTheRoundedPoint) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
  const LatLon p = OutsideButCoarseInside(20);
  ASSERT_GT(HaversineKm(kLat, kLon, p.lat, p.lon), 20.04);
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("w").CoordsOnly(p).Skill("LAS").Travel(20)));
  const cakap::v1::Vacancy v = VacancyBuilder("v").Require("LAS").At(kLat, kLon);
  EXPECT_TRUE(MatchIds(*engine, v).empty());
  cakap::v1::MatchOptions coarse = MatchOpts();
  coarse.set_coarse_locations(true);
  EXPECT_EQ(MatchIds(*engine, v, coarse), std::vector<std::string>{"w"});
}

TEST(HotFilterTest, Availability) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
  const LatLon near = PointAtDistance(kLat, kLon, 5, 0);
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("seeking").CoordsOnly(near).Skill("LAS")));
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("employed")
                                     .CoordsOnly(near)
                                     .Skill("LAS")
                                     .Status(cakap::v1::EMPLOYMENT_STATUS_EMPLOYED)));
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("free-on-start")
                                     .CoordsOnly(near)
                                     .Skill("LAS")
                                     .Status(cakap::v1::EMPLOYMENT_STATUS_EMPLOYED)
                                     .AvailableFrom("2027-01-04")));
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("free-after")
                                     .CoordsOnly(near)
                                     .Skill("LAS")
                                     .AvailableFrom("2027-01-05")));
  const cakap::v1::Vacancy v =
      VacancyBuilder("v").Require("LAS").At(kLat, kLon).Radius(10).Start("2027-01-04");
  EXPECT_EQ(MatchIds(*engine, v), (std::vector<std::string>{"free-on-start", "seeking"}));
  cakap::v1::Vacancy with_employed = v;
  with_employed.set_include_employed(true);
  EXPECT_EQ(MatchIds(*engine, with_employed),
            (std::vector<std::string>{"employed", "free-after", "free-on-start", "seeking"}));
}

}  // namespace
}  // namespace cakap_test
