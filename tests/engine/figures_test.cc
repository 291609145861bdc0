// The office's figures (engine.h: Engine::Figures) on a corpus small enough to count by
// hand: six workers, three vacancies, a few placements and outcomes. Every number below
// is worked out in the comments, from the definitions in proto/cakap/v1/figures.proto.
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "cakap/engine.h"
#include "schema.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using cakap::v1::GetFiguresRequest;
using cakap::v1::GetFiguresResponse;
using cakap::v1::LedgerEntry;
using ::testing::HasSubstr;

LedgerEntry Place(const std::string& worker, cakap::v1::PlacementKind kind,
                  const std::string& date, const std::string& vacancy = "") {
  LedgerEntry e;
  e.set_worker_id(worker);
  e.mutable_placement()->set_kind(kind);
  e.mutable_placement()->set_date(date);
  e.mutable_placement()->set_vacancy_id(vacancy);
  return e;
}

LedgerEntry Check(const std::string& worker, cakap::v1::OutcomeKind kind, int months) {
  LedgerEntry e;
  e.set_worker_id(worker);
  e.mutable_outcome()->set_placement_seq(1);
  e.mutable_outcome()->set_kind(kind);
  e.mutable_outcome()->set_after_months(months);
  return e;
}

cakap::v1::Worker Trained(const std::string& id, const std::string& region,
                          const std::string& programme, const std::string& institution,
                          const std::string& ended_on, int year = 0) {
  cakap::v1::Worker w = WorkerBuilder(id).Region(region).Training(programme, institution, "", year);
  w.mutable_trainings(0)->set_ended_on(ended_on);
  return w;
}

class FiguresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path()));
    using cakap::v1::ISSUER_BNSP;
    using cakap::v1::ISSUER_KEMNAKER;
    // a: Balangan, decile 2, trained 2024-06-30, BNSP welder 2024-07-15 (valid to
    //    2027-07-14), a job on 2024-08-14 (45 days after training, 30 after the
    //    certificate) into v1, still working at 6 months.
    cakap::v1::Worker a = Trained("a", "63.11", "Las Dasar", "BLK Balangan", "2024-06-30");
    a.set_welfare_decile(2);
    *a.add_certificates() = WorkerBuilder("x").Cert(ISSUER_BNSP, {"LAS.SMAW"}, 2, "2024-07-15").Build().certificates(0);
    // b: Balangan, decile 5, same training, BNSP welder 2024-07-01 expiring 2026-12-10
    //    (17 days after as_of), own business 2024-09-28 (90 / 89 days), running at 3
    //    months, closed 2025-02-01 (before 6 months): seeking again.
    cakap::v1::Worker b = Trained("b", "63.11", "Las Dasar", "BLK Balangan", "2024-06-30");
    b.set_welfare_decile(5);
    *b.add_certificates() = WorkerBuilder("x").Cert(ISSUER_BNSP, {"LAS.SMAW"}, 2, "2024-07-01", "2026-12-10").Build().certificates(0);
    // c: Banjarmasin, no decile, LPK sewing ended 2024-12-20, no certificate,
    //    apprenticeship 2025-01-10 (21 days), no outcome yet.
    cakap::v1::Worker c = Trained("c", "63.71", "Menjahit", "LPK Sandy", "2024-12-20");
    // d: Samarinda, decile 9, BLKI training of 2023 (no end date: 2023-12-31), Kemnaker
    //    welding certificate 2024-01-10 to 2027-01-10 (48 days after as_of), seeking.
    cakap::v1::Worker d = Trained("d", "64.72", "Las Dasar", "BLKI Samarinda", "", 2023);
    d.set_welfare_decile(9);
    *d.add_certificates() = WorkerBuilder("x").Cert(ISSUER_KEMNAKER, {"LAS"}, 2, "2024-01-10", "2027-01-10").Build().certificates(0);
    // e: Balangan, no training, BNSP welder 2025-05-01, employed (the portal says so).
    cakap::v1::Worker e = WorkerBuilder("e").Status(cakap::v1::EMPLOYMENT_STATUS_EMPLOYED)
                              .Cert(ISSUER_BNSP, {"LAS.SMAW"}, 2, "2025-05-01");
    // f: Balangan, trained 2024-06-30, a job recorded in error and withdrawn.
    cakap::v1::Worker f = Trained("f", "63.11", "Las Dasar", "BLK Balangan", "2024-06-30");
    for (const cakap::v1::Worker& w : {a, b, c, d, e, f}) ASSERT_OK(engine_->UpsertWorker(w));

    // v1: 3 welders in Balangan (1 filled by a: 2 remain); v2: one LAS opening there;
    // v3: closed, not counted.
    cakap::v1::Vacancy v1 = VacancyBuilder("v1").Require("LAS.SMAW").Region("63.11").Open();
    v1.set_openings(3);
    cakap::v1::Vacancy v2 = VacancyBuilder("v2").Require("LAS").Region("63.11").Open();
    cakap::v1::Vacancy v3 = VacancyBuilder("v3").Require("LAS").Region("63.11").Open(false);
    for (const auto& v : {v1, v2, v3}) ASSERT_OK(engine_->UpsertVacancy(v));

    const cakap::LedgerWriteOptions portal;
    ASSERT_OK(engine_->RecordLedgerEntry(Place("a", cakap::v1::PLACEMENT_KIND_JOB, "2024-08-14", "v1"), portal));
    ASSERT_OK(engine_->RecordLedgerEntry(Check("a", cakap::v1::OUTCOME_KIND_STILL_WORKING, 3), portal));
    ASSERT_OK(engine_->RecordLedgerEntry(Check("a", cakap::v1::OUTCOME_KIND_STILL_WORKING, 6), portal));
    ASSERT_OK(engine_->RecordLedgerEntry(Place("b", cakap::v1::PLACEMENT_KIND_OWN_BUSINESS, "2024-09-28"), portal));
    ASSERT_OK(engine_->RecordLedgerEntry(Check("b", cakap::v1::OUTCOME_KIND_BUSINESS_RUNNING, 3), portal));
    LedgerEntry closed = Check("b", cakap::v1::OUTCOME_KIND_LEFT, 0);
    closed.mutable_outcome()->set_date("2025-02-01");
    ASSERT_OK(engine_->RecordLedgerEntry(closed, portal));
    ASSERT_OK(engine_->RecordLedgerEntry(Place("c", cakap::v1::PLACEMENT_KIND_APPRENTICESHIP, "2025-01-10"), portal));
    ASSERT_OK(engine_->RecordLedgerEntry(Place("f", cakap::v1::PLACEMENT_KIND_JOB, "2024-07-30"), portal));
    LedgerEntry withdraw = Place("f", cakap::v1::PLACEMENT_KIND_JOB, "2024-07-30");
    withdraw.set_corrects(1);
    withdraw.set_withdrawn(true);
    ASSERT_OK(engine_->RecordLedgerEntry(withdraw, portal));
  }

  GetFiguresResponse Figures(const cakap::v1::FiguresSlice& slice, int min_cell = 0,
                             bool supply = false) {
    GetFiguresRequest req;
    *req.mutable_slice() = slice;
    req.set_as_of("2026-11-23");
    req.set_supply_demand(supply);
    cakap::FiguresOptions options;
    options.min_cell_size = min_cell;
    absl::StatusOr<GetFiguresResponse> r = engine_->Figures(req, options);
    EXPECT_OK(r);
    return r.ok() ? *r : GetFiguresResponse();
  }

  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
};

TEST_F(FiguresTest, EveryWorker) {
  const cakap::v1::Figures f = Figures({}).figures();
  EXPECT_EQ(f.workers().value(), 6);
  EXPECT_EQ(f.trained().value(), 5);    // all but e
  EXPECT_EQ(f.certified().value(), 4);  // a, b, d, e
  EXPECT_EQ(f.placed().value(), 3);     // a, b, c (f's was withdrawn)
  EXPECT_EQ(f.placed_job().value(), 1);
  EXPECT_EQ(f.placed_apprenticeship().value(), 1);
  EXPECT_EQ(f.placed_own_business().value(), 1);
  EXPECT_EQ(f.still_working_3m().value(), 2);  // a; b closed after 3 months
  EXPECT_EQ(f.still_working_6m().value(), 1);  // a
  EXPECT_EQ(f.with_training_before_placement().value(), 3);
  EXPECT_DOUBLE_EQ(f.median_days_training_to_placement(), 45);  // of 21, 45, 90
  EXPECT_EQ(f.with_certificate_before_placement().value(), 2);
  EXPECT_DOUBLE_EQ(f.median_days_certification_to_placement(), 59.5);  // of 30, 89
}

