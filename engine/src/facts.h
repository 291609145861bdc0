// The fact table: a compact in-memory copy of what the office's figures (figures.proto)
// and the ledger's rules (ledger.h) need of every worker, stored vacancy and ledger entry,
// so that a figures query scans memory and never parses a stored protobuf. Loaded at
// Open from the index (LoadFacts) and changed by each commit (FactDelta, applied after
// the commit and before its writes are answered, so figures see every acknowledged
// write).
//
// Thread safety: FactTable guards itself (figures read under a reader lock; the writer
// applies a commit's delta under the writer lock). Interner is safe from any thread.
#ifndef CAKAP_ENGINE_FACTS_H_
#define CAKAP_ENGINE_FACTS_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "cakap/v1/ledger.pb.h"
#include "cakap/v1/vacancy.pb.h"
#include "cakap/v1/worker.pb.h"
#include "env.h"
#include "record.h"

namespace cakap {

// Strings (programme and institution names lower-cased, region codes) as small ids, so
// that a worker's facts hold numbers. Ids are stable and never reused; id 0 is "".
class Interner {
 public:
  Interner() { strings_.emplace_back(); }
  uint32_t Intern(absl::string_view s) ABSL_LOCKS_EXCLUDED(mu_);
  // The id of `s`, or nullopt when it was never interned (so no fact holds it).
  std::optional<uint32_t> Find(absl::string_view s) const ABSL_LOCKS_EXCLUDED(mu_);
  // Every string, by id.
  std::vector<std::string> Snapshot() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, uint32_t> ids_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> strings_ ABSL_GUARDED_BY(mu_);
};

struct TrainingFact {
  uint32_t programme = 0;    // Interner id of the lower-cased name
  uint32_t institution = 0;  // likewise
  Day ended = kNoDay;        // ended_on, else 31 December of year, else kNoDay
};

struct CertFact {
  uint8_t issuer = 0;
  Day issued = 0;
  Day expires = 0;       // effective
  CoveredSkills covers;  // sorted, parents included (as the match record)
};

// One worker as the figures see it.
struct WorkerFacts {
  uint32_t region = 0;        // Interner id of the domicile's kabupaten/kota code; 0: none
  uint8_t welfare_decile = 0;
  uint8_t employment_status = 0;
  Day available_from = kNoDay;
  std::vector<SkillId> skills;  // skills(w), parents and certificate skills included
  std::vector<TrainingFact> trainings;
  std::vector<CertFact> certs;
};

// From a stored (normalised) worker and its match record. `regions` and `names` intern
// the region code and the training names.
WorkerFacts MakeWorkerFacts(const v1::Worker& stored, const MatchRecord& record,
                            Interner& regions, Interner& names);
// The value of schema::kSlotTrainings for a stored worker: never empty (Xapian stores
// no empty value, and "none" must differ from "not written").
std::string EncodeTrainings(const v1::Worker& stored);
// The facts from a match record and a kSlotTrainings value; false when the value is
// damaged (then MakeWorkerFacts from the stored Worker instead).
bool FactsFromSlots(const MatchRecord& record, absl::string_view trainings, Interner& regions,
                    Interner& names, WorkerFacts* out);

// A placement as it stands after its corrections and outcomes.
struct PlacementFact {
  int64_t seq = 0;            // of its first version (outcomes may name any version)
  uint8_t kind = 0;           // v1::PlacementKind
  Day date = 0;
  bool withdrawn = false;
  std::string vacancy_id;     // empty: none
  std::string source;         // who recorded it (its first version)
  int32_t checked_months = 0; // highest after_months of a STILL_WORKING/BUSINESS_RUNNING
  Day left = kNoDay;          // earliest LEFT date; kNoDay: none
};

// One worker's ledger, folded.
struct LedgerState {
  int64_t last_seq = 0;
  std::vector<PlacementFact> placements;  // in order of first version
  // Every entry seq -> what it is: index into placements (>= 0) or outcome (-1), whether
  // a later entry corrected it, and for outcomes their own fields.
  struct EntryRef {
    int placement = -1;  // the placement it is (a version of) or follows
    bool is_placement = false;
    bool corrected = false;
    v1::Outcome outcome;  // outcomes only: the latest version's fields
  };
  absl::flat_hash_map<int64_t, EntryRef> entries;

