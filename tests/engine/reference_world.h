// What every test that compares against the reference matcher starts from: the built-in
// lexicon and regions, a ReferenceMatcher over them, and a generated corpus with the
// variations the generator makes rarely or never.
#ifndef CAKAP_TESTS_ENGINE_REFERENCE_WORLD_H_
#define CAKAP_TESTS_ENGINE_REFERENCE_WORLD_H_

#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "absl/status/status.h"
#include "cakap/lexicon.h"
#include "cakap/regions.h"
#include "corpus.h"
#include "engine/test_util.h"
#include "reference/reference_matcher.h"

namespace cakap_test {

struct ReferenceWorld {
  std::unique_ptr<cakap::Lexicon> lexicon;
  std::unique_ptr<cakap::Regions> regions;
  std::unique_ptr<cakap_ref::ReferenceMatcher> ref;  // with TestOptions()
};

// Fills `world` (often the base of a test suite's shared state).
inline absl::Status InitReferenceWorld(ReferenceWorld* world) {
  absl::StatusOr<cakap::Lexicon> lex = cakap::Lexicon::Builtin();
  if (!lex.ok()) return lex.status();
  absl::StatusOr<cakap::Regions> regions = cakap::Regions::Builtin();
  if (!regions.ok()) return regions.status();
  world->lexicon = std::make_unique<cakap::Lexicon>(*std::move(lex));
  world->regions = std::make_unique<cakap::Regions>(*std::move(regions));
  world->ref = std::make_unique<cakap_ref::ReferenceMatcher>(*world->lexicon, *world->regions,
                                                             TestOptions());
  return absl::OkStatus();
}

// `n` workers of the corpus with `corpus_seed`, varied (deterministically in `seed`):
// some given only by coordinates near their region, some with their own travel radius,
// certificates without expiry, employed (or unspecified) workers with an availability date;
// and (from their own random stream, so the variations above stay as they were) the
// fields of the vacancy report: education, birth dates, expected wages, work histories
// with overlapping jobs, jobs still held and jobs in a skill or a specialisation of it,
// and NIKs of another kabupaten (KTP) than the domicile.
inline std::vector<cakap::v1::Worker> VariedWorkers(const ReferenceWorld& world, int n,
                                                    uint64_t corpus_seed, uint64_t seed) {
  cakap::corpus::CorpusOptions copts;
  copts.seed = corpus_seed;
  cakap::corpus::WorkerGenerator gen(*world.regions, *world.lexicon, copts);
  std::vector<cakap::v1::Worker> out(static_cast<size_t>(n));
  std::mt19937_64 rng(seed);
  std::mt19937_64 report_rng(seed + 1);
  const auto& skills = world.lexicon->skills();
  for (int i = 0; i < n; ++i) {
    cakap::v1::Worker& w = out[static_cast<size_t>(i)];
    gen.Next(&w);
    if (i % 13 == 5) {
      const cakap::Region* reg = world.regions->Find(w.domicile().region_code());
      if (reg != nullptr) {
        const LatLon p = PointAtDistance(reg->latitude, reg->longitude,
                                         static_cast<double>(rng() % 200) / 10.0,
                                         static_cast<double>(rng() % 360));
        w.mutable_domicile()->clear_region_code();
        w.mutable_domicile()->set_latitude(p.lat);
        w.mutable_domicile()->set_longitude(p.lon);
        w.mutable_domicile()->set_has_coordinates(true);
      }
    }
    if (i % 11 == 3) {
      w.set_travel_km(static_cast<double>(1 + rng() % 80));
      w.set_willing_to_relocate(false);
    }
    if (i % 17 == 7 && w.certificates_size() > 0) w.mutable_certificates(0)->clear_expires_on();
    if (i % 23 == 9) {
      w.set_employment_status(i % 2 ? cakap::v1::EMPLOYMENT_STATUS_UNSPECIFIED
                                    : cakap::v1::EMPLOYMENT_STATUS_EMPLOYED);
      w.set_available_from(DayString(Today() + static_cast<int>(rng() % 200) - 30));
    }
    std::mt19937_64& r = report_rng;
    if (r() % 5 != 0) w.set_education(static_cast<cakap::v1::Education>(r() % 12));
    if (r() % 5 != 0) {
      // 15-65 years old; some born on 29 February or on today's day of the year.
      absl::CivilDay birth = Today() - static_cast<int>(15 * 365 + r() % (50 * 365));
      if (r() % 10 == 0) {
        birth = absl::CivilDay(Today().year() - 18 - static_cast<int>(r() % 30),
                               Today().month(), Today().day());
      } else if (r() % 15 == 0) {
        birth = absl::CivilDay(1996 + 4 * static_cast<int>(r() % 6), 2, 29);
      }
      w.set_birth_date(DayString(birth));
    }
    // Some have a KTP from another kabupaten (or a code cakap does not know): locality by
    // KTP and by domicile then differ.
    if (w.nik().size() == 16 && r() % 4 == 0) {
      const char* ktp[] = {"6408", "6474", "6311", "6102", "6371", "9901"};
      w.set_nik(std::string(ktp[r() % 6]) + w.nik().substr(4));
    }
    if (r() % 3 == 0) w.set_expected_wage(static_cast<int64_t>(2 + r() % 80) * 125000);
    for (int jobs = static_cast<int>(r() % 5); jobs > 0; --jobs) {
      cakap::v1::WorkExperience* job = w.add_work_history();
      const absl::CivilDay from = Today() - static_cast<int>(r() % 5000);
      job->set_started_on(DayString(from));
      if (r() % 4 != 0) job->set_ended_on(DayString(from + static_cast<int>(r() % 2000)));
      if (r() % 4 != 0) {
        // One of the worker's own skills (most), or any lexicon skill.
        if (w.skills_size() > 0 && r() % 3 != 0) {
          job->set_skill(w.skills(static_cast<int>(r() % w.skills_size())));
          if (world.lexicon->Resolve(job->skill()) == nullptr) job->clear_skill();
        } else {
          job->set_skill(skills[r() % skills.size()].code);
        }
      }
      if (r() % 2 == 0) job->set_employer("PT Contoh " + std::to_string(r() % 50));
    }
  }
  return out;
}

}  // namespace cakap_test

#endif  // CAKAP_TESTS_ENGINE_REFERENCE_WORLD_H_