TEST_F(FiguresTest, Slices) {
  cakap::v1::FiguresSlice s;
  s.set_cohort_from("2024-01-01");  // trained in 2024: a, b, c, f
  s.set_cohort_to("2024-12-31");
  cakap::v1::Figures f = Figures(s).figures();
  EXPECT_EQ(f.workers().value(), 4);
  EXPECT_EQ(f.trained().value(), 4);
  EXPECT_EQ(f.placed().value(), 3);
  EXPECT_EQ(f.still_working_6m().value(), 1);

  s.Clear();
  s.set_institution_kind("BLK");  // a, b, d (BLKI), f
  f = Figures(s).figures();
  EXPECT_EQ(f.workers().value(), 4);
  EXPECT_EQ(f.placed().value(), 2);

  s.Clear();
  s.set_programme("las dasar");
  s.set_institution("BLK Balangan");  // a, b, f
  EXPECT_EQ(Figures(s).figures().workers().value(), 3);

  s.Clear();
  s.add_region_codes("63");  // South Kalimantan: a, b, c, e, f
  EXPECT_EQ(Figures(s).figures().workers().value(), 5);
  s.Clear();
  s.add_region_codes("64.72");
  EXPECT_EQ(Figures(s).figures().workers().value(), 1);

  s.Clear();
  s.set_skill("juru las");  // LAS and its specialisations: a, b, d, e
  EXPECT_EQ(Figures(s).figures().workers().value(), 4);

  s.Clear();
  s.set_certificate_issuer(cakap::v1::ISSUER_KEMNAKER);
  EXPECT_EQ(Figures(s).figures().workers().value(), 1);

  s.Clear();
  s.set_welfare_decile_min(1);
  s.set_welfare_decile_max(5);  // a, b
  EXPECT_EQ(Figures(s).figures().workers().value(), 2);

  s.Clear();
  s.set_period_from("2025-01-01");
  s.set_period_to("2025-12-31");
  f = Figures(s).figures();
  EXPECT_EQ(f.workers().value(), 6);
  EXPECT_EQ(f.placed().value(), 1);     // c
  EXPECT_EQ(f.certified().value(), 1);  // e
}

TEST_F(FiguresTest, SupplyAndDemand) {
  const GetFiguresResponse r = Figures({}, 0, /*supply=*/true);
  EXPECT_EQ(r.as_of(), "2026-11-23");
  ASSERT_EQ(r.supply_demand_size(), 3);
  // LAS in Balangan: b available (a placed, e employed); v2's one opening; b's
  // certificate expires in 17 days.
  const auto& las = r.supply_demand(0);
  EXPECT_EQ(las.skill(), "LAS");
  EXPECT_EQ(las.region_code(), "63.11");
  EXPECT_EQ(las.available_certified().value(), 1);
  EXPECT_EQ(las.open_openings().value(), 1);
  EXPECT_EQ(las.expiring_30d().value(), 1);
  EXPECT_EQ(las.expiring_90d().value(), 1);
  EXPECT_EQ(las.expiring_180d().value(), 1);
  // LAS in Samarinda: d, expiring in 48 days.
  const auto& samarinda = r.supply_demand(1);
  EXPECT_EQ(samarinda.skill(), "LAS");
  EXPECT_EQ(samarinda.region_code(), "64.72");
  EXPECT_EQ(samarinda.available_certified().value(), 1);
  EXPECT_EQ(samarinda.open_openings().value(), 0);
  EXPECT_EQ(samarinda.expiring_30d().value(), 0);
  EXPECT_EQ(samarinda.expiring_90d().value(), 1);
  // LAS.SMAW in Balangan: b; v1's two remaining openings.
  const auto& smaw = r.supply_demand(2);
  EXPECT_EQ(smaw.skill(), "LAS.SMAW");
  EXPECT_EQ(smaw.available_certified().value(), 1);
  EXPECT_EQ(smaw.open_openings().value(), 2);
}

