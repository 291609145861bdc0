// The placements and outcomes ledger (engine.h: RecordLedgerEntry, GetHistory): what a
// placement changes (the worker's availability, the vacancy's openings), the append-only
// history, the partner rule, validation, and that all of it survives a reopen.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using cakap::LedgerWriteOptions;
using cakap::v1::LedgerEntry;

LedgerEntry Placement(const std::string& worker, const std::string& vacancy,
                      cakap::v1::PlacementKind kind = cakap::v1::PLACEMENT_KIND_JOB,
                      const std::string& date = "2026-05-01") {
  LedgerEntry e;
  e.set_worker_id(worker);
  e.mutable_placement()->set_kind(kind);
  e.mutable_placement()->set_vacancy_id(vacancy);
  e.mutable_placement()->set_date(date);
  return e;
}

LedgerEntry Outcome(const std::string& worker, int64_t placement_seq,
                    cakap::v1::OutcomeKind kind, int months, const std::string& date = "",
                    const std::string& reason = "") {
  LedgerEntry e;
  e.set_worker_id(worker);
  e.mutable_outcome()->set_placement_seq(placement_seq);
  e.mutable_outcome()->set_kind(kind);
  e.mutable_outcome()->set_after_months(months);
  e.mutable_outcome()->set_date(date);
  e.mutable_outcome()->set_reason(reason);
  return e;
}

cakap::v1::Vacancy Welders(const std::string& id, int openings, const std::string& owner = "") {
  cakap::v1::Vacancy v = VacancyBuilder(id).Require("LAS").Region("63.11").Radius(100).Open();
  v.set_openings(openings);
  v.set_owner(owner);
  v.set_employer("PT Las Banua");
  return v;
}

class LedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = OpenEngine(dir_.path());
    ASSERT_OK(engine);
    engine_ = std::move(*engine);
    for (const char* id : {"w1", "w2", "w3"}) {
      ASSERT_OK(engine_->UpsertWorker(WorkerBuilder(id).Skill("LAS.SMAW")));
    }
  }
  std::vector<std::string> CandidateIdsFor(cakap::v1::Vacancy v) {
    auto result = engine_->Match(v, MatchOpts());
    EXPECT_OK(result);
    return result.ok() ? CandidateIds(result->candidates()) : std::vector<std::string>{};
  }

  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
  LedgerWriteOptions portal_;
};

TEST_F(LedgerTest, PlacementFillsOpeningsAndClosesAFullVacancy) {
  ASSERT_OK(engine_->UpsertVacancy(Welders("v1", 2)));
  ASSERT_OK_AND_ASSIGN(LedgerEntry first, engine_->RecordLedgerEntry(Placement("w1", "v1"), portal_));
  EXPECT_EQ(first.seq(), 1);
  EXPECT_EQ(first.source(), "portal");
  EXPECT_EQ(first.placement().employer(), "PT Las Banua");  // from the vacancy
  ASSERT_OK_AND_ASSIGN(cakap::v1::Vacancy v, engine_->GetVacancy("v1"));
  EXPECT_EQ(v.filled(), 1);
  EXPECT_TRUE(v.open());
  ASSERT_OK(engine_->RecordLedgerEntry(Placement("w2", "v1"), portal_));
  ASSERT_OK_AND_ASSIGN(v, engine_->GetVacancy("v1"));
  EXPECT_EQ(v.filled(), 2);
  EXPECT_FALSE(v.open());
  ASSERT_OK_AND_ASSIGN(auto stats, engine_->Stats());
  EXPECT_EQ(stats.open_vacancies, 0);
  // No third placement into it; and re-upserting it open does not reopen a full vacancy.
  EXPECT_THAT(engine_->RecordLedgerEntry(Placement("w3", "v1"), portal_),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("all 2 openings")));
  ASSERT_OK(engine_->UpsertVacancy(Welders("v1", 2)));
  ASSERT_OK_AND_ASSIGN(v, engine_->GetVacancy("v1"));
  EXPECT_EQ(v.filled(), 2);
  EXPECT_FALSE(v.open());
  // Openings 0 means 1: one placement closes it.
  ASSERT_OK(engine_->UpsertVacancy(Welders("v0", 0)));
  ASSERT_OK(engine_->RecordLedgerEntry(Placement("w3", "v0"), portal_));
  ASSERT_OK_AND_ASSIGN(v, engine_->GetVacancy("v0"));
  EXPECT_FALSE(v.open());
}

