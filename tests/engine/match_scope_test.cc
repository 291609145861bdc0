// MatchOptions.scope_region_codes (issue 12, item 6): a match with a scope over the whole
// corpus returns, byte for byte, what the same match returns over an index holding only
// the workers in the scope: candidates, total, facets, near misses and page tokens.
// (tests/service/scope_test.cc checks the same through cakapd for every partner RPC.)
#include <memory>
#include <string>
#include <vector>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "corpus.h"
#include "engine/reference_world.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

std::string Bytes(const google::protobuf::Message& m) {
  std::string out;
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  m.SerializeToCodedStream(&coded);
  return out;
}

// Whether a worker is in the scope, by the rule of match.proto (written out here).
bool InScope(const cakap::v1::Worker& w, const std::vector<std::string>& scope) {
  const std::string& code = w.domicile().region_code();
  if (code.empty()) return false;
  for (const std::string& s : scope) {
    if (s == code || s == code.substr(0, code.find('.'))) return true;
  }
  return false;
}

std::unique_ptr<cakap::Engine> Index(const std::string& path,
                                     const std::vector<cakap::v1::Worker>& workers) {
  absl::StatusOr<std::unique_ptr<cakap::Engine>> engine = OpenEngine(path);
  EXPECT_TRUE(engine.ok()) << engine.status();
  if (!engine.ok()) return nullptr;
  absl::StatusOr<cakap::BulkResult> r = (*engine)->UpsertWorkers(workers);
  EXPECT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r.ok() ? r->accepted : 0, static_cast<int64_t>(workers.size()));
  return *std::move(engine);
}

class MatchScopeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitReferenceWorld(&world_).ok());
    workers_ = VariedWorkers(world_, 2500, /*corpus_seed=*/31, /*seed=*/32);
    all_ = Index(dir_.Sub("all"), workers_);
    ASSERT_NE(all_, nullptr);
  }

  std::vector<cakap::v1::Vacancy> Vacancies() const {
    std::vector<cakap::v1::Vacancy> out;
    cakap::corpus::CorpusOptions copts;
    copts.seed = 33;
    cakap::corpus::VacancyGenerator gen(*world_.regions, *world_.lexicon, copts);
    for (auto cls : {cakap::corpus::VacancyClass::kLocal10, cakap::corpus::VacancyClass::kLocal50,
                     cakap::corpus::VacancyClass::kRegional200,
                     cakap::corpus::VacancyClass::kRegionCodes,
                     cakap::corpus::VacancyClass::kNational}) {
      for (int i = 0; i < 12; ++i) out.push_back(gen.Make(cls, i));
    }
    // Shapes the generator does not make: no constraint at all (no group), one group
    // only, keywords alone, a region list meeting no scope.
    out.push_back(VacancyBuilder("anyone").Start("2026-12-01").Build());
    out.push_back(VacancyBuilder("one-skill").Require("LAS").Build());
    out.push_back(VacancyBuilder("certs").Issuer(cakap::v1::ISSUER_BNSP).Build());
    out.push_back(VacancyBuilder("words").Keywords("las").Build());
    out.push_back(VacancyBuilder("words-skill").Keywords("las listrik").Require("LAS").Build());
    out.push_back(VacancyBuilder("far").Require("LAS").InRegion("61").InRegion("65").Build());
    out.push_back(VacancyBuilder("near").Require("LAS").At(-1.2, 116.9).Radius(80).Build());
    return out;
  }

  // Compares every vacancy's first two pages, with facets and near misses, between the
  // whole corpus and an index of the scope's workers only, both asked with the scope.
  void ExpectInvisibleOutside(const std::vector<std::string>& scope) {
    std::vector<cakap::v1::Worker> inside;
    for (const auto& w : workers_) {
      if (InScope(w, scope)) inside.push_back(w);
    }
    ASSERT_GT(inside.size(), 20u);
    ASSERT_LT(inside.size(), workers_.size() / 2);
    std::unique_ptr<cakap::Engine> only =
        Index(dir_.Sub(absl::StrCat("only-", scope.size(), "-", scope[0])), inside);
    ASSERT_NE(only, nullptr);
    int differences = 0, with_near_misses = 0, with_candidates = 0;
    for (const cakap::v1::Vacancy& v : Vacancies()) {
      for (bool coarse : {false, true}) {
        cakap::v1::MatchOptions o;
        o.set_page_size(7);
        o.set_facets(true);
        o.set_near_miss_limit(5);
        o.set_coarse_locations(coarse);
        for (const std::string& code : scope) o.add_scope_region_codes(code);
        for (int page = 0; page < 2; ++page) {
          absl::StatusOr<cakap::v1::MatchResult> a = all_->Match(v, o);
          absl::StatusOr<cakap::v1::MatchResult> b = only->Match(v, o);
          ASSERT_TRUE(a.ok()) << v.id() << ": " << a.status();
          ASSERT_TRUE(b.ok()) << v.id() << ": " << b.status();
          if (Bytes(*a) != Bytes(*b) && ++differences <= 3) {
            ADD_FAILURE() << v.id() << " page " << page << "\nwhole corpus, scoped:\n"
                          << a->ShortDebugString() << "\nonly the scope's workers:\n"
                          << b->ShortDebugString();
          }
          with_near_misses += b->near_misses_size() > 0 ? 1 : 0;
          with_candidates += b->candidates_size() > 0 ? 1 : 0;
          for (const auto& c : a->candidates()) EXPECT_TRUE(InScope(c.worker(), scope));
          if (b->next_page_token().empty()) break;
          o.set_page_token(b->next_page_token());
        }
      }
    }
    EXPECT_EQ(differences, 0);
    // The comparison saw something.
    EXPECT_GT(with_near_misses, 20);
    EXPECT_GT(with_candidates, 20);
  }

  ReferenceWorld world_;
  TempDir dir_;
  std::vector<cakap::v1::Worker> workers_;
  std::unique_ptr<cakap::Engine> all_;
};

TEST_F(MatchScopeTest, ProvinceAndKabupaten) { ExpectInvisibleOutside({"64", "63.11"}); }

TEST_F(MatchScopeTest, KabupatenOnly) { ExpectInvisibleOutside({"63.71", "62.01", "63.03"}); }

TEST_F(MatchScopeTest, UnknownCodeNamesTheField) {
  cakap::v1::MatchOptions o;
  o.add_scope_region_codes("64");
  o.add_scope_region_codes("99.99");
  absl::StatusOr<cakap::v1::MatchResult> r =
      all_->Match(VacancyBuilder().Require("LAS").Build(), o);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), ::testing::HasSubstr("scope_region_codes[1]"));
}

// A page token belongs to its scope.
TEST_F(MatchScopeTest, PageTokenOfAnotherScopeIsRefused) {
  cakap::v1::MatchOptions o;
  o.set_page_size(1);
  o.add_scope_region_codes("64");
  const cakap::v1::Vacancy v = VacancyBuilder().Require("LAS").Build();
  absl::StatusOr<cakap::v1::MatchResult> r = all_->Match(v, o);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(r->next_page_token().empty());
  o.set_page_token(r->next_page_token());
  o.clear_scope_region_codes();
  o.add_scope_region_codes("63");
  EXPECT_EQ(all_->Match(v, o).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace cakap_test
