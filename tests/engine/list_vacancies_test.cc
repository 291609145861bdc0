// Engine::ListVacancies: the stored vacancies in id order, a page at a time; open_only
// as reverse matching and Allocate's open_vacancies define open (stored open, not
// filled, valid_until not passed); the owner filter; pages that neither repeat nor skip
// under writes between them; errors naming the field.
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cakap/engine.h"
#include "cakap/limits.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using cakap::VacancyListOptions;
using cakap::VacancyPage;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> IdsOf(const VacancyPage& page) {
  std::vector<std::string> ids;
  for (const cakap::v1::Vacancy& v : page.vacancies) ids.push_back(v.id());
  return ids;
}

cakap::v1::Vacancy Stored(const std::string& id, bool open, const std::string& owner = "",
                          const std::string& valid_until = "") {
  cakap::v1::Vacancy v = VacancyBuilder(id).Require("LAS").Region("63.11").Radius(50).Open(open);
  v.set_owner(owner);
  v.set_valid_until(valid_until);
  return v;
}

class ListVacanciesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto engine = OpenEngine(dir_.path());
    ASSERT_OK(engine);
    engine_ = std::move(*engine);
  }
  // Every page of a listing with `options` (page_token replaced as it goes), the ids in
  // the order listed; `between` runs after each page but the last, given its last id.
  std::vector<std::string> ListAll(
      VacancyListOptions options, int* pages = nullptr,
      const std::function<void(const std::string& last_id)>& between = nullptr) {
    std::vector<std::string> ids;
    int n = 0;
    while (true) {
      absl::StatusOr<VacancyPage> page = engine_->ListVacancies(options);
      EXPECT_OK(page);
      if (!page.ok()) break;
      ++n;
      for (const cakap::v1::Vacancy& v : page->vacancies) ids.push_back(v.id());
      if (page->next_page_token.empty()) break;
      EXPECT_FALSE(page->vacancies.empty()) << "a token after an empty page";
      if (between) between(page->vacancies.back().id());
      options.page_token = page->next_page_token;
      if (n > 1000) break;
    }
    if (pages != nullptr) *pages = n;
    return ids;
  }

  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
};

TEST_F(ListVacanciesTest, EmptyIndexListsNothing) {
  ASSERT_OK_AND_ASSIGN(VacancyPage page, engine_->ListVacancies({}));
  EXPECT_THAT(page.vacancies, IsEmpty());
  EXPECT_EQ(page.next_page_token, "");
  // Workers are no vacancies.
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w1").Skill("LAS")));
  ASSERT_OK_AND_ASSIGN(page, engine_->ListVacancies({}));
  EXPECT_THAT(page.vacancies, IsEmpty());
}

TEST_F(ListVacanciesTest, ListsEveryVacancyInIdOrderAsStored) {
  // Inserted out of order; ids compare bytewise ("B" < "a", "v-10" < "v-9").
  for (const char* id : {"v-9", "a", "v-10", "B", "v-1"}) {
    ASSERT_OK(engine_->UpsertVacancy(Stored(id, true)));
  }
  ASSERT_OK_AND_ASSIGN(VacancyPage page, engine_->ListVacancies({}));
  EXPECT_THAT(IdsOf(page), ElementsAre("B", "a", "v-1", "v-10", "v-9"));
  EXPECT_EQ(page.next_page_token, "");
  // As stored: what GetVacancy returns, normalised.
  ASSERT_OK_AND_ASSIGN(cakap::v1::Vacancy got, engine_->GetVacancy("v-10"));
  EXPECT_EQ(page.vacancies[3].SerializeAsString(), got.SerializeAsString());
  // A deleted vacancy is gone from the list.
  ASSERT_OK(engine_->DeleteVacancy("a"));
  ASSERT_OK_AND_ASSIGN(page, engine_->ListVacancies({}));
  EXPECT_THAT(IdsOf(page), ElementsAre("B", "v-1", "v-10", "v-9"));
}