TEST_F(LedgerTest, WithdrawnPlacementFreesItsOpening) {
  ASSERT_OK(engine_->UpsertVacancy(Welders("v1", 3)));
  ASSERT_OK(engine_->RecordLedgerEntry(Placement("w1", "v1"), portal_));
  LedgerEntry withdraw = Placement("w1", "");
  withdraw.set_corrects(1);
  withdraw.set_withdrawn(true);
  ASSERT_OK(engine_->RecordLedgerEntry(withdraw, portal_));
  ASSERT_OK_AND_ASSIGN(cakap::v1::Vacancy v, engine_->GetVacancy("v1"));
  EXPECT_EQ(v.filled(), 0);
  ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w, engine_->GetWorker("w1"));
  EXPECT_EQ(w.employment_status(), cakap::v1::EMPLOYMENT_STATUS_SEEKING);
}

TEST_F(LedgerTest, PlacedWorkerIsNoLongerADefaultCandidate) {
  const cakap::v1::Vacancy search = VacancyBuilder().Require("LAS").Region("63.11").Radius(100);
  EXPECT_THAT(CandidateIdsFor(search), ElementsAre("w1", "w2", "w3"));
  ASSERT_OK(engine_->RecordLedgerEntry(Placement("w2", ""), portal_));
  EXPECT_THAT(CandidateIdsFor(search), ElementsAre("w1", "w3"));
  cakap::v1::Vacancy with_employed = search;
  with_employed.set_include_employed(true);
  EXPECT_THAT(CandidateIdsFor(with_employed), ElementsAre("w1", "w2", "w3"));
  // The portal re-sends the worker as seeking (a full replace): the ledger still holds.
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w2").Skill("LAS.SMAW").AvailableFrom("2026-01-01")));
  ASSERT_OK(engine_->UpsertWorkers({WorkerBuilder("w2").Skill("LAS.SMAW").Build()}));
  EXPECT_THAT(CandidateIdsFor(search), ElementsAre("w1", "w3"));
  ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w2, engine_->GetWorker("w2"));
  EXPECT_EQ(w2.employment_status(), cakap::v1::EMPLOYMENT_STATUS_EMPLOYED);
  // An own business: self-employed. Leaving it: seeking again, a candidate again.
  ASSERT_OK(engine_->RecordLedgerEntry(
      Placement("w3", "", cakap::v1::PLACEMENT_KIND_OWN_BUSINESS), portal_));
  ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w3, engine_->GetWorker("w3"));
  EXPECT_EQ(w3.employment_status(), cakap::v1::EMPLOYMENT_STATUS_SELF_EMPLOYED);
  EXPECT_THAT(CandidateIdsFor(search), ElementsAre("w1"));
  ASSERT_OK(engine_->RecordLedgerEntry(
      Outcome("w2", 1, cakap::v1::OUTCOME_KIND_LEFT, 0, "2026-11-20", "kontrak habis"), portal_));
  EXPECT_THAT(CandidateIdsFor(search), ElementsAre("w1", "w2"));
}

TEST_F(LedgerTest, OutcomesAndCorrectionsAppendNeverEdit) {
  ASSERT_OK(engine_->RecordLedgerEntry(Placement("w1", ""), portal_));
  ASSERT_OK(engine_->RecordLedgerEntry(
      Outcome("w1", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 3, "2026-08-01"), portal_));
  // The date was wrong: a correction is a new entry naming the old one.
  LedgerEntry fix = Placement("w1", "", cakap::v1::PLACEMENT_KIND_JOB, "2026-04-15");
  fix.set_corrects(1);
  ASSERT_OK(engine_->RecordLedgerEntry(fix, portal_));
  // An outcome may name either version of the placement.
  ASSERT_OK(engine_->RecordLedgerEntry(
      Outcome("w1", 3, cakap::v1::OUTCOME_KIND_STILL_WORKING, 6, "2026-10-15"), portal_));
  ASSERT_OK_AND_ASSIGN(std::vector<LedgerEntry> history, engine_->GetHistory("w1"));
  ASSERT_EQ(history.size(), 4u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(history[i].seq(), i + 1);
  EXPECT_EQ(history[0].placement().date(), "2026-05-01");  // never edited
  EXPECT_EQ(history[2].placement().date(), "2026-04-15");
  EXPECT_EQ(history[2].corrects(), 1);
  EXPECT_FALSE(history[0].recorded_at().empty());
  // The corrected entry cannot be corrected again; nor can an outcome correct a placement.
  EXPECT_THAT(engine_->RecordLedgerEntry(fix, portal_),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("already corrected")));
  LedgerEntry wrong_kind = Outcome("w1", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 3);
  wrong_kind.set_corrects(3);
  EXPECT_THAT(engine_->RecordLedgerEntry(wrong_kind, portal_),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("is a placement")));
  ASSERT_OK_AND_ASSIGN(history, engine_->GetHistory("w1"));
  EXPECT_EQ(history.size(), 4u);
  // Another worker's history is its own.
  ASSERT_OK_AND_ASSIGN(history, engine_->GetHistory("w2"));
  EXPECT_TRUE(history.empty());
}

