// The ledger and figures commands: place, outcome, history, figures.
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "commands.h"
#include "format.h"

namespace cakap {
namespace cli {
namespace {

bool ParsePlacementKind(const std::string& text, v1::PlacementKind* kind) {
  const std::string k = absl::AsciiStrToLower(text);
  if (k == "job") *kind = v1::PLACEMENT_KIND_JOB;
  else if (k == "apprenticeship") *kind = v1::PLACEMENT_KIND_APPRENTICESHIP;
  else if (k == "own_business" || k == "own-business") *kind = v1::PLACEMENT_KIND_OWN_BUSINESS;
  else return false;
  return true;
}

bool ParseOutcomeKind(const std::string& text, v1::OutcomeKind* kind) {
  const std::string k = absl::AsciiStrToLower(text);
  if (k == "still_working" || k == "still-working") *kind = v1::OUTCOME_KIND_STILL_WORKING;
  else if (k == "business_running" || k == "business-running") *kind = v1::OUTCOME_KIND_BUSINESS_RUNNING;
  else if (k == "left") *kind = v1::OUTCOME_KIND_LEFT;
  else return false;
  return true;
}

const char* KindName(int kind) {
  switch (kind) {
    case v1::PLACEMENT_KIND_JOB: return "job";
    case v1::PLACEMENT_KIND_APPRENTICESHIP: return "apprenticeship";
    case v1::PLACEMENT_KIND_OWN_BUSINESS: return "own business";
    case v1::OUTCOME_KIND_STILL_WORKING + 10: return "still working";
    case v1::OUTCOME_KIND_BUSINESS_RUNNING + 10: return "business running";
    case v1::OUTCOME_KIND_LEFT + 10: return "left";
    default: return "?";
  }
}

std::string FormatEntry(const v1::LedgerEntry& e) {
  std::string line = absl::StrFormat("%4d  %-20s  %-12s  ", e.seq(), e.recorded_at(), e.source());
  if (e.has_placement()) {
    const v1::Placement& p = e.placement();
    absl::StrAppend(&line, "placed (", KindName(p.kind()), ") on ", p.date());
    if (!p.vacancy_id().empty()) absl::StrAppend(&line, " into vacancy ", p.vacancy_id());
    if (!p.employer().empty()) absl::StrAppend(&line, " at ", p.employer());
  } else {
    const v1::Outcome& o = e.outcome();
    absl::StrAppend(&line, "placement ", o.placement_seq(), ": ", KindName(o.kind() + 10));
    if (o.after_months() > 0) absl::StrAppend(&line, " at ", o.after_months(), " months");
    if (!o.date().empty()) absl::StrAppend(&line, " (", o.date(), ")");
    if (!o.reason().empty()) absl::StrAppend(&line, ": ", o.reason());
  }
  if (e.corrects() > 0) absl::StrAppend(&line, "  [corrects ", e.corrects(), "]");
  if (e.withdrawn()) absl::StrAppend(&line, "  [withdrawn]");
  return line + "\n";
}

int Record(const Context& ctx, const v1::LedgerEntry& entry, const char* what) {
  absl::StatusOr<std::vector<absl::StatusOr<v1::LedgerEntry>>> r =
      ctx.backend->RecordLedgerEntries({&entry, 1});
  if (!r.ok()) return ReportError(what, r.status());
  if (!r->front().ok()) return ReportError(what, r->front().status());
  std::cout << (ctx.json ? ToJson(*r->front()) : FormatEntry(*r->front()));
  return kExitOk;
}

std::string Cell(const v1::Count& c) {
  return c.suppressed() ? "suppressed" : GroupThousands(c.value());
}

// "in 2024" for a whole calendar year, else the range.
std::string CohortWords(const v1::FiguresSlice& s) {
  if (s.cohort_from().empty() && s.cohort_to().empty()) return "";
  if (s.cohort_from().size() == 10 && s.cohort_to().size() == 10 &&
      absl::EndsWith(s.cohort_from(), "-01-01") && absl::EndsWith(s.cohort_to(), "-12-31") &&
      s.cohort_from().substr(0, 4) == s.cohort_to().substr(0, 4)) {
    return " in " + s.cohort_from().substr(0, 4);
  }
  return absl::StrCat(" from ", s.cohort_from().empty() ? "the start" : s.cohort_from(),
                      " to ", s.cohort_to().empty() ? "now" : s.cohort_to());
}

std::string FormatFigures(const v1::FiguresSlice& slice, const v1::GetFiguresResponse& r) {
  const v1::Figures& f = r.figures();
  std::string out;
  auto row = [&](const char* name, const std::string& value) {
    absl::StrAppend(&out, absl::StrFormat("%-38s %s\n", name, value));
  };
  row("workers", Cell(f.workers()));
  row("trained", Cell(f.trained()));
  row("certified", Cell(f.certified()));
  row("placed", absl::StrCat(Cell(f.placed()), " (job ", Cell(f.placed_job()),
                             ", apprenticeship ", Cell(f.placed_apprenticeship()),
                             ", own business ", Cell(f.placed_own_business()), ")"));
  row("still working after 3 months", Cell(f.still_working_3m()));
  row("still working after 6 months", Cell(f.still_working_6m()));
  auto median = [](double m, const v1::Count& n) {
    return m < 0 ? absl::StrCat("- (of ", Cell(n), ")")
                 : absl::StrCat(absl::StrFormat("%g", m), " (of ", Cell(n), ")");
  };
  row("median days training end -> placement",
      median(f.median_days_training_to_placement(), f.with_training_before_placement()));
  row("median days certificate -> placement",
      median(f.median_days_certification_to_placement(), f.with_certificate_before_placement()));
  if (r.min_cell_size() > 0) {
    absl::StrAppend(&out, "(counts from 1 to ", r.min_cell_size() - 1, " are suppressed)\n");
  }
  // The sentence an office publishes (Bontang's report: "of 748 trainees 53 found jobs
  // and 36 opened a business").
  // "1 job", "2 jobs", "< 10 jobs": singular only for an exact one.
  auto counted = [](const v1::Count& n, absl::string_view one, absl::string_view many) {
    return absl::StrCat(Cell(n), " ", n.value() == 1 && !n.suppressed() ? one : many);
  };
  absl::StrAppend(&out, "\nof ", Cell(f.trained()), " trained", CohortWords(slice), ", ",
                  Cell(f.placed()), " placed: ", counted(f.placed_job(), "job", "jobs"), ", ");
  if (f.placed_apprenticeship().value() > 0 || f.placed_apprenticeship().suppressed()) {
    absl::StrAppend(&out, counted(f.placed_apprenticeship(), "apprenticeship", "apprenticeships"),
                    ", ");
  }
  absl::StrAppend(&out, counted(f.placed_own_business(), "own business", "own businesses"),
                  "; still working after 6 months: ", Cell(f.still_working_6m()), "\n");
  if (r.supply_demand_size() > 0) {
    absl::StrAppend(&out, absl::StrFormat("\nsupply and demand on %s\n%-18s %-7s %10s %10s %10s %10s %10s\n",
                                          r.as_of(), "skill", "region", "available",
                                          "openings", "exp 30d", "exp 90d", "exp 180d"));
    for (const v1::SupplyDemandRow& s : r.supply_demand()) {
      absl::StrAppend(&out, absl::StrFormat("%-18s %-7s %10s %10s %10s %10s %10s\n", s.skill(),
                                            s.region_code(), Cell(s.available_certified()),
                                            Cell(s.open_openings()), Cell(s.expiring_30d()),
                                            Cell(s.expiring_90d()), Cell(s.expiring_180d())));
    }
  }
  return out;
}

}  // namespace

int RunPlace(const Context& ctx, const Positional& args, const LedgerFlags& flags) {
  if (args.size() != 2) {
    return ReportUsage("usage: cakap place WORKER_ID --kind job|apprenticeship|own_business "
                       "--date DATE [--vacancy-id ID] [--employer NAME]");
  }
  v1::LedgerEntry e;
  e.set_worker_id(args[1]);
  v1::Placement* p = e.mutable_placement();
  v1::PlacementKind kind;
  if (!ParsePlacementKind(flags.kind, &kind)) {
    return ReportUsage("--kind: job, apprenticeship or own_business");
  }
  p->set_kind(kind);
  p->set_date(flags.date);
  p->set_vacancy_id(flags.vacancy_id);
  p->set_employer(flags.employer);
  e.set_corrects(flags.corrects);
  e.set_withdrawn(flags.withdrawn);
  return Record(ctx, e, "place");
}

int RunOutcome(const Context& ctx, const Positional& args, const LedgerFlags& flags) {
  int64_t seq = 0;
  if (args.size() != 3 || !absl::SimpleAtoi(args[2], &seq)) {
    return ReportUsage("usage: cakap outcome WORKER_ID PLACEMENT_SEQ --kind "
                       "still_working|business_running|left [--months 3|6] [--date DATE] "
                       "[--reason TEXT]");
  }
  v1::LedgerEntry e;
  e.set_worker_id(args[1]);
  v1::Outcome* o = e.mutable_outcome();
  o->set_placement_seq(seq);
  v1::OutcomeKind kind;
  if (!ParseOutcomeKind(flags.kind, &kind)) {
    return ReportUsage("--kind: still_working, business_running or left");
  }
  o->set_kind(kind);
  o->set_after_months(flags.months);
  o->set_date(flags.date);
  o->set_reason(flags.reason);
  e.set_corrects(flags.corrects);
  return Record(ctx, e, "outcome");
}

int RunHistory(const Context& ctx, const Positional& args) {
  if (args.size() != 2) return ReportUsage("usage: cakap history WORKER_ID");
  absl::StatusOr<std::vector<v1::LedgerEntry>> history = ctx.backend->GetHistory(args[1]);
  if (!history.ok()) return ReportError("history", history.status());
  if (history->empty() && !ctx.json) std::cout << "no entries for worker " << args[1] << "\n";
  for (const v1::LedgerEntry& e : *history) {
    std::cout << (ctx.json ? ToJson(e) : FormatEntry(e));
  }
  return kExitOk;
}

int RunFigures(const Context& ctx, const Positional& args, const v1::GetFiguresRequest& req) {
  if (args.size() != 1) return ReportUsage("figures takes no positional arguments");
  absl::StatusOr<v1::GetFiguresResponse> r = ctx.backend->Figures(req);
  if (!r.ok()) return ReportError("figures", r.status());
  std::cout << (ctx.json ? ToJson(*r) : FormatFigures(req.slice(), *r));
  return kExitOk;
}

}  // namespace cli
}  // namespace cakap
