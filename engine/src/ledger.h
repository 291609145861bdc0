// The placements and outcomes ledger (ledger.proto): validation of entries, their Xapian
// documents, and the rules of what an entry changes. The writes themselves are
// Engine::Impl's (ledger_write.cc), in the one commit path of engine.cc.
#ifndef CAKAP_ENGINE_LEDGER_H_
#define CAKAP_ENGINE_LEDGER_H_

#include <xapian.h>

#include <string>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/strings/string_view.h"
#include "cakap/v1/ledger.pb.h"
#include "cakap/v1/worker.pb.h"
#include "facts.h"

namespace cakap {

// "QL" + worker id + " " + seq as 12 digits: sorts by worker, then seq.
std::string LedgerIdTerm(absl::string_view worker_id, int64_t seq);
std::string LedgerOfWorkerTerm(absl::string_view worker_id);
Xapian::Document BuildLedgerDocument(const v1::LedgerEntry& entry);

// What can be checked of an entry without the index: every field as ledger.proto says.
// InvalidArgument naming the field ("placement.date: ...", "outcome.after_months: ...").
absl::Status ValidateLedgerEntry(const v1::LedgerEntry& entry);

// Training.ended_on (a field the ledger's figures read): a real date, and `year`, when
// given too, its year. InvalidArgument "trainings[i].ended_on: ...".
absl::Status ValidateTrainingDates(const v1::Worker& worker);

// Checks `entry` against the worker's ledger `state` (null: empty): the entry it
// corrects, the placement an outcome follows, and that a 3- or 6-month check is due by
// `today` (the figures count a worker as still working only on a check made when due).
// `partner` non-empty: the caller is that partner, which may correct or follow only
// placements it recorded. InvalidArgument naming the field, or PermissionDenied.
absl::Status CheckAgainstLedger(const v1::LedgerEntry& entry, const LedgerState* state,
                                absl::string_view partner, absl::CivilDay today);

}  // namespace cakap

#endif  // CAKAP_ENGINE_LEDGER_H_