TEST_F(FiguresTest, MinimumCellSizeSuppressesSmallCounts) {
  const GetFiguresResponse r = Figures({}, /*min_cell=*/3, /*supply=*/true);
  const cakap::v1::Figures& f = r.figures();
  EXPECT_EQ(r.min_cell_size(), 3);
  EXPECT_EQ(f.workers().value(), 6);
  EXPECT_FALSE(f.workers().suppressed());
  EXPECT_EQ(f.placed().value(), 3);
  EXPECT_TRUE(f.still_working_6m().suppressed());  // 1
  EXPECT_EQ(f.still_working_6m().value(), 0);
  EXPECT_TRUE(f.still_working_3m().suppressed());  // 2
  EXPECT_DOUBLE_EQ(f.median_days_training_to_placement(), 45);       // over 3
  EXPECT_DOUBLE_EQ(f.median_days_certification_to_placement(), -1);  // over 2
  for (const auto& row : r.supply_demand()) {
    EXPECT_TRUE(row.available_certified().suppressed()) << row.skill();
    EXPECT_EQ(row.available_certified().value(), 0);
  }
  // Zero singles out nobody: shown.
  EXPECT_FALSE(r.supply_demand(1).open_openings().suppressed());
}

// The fact table a reopen loads (from the trainings slot and match records) is the one
// the writes built.
TEST_F(FiguresTest, SameFiguresAfterAReopen) {
  cakap::v1::FiguresSlice cohort;
  cohort.set_cohort_from("2024-01-01");
  cohort.set_cohort_to("2024-12-31");
  cohort.set_institution_kind("blk");
  const std::string before =
      Figures({}, 0, true).SerializeAsString() + Figures(cohort).SerializeAsString();
  engine_.reset();
  ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path()));
  EXPECT_EQ(Figures({}, 0, true).SerializeAsString() + Figures(cohort).SerializeAsString(),
            before);
  EXPECT_EQ(Figures(cohort).figures().workers().value(), 3);  // a, b, f
}

// Workers written before the trainings slot existed (or with it damaged) have their
// stored Worker parsed instead, with the same result.
TEST_F(FiguresTest, WorkersWithoutTheTrainingsSlotAreReadFromTheirData) {
  cakap::v1::FiguresSlice cohort;
  cohort.set_cohort_from("2024-01-01");
  cohort.set_cohort_to("2024-12-31");
  const std::string before = Figures(cohort).SerializeAsString();
  engine_.reset();
  {
    Xapian::WritableDatabase db(dir_.path(), Xapian::DB_OPEN);
    int changed = 0;
    for (auto it = db.postlist_begin("XKW"); it != db.postlist_end("XKW"); ++it) {
      Xapian::Document doc = db.get_document(*it);
      if (changed++ % 2 == 0) {
        doc.remove_value(cakap::schema::kSlotTrainings);
      } else {
        doc.add_value(cakap::schema::kSlotTrainings, "\x01garbage");
      }
      db.replace_document(*it, doc);
    }
    db.commit();
    ASSERT_EQ(changed, 6);
  }
  ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path()));
  EXPECT_EQ(Figures(cohort).SerializeAsString(), before);
  EXPECT_EQ(Figures(cohort).figures().workers().value(), 4);
}

TEST_F(FiguresTest, BadSliceNamesTheField) {
  GetFiguresRequest req;
  req.mutable_slice()->add_region_codes("99.99");
  EXPECT_THAT(engine_->Figures(req, {}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("slice.region_codes[0]")));
  req.Clear();
  req.mutable_slice()->set_cohort_from("2024-13-01");
  EXPECT_THAT(engine_->Figures(req, {}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("slice.cohort_from")));
  req.Clear();
  req.mutable_slice()->set_skill("no such trade");
  EXPECT_THAT(engine_->Figures(req, {}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("slice.skill")));
}

}  // namespace
}  // namespace cakap_test
