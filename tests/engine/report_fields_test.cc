// The fields of the vacancy report (Perpres 57/2023 Pasal 5) on small hand-computed cases:
// education levels, experience (overlapping jobs once, a job still held up to the start
// date, a specialisation counting for its parent), age on the start date, the near-miss
// reasons (never disclosing an age), the wage explanation and valid_until. The reference
// comparison at scale is report_requirements_test.cc.
#include <string>
#include <vector>

#include "cakap/engine.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using ::testing::ElementsAre;

cakap::v1::WorkExperience Job(std::string from, std::string to, std::string skill = "") {
  cakap::v1::WorkExperience j;
  j.set_started_on(std::move(from));
  j.set_ended_on(std::move(to));
  j.set_skill(std::move(skill));
  return j;
}

class ReportFieldsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_OK_AND_ASSIGN(engine_, OpenEngine(dir_.path())); }

  void Put(WorkerBuilder b, std::function<void(cakap::v1::Worker*)> edit) {
    cakap::v1::Worker w = b;
    edit(&w);
    ASSERT_OK(engine_->UpsertWorker(w));
  }
  // Ids of the candidates, and "id:constraint:reason" of the near misses.
  void Match(const cakap::v1::Vacancy& v, std::vector<std::string>* ids,
             std::vector<std::string>* misses) {
    ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult r,
                         engine_->Match(v, MatchOpts(200, false, 100)));
    for (const auto& c : r.candidates()) ids->push_back(c.worker().id());
    for (const auto& m : r.near_misses()) {
      misses->push_back(m.candidate().worker().id() + ":" + m.constraint() + ":" + m.reason());
    }
    std::sort(misses->begin(), misses->end());
  }

  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
};

TEST_F(ReportFieldsTest, EducationLevelsSmaIsSmkAndD4IsS1) {
  const std::pair<const char*, cakap::v1::Education> workers[] = {
      {"w-smp", cakap::v1::EDUCATION_SMP}, {"w-sma", cakap::v1::EDUCATION_SMA},
      {"w-smk", cakap::v1::EDUCATION_SMK}, {"w-d3", cakap::v1::EDUCATION_D3},
      {"w-s1", cakap::v1::EDUCATION_S1},   {"w-none", cakap::v1::EDUCATION_UNSPECIFIED}};
  for (const auto& [id, education] : workers) {
    Put(WorkerBuilder(id).Skill("LAS"), [&](cakap::v1::Worker* w) { w->set_education(education); });
  }
  std::vector<std::string> ids, misses;
  cakap::v1::Vacancy v = VacancyBuilder().Require("LAS");
  v.set_min_education(cakap::v1::EDUCATION_SMK);
  Match(v, &ids, &misses);
  std::sort(ids.begin(), ids.end());
  EXPECT_THAT(ids, ElementsAre("w-d3", "w-s1", "w-sma", "w-smk"));
  EXPECT_THAT(misses, ElementsAre("w-none:education:education not given, below the minimum SMA/SMK",
                                  "w-smp:education:education SMP, below the minimum SMA/SMK"));
  ids.clear();
  misses.clear();
  v.set_min_education(cakap::v1::EDUCATION_D4);
  Match(v, &ids, &misses);
  EXPECT_THAT(ids, ElementsAre("w-s1"));
}

TEST_F(ReportFieldsTest, ExperienceCountsEachDayOnceUpToTheStartDate) {
  // 2020-01-01..2020-12-31 and 2020-07-01..2021-06-30 overlap: their union is 547 days,
  // 547 / 30.4375 = 17.97, so 17 months; in LAS (a LAS.SMAW job counts for LAS) only the
  // first job's 366 days: 12 months.
  Put(WorkerBuilder("w-overlap").Skill("LAS"), [](cakap::v1::Worker* w) {
    *w->add_work_history() = Job("2020-01-01", "2020-12-31", "LAS.SMAW");
    *w->add_work_history() = Job("2020-07-01", "2021-06-30", "MSK");
  });
  // A job still held since 2026-01-01, counted to the start date 2026-12-01: 335 days,
  // 11 months (11.006).
  Put(WorkerBuilder("w-current").Skill("LAS"), [](cakap::v1::Worker* w) {
    *w->add_work_history() = Job("2026-01-01", "", "LAS");
  });
  Put(WorkerBuilder("w-none").Skill("LAS"), [](cakap::v1::Worker*) {});
  auto vacancy = [](int overall, int las) {
    cakap::v1::Vacancy v = VacancyBuilder().Require("LAS").Start("2026-12-01");
    v.set_min_experience_months(overall);
    if (las > 0) {
      auto* e = v.add_skill_experience();
      e->set_skill("juru las");
      e->set_months(las);
    }
    return v;
  };
  std::vector<std::string> ids, misses;
  Match(vacancy(17, 0), &ids, &misses);
  EXPECT_THAT(ids, ElementsAre("w-overlap"));
  EXPECT_THAT(misses, ElementsAre("w-current:experience:11 months of experience, 17 required",
                                  "w-none:experience:0 months of experience, 17 required"));
  ids.clear();
  misses.clear();
  Match(vacancy(18, 0), &ids, &misses);
  EXPECT_TRUE(ids.empty());
  ids.clear();
  misses.clear();
  Match(vacancy(0, 12), &ids, &misses);
  EXPECT_THAT(ids, ElementsAre("w-overlap"));
  EXPECT_THAT(misses,
              ElementsAre("w-current:experience:11 months of experience in LAS, 12 required",
                          "w-none:experience:0 months of experience in LAS, 12 required"));
  ids.clear();
  misses.clear();
  Match(vacancy(0, 11), &ids, &misses);
  std::sort(ids.begin(), ids.end());
  EXPECT_THAT(ids, ElementsAre("w-current", "w-overlap"));
}

