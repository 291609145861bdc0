// cakap allocate: batch allocation of a cohort across stored vacancies, printed per
// vacancy (proposed workers with scores), then the unplaced workers by reason and the
// comparison with the greedy baseline.
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "commands.h"
#include "format.h"

namespace cakap {
namespace cli {
namespace {

// One worker id per line; blank lines and lines starting with '#' are skipped.
absl::Status ReadWorkerIds(const std::string& path, v1::AllocateRequest* req) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path);
    if (!file) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    absl::string_view id = absl::StripAsciiWhitespace(line);
    if (id.empty() || id[0] == '#') continue;
    req->add_worker_ids(std::string(id));
  }
  return absl::OkStatus();
}

const char* ReasonText(v1::UnplacedReason reason) {
  switch (reason) {
    case v1::NO_FEASIBLE_VACANCY: return "fits no vacancy";
    case v1::VACANCIES_FULL: return "every vacancy they fit is full";
    case v1::QUOTA: return "places left are kept for local workers";
    case v1::NOT_FOUND: return "no such worker";
    default: return "unknown";
  }
}

std::string FormatAllocation(const v1::AllocationResult& r) {
  std::string out;
  for (const v1::VacancyAllocation& v : r.vacancies()) {
    absl::StrAppend(&out, v.vacancy_id(), v.title().empty() ? "" : "  " + v.title(), "  ",
                    v.proposed_size(), "/", v.places(), " places");
    if (v.max_non_local() < v.places()) {
      absl::StrAppend(&out, ", at most ", v.max_non_local(), " non-local (", v.local_proposed(),
                      " local proposed", v.quota_share_met() ? "" : ", share below the quota",
                      ")");
    }
    absl::StrAppend(&out, ", ", v.candidates(), " candidates\n");
    for (const v1::Candidate& c : v.proposed()) {
      // The score's non-zero components: why this worker (the details are in --json).
      std::string why;
      for (const v1::ScoreComponent& e : c.explanation()) {
        if (e.value() == 0) continue;
        absl::StrAppend(&why, why.empty() ? "" : " + ", e.name(), " ",
                        absl::StrFormat("%.3f", e.value()));
      }
      absl::StrAppend(&out, absl::StrFormat("  %-12s %-24s %.3f %-5s = %s\n", c.worker().id(),
                                            c.worker().display_name(), c.score(),
                                            c.local() ? "local" : "", why));
    }
  }
  std::map<v1::UnplacedReason, int64_t> by_reason;
  for (const v1::UnplacedWorker& u : r.unplaced()) ++by_reason[u.reason()];
  if (!r.unplaced().empty()) absl::StrAppend(&out, "unplaced:\n");
  for (const auto& [reason, count] : by_reason) {
    absl::StrAppend(&out, "  ", GroupThousands(count), " ", ReasonText(reason), ":");
    int shown = 0;
    for (const v1::UnplacedWorker& u : r.unplaced()) {
      if (u.reason() != reason) continue;
      if (++shown > 8) {
        absl::StrAppend(&out, " ...");
        break;
      }
      absl::StrAppend(&out, " ", u.worker_id());
    }
    absl::StrAppend(&out, "\n");
  }
  const v1::AllocationSummary& s = r.summary();
  absl::StrAppend(&out, absl::StrFormat(
      "%s of %s workers placed, %s assignments in %s places (%s feasible pairs)\n"
      "total score %.3f (objective %.3f); greedy baseline %.3f with %s assignments: "
      "%.2f%% below the optimum\n",
      GroupThousands(s.placed_workers()), GroupThousands(s.workers()),
      GroupThousands(s.assignments()), GroupThousands(s.places()),
      GroupThousands(s.feasible_pairs()), s.total_score(), s.objective(), s.greedy_objective(),
      GroupThousands(s.greedy_assignments()), 100 * s.greedy_gap()));
  return out;
}

}  // namespace

int RunAllocate(const Context& ctx, const Positional& args, const AllocateFlags& flags) {
  if (args.size() != 1) return ReportUsage("allocate takes no arguments");
  if (flags.vacancy_ids.empty() && !flags.open) {
    return ReportUsage("allocate: --vacancy-id ID (repeatable) or --open is required");
  }
  v1::AllocateRequest req;
  for (const std::string& id : flags.vacancy_ids) req.add_vacancy_ids(id);
  req.set_open_vacancies(flags.open);
  if (flags.workers_file) {
    if (absl::Status s = ReadWorkerIds(*flags.workers_file, &req); !s.ok()) {
      return ReportError("allocate", s);
    }
  }
  for (const std::string& code : flags.cohort) req.add_cohort_region_codes(code);
  req.set_slots_per_worker(flags.interviews);
  req.set_places_per_opening(flags.places_per_opening);
  req.set_welfare_weight(flags.welfare_weight);
  req.set_exclude_welfare(flags.no_welfare);
  absl::StatusOr<v1::AllocationResult> result = ctx.backend->Allocate(req);
  if (!result.ok()) return ReportError("allocate", result.status());
  std::cout << (ctx.json ? ToJson(*result) : FormatAllocation(*result));
  return kExitOk;
}

}  // namespace cli
}  // namespace cakap
