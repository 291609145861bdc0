// Training end dates and the placements and outcomes ledger of the corpus (corpus.h), so
// that the office's figures of a generated corpus are meaningful. Drawn from streams of
// their own: the rest of a worker is what it is without them.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "corpus.h"

namespace cakap {
namespace corpus {
namespace {

uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// splitmix64, as corpus.cc's (kept apart so that corpus.cc's streams are untouched).
class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream, int64_t index)
      : state_(Mix64(Mix64(seed ^ stream) + Mix64(static_cast<uint64_t>(index) * kGolden + stream))) {}
  uint64_t Next() { return Mix64(state_ += kGolden); }
  int Range(int lo, int hi) {
    return lo + static_cast<int>((static_cast<unsigned __int128>(Next()) * (hi - lo + 1)) >> 64);
  }
  bool Percent(int p) { return Range(0, 99) < p; }

 private:
  static constexpr uint64_t kGolden = 0x9E3779B97F4A7C15ULL;
  uint64_t state_;
};

constexpr uint64_t kTrainingStream = 0x547261696EULL;  // "Train"
constexpr uint64_t kLedgerStream = 0x4C6564676572ULL;  // "Ledger"

std::string Format(absl::CivilDay d) {
  return absl::StrFormat("%04d-%02d-%02d", static_cast<int>(d.year()), d.month(), d.day());
}

absl::CivilDay PlusMonths(absl::CivilDay d, int months) {
  return absl::CivilDay(d.year(), d.month() + months, d.day());
}

constexpr const char* kReasons[] = {"kontrak habis", "pindah domisili", "gaji tidak sesuai",
                                    "melanjutkan sekolah", "usaha tutup", "alasan keluarga"};

}  // namespace

void AddTrainingEndDates(uint64_t seed, int64_t index, absl::CivilDay today, v1::Worker* w) {
  Rng rng(seed, kTrainingStream, index);
  for (v1::Training& t : *w->mutable_trainings()) {
    // Courses end through the year, a little more often mid-year and in December.
    absl::CivilDay end = absl::CivilDay(t.year(), 1, 1) + rng.Range(20, 364);
    if (end > today) end = today - rng.Range(0, 30);
    if (end.year() != t.year()) end = absl::CivilDay(t.year(), 1, 1);
    t.set_ended_on(Format(end));
  }
}

LedgerGenerator::LedgerGenerator(const Regions& regions, const Lexicon& lexicon,
                                 CorpusOptions options)
    : options_([&] {
        options.training_end_dates = true;
        return options;
      }()),
      workers_(regions, lexicon, options_) {}

std::vector<v1::LedgerEntry> LedgerGenerator::Make(int64_t index) const {
  std::vector<v1::LedgerEntry> out;
  const v1::Worker w = workers_.Make(index);
  const absl::CivilDay today = options_.today;
  absl::CivilDay ended(1900, 1, 1);
  bool trained = false;
  for (const v1::Training& t : w.trainings()) {
    absl::CivilDay d;
    if (!absl::ParseCivilTime(t.ended_on(), &d)) continue;
    if (!trained || d > ended) ended = d;
    trained = true;
  }
  Rng rng(options_.seed, kLedgerStream, index);
  if (!trained || ended > today - 30 || !rng.Percent(14)) return out;
  const int k = rng.Range(0, 99);
  const v1::PlacementKind kind = k < 55   ? v1::PLACEMENT_KIND_JOB
                                 : k < 90 ? v1::PLACEMENT_KIND_OWN_BUSINESS
                                          : v1::PLACEMENT_KIND_APPRENTICESHIP;
  absl::CivilDay date = std::min(ended + rng.Range(1, 240), today);
  v1::LedgerEntry e;
  e.set_worker_id(w.id());
  v1::Placement* p = e.mutable_placement();
  p->set_kind(kind);
  p->set_date(Format(date));
  if (kind != v1::PLACEMENT_KIND_OWN_BUSINESS) {
    p->set_employer(absl::StrFormat("PT Mitra %d", rng.Range(1, 400)));
  }
  out.push_back(e);
  if (rng.Percent(2)) {  // the date was entered wrong: a correction, never an edit
    date = std::min(date + rng.Range(-5, 5), today);
    if (date < ended) date = ended;
    e.set_corrects(1);
    e.mutable_placement()->set_date(Format(date));
    out.push_back(e);
  }
  const v1::OutcomeKind still = kind == v1::PLACEMENT_KIND_OWN_BUSINESS
                                    ? v1::OUTCOME_KIND_BUSINESS_RUNNING
                                    : v1::OUTCOME_KIND_STILL_WORKING;
  auto outcome = [&](v1::OutcomeKind k, int months, absl::CivilDay on, const char* reason) {
    v1::LedgerEntry o;
    o.set_worker_id(w.id());
    o.mutable_outcome()->set_placement_seq(1);
    o.mutable_outcome()->set_kind(k);
    o.mutable_outcome()->set_after_months(months);
    o.mutable_outcome()->set_date(Format(on));
    if (reason != nullptr) o.mutable_outcome()->set_reason(reason);
    out.push_back(std::move(o));
  };
  for (int months : {3, 6}) {
    const absl::CivilDay check = PlusMonths(date, months);
    if (check > today || !rng.Percent(85)) break;
    if (rng.Percent(months == 3 ? 78 : 85)) {
      outcome(still, months, check, nullptr);
      continue;
    }
    const absl::CivilDay left =
        std::min(date + rng.Range(months == 3 ? 20 : 92, months * 30), today);
    outcome(v1::OUTCOME_KIND_LEFT, 0, left, kReasons[rng.Range(0, 5)]);
    break;
  }
  return out;
}

}  // namespace corpus
}  // namespace cakap