TEST_F(ListVacanciesTest, OpenOnlyIsReverseMatchingsOpen) {
  // Today is 2026-11-23 (test_util.h).
  ASSERT_OK(engine_->UpsertVacancy(Stored("v-open", true)));
  ASSERT_OK(engine_->UpsertVacancy(Stored("v-closed", false)));
  ASSERT_OK(engine_->UpsertVacancy(Stored("v-today", true, "", "2026-11-23")));  // last day
  ASSERT_OK(engine_->UpsertVacancy(Stored("v-expired", true, "", "2026-11-22")));
  ASSERT_OK(engine_->UpsertVacancy(Stored("v-later", true, "", "2027-01-31")));
  // Filled: its one opening taken by a placement, so the engine stores it closed.
  cakap::v1::Vacancy filled = Stored("v-filled", true);
  filled.set_openings(1);
  ASSERT_OK(engine_->UpsertVacancy(filled));
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w1").Skill("LAS")));
  cakap::v1::LedgerEntry placement;
  placement.set_worker_id("w1");
  placement.mutable_placement()->set_kind(cakap::v1::PLACEMENT_KIND_JOB);
  placement.mutable_placement()->set_vacancy_id("v-filled");
  placement.mutable_placement()->set_date("2026-11-20");
  ASSERT_OK(engine_->RecordLedgerEntry(placement, cakap::LedgerWriteOptions()));
  ASSERT_OK_AND_ASSIGN(cakap::v1::Vacancy stored_filled, engine_->GetVacancy("v-filled"));
  ASSERT_FALSE(stored_filled.open());

  VacancyListOptions open;
  open.open_only = true;
  ASSERT_OK_AND_ASSIGN(VacancyPage page, engine_->ListVacancies(open));
  EXPECT_THAT(IdsOf(page), ElementsAre("v-later", "v-open", "v-today"));
  // Every stored one without the filter, closed, expired and filled too.
  ASSERT_OK_AND_ASSIGN(page, engine_->ListVacancies({}));
  EXPECT_THAT(IdsOf(page), ElementsAre("v-closed", "v-expired", "v-filled", "v-later",
                                       "v-open", "v-today"));

  // The same set Allocate's open_vacancies takes: it names the vacancies it used.
  cakap::v1::AllocateRequest allocate;
  allocate.set_open_vacancies(true);
  ASSERT_OK_AND_ASSIGN(cakap::v1::AllocationResult allocation, engine_->Allocate(allocate));
  std::set<std::string> allocated;
  for (const auto& v : allocation.vacancies()) allocated.insert(v.vacancy_id());
  EXPECT_THAT(allocated, ElementsAre("v-later", "v-open", "v-today"));
}

TEST_F(ListVacanciesTest, OwnerFilter) {
  ASSERT_OK(engine_->UpsertVacancy(Stored("v1", true, "pt-borneo")));
  ASSERT_OK(engine_->UpsertVacancy(Stored("v2", false, "pt-borneo")));
  ASSERT_OK(engine_->UpsertVacancy(Stored("v3", true, "cv-mahakam")));
  ASSERT_OK(engine_->UpsertVacancy(Stored("v4", true)));  // the portal's own
  VacancyListOptions o;
  o.owner = "pt-borneo";
  ASSERT_OK_AND_ASSIGN(VacancyPage page, engine_->ListVacancies(o));
  EXPECT_THAT(IdsOf(page), ElementsAre("v1", "v2"));
  o.open_only = true;
  ASSERT_OK_AND_ASSIGN(page, engine_->ListVacancies(o));
  EXPECT_THAT(IdsOf(page), ElementsAre("v1"));
  o.owner = "nobody";
  ASSERT_OK_AND_ASSIGN(page, engine_->ListVacancies(o));
  EXPECT_THAT(page.vacancies, IsEmpty());
  EXPECT_EQ(page.next_page_token, "");
}