TEST_F(LedgerTest, PartnerPlacesOnlyIntoItsOwnVacancies) {
  ASSERT_OK(engine_->UpsertVacancy(Welders("theirs", 5, "pt-lain")));
  ASSERT_OK(engine_->UpsertVacancy(Welders("mine", 5, "pt-contoh")));
  LedgerWriteOptions partner;
  partner.source = partner.partner = "pt-contoh";
  EXPECT_THAT(engine_->RecordLedgerEntry(Placement("w1", "theirs"), partner),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("theirs")));
  EXPECT_THAT(engine_->RecordLedgerEntry(Placement("w1", ""), partner),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("own vacancies")));
  ASSERT_OK_AND_ASSIGN(std::vector<LedgerEntry> history, engine_->GetHistory("w1"));
  EXPECT_TRUE(history.empty());
  ASSERT_OK_AND_ASSIGN(cakap::v1::Vacancy theirs, engine_->GetVacancy("theirs"));
  EXPECT_EQ(theirs.filled(), 0);
  ASSERT_OK_AND_ASSIGN(LedgerEntry placed, engine_->RecordLedgerEntry(Placement("w1", "mine"), partner));
  EXPECT_EQ(placed.source(), "pt-contoh");
  // Outcomes only of its own placements.
  ASSERT_OK(engine_->RecordLedgerEntry(Placement("w2", ""), portal_));
  EXPECT_THAT(engine_->RecordLedgerEntry(
                  Outcome("w2", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 3), partner),
              StatusIs(absl::StatusCode::kPermissionDenied, ::testing::_));
  EXPECT_OK(engine_->RecordLedgerEntry(
      Outcome("w1", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 3), partner));
}

TEST_F(LedgerTest, ValidationNamesTheField) {
  LedgerEntry e = Placement("w1", "");
  e.mutable_placement()->clear_date();
  EXPECT_THAT(engine_->RecordLedgerEntry(e, portal_),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("placement.date: required")));
  e = Placement("w1", "", cakap::v1::PLACEMENT_KIND_UNSPECIFIED);
  EXPECT_THAT(engine_->RecordLedgerEntry(e, portal_),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("placement.kind")));
  e = Placement("w1", "", cakap::v1::PLACEMENT_KIND_JOB, "2026-02-30");
  EXPECT_THAT(engine_->RecordLedgerEntry(e, portal_),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("placement.date")));
  EXPECT_THAT(engine_->RecordLedgerEntry(
                  Outcome("w1", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 4), portal_),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("outcome.after_months")));
  EXPECT_THAT(engine_->RecordLedgerEntry(
                  Outcome("w1", 7, cakap::v1::OUTCOME_KIND_STILL_WORKING, 3), portal_),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("outcome.placement_seq")));
  EXPECT_THAT(engine_->RecordLedgerEntry(Placement("nobody", ""), portal_),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("worker nobody")));
  EXPECT_THAT(engine_->RecordLedgerEntry(Placement("w1", "no-such-vacancy"), portal_),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("vacancy no-such-vacancy")));
  cakap::v1::Worker bad = WorkerBuilder("w9").Training("Las", "BLK", "", 2024);
  bad.mutable_trainings(0)->set_ended_on("2025-06-30");
  EXPECT_THAT(engine_->UpsertWorker(bad),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("trainings[0].ended_on")));
}

