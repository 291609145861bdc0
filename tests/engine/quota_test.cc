// The local-worker quota (docs/ranking.md, "Local-worker quota"): the placement against a
// brute force over every ranking of small lists, and whole matches, page by page, against
// the independent reference's positional formulation on adversarial corpora (few locals,
// all locals, ties, KTP and domicile bases), with the QuotaReport and the explanations.
#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/reference_fixture.h"
#include "gtest/gtest.h"
#include "page_token.h"
#include "quota.h"

namespace cakap_test {
namespace {

using cakap::PlaceForQuota;
using cakap::QuotaPlacement;
using cakap::QuotaPosition;

// The first ranking, in score order (candidate i before j when i < j), among those where
// every prefix of k holds at least min(floor(share * k), all locals) locals: by trying
// every permutation.
std::vector<size_t> BruteForce(const std::vector<bool>& local, int64_t share_micro) {
  const size_t n = local.size();
  const int64_t all_locals = std::count(local.begin(), local.end(), true);
  std::vector<size_t> perm(n);
  std::iota(perm.begin(), perm.end(), 0);
  do {
    int64_t locals = 0;
    bool feasible = true;
    for (size_t k = 1; k <= n && feasible; ++k) {
      locals += local[perm[k - 1]] ? 1 : 0;
      feasible = locals >= std::min<int64_t>(share_micro * static_cast<int64_t>(k) / 1000000,
                                             all_locals);
    }
    if (feasible) return perm;  // permutations come in lexicographic order
  } while (std::next_permutation(perm.begin(), perm.end()));
  return {};
}

TEST(QuotaPlacementTest, IsTheFirstFeasibleRankingAndPagesLikeTheWhole) {
  std::mt19937_64 rng(42);
  const int64_t shares[] = {0, 1, 100000, 333333, 500000, 666667, 800000, 999999, 1000000};
  int cases = 0;
  for (int round = 0; round < 3000; ++round) {
    const size_t n = 1 + rng() % 8;
    std::vector<bool> local(n);
    const int bias = static_cast<int>(rng() % 5);  // none, few, half, most, all
    for (size_t i = 0; i < n; ++i) local[i] = static_cast<int>(rng() % 4) < bias;
    const int64_t share = round % 5 == 0 ? static_cast<int64_t>(rng() % 1000001)
                                         : shares[rng() % std::size(shares)];
    std::vector<size_t> locals, others;  // indexes in score order, by kind
    for (size_t i = 0; i < n; ++i) (local[i] ? locals : others).push_back(i);
    // Whole, and in pages of `page` carrying the position across.
    for (size_t page : {n, size_t{1}, size_t{2}, size_t{3}}) {
      QuotaPosition position;
      std::vector<size_t> got;
      size_t used_locals = 0, used_others = 0;
      while (got.size() < n) {
        const std::vector<size_t> rest_l(locals.begin() + used_locals, locals.end());
        const std::vector<size_t> rest_o(others.begin() + used_others, others.end());
        const std::vector<QuotaPlacement> placed = PlaceForQuota(
            share, rest_l.size(), rest_o.size(), page, &position,
            [&](size_t l, size_t o) { return rest_l[l] < rest_o[o]; });
        ASSERT_FALSE(placed.empty());
        for (const QuotaPlacement& p : placed) {
          got.push_back(p.local ? rest_l[p.index] : rest_o[p.index]);
          (p.local ? used_locals : used_others)++;
          // Moved exactly when a better non-local one was still waiting.
          EXPECT_EQ(p.moved, p.local && used_others < others.size() &&
                                 others[used_others] < got.back());
        }
      }
      ASSERT_EQ(got, BruteForce(local, share)) << "share " << share << " page " << page;
    }
    ++cases;
  }
  EXPECT_EQ(cases, 3000);
}

TEST(QuotaPlacementTest, PageTokensRoundTripAndRejectNonCanonicalOnes) {
  cakap::PageCursor c;
  c.fingerprint = 77;
  c.quota = cakap::QuotaCursor{3, 2, 812345, "w|1", 900000, "w-2"};
  const std::string token = cakap::EncodePageToken(c);
  ASSERT_OK_AND_ASSIGN(cakap::PageCursor back, cakap::DecodePageToken(token));
  ASSERT_TRUE(back.quota.has_value());
  EXPECT_EQ(back.quota->local_id, "w|1");
  EXPECT_EQ(back.quota->other_id, "w-2");
  EXPECT_EQ(back.quota->locals, 3);
  EXPECT_EQ(cakap::EncodePageToken(back), token);
  // No local placed yet, yet a local score: another token for the same cursor.
  c.quota = cakap::QuotaCursor{0, 2, 5, "", 900000, "w-2"};
  EXPECT_FALSE(cakap::DecodePageToken(cakap::EncodePageToken(c)).ok());
  c.quota = cakap::QuotaCursor{1, 0, 5, "w-1", 0, "w-2"};  // an other id with no others
  EXPECT_FALSE(cakap::DecodePageToken(cakap::EncodePageToken(c)).ok());
}

// Whole matches against the reference, every page of 7.
TEST_F(ReferenceMatcherTest, QuotaRankingPageByPage) {
  cakap::corpus::CorpusOptions copts;
  copts.seed = 11;
  cakap::corpus::VacancyGenerator gen(*shared_->regions, *shared_->lexicon, copts);
  std::mt19937_64 rng(1612);
  const char* local_sets[][2] = {{"64.08", ""}, {"64", ""}, {"63.11", "64.74"}, {"62.01", ""},
                                 {"65", "61.71"}};
  const double shares[] = {0.8, 0.75, 1.0, 0.5, 0.3333333};
  const cakap::v1::LocalBasis bases[] = {cakap::v1::LOCAL_BASIS_UNSPECIFIED,
                                         cakap::v1::LOCAL_BASIS_KTP,
                                         cakap::v1::LOCAL_BASIS_DOMICILE_OR_KTP};
  int compared = 0, moved_seen = 0, unmet_seen = 0;
  for (int i = 0; i < 60; ++i) {
    cakap::v1::Vacancy v = gen.Make(kClasses[rng() % 5], 7000 + i);
    v.clear_local_region_codes();
    for (const char* code : local_sets[rng() % 5]) {
      if (*code != '\0') v.add_local_region_codes(code);
    }
    v.set_min_local_share(shares[rng() % 5]);
    v.set_local_basis(bases[rng() % 3]);
    if (i % 4 == 0) v.clear_required_skills();  // many candidates, many ties in score
    ASSERT_OK_AND_ASSIGN(RefVacancy rv, ref().ResolveVacancy(v));
    const std::vector<RefCandidate> expected_list = ref().Match(shared_->workers, rv, true);
    const ReferenceMatcher::QuotaRanked expected = ref().QuotaRank(expected_list, rv);
    // Every page.
    cakap::v1::MatchOptions o = MatchOpts(7, false, 0, true);
    std::vector<cakap::v1::Candidate> got;
    for (int page = 0; page < 2000; ++page) {
      ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine().Match(v, o));
      ASSERT_EQ(r.total(), static_cast<int64_t>(expected_list.size())) << i;
      ASSERT_TRUE(r.has_quota());
      int64_t locals = std::count(expected.local.begin(), expected.local.end(), true);
      EXPECT_EQ(r.quota().local_candidates(), locals);
      const int64_t share_micro = std::llround(v.min_local_share() * 1e6);
      EXPECT_EQ(r.quota().met(),
                share_micro * static_cast<int64_t>(expected_list.size()) / 1000000 <= locals);
      int64_t page_locals = 0;
      for (const auto& c : r.candidates()) {
        got.push_back(c);
        page_locals += c.local() ? 1 : 0;
      }
      if (r.candidates_size() > 0) {
        EXPECT_DOUBLE_EQ(r.quota().page_local_share(),
                         static_cast<double>(page_locals) / r.candidates_size());
      }
      if (r.next_page_token().empty()) break;
      o.set_page_token(r.next_page_token());
    }
    ASSERT_EQ(got.size(), expected.order.size()) << i;
    for (size_t k = 0; k < got.size(); ++k) {
      const RefCandidate& e = *expected.order[k];
      ASSERT_EQ(got[k].worker().id(), e.worker->id) << "vacancy " << i << " position " << k;
      EXPECT_EQ(got[k].score(), e.eval.score()) << e.worker->id;
      EXPECT_EQ(got[k].local(), expected.local[k]) << e.worker->id;
      EXPECT_EQ(got[k].moved_for_quota(), expected.moved[k]) << e.worker->id;
      const bool explained = std::any_of(got[k].explanation().begin(), got[k].explanation().end(),
                                         [](const auto& c) { return c.name() == "quota"; });
      EXPECT_EQ(explained, expected.moved[k]) << e.worker->id;
      moved_seen += expected.moved[k] ? 1 : 0;
    }
    unmet_seen += std::llround(v.min_local_share() * 1e6) *
                              static_cast<int64_t>(expected_list.size()) / 1000000 >
                          std::count(expected.local.begin(), expected.local.end(), true)
                      ? 1 : 0;
    ++compared;
  }
  EXPECT_EQ(compared, 60);
  EXPECT_GT(moved_seen, 20);  // the corpus does exercise the re-ranking...
  EXPECT_GT(unmet_seen, 3);   // ...and quotas too few locals can meet
  EXPECT_LT(unmet_seen, 57);
}

}  // namespace
}  // namespace cakap_test
