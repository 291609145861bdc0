// The fixture of the engine-vs-reference tests (reference_matcher_test.cc,
// reference_variations_test.cc): a generated corpus indexed by the engine and resolved by
// the independent reference (bench/reference/reference_matcher.h), and Compare(), which
// checks one vacancy's candidate set, order, scores, totals, facets and near misses.
#ifndef CAKAP_TESTS_ENGINE_REFERENCE_FIXTURE_H_
#define CAKAP_TESTS_ENGINE_REFERENCE_FIXTURE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "cakap/engine.h"
#include "corpus.h"
#include "reference/reference_matcher.h"
#include "engine/reference_world.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
using namespace cakap_ref;  // NOLINT: the oracle's types read best unqualified here

constexpr int kWorkers = 3000;
constexpr int kPerClass = 80;        // generated vacancies per class
constexpr int kVariations = 400;     // randomly varied vacancies
constexpr int kMaxReported = 4;      // vacancies whose full diff is printed

using cakap::corpus::VacancyClass;

const VacancyClass kClasses[] = {VacancyClass::kLocal10, VacancyClass::kLocal50,
                                 VacancyClass::kRegional200, VacancyClass::kRegionCodes,
                                 VacancyClass::kNational};

struct Shared : ReferenceWorld {
  TempDir dir;
  std::unique_ptr<cakap::Engine> engine;
  std::vector<cakap::v1::Worker> raw;
  std::vector<RefWorker> workers;
  std::map<std::string, const RefWorker*> by_id;
};

class ReferenceMatcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto shared = std::make_unique<Shared>();
    if (absl::Status s = InitReferenceWorld(shared.get()); !s.ok()) {
      setup_error_ = s.ToString();
      return;
    }
    absl::StatusOr<std::unique_ptr<cakap::Engine>> engine = OpenEngine(shared->dir.path());
    if (!engine.ok()) {
      setup_error_ = engine.status().ToString();
      return;
    }
    shared->engine = *std::move(engine);
    shared->raw = VariedWorkers(*shared, kWorkers, /*corpus_seed=*/7, /*seed=*/77);
    constexpr int kBatch = 500;
    for (int i = 0; i < kWorkers; i += kBatch) {
      const int n = std::min(kBatch, kWorkers - i);
      absl::StatusOr<cakap::BulkResult> r = shared->engine->UpsertWorkers(
          absl::MakeConstSpan(shared->raw.data() + i, static_cast<size_t>(n)));
      if (!r.ok()) {
        setup_error_ = absl::StrCat("UpsertWorkers: ", r.status().ToString());
        return;
      }
      if (!r->rejected.empty()) {
        setup_error_ = absl::StrCat("UpsertWorkers rejected a generated worker: #",
                                    i + r->rejected[0].index, " ",
                                    r->rejected[0].status.ToString());
        return;
      }
      if (r->accepted != n) {
        setup_error_ = absl::StrCat("UpsertWorkers accepted ", r->accepted, " of ", n);
        return;
      }
    }
    shared->workers.reserve(kWorkers);
    for (const auto& w : shared->raw) {
      absl::StatusOr<RefWorker> rw = shared->ref->ResolveWorker(w);
      if (!rw.ok()) {
        setup_error_ = absl::StrCat("reference rejects ", w.id(), ": ", rw.status().ToString());
        return;
      }
      shared->workers.push_back(*std::move(rw));
    }
    for (const auto& w : shared->workers) shared->by_id[w.id] = &w;
    shared_ = shared.release();
  }

  static void TearDownTestSuite() {
    delete shared_;
    shared_ = nullptr;
  }

  void SetUp() override {
    ASSERT_TRUE(shared_ != nullptr) << "suite set-up failed: " << setup_error_;
  }

  const cakap::Engine& engine() { return *shared_->engine; }
  const ReferenceMatcher& ref() { return *shared_->ref; }

  // Compares one vacancy; returns false (after reporting) on a difference.
  bool Compare(const cakap::v1::Vacancy& vacancy, const std::string& label,
               bool exclude_welfare, bool facets, int near_miss_limit,
               int64_t* candidates_seen = nullptr);

  static inline Shared* shared_ = nullptr;
  static inline std::string setup_error_;
  int reported_ = 0;
};


inline std::map<std::string, int64_t> FacetMap(
    const google::protobuf::RepeatedPtrField<cakap::v1::FacetValue>& values, bool issuer) {
  std::map<std::string, int64_t> out;
  for (const auto& v : values) {
    if (v.count() == 0) continue;
    std::string key = v.value();
    if (issuer) {
      std::transform(key.begin(), key.end(), key.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      if (key.rfind("ISSUER_", 0) == 0) key = key.substr(7);
    }
    out[key] += v.count();
  }
  return out;
}

inline std::string MapString(const std::map<std::string, int64_t>& m) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : m) parts.push_back(absl::StrCat("\"", k, "\":", v));
  return absl::StrCat("{", absl::StrJoin(parts, ", "), "}");
}