// A 3- or 6-month check counts in the figures ("still working after 3 months"), so it is
// taken only once due: its date (or, without one, the engine's today, 2026-11-23 here) on
// or after the placement's date plus the months, and never a date after today.
TEST_F(LedgerTest, ChecksAreTakenOnlyOnceDue) {
  const LedgerEntry recent = Placement("w1", "", cakap::v1::PLACEMENT_KIND_JOB, "2026-10-31");
  ASSERT_OK(engine_->RecordLedgerEntry(recent, portal_));
  // Due 2027-01-31; today is 2026-11-23.
  EXPECT_THAT(engine_->RecordLedgerEntry(
                  Outcome("w1", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 3), portal_),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("outcome.after_months: the 3-month check of the placement of "
                                 "2026-10-31 is due on 2027-01-31")));
  EXPECT_THAT(engine_->RecordLedgerEntry(
                  Outcome("w1", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 3, "2026-11-20"),
                  portal_),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("outcome.date: 2026-11-20 is too early")));
  EXPECT_THAT(engine_->RecordLedgerEntry(
                  Outcome("w1", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 3, "2027-02-01"),
                  portal_),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("outcome.date: 2027-02-01 is after today (2026-11-23)")));
  // Leaving is not a check: any day from the placement's on.
  ASSERT_OK(engine_->RecordLedgerEntry(
      Outcome("w1", 1, cakap::v1::OUTCOME_KIND_LEFT, 0, "2026-11-20", "kontrak habis"), portal_));
  // An older placement's checks: the 3-month one from 2026-08-31 on, the 6-month one not
  // yet (a day past a month's end carries over: "2026-11-31" is 2026-12-01).
  ASSERT_OK(engine_->RecordLedgerEntry(
      Placement("w2", "", cakap::v1::PLACEMENT_KIND_OWN_BUSINESS, "2026-05-31"), portal_));
  EXPECT_THAT(engine_->RecordLedgerEntry(
                  Outcome("w2", 1, cakap::v1::OUTCOME_KIND_BUSINESS_RUNNING, 3, "2026-08-30"),
                  portal_),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("is due on 2026-08-31")));
  ASSERT_OK(engine_->RecordLedgerEntry(
      Outcome("w2", 1, cakap::v1::OUTCOME_KIND_BUSINESS_RUNNING, 3, "2026-08-31"), portal_));
  EXPECT_THAT(engine_->RecordLedgerEntry(
                  Outcome("w2", 1, cakap::v1::OUTCOME_KIND_BUSINESS_RUNNING, 6), portal_),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("is due on 2026-12-01")));
  // Only the check made when due counts.
  cakap::v1::GetFiguresRequest req;
  ASSERT_OK_AND_ASSIGN(auto figures, engine_->Figures(req, {}));
  EXPECT_EQ(figures.figures().placed().value(), 2);
  EXPECT_EQ(figures.figures().still_working_3m().value(), 1);
  EXPECT_EQ(figures.figures().still_working_6m().value(), 0);
}

TEST_F(LedgerTest, BulkEntriesCommitTogetherEachSeeingTheOnesBefore) {
  ASSERT_OK(engine_->UpsertVacancy(Welders("v1", 1)));
  std::vector<LedgerEntry> batch = {
      Placement("w1", "v1"),
      Placement("w2", "v1"),  // full after the first: refused, alone
      Outcome("w1", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 3),
      Placement("w3", "", cakap::v1::PLACEMENT_KIND_UNSPECIFIED)};
  ASSERT_OK_AND_ASSIGN(auto results, engine_->RecordLedgerEntries(batch, portal_));
  ASSERT_EQ(results.size(), 4u);
  EXPECT_OK(results[0]);
  EXPECT_THAT(results[1], StatusIs(absl::StatusCode::kFailedPrecondition, ::testing::_));
  EXPECT_OK(results[2]);
  EXPECT_THAT(results[3], StatusIs(absl::StatusCode::kInvalidArgument, ::testing::_));
  ASSERT_OK_AND_ASSIGN(std::vector<LedgerEntry> history, engine_->GetHistory("w1"));
  EXPECT_EQ(history.size(), 2u);
}

TEST_F(LedgerTest, EverythingSurvivesAReopenAndTheCheck) {
  ASSERT_OK(engine_->UpsertVacancy(Welders("v1", 1)));
  ASSERT_OK(engine_->RecordLedgerEntry(Placement("w1", "v1"), portal_));
  ASSERT_OK(engine_->RecordLedgerEntry(
      Outcome("w1", 1, cakap::v1::OUTCOME_KIND_STILL_WORKING, 6), portal_));
  cakap::v1::GetFiguresRequest req;
  ASSERT_OK_AND_ASSIGN(auto before, engine_->Figures(req, {}));
  EXPECT_EQ(before.figures().placed().value(), 1);
  EXPECT_EQ(before.figures().still_working_6m().value(), 1);
  ASSERT_OK_AND_ASSIGN(cakap::CheckReport report, engine_->Check());
  EXPECT_THAT(report.problems, ::testing::IsEmpty());
  engine_.reset();
  ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path()));
  ASSERT_OK_AND_ASSIGN(auto after, engine_->Figures(req, {}));
  EXPECT_EQ(after.DebugString(), before.DebugString());
  ASSERT_OK_AND_ASSIGN(std::vector<LedgerEntry> history, engine_->GetHistory("w1"));
  EXPECT_EQ(history.size(), 2u);
  // The vacancy's filled count came back from the ledger: still full.
  EXPECT_THAT(engine_->RecordLedgerEntry(Placement("w2", "v1"), portal_),
              StatusIs(absl::StatusCode::kFailedPrecondition, ::testing::_));
  // And the placed worker stays employed through an upsert after the reopen.
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w1").Skill("LAS.SMAW")));
  ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w1, engine_->GetWorker("w1"));
  EXPECT_EQ(w1.employment_status(), cakap::v1::EMPLOYMENT_STATUS_EMPLOYED);
}

}  // namespace
}  // namespace cakap_test
