// Ledger writes (placements, outcomes) and the two rules they impose on ordinary upserts
// (a placed worker stays employed; a vacancy's filled count is the ledger's), all inside
// the engine's one commit path (engine.cc: Write), so an entry, the worker it employs
// and the vacancy it fills are committed, fsync'd and published together.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cakap/status_macros.h"
#include "document.h"
#include "engine_impl.h"
#include "integrity.h"
#include "ledger.h"
#include "schema.h"
#include "xapian_status.h"

namespace cakap {
namespace {

// The document holding `term` on `db` (the writer sees its own uncommitted changes), or
// nullopt.
std::optional<Xapian::Document> FindDocument(Xapian::Database& db, const std::string& term) {
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*it);
}

}  // namespace

absl::Status Engine::Impl::StoreUpsertedWorker(const v1::Worker& input,
                                               const NormalizedWorker& normalized) {
  const std::string& id = normalized.record.id;
  const LedgerState* ledger = facts_->Ledger(*fact_delta_, id);
  const std::optional<v1::EmploymentStatus> implied =
      ledger == nullptr ? std::nullopt : ledger->ImpliedStatus();
  if (!implied.has_value() || normalized.record.employment_status == *implied) {
    ReplaceWorker(normalized);
    return absl::OkStatus();
  }
  // A full replace from the portal would otherwise make a placed worker a default
  // candidate again: the ledger's status wins until the placement ends (LEFT or
  // withdrawn), and available_from is dropped with it (it would let an employed worker
  // through the availability constraint).
  v1::Worker overridden = input;
  overridden.set_employment_status(*implied);
  overridden.clear_available_from();
  CAKAP_ASSIGN_OR_RETURN(NormalizedWorker n, NormalizeWorker(overridden, env_));
  ReplaceWorker(n);
  return absl::OkStatus();
}

void Engine::Impl::StoreVacancy(v1::Vacancy stored) {
  const int32_t filled = facts_->Filled(*fact_delta_, stored.id());
  stored.set_filled(filled);
  if (filled >= std::max(stored.openings(), 1)) stored.set_open(false);
  writer_.replace_document(VacancyIdTerm(stored.id()), BuildVacancyDocument(stored));
  fact_delta_->vacancies[stored.id()] = MakeVacancyFacts(stored, env_, facts_->regions());
}

absl::StatusOr<v1::LedgerEntry> Engine::Impl::ApplyLedgerEntry(const v1::LedgerEntry& in,
                                                               const LedgerWriteOptions& options,
                                                               const std::string& recorded_at) {
  const std::string& worker_id = in.worker_id();
  std::optional<Xapian::Document> worker_doc = FindDocument(writer_, WorkerIdTerm(worker_id));
  if (!worker_doc) return absl::NotFoundError(absl::StrCat("worker ", worker_id, " not found"));
  const LedgerState* state = facts_->Ledger(*fact_delta_, worker_id);
  CAKAP_RETURN_IF_ERROR(CheckAgainstLedger(in, state, options.partner, env_.Today()));

  v1::LedgerEntry entry = in;
  entry.set_seq((state == nullptr ? 0 : state->last_seq) + 1);
  entry.set_recorded_at(recorded_at);
  entry.set_source(options.source);

  // The vacancy a new placement fills, or a withdrawal frees.
  std::string vacancy_id;
  int32_t filled_change = 0;
  if (entry.has_placement() && entry.corrects() == 0) {
    vacancy_id = entry.placement().vacancy_id();
    if (vacancy_id.empty() && !options.partner.empty()) {
      return absl::PermissionDeniedError(
          "placement.vacancy_id: a partner records placements into its own vacancies only");
    }
    filled_change = vacancy_id.empty() ? 0 : 1;
  } else if (entry.has_placement() && entry.withdrawn()) {
    const PlacementFact& p = state->placements[state->entries.at(entry.corrects()).placement];
    vacancy_id = p.vacancy_id;
    filled_change = vacancy_id.empty() ? 0 : -1;
  }
  std::optional<v1::Vacancy> vacancy;
  if (!vacancy_id.empty()) {
    std::optional<Xapian::Document> doc = FindDocument(writer_, VacancyIdTerm(vacancy_id));
    if (!doc) {
      if (filled_change > 0) {
        return absl::NotFoundError(absl::StrCat("vacancy ", vacancy_id, " not found"));
      }
    } else {
      vacancy.emplace();
      const std::string data = doc->get_data();
      if (VerifyData(doc->get_value(schema::kSlotChecksum), data) == Integrity::kCorrupt ||
          !vacancy->ParseFromString(data)) {
        return RecordDataLoss("vacancy", vacancy_id, "stored record");
      }
      if (filled_change > 0) {
        if (!options.partner.empty() && vacancy->owner() != options.partner) {
          return absl::PermissionDeniedError(absl::StrCat(
              "placement.vacancy_id: vacancy ", vacancy_id, " is not ", options.partner, "'s"));
        }
        const int32_t openings = std::max(vacancy->openings(), 1);
        if (facts_->Filled(*fact_delta_, vacancy_id) >= openings) {
          return absl::FailedPreconditionError(absl::StrCat(
              "placement.vacancy_id: all ", openings, " openings of vacancy ", vacancy_id,
              " are filled"));
        }
        if (entry.placement().employer().empty()) {
          entry.mutable_placement()->set_employer(vacancy->employer());
        }
      }
    }
  }

  // The worker's status after the entry: everything is prepared before anything is
  // changed, so a failure leaves the batch as it was.
  LedgerState next = state == nullptr ? LedgerState() : *state;
  const std::optional<v1::EmploymentStatus> before = next.ImpliedStatus();
  FoldEntry(entry, &next);
  const std::optional<v1::EmploymentStatus> after = next.ImpliedStatus();
  std::optional<NormalizedWorker> worker;
  {
    v1::Worker stored;
    const std::string data = worker_doc->get_data();
    if (VerifyData(worker_doc->get_value(schema::kSlotChecksum), data) == Integrity::kCorrupt ||
        !stored.ParseFromString(data)) {
      return RecordDataLoss("worker", worker_id, "stored record");
    }
    v1::Worker changed = stored;
    if (after.has_value()) {
      changed.set_employment_status(*after);
      changed.clear_available_from();
    } else if (before.has_value()) {
      changed.set_employment_status(v1::EMPLOYMENT_STATUS_SEEKING);
    }
    if (changed.employment_status() != stored.employment_status() ||
        changed.available_from() != stored.available_from()) {
      CAKAP_ASSIGN_OR_RETURN(NormalizedWorker n, NormalizeWorker(changed, env_));
      worker = std::move(n);
    }
  }

  // Apply: the entry, the worker, the vacancy, the facts.
  writer_.add_document(BuildLedgerDocument(entry));
  if (worker.has_value()) ReplaceWorker(*worker);
  if (filled_change != 0) {
    fact_delta_->filled[vacancy_id] = facts_->Filled(*fact_delta_, vacancy_id) + filled_change;
    if (vacancy.has_value()) StoreVacancy(*vacancy);  // closes it when now full
  }
  facts_->MutableLedger(*fact_delta_, worker_id) = std::move(next);
  return entry;
}

