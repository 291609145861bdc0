// Tests of the benchmark/demo corpus generator: determinism, the shape of the
// distributions, and that every generated record passes the engine's validation.
#include "corpus.h"

#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "cakap/engine.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace cakap {
namespace corpus {
namespace {

using ::google::protobuf::util::MessageDifferencer;

class CorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<Regions> regions = Regions::Builtin();
    absl::StatusOr<Lexicon> lexicon = Lexicon::Builtin();
    ASSERT_TRUE(regions.ok()) << regions.status();
    ASSERT_TRUE(lexicon.ok()) << lexicon.status();
    regions_ = new Regions(*std::move(regions));
    lexicon_ = new Lexicon(*std::move(lexicon));
  }
  static void TearDownTestSuite() {
    delete regions_;
    delete lexicon_;
  }

  static Regions* regions_;
  static Lexicon* lexicon_;
};

Regions* CorpusTest::regions_ = nullptr;
Lexicon* CorpusTest::lexicon_ = nullptr;

absl::CivilDay Day(const std::string& s) {
  absl::CivilDay d;
  EXPECT_TRUE(absl::ParseCivilTime(s, &d)) << s;
  return d;
}

// An entry that is written like a lexicon code: upper-case letters, digits and dots.
bool LooksLikeCode(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isupper(c) && !absl::ascii_isdigit(c) && c != '.') return false;
  }
  return true;
}