  // Whether some placement is active: not withdrawn, not left.
  bool Active() const;
  // The employment status the ledger implies for the worker: EMPLOYED or SELF_EMPLOYED
  // (by the latest active placement), or nullopt when none is active.
  std::optional<v1::EmploymentStatus> ImpliedStatus() const;
  // Recomputes checked_months and left of placement `index` from its outcomes.
  void Refold(int index);
};

// Folds `entry` (seq set, validated against this state by ledger.cc) into `state`.
void FoldEntry(const v1::LedgerEntry& entry, LedgerState* state);

struct VacancyFacts {
  std::string owner;
  std::string employer;
  uint32_t region = 0;            // Interner id of location.region_code, else its only code
  std::vector<SkillId> required;  // lexicon ids
  int32_t openings = 0;           // as stored (0 means 1)
  bool open = false;
};

VacancyFacts MakeVacancyFacts(const v1::Vacancy& stored, const EngineEnv& env,
                              Interner& regions);

// A commit's changes to the facts, built by the writes of one batch under the writer's
// lock. Reads see the committed table overlaid with the batch's own changes, so that a
// write sees the ones before it in the same commit.
struct FactDelta {
  absl::flat_hash_map<std::string, std::optional<WorkerFacts>> workers;  // nullopt: deleted
  absl::flat_hash_map<std::string, std::optional<VacancyFacts>> vacancies;
  absl::node_hash_map<std::string, LedgerState> ledgers;  // whole states, copied on touch
  absl::flat_hash_map<std::string, int32_t> filled;        // vacancy id -> placements in it
};

class FactTable {
 public:
  Interner& regions() { return regions_; }
  Interner& names() { return names_; }
  const Interner& regions() const { return regions_; }
  const Interner& names() const { return names_; }

  // Write side (under the engine's write lock), reading through `delta`.
  const LedgerState* Ledger(const FactDelta& delta, const std::string& worker_id) const
      ABSL_LOCKS_EXCLUDED(mu_);
  LedgerState& MutableLedger(FactDelta& delta, const std::string& worker_id) const
      ABSL_LOCKS_EXCLUDED(mu_);
  int32_t Filled(const FactDelta& delta, const std::string& vacancy_id) const
      ABSL_LOCKS_EXCLUDED(mu_);
  // Applies a committed batch's delta.
  void Apply(FactDelta delta) ABSL_LOCKS_EXCLUDED(mu_);

  // Load (Open, before any write): adds facts while the table is being built.
  void LoadWorker(const std::string& id, WorkerFacts facts) ABSL_LOCKS_EXCLUDED(mu_);
  void LoadVacancy(const std::string& id, VacancyFacts facts) ABSL_LOCKS_EXCLUDED(mu_);
  void LoadLedger(const std::string& worker_id, LedgerState state) ABSL_LOCKS_EXCLUDED(mu_);

  // Read side: runs `fn` with the committed table under a reader lock.
  struct View {
    const std::vector<std::optional<WorkerFacts>>& workers;  // by slot; nullopt: free
    // WorkerFacts::region by slot (0 for a free slot): a region slice reads 4 bytes per
    // worker here instead of touching every worker's facts (at 1M workers, ~4 MB
    // instead of ~100 MB).
    const std::vector<uint32_t>& region_of_slot;
    const std::vector<const LedgerState*>& ledger_of_slot;   // null: no ledger
    const absl::flat_hash_map<std::string, VacancyFacts>& vacancies;
    const absl::flat_hash_map<std::string, int32_t>& filled;
  };
  template <typename F>
  auto Read(F&& fn) const ABSL_LOCKS_EXCLUDED(mu_) {
    absl::ReaderMutexLock lock(&mu_);
    return fn(View{workers_, region_of_slot_, ledger_of_slot_, vacancies_, filled_});
  }

  size_t MemoryBytes() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  void PutWorker(const std::string& id, std::optional<WorkerFacts> facts)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void PutLedger(const std::string& id, LedgerState state) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  Interner regions_, names_;
  mutable absl::Mutex mu_;
  std::vector<std::optional<WorkerFacts>> workers_ ABSL_GUARDED_BY(mu_);
  std::vector<uint32_t> region_of_slot_ ABSL_GUARDED_BY(mu_);
  std::vector<const LedgerState*> ledger_of_slot_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> id_of_slot_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, uint32_t> slot_of_ ABSL_GUARDED_BY(mu_);
  std::vector<uint32_t> free_slots_ ABSL_GUARDED_BY(mu_);
  // Node map: ledger_of_slot_ points into it.
  absl::node_hash_map<std::string, LedgerState> ledgers_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, VacancyFacts> vacancies_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, int32_t> filled_ ABSL_GUARDED_BY(mu_);
};

// Fills `table` from every worker, vacancy and ledger document of `db` (Open). Records
// failing their checksums are left out (reads of them answer DATA_LOSS). Throws
// Xapian::Error.
void LoadFacts(const Xapian::Database& db, const EngineEnv& env, FactTable* table);

}  // namespace cakap

#endif  // CAKAP_ENGINE_FACTS_H_