absl::StatusOr<std::vector<absl::StatusOr<v1::LedgerEntry>>> Engine::Impl::RecordLedgerEntries(
    absl::Span<const v1::LedgerEntry> entries, const LedgerWriteOptions& options) {
  std::vector<absl::StatusOr<v1::LedgerEntry>> results(entries.size(),
                                                       absl::UnknownError("not written"));
  std::vector<bool> valid(entries.size());
  size_t n_valid = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    absl::Status s = ValidateLedgerEntry(entries[i]);
    valid[i] = s.ok();
    n_valid += s.ok();
    if (!s.ok()) results[i] = s;
  }
  if (n_valid == 0) return results;
  const std::string recorded_at = absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::Now(),
                                                   absl::UTCTimeZone());
  // A single entry fails alone with its own status (Write's contract); in a batch each
  // entry's status is its result, and the commit holds the ones that passed.
  absl::Status written = Write("record ledger entry", [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
    for (size_t i = 0; i < entries.size(); ++i) {
      if (valid[i]) results[i] = ApplyLedgerEntry(entries[i], options, recorded_at);
    }
    if (entries.size() == 1 && !results[0].ok()) return results[0].status();
    return absl::OkStatus();
  });
  if (!written.ok()) {
    if (entries.size() == 1 && !results[0].ok() && results[0].status() == written) {
      return results;
    }
    return written;
  }
  return results;
}

absl::StatusOr<std::vector<v1::LedgerEntry>> Engine::Impl::GetHistory(absl::string_view worker_id) {
  CAKAP_RETURN_IF_ERROR(ValidateId(worker_id, "worker_id"));
  return CatchXapian("history", [&]() -> absl::StatusOr<std::vector<v1::LedgerEntry>> {
    ReaderPool::Lease lease = readers_.Acquire();
    Xapian::Database& db = lease.db();
    const std::string term = LedgerOfWorkerTerm(worker_id);
    std::vector<v1::LedgerEntry> out;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      const Xapian::Document doc = db.get_document(*it);
      const std::string data = doc.get_data();
      v1::LedgerEntry e;
      if (VerifyData(doc.get_value(schema::kSlotChecksum), data) == Integrity::kCorrupt ||
          !e.ParseFromString(data) || e.worker_id() != worker_id) {
        return RecordDataLoss("ledger entry of worker", worker_id,
                              absl::StrCat("document ", *it));
      }
      out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const v1::LedgerEntry& a, const v1::LedgerEntry& b) {
      return a.seq() < b.seq();
    });
    return out;
  });
}

}  // namespace cakap
