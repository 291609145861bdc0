// The commands of the cakap client. Each talks only to a Backend and returns the
// process exit code (see kExit*). main.cc parses the command line (abseil flags) into the
// structs below; nothing here reads a flag, so tests can run the commands in-process.
#ifndef CAKAP_CLIENTS_CAKAP_COMMANDS_H_
#define CAKAP_CLIENTS_CAKAP_COMMANDS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "backend.h"
#include "cakap/regions.h"

namespace cakap {
namespace cli {

// Exit codes.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;     // the command failed (engine error, not found, I/O)
constexpr int kExitUsage = 2;     // bad command line
constexpr int kExitRejected = 3;  // import --strict: some lines were rejected

struct Context {
  Backend* backend = nullptr;
  // Reference data for region names in tables; may be null (codes are shown instead).
  const Regions* regions = nullptr;
  // --json: print replies as JSON instead of tables.
  bool json = false;
};

// Prints "cakap: <what>: <message>" to stderr and returns kExitError.
int ReportError(const std::string& what, const absl::Status& status);
// Prints "cakap: <message>" and a hint to stderr and returns kExitUsage.
int ReportUsage(const std::string& message);

// The positional arguments of a command, the command's name first ("get", "worker", "w-1").
using Positional = std::vector<std::string>;

struct ImportFlags {
  bool progress = false;  // --progress: the progress line even when stderr is no terminal
  bool strict = false;    // --strict: exit kExitRejected when any line was rejected
};

struct MatchFlags {
  // The vacancy's base: a JSON file ("-": stdin; --vacancy) or a stored vacancy
  // (--vacancy-id); neither: an empty vacancy.
  std::optional<std::string> vacancy_file;
  std::optional<std::string> vacancy_id;
  // Added to the base's lists (--require, --prefer, --issuer, --region).
  std::vector<std::string> require, prefer, issuers, regions;
  // Replace the base's values when given.
  std::optional<std::string> near;  // a region code or "LAT,LON"
  std::optional<double> radius_km;
  std::optional<int> min_kkni;
  std::optional<std::string> start, keywords, title, employer;
  bool include_employed = false;
  // The report's fields: --min-education NAME, --min-experience MONTHS, --experience
  // SKILL:MONTHS (added), --age and --wage as "MIN-MAX", "MIN-" or "-MAX".
  std::optional<std::string> min_education;
  std::optional<int> min_experience;
  std::vector<std::string> experience;
  std::optional<std::string> age, wage;
  // The local-worker quota: --local-region (added), --local-share, --local-basis.
  std::vector<std::string> local_regions;
  std::optional<double> local_share;
  std::optional<std::string> local_basis;
  // MatchOptions.
  int page_size = 0;
  std::string page_token;
  bool facets = false;
  int near_misses = 0;
  bool no_welfare = false;
};

// place, outcome: the entry's fields (ledger.proto).
struct LedgerFlags {
  std::string kind;        // --kind: job|apprenticeship|own_business; still_working|...
  std::string date;        // --date
  std::string vacancy_id;  // --vacancy-id (place)
  std::string employer;    // --employer (place)
  int months = 0;          // --months 3|6 (outcome)
  std::string reason;      // --reason (outcome, left)
  int64_t corrects = 0;    // --corrects SEQ: a correction of that entry
  bool withdrawn = false;  // --withdrawn (place, with --corrects)
};

struct MatchVacanciesFlags {
  int limit = 0;
  bool no_welfare = false;
};

struct AllocateFlags {
  std::vector<std::string> vacancy_ids;  // --vacancy-id (repeatable)
  bool open = false;                     // --open: every open stored vacancy
  std::optional<std::string> workers_file;  // --workers FILE: one worker id per line
  std::vector<std::string> cohort;       // --cohort CODES: domicile regions
  int interviews = 0;                    // --interviews M: vacancies per worker
  int places_per_opening = 0;            // --places-per-opening F
  double welfare_weight = 0;             // --welfare-weight W
  bool no_welfare = false;
};

// vacancies: ListVacanciesRequest's fields.
struct VacanciesFlags {
  bool open = false;       // --open: open_only
  std::string owner;       // --owner
  int page_size = 0;       // --page-size (0: the engine's default)
  std::string page_token;  // --page-token
};

// import workers|vacancies FILE (FILE "-": stdin).
int RunImport(const Context& ctx, const Positional& args, const ImportFlags& flags);
// match [vacancy flags | --vacancy FILE | --vacancy-id ID] [options].
int RunMatch(const Context& ctx, const Positional& args, const MatchFlags& flags);
// match-vacancies WORKER_ID [--limit N] [--no-welfare].
int RunMatchVacancies(const Context& ctx, const Positional& args,
                      const MatchVacanciesFlags& flags);
// allocate [--vacancy-id ID ...|--open] [--workers FILE|--cohort CODES] [options].
int RunAllocate(const Context& ctx, const Positional& args, const AllocateFlags& flags);
// get worker|vacancy ID.
int RunGet(const Context& ctx, const Positional& args);
// vacancies [--open] [--owner NAME] [--page-size N] [--page-token T].
int RunVacancies(const Context& ctx, const Positional& args, const VacanciesFlags& flags);
// delete worker|vacancy ID.
int RunDelete(const Context& ctx, const Positional& args);
// stats.
int RunStats(const Context& ctx, const Positional& args);
// check: one line per problem on stdout; exit 1 when there is any.
int RunCheck(const Context& ctx, const Positional& args);
// backup DIR.
int RunBackup(const Context& ctx, const Positional& args);
// place WORKER_ID --kind K --date D [--vacancy-id V] [--employer E] [--corrects N
// [--withdrawn]].
int RunPlace(const Context& ctx, const Positional& args, const LedgerFlags& flags);
// outcome WORKER_ID PLACEMENT_SEQ --kind K [--months M] [--date D] [--reason R].
int RunOutcome(const Context& ctx, const Positional& args, const LedgerFlags& flags);
// history WORKER_ID.
int RunHistory(const Context& ctx, const Positional& args);
// figures [slice flags] [--supply-demand] [--as-of DATE].
int RunFigures(const Context& ctx, const Positional& args, const v1::GetFiguresRequest& req);
// restore BACKUP DIR: no backend (it installs an index, opens none).
int RunRestore(const Positional& args);

struct WatchFlags {
  std::string cursor;          // --cursor: resume after it
  bool from_beginning = false; // --from-beginning
  int heartbeat_seconds = 0;   // --heartbeat (0: the server's default)
  int seconds = 0;             // --for: stop after this long (0: until interrupted)
  bool no_welfare = false;
};
// watch VACANCY_ID (watch.cc).
int RunWatch(const Context& ctx, const Positional& args, const WatchFlags& flags);

}  // namespace cli
}  // namespace cakap

#endif  // CAKAP_CLIENTS_CAKAP_COMMANDS_H_
