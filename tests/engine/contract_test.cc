// Statements of docs/ranking.md that no other test pins down (issue 12, item 13): the
// default expiry of a certificate issued on 29 February, the order of each facet, near
// misses as the best N by score then id, and that a skill entry is never stemmed.
#include <xapian.h>

#include <string>
#include <vector>

#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using cakap::v1::ISSUER_BNSP;
using cakap::v1::ISSUER_KEMNAKER;
using cakap::v1::ISSUER_OTHER;

std::unique_ptr<cakap::Engine> Open(const TempDir& dir,
                                    cakap::EngineOptions options = TestOptions()) {
  absl::StatusOr<std::unique_ptr<cakap::Engine>> engine = OpenEngine(dir.path(), options);
  EXPECT_TRUE(engine.ok()) << engine.status();
  return engine.ok() ? *std::move(engine) : nullptr;
}

std::string StoredExpiry(cakap::Engine& engine, const std::string& issued, int issuer) {
  const std::string id = "w-" + issued + "-" + std::to_string(issuer);
  EXPECT_TRUE(engine
                  .UpsertWorker(WorkerBuilder(id).Skill("LAS").Cert(
                      static_cast<cakap::v1::Issuer>(issuer), {"LAS"}, 2, issued))
                  .ok());
  absl::StatusOr<cakap::v1::Worker> w = engine.GetWorker(id);
  EXPECT_TRUE(w.ok()) << w.status();
  return w.ok() ? w->certificates(0).expires_on() : "";
}

// The anniversary of 29 February in a common year is 1 March, so the default expiry is
// 28 February; in a leap year it is 28 February too (the day before the 29th).
TEST(ContractTest, CertificateIssuedOn29February) {
  TempDir dir;
  std::unique_ptr<cakap::Engine> engine = Open(dir);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(StoredExpiry(*engine, "2024-02-29", ISSUER_BNSP), "2027-02-28");
  EXPECT_EQ(StoredExpiry(*engine, "2024-02-29", ISSUER_KEMNAKER), "2027-02-28");
  EXPECT_EQ(StoredExpiry(*engine, "2023-02-28", ISSUER_BNSP), "2026-02-27");
  EXPECT_EQ(StoredExpiry(*engine, "2023-03-01", ISSUER_BNSP), "2026-02-28");

  TempDir four_dir;
  cakap::EngineOptions four = TestOptions();
  four.default_validity_years_bnsp = 4;
  std::unique_ptr<cakap::Engine> four_years = Open(four_dir, four);
  ASSERT_NE(four_years, nullptr);
  EXPECT_EQ(StoredExpiry(*four_years, "2024-02-29", ISSUER_BNSP), "2028-02-28");
}

std::vector<std::pair<std::string, int64_t>> Values(
    const google::protobuf::RepeatedPtrField<cakap::v1::FacetValue>& values) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& v : values) out.push_back({v.value(), v.count()});
  return out;
}

