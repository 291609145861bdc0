// The hot records' skill signatures hash every skill to one of 64 bits, so two skills can
// share a bit. A match that counts candidates on their hot records without decoding them
// (match.cc, CandidatePlan::exact) must still count only workers holding every required
// skill: a worker whose signature merely collides with one must not be counted.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "cakap/lexicon.h"
#include "engine/test_util.h"
#include "gtest/gtest.h"
#include "record_cache.h"

namespace cakap_test {
namespace {

TEST(SkillSignatureTest, CollidingSkillIsNotCounted) {
  ASSERT_OK_AND_ASSIGN(cakap::Lexicon lexicon, cakap::Lexicon::Builtin());
  // Skills b and c sharing a signature bit, neither implying the other, and a family
  // skill a unrelated to both.
  auto implies = [&](const cakap::Skill* x, const cakap::Skill* y) {  // holding x gives y
    for (cakap::SkillId s : lexicon.WithAncestors(x->id)) {
      if (s == y->id) return true;
    }
    return false;
  };
  const std::vector<cakap::Skill>& all = lexicon.skills();
  const cakap::Skill *a = nullptr, *b = nullptr, *c = nullptr;
  for (size_t i = 0; i < all.size() && b == nullptr; ++i) {
    for (size_t j = i + 1; j < all.size(); ++j) {
      if (cakap::SkillBit(all[i].id) == cakap::SkillBit(all[j].id) &&
          !implies(&all[i], &all[j]) && !implies(&all[j], &all[i])) {
        b = &all[i];
        c = &all[j];
        break;
      }
    }
  }
  ASSERT_NE(b, nullptr) << "no two skills share a signature bit";
  for (const cakap::Skill& s : all) {
    if (s.parent == 0 && !implies(b, &s) && !implies(c, &s) && !implies(&s, b) &&
        cakap::SkillBit(s.id) != cakap::SkillBit(b->id)) {
      a = &s;
      break;
    }
  }
  ASSERT_NE(a, nullptr);

  TempDir dir;
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<cakap::Engine> engine, OpenEngine(dir.path()));
  // 40 workers with a and b (the real candidates), 40 with a and c (colliding, not
  // candidates), and 100 with b alone, so that a's list is the shorter and drives the
  // match: the colliding workers pass the signature test for b, only b's list can tell.
  // Far more than a page, so most candidates are counted without being scored.
  for (int i = 0; i < 180; ++i) {
    WorkerBuilder w(absl::StrCat("w", i));
    w.Region("63.01").Decile(i % 10 + 1);
    if (i < 80) w.Skill(a->code);
    w.Skill(i < 40 || i >= 80 ? b->code : c->code);
    ASSERT_OK(engine->UpsertWorker(w));
  }
  // No location, issuer or keyword: an exact plan (required a and b, in any order).
  for (bool b_first : {false, true}) {
    VacancyBuilder v;
    if (b_first) v.Require(b->code);
    v.Require(a->code);
    if (!b_first) v.Require(b->code);
    for (bool by_region : {false, true}) {
      if (by_region) v.InRegion("63.01");
      ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r, engine->Match(v, MatchOpts(5)));
      EXPECT_EQ(r.total(), 40) << "b first " << b_first << ", by region " << by_region;
      for (const cakap::v1::Candidate& cand : r.candidates()) {
        EXPECT_LT(std::stoi(cand.worker().id().substr(1)), 40) << cand.worker().id();
      }
    }
  }
}

}  // namespace
}  // namespace cakap_test