TEST_F(ReportFieldsTest, AgeOnTheStartDateAndReasonsThatNeverTellTheAge) {
  Put(WorkerBuilder("w-18-on-start").Skill("LAS"),
      [](cakap::v1::Worker* w) { w->set_birth_date("2008-12-01"); });
  Put(WorkerBuilder("w-18-next-day").Skill("LAS"),
      [](cakap::v1::Worker* w) { w->set_birth_date("2008-12-02"); });
  Put(WorkerBuilder("w-46").Skill("LAS"),
      [](cakap::v1::Worker* w) { w->set_birth_date("1980-06-15"); });
  Put(WorkerBuilder("w-unknown").Skill("LAS"), [](cakap::v1::Worker*) {});
  cakap::v1::Vacancy v = VacancyBuilder().Require("LAS").Start("2026-12-01");
  v.set_min_age(18);
  v.set_max_age(45);
  std::vector<std::string> ids, misses;
  Match(v, &ids, &misses);
  EXPECT_THAT(ids, ElementsAre("w-18-on-start"));
  EXPECT_THAT(misses, ElementsAre("w-18-next-day:age:younger than 18 on the start date",
                                  "w-46:age:older than 45 on the start date",
                                  "w-unknown:age:birth date not given"));
}

TEST_F(ReportFieldsTest, WageIsExplainedAndNeverScored) {
  Put(WorkerBuilder("w-wage").Skill("LAS").Decile(3),
      [](cakap::v1::Worker* w) { w->set_expected_wage(4500000); });
  Put(WorkerBuilder("w-plain").Skill("LAS").Decile(3), [](cakap::v1::Worker*) {});
  cakap::v1::Vacancy plain = VacancyBuilder().Require("LAS");
  cakap::v1::Vacancy offered = plain;
  offered.set_wage_min(4000000);
  offered.set_wage_max(5000000);
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult a, engine_->Match(plain, MatchOpts()));
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult b, engine_->Match(offered, MatchOpts()));
  ASSERT_EQ(a.candidates_size(), 2);
  ASSERT_EQ(b.candidates_size(), 2);
  std::map<std::string, std::string> wage;
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(a.candidates(i).score(), b.candidates(i).score());
    for (const auto& c : b.candidates(i).explanation()) {
      if (c.name() == "wage") {
        EXPECT_EQ(c.value(), 0);
        wage[b.candidates(i).worker().id()] = c.detail();
      }
    }
  }
  EXPECT_EQ(wage["w-wage"], "expects Rp 4.5 jt, offered Rp 4-5 jt");
  EXPECT_EQ(wage["w-plain"], "offered Rp 4-5 jt, expectation not given");
  // Without an offer only the worker's expectation shows; without either, no component.
  for (const auto& c : a.candidates()) {
    const bool has_wage = std::any_of(c.explanation().begin(), c.explanation().end(),
                                      [](const auto& e) { return e.name() == "wage"; });
    EXPECT_EQ(has_wage, c.worker().id() == "w-wage") << c.worker().id();
  }
  // The page token of one works for the other: the offer changes no page.
  ASSERT_OK_AND_ASSIGN(cakap::v1::MatchResult first, engine_->Match(plain, MatchOpts(1)));
  cakap::v1::MatchOptions next = MatchOpts(1);
  next.set_page_token(first.next_page_token());
  EXPECT_OK(engine_->Match(offered, next).status());
}

TEST_F(ReportFieldsTest, ValidUntilClosesReverseMatchingFromTheNextDay) {
  // The test clock's today is 2026-11-23.
  Put(WorkerBuilder("w-1").Skill("LAS"), [](cakap::v1::Worker*) {});
  for (const auto& [id, until] : std::vector<std::pair<std::string, std::string>>{
           {"v-yesterday", "2026-11-22"}, {"v-today", "2026-11-23"}, {"v-none", ""}}) {
    cakap::v1::Vacancy v = VacancyBuilder(id).Require("LAS").Open();
    v.set_valid_until(until);
    ASSERT_OK(engine_->UpsertVacancy(v));
  }
  ASSERT_OK_AND_ASSIGN(cakap::v1::VacancyMatchResult r,
                       engine_->MatchVacancies("w-1", 20, false, false));
  std::vector<std::string> ids;
  for (const auto& hit : r.vacancies()) ids.push_back(hit.vacancy().id());
  std::sort(ids.begin(), ids.end());
  EXPECT_THAT(ids, ElementsAre("v-none", "v-today"));
  EXPECT_EQ(r.total(), 2);
  // Stored and returned as given.
  ASSERT_OK_AND_ASSIGN(cakap::v1::Vacancy stored, engine_->GetVacancy("v-yesterday"));
  EXPECT_EQ(stored.valid_until(), "2026-11-22");
}

TEST_F(ReportFieldsTest, WorkHistorySkillsAreStoredAsCodes) {
  Put(WorkerBuilder("w-1").Skill("LAS"), [](cakap::v1::Worker* w) {
    *w->add_work_history() = Job("2020-01-01", "2020-12-31", "juru las");
    w->set_education(cakap::v1::EDUCATION_SMK);
    w->set_birth_date("2000-01-31");
  });
  ASSERT_OK_AND_ASSIGN(cakap::v1::Worker w, engine_->GetWorker("w-1"));
  ASSERT_EQ(w.work_history_size(), 1);
  EXPECT_EQ(w.work_history(0).skill(), "LAS");
  EXPECT_EQ(w.education(), cakap::v1::EDUCATION_SMK);
  EXPECT_EQ(w.birth_date(), "2000-01-31");
}

}  // namespace
}  // namespace cakap_test