inline bool ReferenceMatcherTest::Compare(const cakap::v1::Vacancy& vacancy, const std::string& label,
                                   bool exclude_welfare, bool facets, int near_miss_limit,
                                   int64_t* candidates_seen) {
  absl::StatusOr<RefVacancy> rv = ref().ResolveVacancy(vacancy);
  if (!rv.ok()) {
    ADD_FAILURE() << label << ": the reference rejects a generated vacancy: " << rv.status()
                  << "\n" << vacancy.ShortDebugString();
    return false;
  }
  const std::vector<RefWorker>& workers = shared_->workers;
  std::vector<RefCandidate> expected;
  for (const RefWorker& w : workers) {
    RefEvaluation e = ref().Evaluate(w, *rv, exclude_welfare);
    if (e.candidate()) expected.push_back(RefCandidate{&w, std::move(e)});
  }
  ReferenceMatcher::SortCandidates(&expected);

  std::string report;
  bool ok = true;
  auto fail = [&](const std::string& what) {
    ok = false;
    absl::StrAppend(&report, what, "\n");
  };

  // Small pages without facets: the engine then counts candidates whose score bound
  // cannot reach the page without scoring them (match.cc), which only a full page shows.
  const int page_size = facets ? 200 : 7;
  cakap::v1::MatchOptions options =
      MatchOpts(page_size, facets, near_miss_limit, exclude_welfare);
  std::vector<cakap::v1::Candidate> got;
  cakap::v1::MatchResult first;
  for (int page = 0;; ++page) {
    absl::StatusOr<cakap::v1::MatchResult> r = engine().Match(vacancy, options);
    if (!r.ok()) {
      fail(absl::StrCat("Match failed on page ", page, ": ", r.status().ToString()));
      break;
    }
    if (page == 0) first = *r;
    if (r->total() != static_cast<int64_t>(expected.size())) {
      fail(absl::StrCat("page ", page, ": total ", r->total(), ", reference ",
                        expected.size()));
    }
    if (r->candidates_size() > page_size) fail("page larger than page_size");
    for (const auto& c : r->candidates()) got.push_back(c);
    if (r->next_page_token().empty()) break;
    if (r->candidates().empty() || page > 1000) {
      fail("next_page_token on an empty page");
      break;
    }
    options.set_page_token(r->next_page_token());
  }
  if (candidates_seen != nullptr) *candidates_seen += static_cast<int64_t>(got.size());

  // Sets.
  std::set<std::string> got_ids, want_ids;
  for (const auto& c : got) {
    if (!got_ids.insert(c.worker().id()).second) {
      fail(absl::StrCat("worker ", c.worker().id(), " returned twice"));
    }
  }
  for (const auto& c : expected) want_ids.insert(c.worker->id);
  int shown = 0;
  for (const auto& c : got) {
    if (want_ids.count(c.worker().id())) continue;
    if (shown++ < 3) {
      auto it = shared_->by_id.find(c.worker().id());
      if (it == shared_->by_id.end()) {
        fail(absl::StrCat("engine returns unknown worker ", c.worker().id()));
      } else {
        fail(absl::StrCat("EXTRA candidate (engine has it, reference does not):\n",
                          ref().Describe(*it->second, *rv,
                                         ref().Evaluate(*it->second, *rv, exclude_welfare)),
                          DescribeEngineCandidate(c)));
      }
    }
  }
  if (shown > 0) fail(absl::StrCat(shown, " extra candidates in all"));
  shown = 0;
  for (const auto& c : expected) {
    if (got_ids.count(c.worker->id)) continue;
    if (shown++ < 3) {
      fail(absl::StrCat("MISSING candidate (reference has it, engine does not):\n",
                        ref().Describe(*c.worker, *rv, c.eval)));
    }
  }
  if (shown > 0) fail(absl::StrCat(shown, " missing candidates in all"));

  // Order and scores (only meaningful when the sets agree).
  if (ok) {
    for (size_t i = 0; i < got.size(); ++i) {
      const cakap::v1::Candidate& g = got[i];
      const RefCandidate& e = expected[i];
      if (g.worker().id() != e.worker->id) {
        const RefCandidate* other = nullptr;
        for (const auto& x : expected) {
          if (x.worker->id == g.worker().id()) other = &x;
        }
        fail(absl::StrCat("ORDER differs at position ", i, ": engine ", g.worker().id(),
                          ", reference ", e.worker->id, "\n",
                          ref().Describe(*e.worker, *rv, e.eval),
                          other ? ref().Describe(*other->worker, *rv, other->eval) : "",
                          DescribeEngineCandidate(g)));
        break;
      }
      double sum = 0;
      for (const auto& comp : g.explanation()) sum += comp.value();
      std::string problem;
      if (std::abs(g.score() - e.eval.score()) > 1.5e-6) {
        problem = "score differs";
      } else if (std::abs(sum - g.score()) > 1e-9) {
        problem = "explanation does not add up to the score";
      } else if (exclude_welfare && HasComponent(g, "welfare")) {
        problem = "welfare component present with exclude_welfare";
      } else if (std::abs(g.distance_km() - e.eval.distance_km) > 1e-6) {
        problem = "distance_km differs";
      } else {
        const std::pair<const char*, int64_t> comps[] = {
            {"preferred_skills", e.eval.preferred_micro},
            {"certificate", e.eval.certificate_micro},
            {"distance", e.eval.distance_micro},
            {"welfare", exclude_welfare ? 0 : e.eval.welfare_micro}};
        for (const auto& [name, micro] : comps) {
          const double v = HasComponent(g, name) ? Component(g, name) : 0.0;
          if (std::abs(v - micro / 1e6) > 1.5e-6) {
            problem = absl::StrCat("component ", name, " differs");
          }
        }
      }
      if (!problem.empty()) {
        fail(absl::StrCat(problem, " at position ", i, ":\n",
                          ref().Describe(*e.worker, *rv, e.eval), DescribeEngineCandidate(g)));
        break;
      }
    }
  }

  // Facets.
  if (ok && facets) {
    RefFacets f = ref().Facets(expected, *rv);
    const auto gi = FacetMap(first.facets().issuer(), true);
    const auto gr = FacetMap(first.facets().region(), false);
    const auto gk = FacetMap(first.facets().kkni_level(), false);
    if (gi != f.issuer) {
      fail(absl::StrCat("issuer facet: engine ", MapString(gi), ", reference ",
                        MapString(f.issuer)));
    }
    if (gr != f.region) {
      fail(absl::StrCat("region facet: engine ", MapString(gr), ", reference ",
                        MapString(f.region)));
    }
    if (gk != f.kkni_level) {
      fail(absl::StrCat("kkni_level facet: engine ", MapString(gk), ", reference ",
                        MapString(f.kkni_level)));
    }
  }

  // Near misses: each fails exactly one constraint (the one named), with the score it
  // would have; when the reference has no more than the limit, the sets are equal.
  if (ok && near_miss_limit > 0) {
    std::vector<RefCandidate> misses;
    for (const RefWorker& w : workers) {
      RefEvaluation e = ref().Evaluate(w, *rv, exclude_welfare);
      if (e.failed.size() == 1) misses.push_back(RefCandidate{&w, std::move(e)});
    }
    ReferenceMatcher::SortCandidates(&misses);
    std::map<std::string, const RefCandidate*> miss_by_id;
    for (const auto& m : misses) miss_by_id[m.worker->id] = &m;
    if (first.near_misses_size() >
        std::min<int>(near_miss_limit, static_cast<int>(misses.size()))) {
      fail(absl::StrCat(first.near_misses_size(), " near misses, reference has ",
                        misses.size(), ", limit ", near_miss_limit));
    }
    if (static_cast<int>(misses.size()) <= near_miss_limit &&
        first.near_misses_size() != static_cast<int>(misses.size())) {
      fail(absl::StrCat(first.near_misses_size(), " near misses, reference has all ",
                        misses.size()));
    }
    std::vector<int64_t> got_scores;
    for (const auto& nm : first.near_misses()) {
      const std::string& id = nm.candidate().worker().id();
      auto it = miss_by_id.find(id);
      if (it == miss_by_id.end()) {
        auto w = shared_->by_id.find(id);
        fail(absl::StrCat("near miss ", id, " (", nm.constraint(), ": ", nm.reason(),
                          ") is not a near miss for the reference:\n",
                          w == shared_->by_id.end()
                              ? std::string("unknown worker")
                              : ref().Describe(*w->second, *rv,
                                               ref().Evaluate(*w->second, *rv,
                                                              exclude_welfare))));
        break;
      }
      if (nm.constraint() != it->second->eval.failed[0]) {
        fail(absl::StrCat("near miss ", id, " names constraint ", nm.constraint(),
                          ", reference: ", it->second->eval.failed[0], "\n",
                          ref().Describe(*it->second->worker, *rv, it->second->eval)));
        break;
      }
      if (nm.reason().empty()) fail(absl::StrCat("near miss ", id, " without a reason"));
      if (std::abs(nm.candidate().score() - it->second->eval.score()) > 1.5e-6) {
        fail(absl::StrCat("near miss ", id, " score ", nm.candidate().score(),
                          ", reference ", it->second->eval.score()));
        break;
      }
      got_scores.push_back(RoundMicro(nm.candidate().score()));
    }
    // Best first: the returned scores are the top scores of the reference near misses.
    if (ok) {
      std::vector<int64_t> want_scores;
      for (size_t i = 0; i < misses.size() && i < got_scores.size(); ++i) {
        want_scores.push_back(misses[i].eval.score_micro);
      }
      if (got_scores != want_scores) {
        fail(absl::StrCat("near-miss scores [", absl::StrJoin(got_scores, ","),
                          "] are not the best ones [", absl::StrJoin(want_scores, ","), "]"));
      }
    }
  }

  if (!ok) {
    if (reported_++ < kMaxReported) {
      ADD_FAILURE() << label << ": engine differs from the reference\n"
                    << ref().DescribeVacancy(vacancy, *rv) << report;
    } else {
      ADD_FAILURE() << label << ": engine differs from the reference (details omitted)";
    }
  }
  return ok;
}

}  // namespace cakap_test

#endif  // CAKAP_TESTS_ENGINE_REFERENCE_FIXTURE_H_
