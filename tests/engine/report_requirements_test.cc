// The report's requirements (Vacancy.min_education, min_experience_months,
// skill_experience, min_age/max_age) against the independent reference
// (reference_fixture.h compares sets, scores, facets and near misses), each placed exactly
// at a worker's own value so that one day or one level decides: met on even variations,
// just missed on odd ones. Plus the wage explanation, which never changes a score.
#include <algorithm>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/reference_fixture.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

constexpr int kReportVariations = 200;

TEST_F(ReferenceMatcherTest, ReportRequirementsAtTheWorkersEdges) {
  cakap::corpus::CorpusOptions copts;
  copts.seed = 9;
  cakap::corpus::VacancyGenerator gen(*shared_->regions, *shared_->lexicon, copts);
  std::mt19937_64 rng(20261204);
  auto uniform = [&](int lo, int hi) {  // inclusive
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  const auto& skills = shared_->lexicon->skills();
  const auto& workers = shared_->workers;
  // The lowest enum value of each level (SMA for SMA/SMK, D4 for D4/S1); 10: beyond S3.
  const cakap::v1::Education by_level[] = {
      cakap::v1::EDUCATION_SD,  cakap::v1::EDUCATION_SD, cakap::v1::EDUCATION_SMP,
      cakap::v1::EDUCATION_SMA, cakap::v1::EDUCATION_D1, cakap::v1::EDUCATION_D2,
      cakap::v1::EDUCATION_D3,  cakap::v1::EDUCATION_D4, cakap::v1::EDUCATION_S2,
      cakap::v1::EDUCATION_S3,  cakap::v1::EDUCATION_S3};
  int compared = 0, failed = 0;
  int64_t seen = 0;
  for (int i = 0; i < kReportVariations; ++i) {
    cakap::v1::Vacancy v = gen.Make(kClasses[uniform(0, 4)], 5000 + i);
    const RefWorker& anchor = workers[static_cast<size_t>(uniform(0, kWorkers - 1))];
    // Keep the anchor a candidate otherwise, so that the requirement decides.
    v.clear_required_skills();
    v.clear_accepted_issuers();
    v.clear_keywords();
    v.clear_region_codes();
    v.set_radius_km(0);
    v.clear_location();  // no travel radius either
    if (!anchor.province_code.empty()) v.add_region_codes(anchor.province_code);
    v.set_include_employed(true);
    const int miss = i % 2;  // 0: the anchor just meets it; 1: just misses it
    absl::CivilDay start = Today() + uniform(0, 400);
    std::string what;
    switch (i / 2 % 4) {
      case 0:
        v.set_min_education(by_level[std::min(anchor.education + miss, 10)]);
        what = absl::StrCat("education level ", anchor.education, " + ", miss);
        break;
      case 1: {
        const int months = ref().ExperienceMonths(anchor, start, 0) + miss;
        v.set_min_experience_months(std::clamp(months, 1, 600));
        what = absl::StrCat("experience ", v.min_experience_months());
        break;
      }
      case 2: {
        cakap::SkillId skill = 0;  // a skill of the anchor's jobs (a parent, often)
        for (const cakap_ref::RefJob& job : anchor.jobs) {
          if (!job.skills.empty()) skill = *job.skills.begin();
        }
        if (skill == 0) skill = skills[static_cast<size_t>(uniform(0, skills.size() - 1))].id;
        const int months = ref().ExperienceMonths(anchor, start, skill) + miss;
        cakap::v1::SkillExperience* e = v.add_skill_experience();
        e->set_skill(ref().Code(skill));
        e->set_months(std::clamp(months, 1, 600));
        if (uniform(0, 2) == 0) v.set_min_experience_months(1);
        what = absl::StrCat("skill experience ", e->skill(), " ", e->months());
        break;
      }
      case 3: {
        // On the anchor's birthday next year, or the day before: the age turns that day.
        int age = 30;
        if (anchor.birth) {
          start = absl::CivilDay(Today().year() + 1, anchor.birth->month(), anchor.birth->day()) -
                  uniform(0, 1);
          age = cakap_ref::ReferenceMatcher::AgeOn(*anchor.birth, start);
        }
        if (uniform(0, 1) == 0) {
          v.set_min_age(std::clamp(age + miss, 15, 100));
        } else {
          v.set_max_age(std::clamp(age - miss, 15, 100));
          if (uniform(0, 1) == 0) v.set_min_age(15);
        }
        what = absl::StrCat("age ", v.min_age(), "-", v.max_age(), " on ", DayString(start));
        break;
      }
    }
    v.set_start_date(DayString(start));
    if (uniform(0, 2) == 0) v.set_min_education(cakap::v1::EDUCATION_SMP);
    if (uniform(0, 1) == 0) {
      v.set_wage_min(4000000);
      if (uniform(0, 1) == 0) v.set_wage_max(5500000);
    }
    const bool ok = Compare(v, absl::StrCat("report variation #", i, " (", anchor.id, ") ", what),
                            uniform(0, 3) == 0, uniform(0, 5) == 0, i % 3 == 0 ? 50 : 0, &seen);
    ++compared;
    failed += ok ? 0 : 1;
  }
  std::cout << "[ stats    ] " << compared << " vacancies compared, " << seen
            << " candidates\n";
  EXPECT_EQ(failed, 0) << "of " << compared << " vacancies";
  EXPECT_GT(seen, 5000);
}

}  // namespace
}  // namespace cakap_test