// issuer: count descending, ties BNSP, KEMNAKER, OTHER; region: count descending, ties by
// code (byte order, "" for coordinates only first); kkni_level: level ascending, whatever
// the counts.
TEST(ContractTest, FacetOrder) {
  TempDir dir;
  std::unique_ptr<cakap::Engine> engine = Open(dir);
  ASSERT_NE(engine, nullptr);
  struct W {
    const char* id;
    const char* region;  // "" : coordinates only
    int issuer;          // 0: no certificate
    int level;
  };
  const std::vector<W> workers = {
      {"a", "64.71", ISSUER_OTHER, 2}, {"b", "64.71", ISSUER_OTHER, 2},
      {"c", "63.11", ISSUER_OTHER, 2}, {"d", "63.11", ISSUER_KEMNAKER, 5},
      {"e", "64.02", ISSUER_KEMNAKER, 5}, {"f", "64.02", ISSUER_BNSP, 2},
      {"g", "64.02", ISSUER_BNSP, 2},  {"h", "", 0, 0},
      {"i", "", 0, 0},
  };
  for (const W& w : workers) {
    WorkerBuilder b(w.id);
    b.Skill("LAS");
    if (w.region[0] == '\0') {
      b.CoordsOnly(-1.2, 116.9);
    } else {
      b.Region(w.region);
    }
    if (w.issuer != 0) {
      b.Cert(static_cast<cakap::v1::Issuer>(w.issuer), {"LAS"}, w.level, "2025-01-01");
    }
    ASSERT_TRUE(engine->UpsertWorker(b).ok());
  }
  cakap::v1::MatchOptions o;
  o.set_facets(true);
  absl::StatusOr<cakap::v1::MatchResult> r =
      engine->Match(VacancyBuilder().Require("LAS").Start("2026-12-01").Build(), o);
  ASSERT_TRUE(r.ok()) << r.status();
  using V = std::vector<std::pair<std::string, int64_t>>;
  EXPECT_EQ(Values(r->facets().issuer()), (V{{"OTHER", 3}, {"BNSP", 2}, {"KEMNAKER", 2}}));
  EXPECT_EQ(Values(r->facets().region()),
            (V{{"64.02", 3}, {"", 2}, {"63.11", 2}, {"64.71", 2}}));
  EXPECT_EQ(Values(r->facets().kkni_level()), (V{{"0", 2}, {"2", 5}, {"5", 2}}));
}

// The best near_miss_limit by score descending, then worker id ascending.
TEST(ContractTest, NearMissesAreTheBestByScoreThenId) {
  TempDir dir;
  std::unique_ptr<cakap::Engine> engine = Open(dir);
  ASSERT_NE(engine, nullptr);
  // Equal scores (no certificate, same place), each failing the certificate.
  for (const char* id : {"nm-d", "nm-b", "nm-c", "nm-a"}) {
    ASSERT_TRUE(engine->UpsertWorker(WorkerBuilder(id).Skill("LAS")).ok());
  }
  // A better one (a preferred skill), also failing the certificate, with the last id.
  ASSERT_TRUE(engine->UpsertWorker(WorkerBuilder("nm-z").Skill("LAS").Skill("LAS.GTAW")).ok());
  cakap::v1::MatchOptions o;
  o.set_near_miss_limit(3);
  absl::StatusOr<cakap::v1::MatchResult> r = engine->Match(
      VacancyBuilder().Require("LAS").Prefer("LAS.GTAW").Issuer(ISSUER_BNSP).Start("2026-12-01")
          .Build(),
      o);
  ASSERT_TRUE(r.ok()) << r.status();
  std::vector<std::string> ids;
  for (const auto& n : r->near_misses()) {
    EXPECT_EQ(n.constraint(), "certificate");
    ids.push_back(n.candidate().worker().id());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"nm-z", "nm-a", "nm-b"}));
}

// A skill entry names a lexicon skill only by its normalised phrase (or code): never by
// a stem, though keyword words match by the Indonesian stem.
TEST(ContractTest, SkillEntryIsNeverStemmed) {
  const Xapian::Stem stem("indonesian");
  // The premise: the stemmer keywords use maps the entry's word onto a listed phrase.
  ASSERT_EQ(stem("kokinya"), stem("koki"));
  TempDir dir;
  std::unique_ptr<cakap::Engine> engine = Open(dir);
  ASSERT_NE(engine, nullptr);
  ASSERT_TRUE(engine->UpsertWorker(WorkerBuilder("w").Skill("kokinya")).ok());
  absl::StatusOr<cakap::v1::Worker> w = engine->GetWorker("w");
  ASSERT_TRUE(w.ok());
  EXPECT_THAT(w->skills(), ::testing::ElementsAre("kokinya"));  // free text, not MSK
  absl::StatusOr<cakap::v1::MatchResult> r =
      engine->Match(VacancyBuilder().Require("MSK").Build(), {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total(), 0);
  // As a required skill it names nothing.
  EXPECT_EQ(engine->Match(VacancyBuilder().Require("kokinya").Build(), {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  // Its words are text: a keyword matches them by the stem.
  r = engine->Match(VacancyBuilder().Keywords("kokinya").Build(), {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total(), 1);
}

}  // namespace
}  // namespace cakap_test