TEST_F(ListVacanciesTest, PagesYieldEveryIdOnceInOrderEvenWithWritesBetween) {
  std::vector<cakap::v1::Vacancy> batch;
  std::set<std::string> want;
  for (int i = 0; i < 120; ++i) {
    const std::string id = absl::StrFormat("v-%03d", i * 2);  // even numbers: room between
    batch.push_back(Stored(id, i % 3 != 0, i % 2 == 0 ? "pt-borneo" : ""));
    want.insert(id);
  }
  ASSERT_OK_AND_ASSIGN(cakap::BulkResult stored, engine_->UpsertVacancies(batch));
  ASSERT_EQ(stored.accepted, 120);

  VacancyListOptions o;
  o.page_size = 7;
  int pages = 0;
  std::vector<std::string> ids = ListAll(o, &pages);
  EXPECT_EQ(pages, 18);  // 17 full pages of 7 and one of 1
  EXPECT_EQ(ids, std::vector<std::string>(want.begin(), want.end()));

  // Writes between pages, around the last id listed (the cursor): replace a vacancy
  // already listed and one still to come, insert one behind the cursor and one ahead of
  // it (odd numbers: new ids), delete one still to come. Each vacancy stored throughout
  // is listed exactly once, in order; of the new ones, those ahead of the cursor are
  // listed and those behind it are not; a deleted one is not.
  std::set<std::string> deleted, inserted_ahead;
  ids = ListAll(o, &pages, [&](const std::string& last_id) {
    const int cursor = std::stoi(last_id.substr(2));
    const int even = cursor - cursor % 2;  // the last original id listed, or before it
    auto id = [](int n) { return absl::StrFormat("v-%03d", n); };
    if (even >= 4) {
      EXPECT_OK(engine_->UpsertVacancy(Stored(id(even - 4), false, "changed")));
    }
    if (even + 20 < 240 && !deleted.count(id(even + 20))) {
      EXPECT_OK(engine_->UpsertVacancy(Stored(id(even + 20), true)));
    }
    if (even >= 5) {
      EXPECT_OK(engine_->UpsertVacancy(Stored(id(even - 5), true)));  // behind
    }
    if (even + 31 < 240) {
      EXPECT_OK(engine_->UpsertVacancy(Stored(id(even + 31), true)));  // ahead
      inserted_ahead.insert(id(even + 31));
    }
    if (even + 40 < 240 && deleted.size() < 3) {
      EXPECT_OK(engine_->DeleteVacancy(id(even + 40)));
      deleted.insert(id(even + 40));
    }
  });
  ASSERT_FALSE(deleted.empty());
  ASSERT_FALSE(inserted_ahead.empty());
  std::set<std::string> expected = want;
  for (const std::string& d : deleted) expected.erase(d);
  for (const std::string& a : inserted_ahead) expected.insert(a);
  EXPECT_EQ(ids, std::vector<std::string>(expected.begin(), expected.end()));

  // Filters page the same way.
  o.owner = "pt-borneo";
  o.open_only = true;
  ASSERT_OK(engine_->UpsertVacancies(batch));  // back as they were
  std::vector<std::string> filtered;
  for (const cakap::v1::Vacancy& v : batch) {
    if (v.owner() == "pt-borneo" && v.open()) filtered.push_back(v.id());
  }
  EXPECT_EQ(ListAll(o), filtered);
  // A page exactly as long as what is left has no next token.
  o.page_size = static_cast<int>(filtered.size());
  ASSERT_OK_AND_ASSIGN(VacancyPage whole, engine_->ListVacancies(o));
  EXPECT_EQ(IdsOf(whole), filtered);
  EXPECT_EQ(whole.next_page_token, "");
  o.page_size = static_cast<int>(filtered.size()) - 1;
  ASSERT_OK_AND_ASSIGN(whole, engine_->ListVacancies(o));
  EXPECT_NE(whole.next_page_token, "");
  o.page_token = whole.next_page_token;
  ASSERT_OK_AND_ASSIGN(whole, engine_->ListVacancies(o));
  EXPECT_THAT(IdsOf(whole), ElementsAre(filtered.back()));
  EXPECT_EQ(whole.next_page_token, "");
}

