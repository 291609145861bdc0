#include "ledger.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cakap/field_limits.h"
#include "cakap/status_macros.h"
#include "dates.h"
#include "integrity.h"
#include "normalize.h"
#include "schema.h"

namespace cakap {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

// A 3- or 6-month check is due `after_months` calendar months after the placement's date
// (a day past the month's end carries into the next month: 31 August + 6 months is
// 3 March). Its date, or without one the day it is recorded, must be on or after that,
// and a date must not be after today: a check is recorded once made.
absl::Status CheckIsDue(const v1::Outcome& o, Day placed, absl::CivilDay today) {
  const absl::CivilDay from = FromDay(placed);
  const absl::CivilDay due(from.year(), from.month() + o.after_months(), from.day());
  const std::string why = absl::StrCat("the ", o.after_months(), "-month check of the placement of ",
                                       FormatDay(placed), " is due on ", FormatDate(due));
  if (o.date().empty()) {
    if (today < due) return Invalid("outcome.after_months", absl::StrCat(why, ", after today"));
    return absl::OkStatus();
  }
  const absl::CivilDay on = *ParseDate(o.date(), "outcome.date");
  if (on > today) {
    return Invalid("outcome.date", absl::StrCat(o.date(), " is after today (", FormatDate(today),
                                                "): a check is recorded once made"));
  }
  if (on < due) return Invalid("outcome.date", absl::StrCat(o.date(), " is too early: ", why));
  return absl::OkStatus();
}

}  // namespace

std::string LedgerIdTerm(absl::string_view worker_id, int64_t seq) {
  return absl::StrFormat("%s%s %012d", schema::kLedgerId, worker_id, seq);
}

std::string LedgerOfWorkerTerm(absl::string_view worker_id) {
  return absl::StrCat(schema::kLedgerOfWorker, worker_id);
}

Xapian::Document BuildLedgerDocument(const v1::LedgerEntry& entry) {
  Xapian::Document doc;
  std::string data = entry.SerializeAsString();
  doc.add_value(schema::kSlotChecksum, EncodeChecksums(data, ""));
  doc.set_data(std::move(data));
  doc.add_boolean_term(LedgerIdTerm(entry.worker_id(), entry.seq()));
  doc.add_boolean_term(LedgerOfWorkerTerm(entry.worker_id()));
  doc.add_boolean_term(schema::kKindLedger);
  return doc;
}

absl::Status ValidateLedgerEntry(const v1::LedgerEntry& e) {
  CAKAP_RETURN_IF_ERROR(CheckFieldLimits(e));
  CAKAP_RETURN_IF_ERROR(ValidateId(e.worker_id(), "worker_id"));
  if (e.corrects() < 0) return Invalid("corrects", "must be >= 0");
  if (e.has_placement()) {
    const v1::Placement& p = e.placement();
    if (p.kind() == v1::PLACEMENT_KIND_UNSPECIFIED) return Invalid("placement.kind", "required");
    if (!v1::PlacementKind_IsValid(p.kind())) {
      return Invalid("placement.kind", absl::StrCat("unknown value ", static_cast<int>(p.kind())));
    }
    if (!p.vacancy_id().empty()) {
      CAKAP_RETURN_IF_ERROR(ValidateId(p.vacancy_id(), "placement.vacancy_id"));
    }
    if (p.date().empty()) return Invalid("placement.date", "required");
    CAKAP_RETURN_IF_ERROR(ParseDate(p.date(), "placement.date").status());
    if (e.withdrawn() && e.corrects() == 0) {
      return Invalid("withdrawn", "only a correction (corrects > 0) withdraws a placement");
    }
    return absl::OkStatus();
  }
  if (!e.has_outcome()) return Invalid("event", "a placement or an outcome is required");
  if (e.withdrawn()) return Invalid("withdrawn", "only a placement can be withdrawn");
  const v1::Outcome& o = e.outcome();
  if (o.placement_seq() <= 0) return Invalid("outcome.placement_seq", "required (> 0)");
  if (o.kind() == v1::OUTCOME_KIND_UNSPECIFIED) return Invalid("outcome.kind", "required");
  if (!v1::OutcomeKind_IsValid(o.kind())) {
    return Invalid("outcome.kind", absl::StrCat("unknown value ", static_cast<int>(o.kind())));
  }
  if (o.kind() == v1::OUTCOME_KIND_LEFT) {
    if (o.after_months() != 0) return Invalid("outcome.after_months", "must be 0 for LEFT");
    if (o.date().empty()) return Invalid("outcome.date", "required for LEFT");
  } else {
    if (o.after_months() != 3 && o.after_months() != 6) {
      return Invalid("outcome.after_months", absl::StrCat(o.after_months(), " is not 3 or 6"));
    }
    if (!o.reason().empty()) return Invalid("outcome.reason", "only LEFT has a reason");
  }
  if (!o.date().empty()) CAKAP_RETURN_IF_ERROR(ParseDate(o.date(), "outcome.date").status());
  return absl::OkStatus();
}

