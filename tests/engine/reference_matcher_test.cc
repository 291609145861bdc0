// The engine against an independent brute-force reference (reference_matcher.h) on a
// generated corpus: stored records and the generated vacancies of every benchmark class
// must give exactly what docs/ranking.md defines (reference_fixture.h compares them).
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/reference_fixture.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

// Every generated record is accepted and stored with the effective expiry date the
// reference computes (issued_on + 3 years - 1 day when expires_on was empty).
TEST_F(ReferenceMatcherTest, StoredRecordsCarryEffectiveDates) {
  ASSERT_OK_AND_ASSIGN(cakap::EngineStats stats, engine().Stats());
  EXPECT_EQ(stats.workers, kWorkers);
  int mismatches = 0;
  for (int i = 0; i < kWorkers; i += 7) {
    const RefWorker& rw = shared_->workers[i];
    ASSERT_OK_AND_ASSIGN(cakap::v1::Worker stored, engine().GetWorker(rw.id));
    EXPECT_EQ(stored.id(), rw.id);
    ASSERT_EQ(stored.certificates_size(), static_cast<int>(rw.certs.size())) << rw.id;
    for (size_t c = 0; c < rw.certs.size(); ++c) {
      const std::string want = absl::FormatCivilTime(rw.certs[c].expires);
      if (stored.certificates(static_cast<int>(c)).expires_on() != want &&
          mismatches++ < 5) {
        ADD_FAILURE() << rw.id << " certificate " << c << ": stored expires_on "
                      << stored.certificates(static_cast<int>(c)).expires_on()
                      << ", reference " << want << " (input "
                      << rw.source.certificates(static_cast<int>(c)).ShortDebugString()
                      << ")";
      }
    }
  }
  EXPECT_EQ(mismatches, 0);
}

// The vacancies of every benchmark class, as generated.
TEST_F(ReferenceMatcherTest, GeneratedVacanciesOfEveryClass) {
  cakap::corpus::CorpusOptions copts;
  copts.seed = 7;
  cakap::corpus::VacancyGenerator gen(*shared_->regions, *shared_->lexicon, copts);
  int compared = 0, failed = 0;
  int64_t seen = 0;
  for (VacancyClass cls : kClasses) {
    for (int i = 0; i < kPerClass; ++i) {
      cakap::v1::Vacancy v = gen.Make(cls, i);
      const bool facets = i % 8 == 0;
      const int near = i % 10 == 3 ? 100 : 0;
      const bool ok = Compare(v, absl::StrCat(cakap::corpus::VacancyClassName(cls), " #", i),
                              /*exclude_welfare=*/i % 5 == 4, facets, near, &seen);
      ++compared;
      failed += ok ? 0 : 1;
    }
  }
  std::cout << "[ stats    ] " << compared << " vacancies compared, " << seen
            << " candidates\n";
  EXPECT_EQ(failed, 0) << "of " << compared << " vacancies";
  // The corpus must exercise the engine: plenty of candidates overall.
  EXPECT_GT(seen, 100) << "the generated vacancies find almost no candidates";
  RecordProperty("candidates_compared", static_cast<int>(seen));
}

}  // namespace
}  // namespace cakap_test
