// The engine against the independent reference on random variations of generated
// vacancies (reference_fixture.h compares them): edges the generator alone rarely makes.
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/reference_fixture.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

// Random variations around generated vacancies: KKNI minimums, issuers, include_employed,
// start dates that expire certificates, preferred skills, keywords, exclude_welfare, and
// radii and travel radii placed exactly at a worker's distance.
TEST_F(ReferenceMatcherTest, RandomVariations) {
  cakap::corpus::CorpusOptions copts;
  copts.seed = 7;
  cakap::corpus::VacancyGenerator gen(*shared_->regions, *shared_->lexicon, copts);
  std::mt19937_64 rng(20261123);
  auto uniform = [&](int lo, int hi) {  // inclusive
    return std::uniform_int_distribution<int>(lo, hi)(rng);
  };
  const auto& skills = shared_->lexicon->skills();
  const auto& workers = shared_->workers;
  const cakap::v1::Issuer issuers[] = {cakap::v1::ISSUER_BNSP, cakap::v1::ISSUER_KEMNAKER,
                                       cakap::v1::ISSUER_OTHER};
  int compared = 0, failed = 0;
  int64_t seen = 0;
  for (int i = 0; i < kVariations; ++i) {
    const VacancyClass cls = kClasses[uniform(0, 4)];
    cakap::v1::Vacancy v = gen.Make(cls, 1000 + i);
    // A worker the vacancy is built around, so that variations keep candidates.
    const RefWorker& anchor = workers[static_cast<size_t>(uniform(0, kWorkers - 1))];
    const int kind = i % 8;
    std::string what;
    if (kind == 0 || uniform(0, 3) == 0) {  // required skills from the anchor
      v.clear_required_skills();
      std::vector<cakap::SkillId> own(anchor.skills.begin(), anchor.skills.end());
      if (!own.empty()) {
        v.add_required_skills(ref().Code(own[static_cast<size_t>(uniform(0, own.size() - 1))]));
      }
      what += " anchor-skill";
    }
    switch (kind) {
      case 0: {  // min KKNI and issuers
        v.clear_accepted_issuers();
        const int n = uniform(1, 3);
        for (int k = 0; k < n; ++k) v.add_accepted_issuers(issuers[(i + k) % 3]);
        v.set_min_kkni_level(uniform(0, 6));
        what += " kkni";
        break;
      }
      case 1:  // include_employed
        v.set_include_employed(!v.include_employed());
        what += " include_employed";
        break;
      case 2: {  // start dates from today to 3 years on: certificates expire
        v.set_start_date(DayString(Today() + uniform(0, 1100)));
        if (uniform(0, 1) == 0) v.add_accepted_issuers(issuers[uniform(0, 2)]);
        what += " start";
        break;
      }
      case 3: {  // preferred skills, some from the anchor
        v.clear_preferred_skills();
        const int n = uniform(1, 5);
        for (int k = 0; k < n; ++k) {
          v.add_preferred_skills(skills[static_cast<size_t>(uniform(0, skills.size() - 1))].code);
        }
        for (cakap::SkillId s : anchor.skills) {
          if (uniform(0, 2) == 0) v.add_preferred_skills(ref().Code(s));
        }
        if (uniform(0, 2) == 0) v.clear_required_skills();
        what += " preferred";
        break;
      }
      case 4: {  // radius edge: exactly at the anchor's distance, just inside or outside
        v.mutable_location()->set_region_code(anchor.region_code.empty()
                                                  ? "64.72" : anchor.region_code);
        const cakap::Region* reg = shared_->regions->Find(v.location().region_code());
        ASSERT_NE(reg, nullptr);
        const LatLon centre = PointAtDistance(reg->latitude, reg->longitude,
                                              uniform(1, 30), uniform(0, 359));
        v.mutable_location()->set_latitude(centre.lat);
        v.mutable_location()->set_longitude(centre.lon);
        v.mutable_location()->set_has_coordinates(true);
        const double d = HaversineKm(centre.lat, centre.lon, anchor.lat, anchor.lon);
        v.set_radius_km(std::max(0.001, d + (i % 16 < 8 ? 1e-6 : -1e-6)));
        v.clear_region_codes();
        what += absl::StrFormat(" radius-edge %.6f", d);
        break;
      }
      case 5: {  // travel edge: the vacancy exactly at the anchor's travel radius
        const double t = anchor.travel_km + (i % 16 < 8 ? -1e-6 : 1e-6);
        const LatLon p = PointAtDistance(anchor.lat, anchor.lon, t, uniform(0, 359));
        v.mutable_location()->clear_region_code();
        v.mutable_location()->set_latitude(p.lat);
        v.mutable_location()->set_longitude(p.lon);
        v.mutable_location()->set_has_coordinates(true);
        v.set_radius_km(0);
        v.clear_region_codes();
        what += absl::StrFormat(" travel-edge %.6f", t);
        break;
      }
      case 6: {  // keywords: a word of the anchor's text, maybe with a skill name
        std::vector<std::string> words;
        for (const std::string& w : anchor.words) {
          if (w.size() >= 4 && std::all_of(w.begin(), w.end(), [](char c) {
                return c >= 'a' && c <= 'z';
              })) {
            words.push_back(w);
          }
        }
        std::string kw;
        if (!words.empty()) kw = words[static_cast<size_t>(uniform(0, words.size() - 1))];
        if (!anchor.skills.empty() && uniform(0, 1) == 0) {
          std::vector<cakap::SkillId> own(anchor.skills.begin(), anchor.skills.end());
          const cakap::Skill* s =
              shared_->lexicon->Find(own[static_cast<size_t>(uniform(0, own.size() - 1))]);
          if (s != nullptr && !s->synonyms.empty()) kw += " " + s->synonyms[0];
        }
        if (kw.empty()) kw = "las";
        v.set_keywords(kw);
        if (uniform(0, 1) == 0) {
          v.clear_location();
          v.set_radius_km(0);
        }
        what += " keywords \"" + kw + "\"";
        break;
      }
      case 7: {  // region filters by province and kabupaten, with or without a place
        v.clear_region_codes();
        if (!anchor.province_code.empty()) v.add_region_codes(anchor.province_code);
        v.add_region_codes(uniform(0, 1) ? "64.02" : "63");
        if (uniform(0, 1) == 0) {
          v.clear_location();
          v.set_radius_km(0);
        }
        what += " regions";
        break;
      }
    }
    const bool exclude_welfare = uniform(0, 3) == 0;
    const bool facets = uniform(0, 5) == 0;
    const int near = uniform(0, 7) == 0 ? 50 : 0;
    const bool ok = Compare(v, absl::StrCat("variation #", i, what), exclude_welfare, facets,
                            near, &seen);
    ++compared;
    failed += ok ? 0 : 1;
  }
  std::cout << "[ stats    ] " << compared << " vacancies compared, " << seen
            << " candidates\n";
  EXPECT_EQ(failed, 0) << "of " << compared << " vacancies";
  EXPECT_GT(seen, 100);
}

}  // namespace
}  // namespace cakap_test
