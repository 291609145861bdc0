// The generator's training end dates and ledger (bench/corpus/ledger_gen.cc): the rest of
// a worker is unchanged by them, they are deterministic, and the ledger of a generated
// corpus imports without a single refusal and gives figures of the intended shape.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "corpus.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using cakap::corpus::CorpusOptions;
using cakap::corpus::LedgerGenerator;
using cakap::corpus::WorkerGenerator;

class LedgerCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto regions = cakap::Regions::Builtin();
    auto lexicon = cakap::Lexicon::Builtin();
    ASSERT_OK(regions);
    ASSERT_OK(lexicon);
    regions_ = std::make_unique<cakap::Regions>(*std::move(regions));
    lexicon_ = std::make_unique<cakap::Lexicon>(*std::move(lexicon));
  }
  std::unique_ptr<cakap::Regions> regions_;
  std::unique_ptr<cakap::Lexicon> lexicon_;
};

TEST_F(LedgerCorpusTest, TrainingEndDatesChangeNothingElse) {
  CorpusOptions plain;
  CorpusOptions dated;
  dated.training_end_dates = true;
  WorkerGenerator a(*regions_, *lexicon_, plain), b(*regions_, *lexicon_, dated);
  int trainings = 0;
  for (int64_t i = 0; i < 500; ++i) {
    cakap::v1::Worker w = a.Make(i), d = b.Make(i);
    ASSERT_EQ(w.trainings_size(), d.trainings_size());
    for (int t = 0; t < d.trainings_size(); ++t) {
      EXPECT_TRUE(w.trainings(t).ended_on().empty());
      const std::string& end = d.trainings(t).ended_on();
      ASSERT_EQ(end.size(), 10u) << d.id();
      EXPECT_EQ(end.substr(0, 4), absl::StrCat(d.trainings(t).year())) << d.id();
      EXPECT_LE(end, "2026-11-23");
      d.mutable_trainings(t)->clear_ended_on();
      ++trainings;
    }
    EXPECT_EQ(w.SerializeAsString(), d.SerializeAsString()) << d.id();
  }
  EXPECT_GT(trainings, 300);
}

TEST_F(LedgerCorpusTest, LedgerImportsWithoutARefusalAndHasTheIntendedShape) {
  constexpr int kWorkers = 3000;
  CorpusOptions options;
  options.training_end_dates = true;
  WorkerGenerator workers(*regions_, *lexicon_, options);
  LedgerGenerator ledger(*regions_, *lexicon_, options);
  LedgerGenerator again(*regions_, *lexicon_, options);
  TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
  std::vector<cakap::v1::Worker> batch;
  for (int i = 0; i < kWorkers; ++i) batch.push_back(workers.Make(i));
  ASSERT_OK_AND_ASSIGN(cakap::BulkResult stored, engine->UpsertWorkers(batch));
  ASSERT_EQ(stored.accepted, kWorkers);
  std::vector<cakap::v1::LedgerEntry> entries;
  for (int i = 0; i < kWorkers; ++i) {
    std::vector<cakap::v1::LedgerEntry> mine = ledger.Make(i);
    const std::vector<cakap::v1::LedgerEntry> same = again.Make(i);
    ASSERT_EQ(mine.size(), same.size());
    for (size_t k = 0; k < mine.size(); ++k) {
      EXPECT_EQ(mine[k].SerializeAsString(), same[k].SerializeAsString());
    }
    for (auto& e : mine) entries.push_back(std::move(e));
  }
  ASSERT_OK_AND_ASSIGN(auto results,
                       engine->RecordLedgerEntries(entries, cakap::LedgerWriteOptions()));
  for (const auto& r : results) ASSERT_OK(r);
  ASSERT_OK_AND_ASSIGN(cakap::v1::GetFiguresResponse figures,
                       engine->Figures(cakap::v1::GetFiguresRequest(), {}));
  const cakap::v1::Figures& f = figures.figures();
  // ~60% of workers have a training; ~14% of those placed.
  const double placed = static_cast<double>(f.placed().value()) / f.trained().value();
  EXPECT_NEAR(placed, 0.14, 0.03);
  EXPECT_NEAR(static_cast<double>(f.placed_job().value()) / f.placed().value(), 0.55, 0.08);
  EXPECT_GT(f.still_working_3m().value(), f.still_working_6m().value());
  EXPECT_GT(f.still_working_6m().value(), 0);
  EXPECT_GT(f.median_days_training_to_placement(), 30);
  EXPECT_LT(f.median_days_training_to_placement(), 240);
}

}  // namespace
}  // namespace cakap_test
