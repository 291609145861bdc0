// Near misses (docs/ranking.md, match.proto NearMiss): workers failing exactly one
// applicable hard constraint, with the constraint's name and a reason giving the facts.
#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "reference/reference_matcher.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
using namespace cakap_ref;  // NOLINT: the oracle's types read best unqualified here
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using cakap::v1::ISSUER_BNSP;
using cakap::v1::ISSUER_KEMNAKER;

constexpr double kLat = -1.16667;  // Balikpapan (64.71)
constexpr double kLon = 116.88333;

// Vacancy: LAS and LAS.GTAW required, BNSP certificate, at Balikpapan within 100 km,
// in province 64, from 2026-12-01, keywords "kapal".
cakap::v1::Vacancy Job() {
  return VacancyBuilder()
      .Require("LAS")
      .Require("LAS.GTAW")
      .Issuer(ISSUER_BNSP)
      .At(kLat, kLon)
      .Radius(100)
      .InRegion("64")
      .Start("2026-12-01")
      .Keywords("kapal");
}

// A worker satisfying every constraint of Job(); each test case breaks some of them.
WorkerBuilder Good(const std::string& id) {
  return WorkerBuilder(id)
      .Region("64.71")
      .At(PointAtDistance(kLat, kLon, 5, 90))
      .Skills({"LAS.GTAW", "LAS.SMAW"})
      .Cert(ISSUER_BNSP, {"LAS.GTAW"}, 4, "2025-01-01", "2028-01-01")
      .Training("Las Kapal", "BLKI Balikpapan", "")
      .Decile(6);
}

struct Miss {
  std::string id;
  cakap::v1::Worker worker;
  std::string constraint;  // "" when the worker is a candidate or fails two constraints
  std::vector<std::string> reason_facts;
};

std::vector<Miss> Workers() {
  std::vector<Miss> out;
  auto add = [&](std::string id, WorkerBuilder w, std::string constraint,
                 std::vector<std::string> facts = {}) {
    cakap::v1::Worker worker = w.Build();
    worker.set_id(id);
    out.push_back(Miss{id, worker, std::move(constraint), std::move(facts)});
  };
  add("good", Good(""), "");
  {
    WorkerBuilder w = Good("");
    w.mutable_worker().mutable_certificates(0)->set_expires_on("2026-03-01");
    add("expired", w, kCertificate, {"expired", "2026-03-01"});
  }
  {
    WorkerBuilder w = Good("");
    w.mutable_worker().mutable_certificates(0)->set_issuer(ISSUER_KEMNAKER);
    add("kemnaker-only", w, kCertificate, {"BNSP"});
  }
  {
    cakap::v1::Worker w = Good("").Build();
    w.clear_certificates();
    w.set_id("no-certificate");
    out.push_back(Miss{"no-certificate", w, kCertificate, {"BNSP"}});
  }
  {
    cakap::v1::Worker w = Good("").Build();
    w.clear_skills();
    w.add_skills("LAS.SMAW");
    w.mutable_certificates(0)->set_skills(0, "LAS.SMAW");
    w.set_id("lacks-gtaw");
    out.push_back(Miss{"lacks-gtaw", w, kRequiredSkill, {"LAS.GTAW"}});
  }
  add("far-traveller",
      Good("").Travel(40).At(PointAtDistance(kLat, kLon, 62, 10)), kTravelRadius,
      {"62.0 km", "40 km"});
  add("outside-radius",
      Good("").Relocate().At(PointAtDistance(kLat, kLon, 130, 0)).Region("64.72"), kRadius,
      {"km"});
  add("other-province",
      Good("").Region("63.02").At(PointAtDistance(kLat, kLon, 30, 180)), kRegion, {});
  add("employed", Good("").Status(cakap::v1::EMPLOYMENT_STATUS_EMPLOYED), kAvailability, {});
  add("later", Good("").AvailableFrom("2027-02-01"), kAvailability, {"2027-02-01"});
  {
    cakap::v1::Worker w = Good("").Build();
    w.clear_trainings();
    w.set_id("no-keyword");
    out.push_back(Miss{"no-keyword", w, kKeywords, {"kapal"}});
  }
  // Two failures: never near misses.
  {
    WorkerBuilder w = Good("").Travel(40).At(PointAtDistance(kLat, kLon, 62, 10));
    w.mutable_worker().mutable_certificates(0)->set_expires_on("2026-03-01");
    add("expired-and-far", w, "");
  }
  add("employed-and-later-province",
      Good("").Status(cakap::v1::EMPLOYMENT_STATUS_EMPLOYED).Region("63.02")
          .At(PointAtDistance(kLat, kLon, 30, 180)), "");
  {
    cakap::v1::Worker w = Good("").Build();
    w.clear_skills();
    w.clear_certificates();
    w.set_id("lacks-both-skills");
    out.push_back(Miss{"lacks-both-skills", w, "", {}});
  }
  return out;
}

class NearMissTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path()));
    for (const Miss& m : Workers()) ASSERT_OK(engine_->UpsertWorker(m.worker)) << m.id;
  }
  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
};

