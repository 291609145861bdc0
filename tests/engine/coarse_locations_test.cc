// MatchOptions.coarse_locations (what cakapd sets for partners): every distance of a
// match is measured from the worker's point rounded by CoarseDegrees, the precision
// partners are shown. Membership at the radius follows the rounded point (the grid cover
// is widened so a worker whose stored point lies just outside is still found), and so do
// distance_km, the distance score and its explanation, near misses and reverse matching.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

// The circle's northern edge (kLat + 10 km = -0.90547) lies just south of a rounding
// midpoint (-0.905): a point between them is outside the circle but rounds south, inside.
constexpr double kLat = -0.9954, kLon = 116.004, kRadius = 10;

double CoarseKm(const LatLon& p) {
  return HaversineKm(kLat, kLon, cakap::CoarseDegrees(p.lat), cakap::CoarseDegrees(p.lon));
}

// In the circle, but not once rounded (any bearing).
LatLon InsideRoundedOut() {
  for (int bearing = 0; bearing < 360; ++bearing) {
    const LatLon p = PointAtDistance(kLat, kLon, 9.95, bearing);
    if (CoarseKm(p) > kRadius) return p;
  }
  ADD_FAILURE() << "no such point";
  return {kLat, kLon};
}

// Out of the circle due north, where its bounding box is tight (without widening, the
// candidate filter drops the point), but inside once rounded.
LatLon OutsideRoundedIn() {
  for (double km = 10.005; km < 10.1; km += 0.005) {
    const LatLon p = PointAtDistance(kLat, kLon, km, 0);
    if (HaversineKm(kLat, kLon, p.lat, p.lon) > kRadius + 0.02 && CoarseKm(p) <= kRadius) {
      return p;
    }
  }
  ADD_FAILURE() << "no such point";
  return {kLat, kLon};
}

TEST(CoarseLocationsTest, EveryDistanceIsMeasuredFromTheRoundedPoint) {
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
  const LatLon inside = InsideRoundedOut();
  const LatLon outside = OutsideRoundedIn();
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("in").CoordsOnly(inside).Skill("LAS")));
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("out").CoordsOnly(outside).Skill("LAS")));
  const cakap::v1::Vacancy v = VacancyBuilder("v").Require("LAS").At(kLat, kLon).Radius(kRadius);

  cakap::v1::MatchOptions exact = MatchOpts(20, false, 10);
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine->Match(v, exact));
  ASSERT_EQ(Ids(std::vector<cakap::v1::Candidate>(r.candidates().begin(),
                                                  r.candidates().end())),
            std::vector<std::string>{"in"});
  ASSERT_EQ(r.near_misses_size(), 1);
  EXPECT_EQ(r.near_misses(0).candidate().worker().id(), "out");

  cakap::v1::MatchOptions coarse = exact;
  coarse.set_coarse_locations(true);
  ASSERT_OK_AND_ASSIGN(r, engine->Match(v, coarse));
  ASSERT_EQ(r.candidates_size(), 1);
  const cakap::v1::Candidate& c = r.candidates(0);
  EXPECT_EQ(c.worker().id(), "out");
  EXPECT_NEAR(c.distance_km(), CoarseKm(outside), 1e-9);
  for (const auto& e : c.explanation()) {
    if (e.name() == "distance") {
      EXPECT_EQ(e.detail(), absl::StrFormat("%.1f km", CoarseKm(outside)));
    }
  }
  ASSERT_EQ(r.near_misses_size(), 1);
  EXPECT_EQ(r.near_misses(0).candidate().worker().id(), "in");
  EXPECT_NEAR(r.near_misses(0).candidate().distance_km(), CoarseKm(inside), 1e-9);
  // A page token is tied to the setting.
  exact.set_page_size(1);
  ASSERT_OK(engine->UpsertWorker(WorkerBuilder("near").CoordsOnly(PointAtDistance(kLat, kLon, 1, 0))
                                     .Skill("LAS")));
  ASSERT_OK_AND_ASSIGN(r, engine->Match(v, exact));
  ASSERT_FALSE(r.next_page_token().empty());
  coarse.set_page_token(r.next_page_token());
  EXPECT_THAT(engine->Match(v, coarse), StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));

  // Reverse matching: the stored vacancy fits "in" exactly, "out" when rounded.
  ASSERT_OK(engine->UpsertVacancy(VacancyBuilder("v").Require("LAS").At(kLat, kLon)
                                      .Radius(kRadius).Open()));
  for (const char* id : {"in", "out"}) {
    ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult exact_r, engine->MatchVacancies(id, 10));
    ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult coarse_r,
                         engine->MatchVacancies(id, 10, false, /*coarse_locations=*/true));
    EXPECT_EQ(exact_r.vacancies_size(), std::string(id) == "in" ? 1 : 0) << id;
    EXPECT_EQ(coarse_r.vacancies_size(), std::string(id) == "out" ? 1 : 0) << id;
  }
}

}  // namespace
}  // namespace cakap_test
