// Helpers shared by the engine tests. Header-only: every *_test.cc is its own executable.
//
//   cakap_test::TempDir dir;                       // removed with everything in it
//   auto engine = cakap_test::OpenEngine(dir.path());   // fixed clock: 2026-11-23
//   ASSERT_OK((*engine)->UpsertWorker(cakap_test::WorkerBuilder("w1").Skill("LAS")));
//   EXPECT_THAT(status, cakap_test::StatusIs(absl::StatusCode::kNotFound));
#ifndef CAKAP_TESTS_ENGINE_TEST_UTIL_H_
#define CAKAP_TESTS_ENGINE_TEST_UTIL_H_

#include <stdlib.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "cakap/engine.h"
#include "cakap/options.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {

// ---------------------------------------------------------------------------------------
// Status helpers.

inline const absl::Status& ToStatus(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& ToStatus(const absl::StatusOr<T>& s) {
  return s.status();
}

template <typename T>
::testing::AssertionResult IsOkFormat(const char* expr, const T& value) {
  const absl::Status& s = ToStatus(value);
  if (s.ok()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << expr << " is not OK: " << s;
}

#define CAKAP_TEST_CONCAT_INNER_(a, b) a##b
#define CAKAP_TEST_CONCAT_(a, b) CAKAP_TEST_CONCAT_INNER_(a, b)

#define EXPECT_OK(expr) EXPECT_PRED_FORMAT1(::cakap_test::IsOkFormat, expr)
#define ASSERT_OK(expr) ASSERT_PRED_FORMAT1(::cakap_test::IsOkFormat, expr)
// `lhs` = value of the absl::StatusOr `rexpr`; fails the test (and returns) when not OK.
#define ASSERT_OK_AND_ASSIGN(lhs, rexpr) \
  ASSERT_OK_AND_ASSIGN_IMPL_(CAKAP_TEST_CONCAT_(cakap_test_statusor_, __LINE__), lhs, rexpr)
#define ASSERT_OK_AND_ASSIGN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                               \
  ASSERT_OK(statusor);                                   \
  lhs = std::move(statusor).value()

// Matches an absl::Status or absl::StatusOr<T> with the given code and a message matching
// `message_matcher` (e.g. ::testing::HasSubstr("domicile.latitude")).
MATCHER_P2(StatusIs, code, message_matcher,
           absl::StrFormat("has status code %s", absl::StatusCodeToString(code))) {
  const absl::Status& s = ::cakap_test::ToStatus(arg);
  if (s.code() != code) {
    *result_listener << "whose status is " << s;
    return false;
  }
  *result_listener << "whose message is \"" << s.message() << "\" ";
  return ::testing::ExplainMatchResult(message_matcher, std::string(s.message()),
                                       result_listener);
}

// ---------------------------------------------------------------------------------------
// Temporary directory, removed (recursively) on destruction.

class TempDir {
 public:
  TempDir() {
    const char* base = getenv("TEST_TMPDIR");
    if (base == nullptr || *base == '\0') base = getenv("TMPDIR");
    if (base == nullptr || *base == '\0') base = "/tmp";
    std::string templ = std::string(base) + "/cakap_test_XXXXXX";
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    char* made = mkdtemp(buf.data());
    if (made == nullptr) {
      ADD_FAILURE() << "mkdtemp failed for " << templ;
      path_ = templ;
    } else {
      path_ = made;
    }
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // A path inside the directory (not created).
  std::string Sub(absl::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

// ---------------------------------------------------------------------------------------
// Engine with a fixed clock.

inline absl::CivilDay Today() { return absl::CivilDay(2026, 11, 23); }

inline cakap::EngineOptions TestOptions() {
  cakap::EngineOptions options;
  options.today = [] { return absl::CivilDay(2026, 11, 23); };
  return options;
}

inline absl::StatusOr<std::unique_ptr<cakap::Engine>> OpenEngine(
    const std::string& path, const cakap::EngineOptions& options = TestOptions()) {
  return cakap::Engine::Open(options, path);
}

inline std::string DayString(absl::CivilDay d) { return absl::FormatCivilTime(d); }

// ---------------------------------------------------------------------------------------
// Geometry: the haversine distance of docs/ranking.md, and a point at a given distance.

constexpr double kEarthRadiusKm = 6371.0;
constexpr double kPi = 3.14159265358979323846;

inline double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  const double rad = kPi / 180.0;
  const double p1 = lat1 * rad, p2 = lat2 * rad, l1 = lon1 * rad, l2 = lon2 * rad;
  const double s1 = std::sin((p2 - p1) / 2), s2 = std::sin((l2 - l1) / 2);
  const double h = s1 * s1 + std::cos(p1) * std::cos(p2) * s2 * s2;
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(h < 1 ? h : 1.0));
}

struct LatLon {
  double lat = 0;
  double lon = 0;
};

// A point `km` from (lat, lon) in direction `bearing_deg` (0 north, 90 east), refined by
// bisection so that HaversineKm(origin, point) equals `km` to ~1e-9 km.
inline LatLon PointAtDistance(double lat, double lon, double km, double bearing_deg = 0) {
  const double rad = kPi / 180.0;
  auto destination = [&](double dist) {
    const double delta = dist / kEarthRadiusKm;
    const double theta = bearing_deg * rad;
    const double p1 = lat * rad, l1 = lon * rad;
    const double p2 = std::asin(std::sin(p1) * std::cos(delta) +
                                std::cos(p1) * std::sin(delta) * std::cos(theta));
    const double l2 = l1 + std::atan2(std::sin(theta) * std::sin(delta) * std::cos(p1),
                                      std::cos(delta) - std::sin(p1) * std::sin(p2));
    return LatLon{p2 / rad, l2 / rad};
  };
  double lo = 0, hi = km * 1.5 + 1;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    const LatLon p = destination(mid);
    if (HaversineKm(lat, lon, p.lat, p.lon) < km) lo = mid; else hi = mid;
  }
  return destination((lo + hi) / 2);
}

// ---------------------------------------------------------------------------------------
// Builders.

class WorkerBuilder {
 public:
  // A seeking worker domiciled in Balangan (63.11) without coordinates.
  explicit WorkerBuilder(std::string id) {
    w_.set_id(std::move(id));
    w_.mutable_domicile()->set_region_code("63.11");
    w_.set_employment_status(cakap::v1::EMPLOYMENT_STATUS_SEEKING);
  }
  WorkerBuilder& Region(std::string code) {
    w_.mutable_domicile()->set_region_code(std::move(code));
    return *this;
  }
  // Coordinates in addition to the region code.
  WorkerBuilder& At(double lat, double lon) {
    auto* d = w_.mutable_domicile();
    d->set_latitude(lat);
    d->set_longitude(lon);
    d->set_has_coordinates(true);
    return *this;
  }
  WorkerBuilder& At(LatLon p) { return At(p.lat, p.lon); }
  // Only coordinates: no region code.
  WorkerBuilder& CoordsOnly(double lat, double lon) {
    w_.mutable_domicile()->clear_region_code();
    return At(lat, lon);
  }
  WorkerBuilder& CoordsOnly(LatLon p) { return CoordsOnly(p.lat, p.lon); }
  WorkerBuilder& Name(std::string name) {
    w_.set_display_name(std::move(name));
    return *this;
  }
  WorkerBuilder& Skill(std::string s) {
    w_.add_skills(std::move(s));
    return *this;
  }
  WorkerBuilder& Skills(std::initializer_list<const char*> skills) {
    for (const char* s : skills) w_.add_skills(s);
    return *this;
  }
  WorkerBuilder& Cert(cakap::v1::Issuer issuer, std::initializer_list<const char*> skills,
                      int kkni, std::string issued_on, std::string expires_on = "",
                      std::string scheme = "", std::string body = "") {
    auto* c = w_.add_certificates();
    c->set_issuer(issuer);
    for (const char* s : skills) c->add_skills(s);
    c->set_kkni_level(kkni);
    c->set_issued_on(std::move(issued_on));
    c->set_expires_on(std::move(expires_on));
    c->set_scheme(std::move(scheme));
    c->set_issuing_body(std::move(body));
    return *this;
  }
  WorkerBuilder& Training(std::string programme, std::string institution = "",
                          std::string field = "", int year = 0) {
    auto* t = w_.add_trainings();
    t->set_programme(std::move(programme));
    t->set_institution(std::move(institution));
    t->set_field(std::move(field));
    t->set_year(year);
    return *this;
  }
  WorkerBuilder& Travel(double km) {
    w_.set_travel_km(km);
    return *this;
  }
  WorkerBuilder& Relocate(bool r = true) {
    w_.set_willing_to_relocate(r);
    return *this;
  }
  WorkerBuilder& Status(cakap::v1::EmploymentStatus s) {
    w_.set_employment_status(s);
    return *this;
  }
  WorkerBuilder& AvailableFrom(std::string d) {
    w_.set_available_from(std::move(d));
    return *this;
  }
  WorkerBuilder& Decile(int d) {
    w_.set_welfare_decile(d);
    return *this;
  }
  WorkerBuilder& Nik(std::string nik) {
    w_.set_nik(std::move(nik));
    return *this;
  }
  cakap::v1::Worker& mutable_worker() { return w_; }
  const cakap::v1::Worker& Build() const { return w_; }
  operator cakap::v1::Worker() const { return w_; }  // NOLINT: builder convenience

 private:
  cakap::v1::Worker w_;
};

class VacancyBuilder {
 public:
  // A vacancy without place, requirements or start date.
  explicit VacancyBuilder(std::string id = "") { v_.set_id(std::move(id)); }
  VacancyBuilder& Require(std::string s) {
    v_.add_required_skills(std::move(s));
    return *this;
  }
  VacancyBuilder& Prefer(std::string s) {
    v_.add_preferred_skills(std::move(s));
    return *this;
  }
  VacancyBuilder& Issuer(cakap::v1::Issuer i) {
    v_.add_accepted_issuers(i);
    return *this;
  }
  VacancyBuilder& MinKkni(int level) {
    v_.set_min_kkni_level(level);
    return *this;
  }
  VacancyBuilder& Region(std::string code) {  // location by region
    v_.mutable_location()->set_region_code(std::move(code));
    return *this;
  }
  VacancyBuilder& At(double lat, double lon) {
    auto* l = v_.mutable_location();
    l->set_latitude(lat);
    l->set_longitude(lon);
    l->set_has_coordinates(true);
    return *this;
  }
  VacancyBuilder& At(LatLon p) { return At(p.lat, p.lon); }
  VacancyBuilder& Radius(double km) {
    v_.set_radius_km(km);
    return *this;
  }
  VacancyBuilder& InRegion(std::string code) {  // region_codes filter
    v_.add_region_codes(std::move(code));
    return *this;
  }
  VacancyBuilder& Start(std::string d) {
    v_.set_start_date(std::move(d));
    return *this;
  }
  VacancyBuilder& Keywords(std::string k) {
    v_.set_keywords(std::move(k));
    return *this;
  }
  VacancyBuilder& IncludeEmployed(bool b = true) {
    v_.set_include_employed(b);
    return *this;
  }
  VacancyBuilder& Open(bool b = true) {
    v_.set_open(b);
    return *this;
  }
  cakap::v1::Vacancy& mutable_vacancy() { return v_; }
  const cakap::v1::Vacancy& Build() const { return v_; }
  operator cakap::v1::Vacancy() const { return v_; }  // NOLINT: builder convenience

 private:
  cakap::v1::Vacancy v_;
};

inline cakap::v1::MatchOptions MatchOpts(int page_size = 200, bool facets = false,
                                         int near_miss_limit = 0,
                                         bool exclude_welfare = false) {
  cakap::v1::MatchOptions o;
  o.set_page_size(page_size);
  o.set_facets(facets);
  o.set_near_miss_limit(near_miss_limit);
  o.set_exclude_welfare(exclude_welfare);
  return o;
}

// Every candidate of `vacancy`, following next_page_token to the end. Also returns the
// `total` of the first page through `total` when given.
inline absl::StatusOr<std::vector<cakap::v1::Candidate>> MatchAll(
    const cakap::Engine& engine, const cakap::v1::Vacancy& vacancy,
    cakap::v1::MatchOptions options = MatchOpts(), int64_t* total = nullptr) {
  std::vector<cakap::v1::Candidate> out;
  options.clear_page_token();
  for (int page = 0;; ++page) {
    absl::StatusOr<cakap::v1::MatchResult> r = engine.Match(vacancy, options);
    if (!r.ok()) return r.status();
    if (page == 0 && total != nullptr) *total = r->total();
    for (const auto& c : r->candidates()) out.push_back(c);
    if (r->next_page_token().empty()) break;
    if (r->candidates().empty()) {
      return absl::InternalError("non-empty next_page_token on an empty page");
    }
    if (page > 100000) return absl::InternalError("too many pages");
    options.set_page_token(r->next_page_token());
  }
  return out;
}

inline std::vector<std::string> Ids(const std::vector<cakap::v1::Candidate>& cs) {
  std::vector<std::string> ids;
  ids.reserve(cs.size());
  for (const auto& c : cs) ids.push_back(c.worker().id());
  return ids;
}

template <typename Repeated>
std::vector<std::string> CandidateIds(const Repeated& cs) {
  std::vector<std::string> ids;
  for (const auto& c : cs) ids.push_back(c.worker().id());
  return ids;
}

// The value of the named score component, or NaN when absent.
inline double Component(const cakap::v1::Candidate& c, absl::string_view name) {
  for (const auto& e : c.explanation()) {
    if (e.name() == name) return e.value();
  }
  return std::nan("");
}

inline bool HasComponent(const cakap::v1::Candidate& c, absl::string_view name) {
  for (const auto& e : c.explanation()) {
    if (e.name() == name) return true;
  }
  return false;
}

}  // namespace cakap_test

#endif  // CAKAP_TESTS_ENGINE_TEST_UTIL_H_
