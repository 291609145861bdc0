// The shared workload of a run: reference data, the worker generator and the vacancy mix.
#include "absl/strings/str_cat.h"
#include "cakap/status_macros.h"
#include "phases.h"

namespace cakap {
namespace bench {

EngineOptions BaseEngineOptions(const BenchConfig& config) {
  EngineOptions o;
  const absl::CivilDay today = config.today;
  o.today = [today] { return today; };
  return o;
}

absl::StatusOr<std::unique_ptr<Workload>> MakeWorkload(const BenchConfig& config) {
  auto w = std::make_unique<Workload>();
  w->config = &config;
  CAKAP_ASSIGN_OR_RETURN(w->lexicon, Lexicon::Builtin());
  CAKAP_ASSIGN_OR_RETURN(w->regions, Regions::Builtin());
  w->reference = std::make_unique<cakap_ref::ReferenceMatcher>(w->lexicon, w->regions,
                                                               BaseEngineOptions(config));
  corpus::CorpusOptions copts;
  copts.seed = config.seed;
  copts.today = config.today;
  w->workers = std::make_unique<corpus::WorkerGenerator>(w->regions, w->lexicon, copts);
  corpus::VacancyGenerator vgen(w->regions, w->lexicon, copts);
  for (corpus::VacancyClass cls : kClasses) {
    ClassVacancies cv{cls, {}, {}};
    for (int i = 0; i < config.vacancies_per_class; ++i) {
      v1::Vacancy v = vgen.Make(cls, i);
      absl::StatusOr<cakap_ref::RefVacancy> r = w->reference->ResolveVacancy(v);
      if (!r.ok()) {
        return absl::InternalError(absl::StrCat("generated vacancy ", v.id(), " of class ",
                                                corpus::VacancyClassName(cls),
                                                " does not resolve: ", r.status().message()));
      }
      cv.raw.push_back(std::move(v));
      cv.resolved.push_back(*std::move(r));
    }
    w->vacancies.push_back(std::move(cv));
  }
  return w;
}

}  // namespace bench
}  // namespace cakap