// A fresh index directory under the test temp dir, removed afterwards.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::path(::testing::TempDir()) /
              absl::StrCat("corpus_test_", name, "_", getpid())) {
    std::filesystem::remove_all(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST_F(CorpusTest, SameSeedAndIndexGiveTheSameWorker) {
  CorpusOptions options;
  WorkerGenerator a(*regions_, *lexicon_, options);
  WorkerGenerator b(*regions_, *lexicon_, options);
  // Different call orders: b walks backwards.
  std::vector<v1::Worker> forward;
  for (int64_t i = 0; i < 200; ++i) forward.push_back(a.Make(i));
  for (int64_t i = 199; i >= 0; --i) {
    EXPECT_TRUE(MessageDifferencer::Equals(forward[i], b.Make(i))) << i;
  }
  // Next() yields Make(0), Make(1), ...
  WorkerGenerator c(*regions_, *lexicon_, options);
  v1::Worker w;
  for (int64_t i = 0; i < 50; ++i) {
    c.Next(&w);
    EXPECT_TRUE(MessageDifferencer::Equals(forward[i], w)) << i;
  }
  EXPECT_EQ(forward[7].id(), "w00000007");
  // A large index works without generating what comes before it.
  EXPECT_EQ(a.Make(9999999).id(), "w09999999");
}

TEST_F(CorpusTest, DifferentSeedsGiveDifferentCorpora) {
  CorpusOptions other;
  other.seed = 7;
  WorkerGenerator a(*regions_, *lexicon_, CorpusOptions());
  WorkerGenerator b(*regions_, *lexicon_, other);
  int same = 0;
  for (int64_t i = 0; i < 100; ++i) same += MessageDifferencer::Equals(a.Make(i), b.Make(i));
  EXPECT_LT(same, 5);
}

TEST_F(CorpusTest, VacanciesAreDeterministic) {
  VacancyGenerator a(*regions_, *lexicon_, CorpusOptions());
  VacancyGenerator b(*regions_, *lexicon_, CorpusOptions());
  for (int64_t i = 20; i >= 0; --i) {
    for (VacancyClass cls : {VacancyClass::kLocal10, VacancyClass::kNational}) {
      EXPECT_TRUE(MessageDifferencer::Equals(a.Make(cls, i), b.Make(cls, i)));
    }
  }
  EXPECT_EQ(a.Make(VacancyClass::kLocal50, 42).id(), "v000042");
}

TEST_F(CorpusTest, WorkerDistributionsLookRight) {
  CorpusOptions options;
  WorkerGenerator gen(*regions_, *lexicon_, options);
  const absl::CivilDay today = options.today;
  constexpr int kWorkers = 5000;
  int with_coordinates = 0, certs = 0, bnsp = 0, kemnaker = 0, expired = 0, valid = 0;
  int expiring_soon = 0, default_expiry = 0, kkni_2_or_3 = 0, unresolved = 0, seeking = 0;
  int relocate = 0, welfare = 0, consent = 0;
  std::map<std::string, int> families;
  for (int i = 0; i < kWorkers; ++i) {
    v1::Worker w = gen.Make(i);
    SCOPED_TRACE(w.id());
    const Region* region = regions_->Find(w.domicile().region_code());
    ASSERT_NE(region, nullptr);
    EXPECT_FALSE(region->is_province());
    EXPECT_THAT(region->province_code, ::testing::AnyOf("61", "62", "63", "64", "65"));
    with_coordinates += w.domicile().has_coordinates();
    if (!w.nik().empty()) {
      EXPECT_EQ(w.nik().size(), 16u);
      EXPECT_TRUE(absl::StartsWith(w.nik(), region->code.substr(0, 2)));
    }
    if (!w.contact().phone().empty()) {
      EXPECT_TRUE(absl::StartsWith(w.contact().phone(), "08"));
    }
    consent += w.contact().consent_to_share();
    ASSERT_GE(w.skills_size(), 1);
    EXPECT_LE(w.skills_size(), 5);  // 1-4 skills plus an occasional free-text entry
    for (const std::string& s : w.skills()) {
      const Skill* skill = lexicon_->Resolve(s);
      if (LooksLikeCode(s)) {
        ASSERT_NE(skill, nullptr) << s;
      }
      if (skill == nullptr) {
        ++unresolved;
      } else {
        const Skill* family = skill->parent == 0 ? skill : lexicon_->Find(skill->parent);
        ++families[family->code];
      }
    }
    EXPECT_LE(w.certificates_size(), 3);
    for (const v1::Certificate& c : w.certificates()) {
      ++certs;
      bnsp += c.issuer() == v1::ISSUER_BNSP;
      kemnaker += c.issuer() == v1::ISSUER_KEMNAKER;
      EXPECT_NE(c.issuer(), v1::ISSUER_UNSPECIFIED);
      ASSERT_GE(c.skills_size(), 1);
      for (const std::string& s : c.skills()) EXPECT_NE(lexicon_->Resolve(s), nullptr) << s;
      EXPECT_GE(c.kkni_level(), 1);
      EXPECT_LE(c.kkni_level(), 6);
      kkni_2_or_3 += c.kkni_level() == 2 || c.kkni_level() == 3;
      absl::CivilDay issued = Day(c.issued_on());
      EXPECT_LE(issued, today);
      EXPECT_GE(issued, today - 6 * 366);
      absl::CivilDay expires =
          c.expires_on().empty()
              ? absl::CivilDay(issued.year() + 3, issued.month(), issued.day()) - 1
              : Day(c.expires_on());
      default_expiry += c.expires_on().empty();
      EXPECT_GE(expires, issued);
      if (expires < today) {
        ++expired;
      } else {
        ++valid;
        expiring_soon += expires - today <= 90;
      }
    }
    for (const v1::Training& t : w.trainings()) {
      EXPECT_FALSE(t.programme().empty());
      EXPECT_GE(t.year(), 1950);
      EXPECT_LE(t.year(), today.year());
    }
    seeking += w.employment_status() == v1::EMPLOYMENT_STATUS_SEEKING;
    relocate += w.willing_to_relocate();
    welfare += w.welfare_decile() > 0;
    EXPECT_GE(w.welfare_decile(), 0);
    EXPECT_LE(w.welfare_decile(), 10);
    EXPECT_GE(w.travel_km(), 0);
    EXPECT_LE(w.travel_km(), 150);
    EXPECT_LE(Day(w.updated_at()), today);
  }
  auto share = [](int n, int of) { return static_cast<double>(n) / of; };
  EXPECT_NEAR(share(with_coordinates, kWorkers), 0.80, 0.04);
  EXPECT_NEAR(share(bnsp, certs), 0.55, 0.08);
  EXPECT_NEAR(share(kemnaker, certs), 0.33, 0.08);
  EXPECT_GT(share(kkni_2_or_3, certs), 0.5);
  // Relative to today some certificates are expired, most are valid, and some of the
  // valid ones expire within 90 days; some carry no expiry (the engine's default).
  EXPECT_GT(share(expired, certs), 0.2);
  EXPECT_GT(share(valid, certs), 0.5);
  EXPECT_GT(expiring_soon, 20);
  EXPECT_GT(share(default_expiry, certs), 0.05);
  EXPECT_GT(unresolved, 100);  // free text that names no skill
  EXPECT_NEAR(share(seeking, kWorkers), 0.74, 0.05);
  EXPECT_NEAR(share(relocate, kWorkers), 0.15, 0.03);
  EXPECT_NEAR(share(welfare, kWorkers), 0.30, 0.04);
  EXPECT_NEAR(share(consent, kWorkers), 0.60, 0.05);
  // The trades of the brief all occur.
  for (const char* family : {"LAS", "OAB", "MEK", "SPM", "DGR", "SATPAM", "JHT", "MSK", "TGR",
                             "TBG", "KON", "RTL", "PKR", "LST", "K3"}) {
    EXPECT_GT(families[family], 20) << family;
  }
}

TEST_F(CorpusTest, VacancyClassesHaveTheirShape) {
  VacancyGenerator gen(*regions_, *lexicon_, CorpusOptions());
  const absl::CivilDay today = CorpusOptions().today;
  for (int64_t i = 0; i < 300; ++i) {
    for (VacancyClass cls : {VacancyClass::kLocal10, VacancyClass::kLocal50,
                             VacancyClass::kRegional200, VacancyClass::kRegionCodes,
                             VacancyClass::kNational}) {
      v1::Vacancy v = gen.Make(cls, i);
      SCOPED_TRACE(absl::StrCat(VacancyClassName(cls), " ", v.id()));
      EXPECT_GE(v.required_skills_size(), 1);
      EXPECT_LE(v.required_skills_size(), 3);
      EXPECT_LE(v.preferred_skills_size(), 2);
      for (const std::string& s : v.required_skills()) EXPECT_NE(lexicon_->Resolve(s), nullptr);
      for (const std::string& s : v.preferred_skills()) EXPECT_NE(lexicon_->Resolve(s), nullptr);
      EXPECT_LE(v.min_kkni_level(), 3);
      if (v.accepted_issuers().empty()) {
        EXPECT_EQ(v.min_kkni_level(), 0);
      }
      absl::CivilDay start = Day(v.start_date());
      EXPECT_GE(start, today);
      EXPECT_LE(start, today + 90);
      bool located = !v.location().region_code().empty() || v.location().has_coordinates();
      switch (cls) {
        case VacancyClass::kLocal10:
        case VacancyClass::kLocal50:
        case VacancyClass::kRegional200: {
          EXPECT_TRUE(located);
          EXPECT_EQ(v.radius_km(), cls == VacancyClass::kLocal10   ? 10
                                   : cls == VacancyClass::kLocal50 ? 50
                                                                   : 200);
          const Region* r = regions_->Find(v.location().region_code());
          ASSERT_NE(r, nullptr);
          EXPECT_FALSE(r->is_province());
          EXPECT_TRUE(v.region_codes().empty());
          break;
        }
        case VacancyClass::kRegionCodes:
          EXPECT_FALSE(located);
          EXPECT_EQ(v.radius_km(), 0);
          EXPECT_GE(v.region_codes_size(), 1);
          EXPECT_LE(v.region_codes_size(), 3);
          for (const std::string& c : v.region_codes()) EXPECT_NE(regions_->Find(c), nullptr);
          break;
        case VacancyClass::kNational:
          EXPECT_FALSE(located);
          EXPECT_EQ(v.radius_km(), 0);
          EXPECT_TRUE(v.region_codes().empty());
          break;
      }
    }
  }
}

TEST_F(CorpusTest, EveryRecordPassesEngineValidationAndMatches) {
  TempDir dir("validation");
  EngineOptions engine_options;
  const absl::CivilDay today = CorpusOptions().today;
  engine_options.today = [today] { return today; };
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(engine_options, dir.path());
  ASSERT_TRUE(engine.ok()) << engine.status();

  WorkerGenerator workers(*regions_, *lexicon_, CorpusOptions());
  std::vector<v1::Worker> batch;
  for (int64_t i = 0; i < 3000; ++i) batch.push_back(workers.Make(i));
  absl::StatusOr<BulkResult> bulk = (*engine)->UpsertWorkers(batch);
  ASSERT_TRUE(bulk.ok()) << bulk.status();
  EXPECT_EQ(bulk->accepted, 3000);
  for (const BulkResult::Rejection& r : bulk->rejected) {
    ADD_FAILURE() << batch[r.index].id() << ": " << r.status;
  }

  VacancyGenerator vacancies(*regions_, *lexicon_, CorpusOptions());
  std::map<VacancyClass, int> non_empty;
  for (int64_t i = 0; i < 40; ++i) {
    for (VacancyClass cls : {VacancyClass::kLocal10, VacancyClass::kLocal50,
                             VacancyClass::kRegional200, VacancyClass::kRegionCodes,
                             VacancyClass::kNational}) {
      v1::Vacancy v = vacancies.Make(cls, i);
      v.set_id(absl::StrCat(VacancyClassName(cls), "-", v.id()));
      EXPECT_TRUE((*engine)->UpsertVacancy(v).ok()) << v.id();
      absl::StatusOr<v1::MatchResult> result = (*engine)->Match(v, {});
      ASSERT_TRUE(result.ok()) << v.id() << ": " << result.status();
      non_empty[cls] += result->total() > 0;
    }
  }
  // Required skills come from skill sets workers actually have, so wide searches find
  // someone most of the time even in this small corpus.
  EXPECT_GT(non_empty[VacancyClass::kNational], 20);
  EXPECT_GT(non_empty[VacancyClass::kRegional200], 15);
}

}  // namespace
}  // namespace corpus
}  // namespace cakap