absl::Status ValidateTrainingDates(const v1::Worker& w) {
  for (int i = 0; i < w.trainings_size(); ++i) {
    const v1::Training& t = w.trainings(i);
    if (t.ended_on().empty()) continue;
    const std::string field = absl::StrCat("trainings[", i, "].ended_on");
    CAKAP_ASSIGN_OR_RETURN(absl::CivilDay day, ParseDate(t.ended_on(), field));
    if (t.year() != 0 && t.year() != day.year()) {
      return Invalid(field, absl::StrCat(t.ended_on(), " is not in year ", t.year()));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckAgainstLedger(const v1::LedgerEntry& e, const LedgerState* state,
                                absl::string_view partner, absl::CivilDay today) {
  static const LedgerState kEmpty;
  if (state == nullptr) state = &kEmpty;
  auto placement_of = [&](int64_t seq) -> const PlacementFact* {
    auto it = state->entries.find(seq);
    if (it == state->entries.end() || !it->second.is_placement) return nullptr;
    return &state->placements[it->second.placement];
  };
  if (e.corrects() > 0) {
    auto it = state->entries.find(e.corrects());
    if (it == state->entries.end()) {
      return Invalid("corrects", absl::StrCat("worker ", e.worker_id(), " has no entry ",
                                              e.corrects()));
    }
    if (it->second.corrected) {
      return Invalid("corrects", absl::StrCat("entry ", e.corrects(),
                                              " is already corrected: correct the latest"));
    }
    if (it->second.is_placement != e.has_placement()) {
      return Invalid("corrects", absl::StrCat("entry ", e.corrects(), " is ",
                                              it->second.is_placement ? "a placement"
                                                                      : "an outcome"));
    }
    const PlacementFact& p = state->placements[it->second.placement];
    if (!partner.empty() && p.source != partner) {
      return absl::PermissionDeniedError(
          absl::StrCat("corrects: entry ", e.corrects(), " was not recorded by ", partner));
    }
    if (e.has_placement()) {
      if (p.withdrawn) {
        return Invalid("corrects", absl::StrCat("placement ", e.corrects(), " is withdrawn"));
      }
      if (!e.placement().vacancy_id().empty() && e.placement().vacancy_id() != p.vacancy_id) {
        return Invalid("placement.vacancy_id",
                       "a correction keeps the vacancy of the placement it corrects");
      }
    } else if (placement_of(e.outcome().placement_seq()) != &p) {
      return Invalid("outcome.placement_seq",
                     "a correction follows the placement of the outcome it corrects");
    }
  }
  if (e.has_outcome()) {
    const PlacementFact* p = placement_of(e.outcome().placement_seq());
    if (p == nullptr) {
      return Invalid("outcome.placement_seq",
                     absl::StrCat("worker ", e.worker_id(), " has no placement ",
                                  e.outcome().placement_seq()));
    }
    if (!partner.empty() && p->source != partner) {
      return absl::PermissionDeniedError(absl::StrCat(
          "outcome.placement_seq: placement ", e.outcome().placement_seq(),
          " was not recorded by ", partner));
    }
    if (p->withdrawn) {
      return Invalid("outcome.placement_seq",
                     absl::StrCat("placement ", e.outcome().placement_seq(), " is withdrawn"));
    }
    const v1::Outcome& o = e.outcome();
    if (o.kind() == v1::OUTCOME_KIND_LEFT) {
      const Day left = ToDay(*ParseDate(o.date(), "outcome.date"));
      if (left < p->date) {
        return Invalid("outcome.date", absl::StrCat(o.date(), " is before the placement's date ",
                                                    FormatDay(p->date)));
      }
    } else {
      return CheckIsDue(o, p->date, today);
    }
  }
  return absl::OkStatus();
}

}  // namespace cakap