TEST_F(NearMissTest, EachSingleFailureIsANearMissWithItsReason) {
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine_->Match(Job(), MatchOpts(50, false, 100)));
  EXPECT_THAT(CandidateIds(r.candidates()), ::testing::ElementsAre("good"));
  std::map<std::string, const cakap::v1::NearMiss*> by_id;
  for (const auto& nm : r.near_misses()) {
    EXPECT_TRUE(by_id.emplace(nm.candidate().worker().id(), &nm).second)
        << "near miss twice: " << nm.candidate().worker().id();
  }
  ASSERT_OK_AND_ASSIGN(cakap::Lexicon lexicon, cakap::Lexicon::Builtin());
  ASSERT_OK_AND_ASSIGN(cakap::Regions regions, cakap::Regions::Builtin());
  ReferenceMatcher ref(lexicon, regions, TestOptions());
  ASSERT_OK_AND_ASSIGN(RefVacancy rv, ref.ResolveVacancy(Job()));
  for (const Miss& m : Workers()) {
    SCOPED_TRACE(m.id);
    ASSERT_OK_AND_ASSIGN(RefWorker rw, ref.ResolveWorker(m.worker));
    const RefEvaluation e = ref.Evaluate(rw, rv, false);
    auto it = by_id.find(m.id);
    if (m.constraint.empty()) {
      EXPECT_TRUE(it == by_id.end())
          << "not a near miss: " << it->second->constraint() << " " << it->second->reason();
      EXPECT_NE(e.failed.size(), 1u) << ref.Describe(rw, rv, e);
      continue;
    }
    // The table agrees with the reference.
    EXPECT_THAT(e.failed, ::testing::ElementsAre(m.constraint)) << ref.Describe(rw, rv, e);
    ASSERT_TRUE(it != by_id.end()) << "missing near miss on " << m.constraint;
    const cakap::v1::NearMiss& nm = *it->second;
    EXPECT_EQ(nm.constraint(), m.constraint) << nm.reason();
    EXPECT_FALSE(nm.reason().empty());
    for (const std::string& fact : m.reason_facts) {
      EXPECT_THAT(nm.reason(), HasSubstr(fact)) << "constraint " << nm.constraint();
    }
    // What the worker would score if the constraint were waived.
    EXPECT_NEAR(nm.candidate().score(), e.score(), 1.5e-6) << ref.Describe(rw, rv, e);
    double sum = 0;
    for (const auto& c : nm.candidate().explanation()) sum += c.value();
    EXPECT_NEAR(sum, nm.candidate().score(), 1e-9);
    EXPECT_EQ(nm.candidate().worker().id(), m.id);
  }
  // Best first.
  for (int i = 1; i < r.near_misses_size(); ++i) {
    EXPECT_GE(r.near_misses(i - 1).candidate().score(), r.near_misses(i).candidate().score());
  }
}

TEST_F(NearMissTest, ReasonsGiveTheFacts) {
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine_->Match(Job(), MatchOpts(50, false, 100)));
  std::map<std::string, std::string> reason;
  for (const auto& nm : r.near_misses()) reason[nm.candidate().worker().id()] = nm.reason();
  EXPECT_THAT(reason["expired"], HasSubstr("expired 2026-03-01"));
  EXPECT_THAT(reason["no-certificate"], HasSubstr("no BNSP certificate"));
  EXPECT_THAT(reason["far-traveller"], AllOf(HasSubstr("62.0 km"), HasSubstr("travels at most 40 km")));
  EXPECT_THAT(reason["lacks-gtaw"], HasSubstr("lacks skill LAS.GTAW"));
}

TEST_F(NearMissTest, LimitKeepsTheBest) {
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult all, engine_->Match(Job(), MatchOpts(50, false, 100)));
  ASSERT_GE(all.near_misses_size(), 5);
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult none, engine_->Match(Job(), MatchOpts(50, false, 0)));
  EXPECT_EQ(none.near_misses_size(), 0);
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult two, engine_->Match(Job(), MatchOpts(50, false, 2)));
  ASSERT_EQ(two.near_misses_size(), 2);
  EXPECT_EQ(two.near_misses(0).candidate().score(), all.near_misses(0).candidate().score());
  EXPECT_EQ(two.near_misses(1).candidate().score(), all.near_misses(1).candidate().score());
  // Near misses do not change the candidates or the total.
  EXPECT_EQ(two.total(), 1);
  EXPECT_EQ(none.total(), 1);
}

// A vacancy without location, certificates, regions or keywords: the only constraints
// are the required skills and availability.
TEST_F(NearMissTest, OnlyApplicableConstraintsCount) {
  const cakap::v1::Vacancy v = VacancyBuilder().Require("LAS.GTAW").Start("2026-12-01");
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine_->Match(v, MatchOpts(50, false, 100)));
  std::map<std::string, std::string> constraint;
  for (const auto& nm : r.near_misses()) {
    constraint[nm.candidate().worker().id()] = nm.constraint();
  }
  std::set<std::string> candidates;
  for (const auto& c : r.candidates()) candidates.insert(c.worker().id());
  // far, expired, outside the region, without keyword text: all candidates here.
  for (const char* id : {"good", "expired", "far-traveller", "outside-radius", "other-province",
                         "no-keyword", "expired-and-far", "kemnaker-only"}) {
    EXPECT_TRUE(candidates.count(id)) << id;
    EXPECT_EQ(constraint.count(id), 0u) << id;
  }
  EXPECT_EQ(constraint["employed"], kAvailability);
  EXPECT_EQ(constraint["lacks-gtaw"], kRequiredSkill);
  EXPECT_EQ(constraint["employed-and-later-province"], kAvailability);
  // Lacks LAS and LAS.GTAW, but only LAS.GTAW is required here.
  EXPECT_EQ(constraint["lacks-both-skills"], kRequiredSkill);
}

}  // namespace
}  // namespace cakap_test
