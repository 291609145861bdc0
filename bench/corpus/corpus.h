// Deterministic demo/benchmark corpus: workers spread over Kalimantan kabupaten/kota
// weighted by population, and vacancies of the classes the benchmarks use.
//
//   cakap::corpus::CorpusOptions opts;        // seed 42, today 2026-11-23
//   cakap::corpus::WorkerGenerator gen(*regions, *lexicon, opts);
//   cakap::v1::Worker w;
//   for (int64_t i = 0; i < 1000000; ++i) { gen.Next(&w); ... }   // streamed, O(1) memory
//
// The same (seed, index) always yields the same record, whatever was generated before
// it, so a corpus of 10M workers can be produced in slices.
#ifndef CAKAP_BENCH_CORPUS_CORPUS_H_
#define CAKAP_BENCH_CORPUS_CORPUS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "cakap/lexicon.h"
#include "cakap/regions.h"
#include "cakap/v1/ledger.pb.h"
#include "cakap/v1/vacancy.pb.h"
#include "cakap/v1/worker.pb.h"

namespace cakap {
namespace corpus {

// The trade mix and name tables, resolved against the lexicon once per generator
// (defined in corpus.cc).
struct Model;

struct CorpusOptions {
  // Seed of every random choice. Same seed, same corpus.
  uint64_t seed = 42;
  // The corpus' "today": certificate dates and availability are drawn around it, so that
  // some certificates are expired and some expire soon relative to it.
  absl::CivilDay today = absl::CivilDay(2026, 11, 23);
  // Province codes workers live in (Kalimantan: 61-65), weighted by population.
  std::vector<std::string> provinces = {"61", "62", "63", "64", "65"};
  // Give every training an end date (Training.ended_on, in its year, not after today),
  // drawn from a stream of its own, so every other field is as without it. Off by
  // default: the corpus of the existing benchmarks stays byte for byte the same.
  bool training_end_dates = false;
};

class WorkerGenerator {
 public:
  // `regions` and `lexicon` must outlive the generator.
  WorkerGenerator(const Regions& regions, const Lexicon& lexicon, CorpusOptions options);
  // The worker with this index (ids are "w%08d" of the index).
  v1::Worker Make(int64_t index) const;
  // Make(next index), then advance.
  void Next(v1::Worker* worker) { *worker = Make(next_++); }

 private:
  const Regions& regions_;
  const Lexicon& lexicon_;
  CorpusOptions options_;
  int64_t next_ = 0;
  // kabupaten/kota of the chosen provinces with cumulative population weights.
  std::vector<const Region*> kabupaten_;
  std::vector<double> cumulative_weight_;
  std::shared_ptr<const Model> model_;
};

// Sets Training.ended_on of each of the worker's trainings (CorpusOptions.
// training_end_dates), deterministic in (seed, index) (ledger_gen.cc).
void AddTrainingEndDates(uint64_t seed, int64_t index, absl::CivilDay today, v1::Worker* w);

// The placements and outcomes of worker `index` (ledger.proto), as `cakap import ledger`
// reads them, in order: about 14% of the workers with a training that ended at least a
// month before today are placed (job 55%, own business 35%, apprenticeship 10%) 1-240
// days after it; a 3-month check follows for most of those placed long enough ago (78%
// still working or running the business, else a LEFT with a reason), then a 6-month
// check; 2% of placements get a date correction. Deterministic in (seed, index); the
// worker is WorkerGenerator(options with training_end_dates).Make(index), whose
// trainings it reads. Placements name no vacancy.
class LedgerGenerator {
 public:
  LedgerGenerator(const Regions& regions, const Lexicon& lexicon, CorpusOptions options);
  std::vector<v1::LedgerEntry> Make(int64_t index) const;

 private:
  CorpusOptions options_;
  WorkerGenerator workers_;
};

// Vacancy classes of the benchmarks (docs/benchmarks.md).
enum class VacancyClass { kLocal10, kLocal50, kRegional200, kRegionCodes, kNational };

class VacancyGenerator {
 public:
  VacancyGenerator(const Regions& regions, const Lexicon& lexicon, CorpusOptions options);
  // A random vacancy of class `cls` (1-3 required skills, sometimes preferred skills,
  // issuers, a KKNI minimum and a start date), id "v%06d" of the index. Deterministic in
  // (seed, cls, index).
  v1::Vacancy Make(VacancyClass cls, int64_t index) const;

 private:
  const Regions& regions_;
  const Lexicon& lexicon_;
  CorpusOptions options_;
  std::vector<const Region*> kabupaten_;
  std::vector<double> cumulative_weight_;
  std::shared_ptr<const Model> model_;
};

// Parses a class name of cakap-gen ("local10", "local50", "regional200", "regions",
// "national"); false when unknown.
bool ParseVacancyClass(const std::string& name, VacancyClass* cls);
const char* VacancyClassName(VacancyClass cls);

}  // namespace corpus
}  // namespace cakap

#endif  // CAKAP_BENCH_CORPUS_CORPUS_H_