TEST_F(ListVacanciesTest, DefaultAndMaximumPageSize) {
  std::vector<cakap::v1::Vacancy> batch;
  for (int i = 0; i < cakap::kDefaultVacancyListPageSize + 1; ++i) {
    batch.push_back(Stored(absl::StrFormat("v-%03d", i), true));
  }
  ASSERT_OK(engine_->UpsertVacancies(batch));
  ASSERT_OK_AND_ASSIGN(VacancyPage page, engine_->ListVacancies({}));
  EXPECT_EQ(page.vacancies.size(), static_cast<size_t>(cakap::kDefaultVacancyListPageSize));
  EXPECT_NE(page.next_page_token, "");
  VacancyListOptions o;
  o.page_size = cakap::kMaxVacancyListPageSize;
  ASSERT_OK_AND_ASSIGN(page, engine_->ListVacancies(o));
  EXPECT_EQ(page.vacancies.size(), batch.size());
  EXPECT_EQ(page.next_page_token, "");
}

TEST_F(ListVacanciesTest, BadInputNamesTheField) {
  ASSERT_OK(engine_->UpsertVacancy(Stored("v1", true)));
  ASSERT_OK(engine_->UpsertVacancy(Stored("v2", true)));
  VacancyListOptions o;
  o.page_size = -1;
  EXPECT_THAT(engine_->ListVacancies(o),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size: -1")));
  o.page_size = cakap::kMaxVacancyListPageSize + 1;
  EXPECT_THAT(engine_->ListVacancies(o),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr(absl::StrCat("page_size: ", cakap::kMaxVacancyListPageSize + 1,
                                              " is outside 0-",
                                              cakap::kMaxVacancyListPageSize))));
  o = {};
  o.owner = "bad/name";
  EXPECT_THAT(engine_->ListVacancies(o),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::StartsWith("owner: ")));
  o = {};
  o.page_size = 1;
  ASSERT_OK_AND_ASSIGN(VacancyPage first, engine_->ListVacancies(o));
  ASSERT_NE(first.next_page_token, "");
  const std::string good = first.next_page_token;
  for (const std::string& bad :
       {std::string("x"), std::string("not base64!"), good + "A", good + "=", " " + good,
        absl::WebSafeBase64Escape("l1|"), absl::WebSafeBase64Escape("l1|has space"),
        absl::WebSafeBase64Escape("l2|v1"), absl::WebSafeBase64Escape("v1"),
        absl::WebSafeBase64Escape(absl::StrCat("l1|", std::string(200, 'a'))),
        std::string(2000, 'A')}) {
    o.page_token = bad;
    EXPECT_THAT(engine_->ListVacancies(o),
                StatusIs(absl::StatusCode::kInvalidArgument, ::testing::StartsWith("page_token: ")))
        << bad;
  }
  // A match's page token is no listing's.
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w1").Skill("LAS").Region("63.11")));
  ASSERT_OK(engine_->UpsertWorker(WorkerBuilder("w2").Skill("LAS").Region("63.11")));
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult match,
                       engine_->Match(VacancyBuilder().Require("LAS"), MatchOpts(1)));
  ASSERT_NE(match.next_page_token(), "");
  o.page_token = match.next_page_token();
  EXPECT_THAT(engine_->ListVacancies(o),
              StatusIs(absl::StatusCode::kInvalidArgument, ::testing::StartsWith("page_token: ")));
  // The good one still works: it resumes after v1.
  o.page_token = good;
  ASSERT_OK_AND_ASSIGN(VacancyPage second, engine_->ListVacancies(o));
  EXPECT_THAT(IdsOf(second), ElementsAre("v2"));
}

}  // namespace
}  // namespace cakap_test
