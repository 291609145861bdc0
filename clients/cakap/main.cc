// cakap: command-line client of the cakap job-matching engine. It runs the engine
// embedded on a local data directory, like sqlite3, or calls a cakapd server:
//
//   cakap --data var/cakap import workers workers.jsonl
//   cakap --data var/cakap match --require LAS --issuer BNSP --near 63.11 --radius 50
//   cakap --server cakap.example:7843 --tls --key $KEY match --require LAS
//
// main.cc parses the command line (abseil flags, cmdline.h) into the commands' structs,
// opens the backend and dispatches; the commands are in import.cc, commands.cc and
// maintenance.cc, the output in format.cc. Only this file reads the flags.
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "backend.h"
#include "cakap/allocate.h"
#include "cakap/limits.h"
#include "cmdline.h"
#include "commands.h"

// Global flags.
ABSL_FLAG(std::string, data, "", "index directory (default: $CAKAP_DATA, else ./var/cakap)");
ABSL_FLAG(bool, json, false, "print replies as JSON");
ABSL_FLAG(std::string, today, "", "the engine's today, YYYY-MM-DD (local index only)");
ABSL_FLAG(std::string, server, "", "call the cakapd server at HOST:PORT");
ABSL_FLAG(std::string, key, "", "API key (default: $CAKAP_KEY)");
ABSL_FLAG(bool, tls, false, "connect to --server with TLS");
ABSL_FLAG(std::string, tls_ca, "", "CA certificate(s) to verify --server against; implies --tls");
// import.
ABSL_FLAG(bool, progress, false, "import: show the progress line even when not a terminal");
ABSL_FLAG(bool, strict, false, "import: exit 3 when any line was rejected");
// match: the vacancy.
ABSL_FLAG(std::vector<std::string>, require, {}, "match: required skill (repeatable)");
ABSL_FLAG(std::vector<std::string>, prefer, {}, "match: preferred skill (repeatable)");
ABSL_FLAG(std::vector<std::string>, issuer, {}, "match: accepted certificate issuer (repeatable)");
ABSL_FLAG(int, min_kkni, 0, "match: minimum KKNI level of that certificate");
ABSL_FLAG(std::vector<std::string>, region, {}, "match: domicile region (repeatable)");
ABSL_FLAG(std::string, near, "", "match: where the work is, CODE or LAT,LON");
ABSL_FLAG(double, radius, 0, "match: candidates live within KM of --near");
ABSL_FLAG(std::string, start, "", "match: first working day, YYYY-MM-DD");
ABSL_FLAG(std::string, keywords, "", "match: words every candidate must match");
ABSL_FLAG(std::string, title, "", "match: the vacancy's title");
ABSL_FLAG(std::string, employer, "", "match: the vacancy's employer");
ABSL_FLAG(bool, include_employed, false, "match: employed workers are candidates too");
ABSL_FLAG(std::string, min_education, "", "match: minimum education (SD, SMP, SMA, SMK, D1-D4, S1-S3)");
ABSL_FLAG(int, min_experience, 0, "match: minimum months of experience, overall");
ABSL_FLAG(std::vector<std::string>, experience, {},
          "match: minimum months in a skill, SKILL:MONTHS (repeatable)");
ABSL_FLAG(std::string, age, "", "match: age range on the start date, MIN-MAX, MIN- or -MAX");
ABSL_FLAG(std::vector<std::string>, local_region, {},
          "match: a region whose workers count as local for the quota (repeatable)");
ABSL_FLAG(double, local_share, 0, "match: minimum local share in every prefix, 0-1");
ABSL_FLAG(std::string, local_basis, "", "match: who is local: domicile (default), ktp, either");
ABSL_FLAG(std::string, wage, "", "match: offered monthly wage in rupiah, MIN-MAX, MIN- or -MAX");
ABSL_FLAG(std::string, vacancy, "", "match: the vacancy as a JSON file (- for stdin)");
ABSL_FLAG(std::vector<std::string>, vacancy_id, {},
          "match, place: a stored vacancy; allocate: stored vacancies (repeatable)");
// match: options.
ABSL_FLAG(int, page_size, cakap::kDefaultPageSize,
          "match: candidates per page; vacancies: vacancies per page");
ABSL_FLAG(std::string, page_token, "", "match, vacancies: next page, from the previous reply");
ABSL_FLAG(bool, facets, false, "match: counts per issuer, region and KKNI level");
ABSL_FLAG(int, near_misses, 0, "match: also list up to N workers failing one constraint");
ABSL_FLAG(bool, no_welfare, false, "match, match-vacancies: leave the welfare component out");
// allocate.
ABSL_FLAG(bool, open, false,
          "allocate: every open stored vacancy; vacancies: only the open ones");
// vacancies.
ABSL_FLAG(std::string, owner, "", "vacancies: only this owner's (a partner key's name)");
ABSL_FLAG(std::string, workers, "", "allocate: the cohort, a file of worker ids (- for stdin)");
ABSL_FLAG(std::vector<std::string>, cohort, {}, "allocate: the cohort's domicile regions");
ABSL_FLAG(int, interviews, 0, "allocate: vacancies per worker (interview slots)");
ABSL_FLAG(int, places_per_opening, 0, "allocate: places per opening (interview factor)");
ABSL_FLAG(double, welfare_weight, 0, "allocate: preference for higher welfare priority, 0-1");
// place, outcome.
ABSL_FLAG(std::string, kind, "", "place: job|apprenticeship|own_business; outcome: still_working|business_running|left");
ABSL_FLAG(std::string, date, "", "place: first day of the placement; outcome: day of the check or last day");
ABSL_FLAG(int, months, 0, "outcome: the check after 3 or 6 months");
ABSL_FLAG(std::string, reason, "", "outcome: why the worker left");
ABSL_FLAG(int64_t, corrects, 0, "place, outcome: this entry corrects entry SEQ");
ABSL_FLAG(bool, withdrawn, false, "place: with --corrects, the placement was recorded in error");
// figures.
ABSL_FLAG(std::string, programme, "", "figures: training programme");
ABSL_FLAG(std::string, institution, "", "figures: training institution");
ABSL_FLAG(std::string, institution_kind, "", "figures: BLK or LPK");
ABSL_FLAG(std::string, cohort_from, "", "figures: training ended on or after DATE");
ABSL_FLAG(std::string, cohort_to, "", "figures: training ended on or before DATE");
ABSL_FLAG(int, cohort_year, 0, "figures: training ended in YEAR (sets --cohort-from/--cohort-to)");
ABSL_FLAG(std::string, skill, "", "figures: the workers hold this skill");
ABSL_FLAG(int, decile_min, 0, "figures: welfare decile from");
ABSL_FLAG(int, decile_max, 0, "figures: welfare decile to");
ABSL_FLAG(std::string, period_from, "", "figures: events on or after DATE");
ABSL_FLAG(std::string, period_to, "", "figures: events on or before DATE");
ABSL_FLAG(bool, supply_demand, false, "figures: supply and demand per skill and kabupaten");
ABSL_FLAG(std::string, as_of, "", "figures: the day availability and expiry are reckoned from");
// match-vacancies.
ABSL_FLAG(int, limit, cakap::kDefaultVacancyLimit, "match-vacancies: at most N vacancies");
// watch.
ABSL_FLAG(std::string, cursor, "", "watch: resume after this cursor");
ABSL_FLAG(bool, from_beginning, false, "watch: every current candidate first");
ABSL_FLAG(int, heartbeat, 0, "watch: seconds between heartbeats (server default 15)");
ABSL_FLAG(int, for_seconds, 0, "watch: stop after N seconds (0: until interrupted)");

namespace cakap {
namespace cli {
namespace {

constexpr char kUsage[] = R"(usage: cakap [--data DIR] [--json] COMMAND [ARGS]
       cakap --server HOST:PORT [--key KEY] [--tls] [--tls-ca FILE] [--json] COMMAND [ARGS]

Runs the cakap engine on the index in DIR (default: $CAKAP_DATA, else ./var/cakap),
or, with --server, sends every command to a cakapd server (same commands, same output).

commands:
  import workers|vacancies|ledger FILE
                                  load JSON Lines (FILE - reads stdin)
  match [VACANCY FLAGS]           rank the workers that fit a vacancy
  match-vacancies WORKER_ID       open stored vacancies a worker fits
  allocate --vacancy-id ID|--open place a cohort across stored vacancies, optimally
  get worker|vacancy ID           show a stored record
  vacancies [--open] [--owner X]  list the stored vacancies by id, a page at a time
  delete worker|vacancy ID        remove a stored record
  stats                           index counts
  place WORKER_ID --kind K --date D   record a placement (ledger)
  outcome WORKER_ID SEQ --kind K  record what became of placement SEQ
  history WORKER_ID               a worker's placements and outcomes
  figures [SLICE FLAGS]           trained, certified, placed, retained; supply and demand
  check                           full consistency check of a local index
  watch VACANCY_ID                alerts: workers who newly match a stored vacancy
  backup DIR                      online backup of the index into DIR
  restore BACKUP DIR              check a backup and install it as the index in DIR
  help [COMMAND]                  this text, or a command's

global flags:
  --data DIR      index directory
  --json          print replies as JSON (protobuf JSON mapping) instead of tables
  --today DATE    the engine's today, YYYY-MM-DD (default: the date in UTC+7); local
                  index only (a server uses its own date)
  --help, -h      help
  --version       the version

server flags (instead of --data):
  --server HOST:PORT  call the cakapd server at HOST:PORT
  --key KEY           API key, sent as "authorization: Bearer KEY" (default:
                      $CAKAP_KEY; none needed by a cakapd without a keys file)
  --tls               connect with TLS, verifying the server against the system's roots
  --tls-ca FILE       ... against the CA certificate(s) in FILE (PEM); implies --tls

exit codes: 0 ok; 1 the command failed (message on stderr); 2 bad command line;
3 import --strict with rejected lines. Server errors are reported with their gRPC code
(e.g. [UNAVAILABLE], [UNAUTHENTICATED], [PERMISSION_DENIED]).
)";

// The help of each command; {name}s are filled in by CommandHelp() from the limits.
const std::map<std::string, std::string>& CommandHelp() {
  static const auto* const kHelp = [] {
    auto* help = new std::map<std::string, std::string>{
      {"import", R"(usage: cakap import workers|vacancies|ledger FILE.jsonl [--progress] [--strict]

Reads one JSON object per line (protobuf JSON mapping of cakap.v1.Worker,
cakap.v1.Vacancy or, for ledger, cakap.v1.LedgerEntry: placements and outcomes, applied
in file order, 1000 per commit; with --server one call each) and stores
them; FILE - reads stdin. Workers are written in batches of 1000 (with --server: each
batch streamed in one UpsertWorkers call). Creates the index when its directory does
not exist or is empty (local index only); a directory holding anything else is an
error and is left as it is. No other command creates anything.

A line that does not parse or that the engine rejects is reported as
  line 17: display_name: ...
and skipped; the import goes on. It ends with a summary ("imported 2998, rejected 2").

Exit code: 0 when the import ran to the end, even with rejected lines; 3 with --strict
when any line was rejected; 1 when the import could not run or stopped (unreadable
file, storage error).

  --progress   show the progress line on stderr even when it is not a terminal
  --strict     exit 3 when any line was rejected
)"},
      {"match", R"(usage: cakap match [VACANCY FLAGS | --vacancy FILE | --vacancy-id ID] [OPTIONS]

Ranks the workers that satisfy every hard constraint of a vacancy (docs/ranking.md).
The vacancy comes from the flags, or from a JSON file (--vacancy, - for stdin), or is a
stored vacancy (--vacancy-id); flags given with a file or stored vacancy add to it
(lists) or replace its values.

vacancy flags (a repeatable flag also takes a comma-separated list):
  --require SKILL       required skill: code, name or synonym (repeatable)
  --prefer SKILL        preferred skill (repeatable)
  --issuer ISSUER       accepted certificate issuer: BNSP, KEMNAKER, OTHER (repeatable)
  --min-kkni N          minimum KKNI level of that certificate
  --region CODE         domicile region: kabupaten/kota (63.11) or province (63) (repeatable)
  --near CODE|LAT,LON   where the work is: a region's reference point or coordinates
  --radius KM           candidates live within KM of --near
  --start DATE          first working day, YYYY-MM-DD (default: today)
  --keywords TEXT       words every candidate must match
  --include-employed    employed workers are candidates too
  --min-education LEVEL minimum education: SD, SMP, SMA, SMK, D1-D4, S1-S3 (SMA = SMK,
                        D4 = S1)
  --min-experience N    at least N months of experience, overall
  --experience SKILL:N  at least N months in SKILL (repeatable)
  --age MIN-MAX         age range on the start date (MIN- or -MAX: one bound)
  --wage MIN-MAX        offered monthly wage in rupiah, shown beside each worker's
                        expectation (never filters)
  --local-region CODE   workers of this kabupaten/kota or province count as local
                        (repeatable)
  --local-share P       local-worker quota: at least floor(P*k) local candidates among
                        the first k, for every k (0.8 for 80%)
  --local-basis B       who is local: domicile (default), ktp, either
  --title TEXT, --employer TEXT

options:
  --page-size N         candidates per page (default {default_page_size}, at most {max_page_size})
  --page-token T        next page, from the previous reply
  --facets              counts per issuer, region and KKNI level over all candidates
  --near-misses N       also list up to N workers failing exactly one constraint (at
                        most {max_near_misses})
  --no-welfare          leave the welfare component out (as partners see it)
)"},
      {"match-vacancies", R"(usage: cakap match-vacancies WORKER_ID [--limit N] [--no-welfare]

Lists the open stored vacancies that the stored worker satisfies, best first.

  --limit N      at most N vacancies (1-{max_limit}, default {default_limit})
  --no-welfare   leave the welfare component out of the score
)"},
      {"allocate", R"(usage: cakap allocate [--vacancy-id ID ...|--open] [--workers FILE|--cohort CODES]
                      [--interviews M] [--places-per-opening F] [--welfare-weight W]
                      [--no-welfare] [--json]

Proposes an allocation of workers to stored vacancies: every pair a candidate of
`match`, each worker to at most one vacancy (or M with --interviews), each vacancy up to
its openings (x F), local-worker quotas kept, the total score as high as possible (an
exact min-cost flow; docs/ranking.md, "Batch allocation"). Prints each vacancy's
proposed workers, the unplaced workers by reason, and the greedy baseline's total.

  --vacancy-id ID       a stored vacancy (repeatable, or comma-separated)
  --open                every open stored vacancy
  --workers FILE        the cohort: one worker id per line (- for stdin); default: every
                        worker
  --cohort CODES        the cohort: workers domiciled in these regions (codes)
  --interviews M        each worker to at most M vacancies (1-{max_slots})
  --places-per-opening F  each vacancy takes openings x F workers (1-{max_factor})
  --welfare-weight W    add W x welfare priority (decile 1: 1, decile 10: 0) to each pair
  --no-welfare          leave the welfare component out of the scores
)"},
      {"get", "usage: cakap get worker|vacancy ID\n\nShows a stored record as the engine "
              "stores it (skills and dates normalised).\nThe table masks the NIK; --json "
              "prints the whole record.\n"},
      {"vacancies", R"(usage: cakap vacancies [--open] [--owner NAME] [--page-size N] [--page-token T] [--json]

Lists the stored vacancies in id order, a page at a time: id, open or closed, owner,
filled/openings, valid until, title and employer, and what each asks for. With --server
a partner key lists only its own vacancies (VacancyService.ListVacancies).

  --open            only the vacancies open today: stored open (not closed, openings not
                    all filled) and valid_until not passed, the ones match-vacancies
                    and allocate --open use
  --owner NAME      only this owner's vacancies (the name of its partner key)
  --page-size N     vacancies per page (default {default_list_page_size}, at most {max_list_page_size})
  --page-token T    the next page, from the previous reply ("more: --page-token T")
)"},
      {"delete", "usage: cakap delete worker|vacancy ID\n\nRemoves a stored record; "
                 "exit code 1 when there is none with that id.\n"},
      {"place", R"(usage: cakap place WORKER_ID --kind job|apprenticeship|own_business --date DATE
                   [--vacancy-id ID] [--employer NAME] [--corrects SEQ [--withdrawn]]
Records that the worker was placed (proto/cakap/v1/ledger.proto). The worker becomes
employed (self-employed for own_business) and stops being a default candidate; a
placement into a stored vacancy counts against its openings and closes it when they are
all filled. --corrects SEQ records a correction of entry SEQ (nothing is ever edited);
with --withdrawn the placement was recorded in error and no longer counts. Prints the
entry with its seq.
)"},
      {"outcome", R"(usage: cakap outcome WORKER_ID PLACEMENT_SEQ --kind still_working|business_running|left
                   [--months 3|6] [--date DATE] [--reason TEXT] [--corrects SEQ]
Records what became of the worker's placement PLACEMENT_SEQ: still working (or the
business still running) at the check after --months 3 or 6, or left on --date for
--reason (the worker is then seeking work again).
)"},
      {"history", "usage: cakap history WORKER_ID\n\nEvery placement and outcome recorded for "
                  "the worker, corrections included, by seq.\n"},
      {"figures", R"(usage: cakap figures [SLICE FLAGS] [--supply-demand] [--as-of DATE]
The office's figures for a slice (proto/cakap/v1/figures.proto): workers, trained,
certified, placed by kind, still working after 3 and 6 months, median days from
training end and from certification to placement, and the published sentence ("of 748
trained in 2024, 89 placed: 53 jobs, 36 own businesses; ..."). Exact counts; through a
partner key, counts below 10 are suppressed.
slice flags (all narrow; none: every worker):
  --programme NAME, --institution NAME   a training's programme / institution
  --institution-kind BLK|LPK             the institution's name starts with it
  --cohort-from DATE, --cohort-to DATE   the training ended in this range
  --cohort-year YEAR                     the same for one calendar year
  --skill SKILL                          the worker holds it (or a specialisation)
  --issuer ISSUER                        holds a certificate of BNSP, KEMNAKER or OTHER
  --region CODE                          domicile kabupaten/kota or province (repeatable)
  --decile-min N, --decile-max N         welfare decile range (not for partners)
  --period-from DATE, --period-to DATE   count placements and certificates in this range
  --supply-demand    also available certified workers against open openings, and
                     certificates expiring in 30/90/180 days, per skill and kabupaten
  --as-of DATE       the day availability and expiry are reckoned from (default today)
)"},
      {"stats", "usage: cakap stats\n\nCounts of workers and vacancies, the index revision "
                "and its size on disk.\n"},
      {"check", R"(usage: cakap [--data DIR] check

Checks the local index in full: Xapian's check of every table, every stored worker and
vacancy against its checksums and id, and the in-memory record cache against the index.
Prints one line per problem ("worker w-17: stored record fails its checksum") and exits
1 when there is any, 0 when none. A local index only (not with --server).
)"},
      {"backup", R"(usage: cakap backup DIR

Copies the last committed revision of the index into DIR (missing or empty), consistent
while the index goes on serving and writing, fsync'd and checked in full. With --server
DIR is a directory on the server's host (AdminService.Backup, admin keys only).
)"},
      {"watch", R"(usage: cakap watch VACANCY_ID [--cursor C | --from-beginning] [--json]

Prints each worker who newly matches the stored vacancy (a write that leaves them a
candidate), one line per alert as it arrives, and at the end the cursor to resume from
(stderr); with --json every message, heartbeats too, is a JSON line with its cursor.
Without --cursor it starts from now (--from-beginning: every current candidate first).
With --server it watches until interrupted or --for-seconds N (docs/design.md,
"Alerts"); on a local index it prints the alerts after the cursor and stops.

  --cursor C          resume after the cursor C of an earlier watch
  --from-beginning    start with every current candidate, in the order of their writes
  --heartbeat N       seconds between heartbeats (server; default 15)
  --for-seconds N     stop after N seconds
  --no-welfare        leave the welfare component out of the score
)"},
      {"restore", R"(usage: cakap restore BACKUP DIR

Checks the backup in BACKUP in full and, when it is sound, installs it as the index in
DIR (missing or empty; nothing is written when the check fails). Stop anything serving
DIR first. Runs locally (not with --server).
)"},
    };
    for (auto& [command, text] : *help) {
      text = absl::StrReplaceAll(
          text, {{"{default_page_size}", absl::StrCat(kDefaultPageSize)},
                 {"{max_page_size}", absl::StrCat(kMaxPageSize)},
                 {"{default_list_page_size}", absl::StrCat(kDefaultVacancyListPageSize)},
                 {"{max_list_page_size}", absl::StrCat(kMaxVacancyListPageSize)},
                 {"{max_near_misses}", absl::StrCat(kMaxNearMissLimit)},
                 {"{default_limit}", absl::StrCat(kDefaultVacancyLimit)},
                 {"{max_limit}", absl::StrCat(kMaxVacancyLimit)},
                 {"{max_slots}", absl::StrCat(kMaxSlotsPerWorker)},
                 {"{max_factor}", absl::StrCat(kMaxPlacesPerOpening)}});
    }
    return help;
  }();
  return *kHelp;
}

// Flags each command accepts besides the global ones.
std::set<std::string> CommandFlags(const std::string& command) {
  if (command == "import") return {"progress", "strict"};
  if (command == "match") {
    return {"require", "prefer", "issuer", "min-kkni", "region", "near", "radius",
            "start", "keywords", "title", "employer", "include-employed", "min-education",
            "min-experience", "experience", "age", "wage", "local-region", "local-share",
            "local-basis", "vacancy",
            "vacancy-id", "page-size", "page-token", "facets", "near-misses", "no-welfare"};
  }
  if (command == "match-vacancies") return {"limit", "no-welfare"};
  if (command == "vacancies") return {"open", "owner", "page-size", "page-token"};
  if (command == "allocate") {
    return {"vacancy-id", "open", "workers", "cohort", "interviews", "places-per-opening",
            "welfare-weight", "no-welfare"};
  }
  if (command == "watch") {
    return {"cursor", "from-beginning", "heartbeat", "for-seconds", "no-welfare"};
  }
  if (command == "place") {
    return {"kind", "date", "vacancy-id", "employer", "corrects", "withdrawn"};
  }
  if (command == "outcome") return {"kind", "date", "months", "reason", "corrects"};
  if (command == "figures") {
    return {"programme", "institution", "institution-kind", "cohort-from", "cohort-to",
            "cohort-year", "skill", "issuer", "region", "decile-min", "decile-max",
            "period-from", "period-to", "supply-demand", "as-of"};
  }
  return {};
}

int PrintHelp(const std::string& command) {
  if (command.empty()) {
    std::cout << kUsage;
    return kExitOk;
  }
  auto it = CommandHelp().find(command);
  if (it == CommandHelp().end()) return ReportUsage("no such command: " + command);
  std::cout << it->second;
  return kExitOk;
}

// The value of a string flag when given (even empty), else nullopt.
std::optional<std::string> IfGiven(const cmdline::CommandLine& cl, const char* name,
                                   const absl::Flag<std::string>& flag) {
  if (!cl.Has(name)) return std::nullopt;
  return absl::GetFlag(flag);
}

MatchFlags MatchFlagsFromFlags(const cmdline::CommandLine& cl) {
  MatchFlags m;
  m.vacancy_file = IfGiven(cl, "vacancy", FLAGS_vacancy);
  if (cl.Has("vacancy-id")) {
    const std::vector<std::string> ids = absl::GetFlag(FLAGS_vacancy_id);
    m.vacancy_id = ids.empty() ? "" : ids.back();
  }
  m.require = absl::GetFlag(FLAGS_require);
  m.prefer = absl::GetFlag(FLAGS_prefer);
  m.issuers = absl::GetFlag(FLAGS_issuer);
  m.regions = absl::GetFlag(FLAGS_region);
  m.near = IfGiven(cl, "near", FLAGS_near);
  if (cl.Has("radius")) m.radius_km = absl::GetFlag(FLAGS_radius);
  if (cl.Has("min-kkni")) m.min_kkni = absl::GetFlag(FLAGS_min_kkni);
  m.start = IfGiven(cl, "start", FLAGS_start);
  m.keywords = IfGiven(cl, "keywords", FLAGS_keywords);
  m.title = IfGiven(cl, "title", FLAGS_title);
  m.employer = IfGiven(cl, "employer", FLAGS_employer);
  m.include_employed = absl::GetFlag(FLAGS_include_employed);
  m.min_education = IfGiven(cl, "min-education", FLAGS_min_education);
  if (cl.Has("min-experience")) m.min_experience = absl::GetFlag(FLAGS_min_experience);
  m.experience = absl::GetFlag(FLAGS_experience);
  m.age = IfGiven(cl, "age", FLAGS_age);
  m.wage = IfGiven(cl, "wage", FLAGS_wage);
  m.local_regions = absl::GetFlag(FLAGS_local_region);
  if (cl.Has("local-share")) m.local_share = absl::GetFlag(FLAGS_local_share);
  m.local_basis = IfGiven(cl, "local-basis", FLAGS_local_basis);
  m.page_size = absl::GetFlag(FLAGS_page_size);
  m.page_token = absl::GetFlag(FLAGS_page_token);
  m.facets = absl::GetFlag(FLAGS_facets);
  m.near_misses = absl::GetFlag(FLAGS_near_misses);
  m.no_welfare = absl::GetFlag(FLAGS_no_welfare);
  return m;
}

int Run(int argc, char** argv) {
  absl::StatusOr<cmdline::CommandLine> parsed = cmdline::Parse(argc, argv);
  if (!parsed.ok()) return ReportUsage(std::string(parsed.status().message()));
  const cmdline::CommandLine& cl = *parsed;
  const std::vector<std::string>& pos = cl.positional;
  std::string command = pos.empty() ? "" : pos[0];

  if (cl.version) {
    std::cout << cmdline::VersionLine("cakap");
    return kExitOk;
  }
  if (command == "help") return PrintHelp(pos.size() > 1 ? pos[1] : "");
  if (cl.help) return PrintHelp(command);
  if (command.empty()) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  if (CommandHelp().count(command) == 0) return ReportUsage("no such command: " + command);
  const std::set<std::string> global = {"data", "json", "today", "server", "key", "tls", "tls-ca"};
  const std::set<std::string> allowed = CommandFlags(command);
  for (const std::string& name : cl.given) {
    if (global.count(name) == 0 && allowed.count(name) == 0) {
      return ReportUsage("--" + name + " does not apply to " + command);
    }
  }

  // restore installs an index and opens none.
  if (command == "restore") {
    for (const char* other : {"server", "data", "today", "key", "tls", "tls-ca"}) {
      if (cl.Has(other)) return ReportUsage(std::string("--") + other + " does not apply to restore");
    }
    return RunRestore(pos);
  }
  if (command == "check" && cl.Has("server")) {
    return ReportUsage("check reads the index files: run it with --data on the server's host");
  }

  absl::StatusOr<std::unique_ptr<Backend>> backend;
  if (cl.Has("server")) {
    for (const char* local : {"data", "today"}) {
      if (cl.Has(local)) {
        return ReportUsage(std::string("--") + local + " does not apply with --server");
      }
    }
    ServerOptions options;
    options.address = absl::GetFlag(FLAGS_server);
    if (options.address.empty()) return ReportUsage("--server: expected HOST:PORT");
    const char* env_key = std::getenv("CAKAP_KEY");
    options.key = cl.Has("key") ? absl::GetFlag(FLAGS_key) : (env_key != nullptr ? env_key : "");
    options.tls = absl::GetFlag(FLAGS_tls);
    options.tls_ca_file = absl::GetFlag(FLAGS_tls_ca);
    if (cl.Has("tls-ca") && options.tls_ca_file.empty()) {
      return ReportUsage("--tls-ca: expected a file");
    }
    backend = OpenServerBackend(options);
    if (absl::IsInvalidArgument(backend.status())) {
      return ReportUsage(std::string(backend.status().message()));
    }
  } else {
    for (const char* remote : {"key", "tls", "tls-ca"}) {
      if (cl.Has(remote)) {
        return ReportUsage(std::string("--") + remote + " applies only with --server");
      }
    }
    EmbeddedOptions options;
    const char* env_dir = std::getenv("CAKAP_DATA");
    options.data_dir = cl.Has("data") ? absl::GetFlag(FLAGS_data)
                       : env_dir != nullptr && *env_dir ? env_dir
                                                        : "var/cakap";
    options.create_if_missing = command == "import";
    if (cl.Has("today")) {
      const std::string text = absl::GetFlag(FLAGS_today);
      absl::CivilDay today;
      if (!absl::ParseCivilTime(text, &today)) {
        return ReportUsage("--today: expected YYYY-MM-DD, got \"" + text + "\"");
      }
      options.today = today;
    }
    backend = OpenEmbeddedBackend(options);
  }
  if (!backend.ok()) return ReportError("open", backend.status());
  // Region names are reference data compiled into the library; without them the tables
  // show codes.
  absl::StatusOr<Regions> regions = Regions::Builtin();

  Context ctx;
  ctx.backend = backend->get();
  ctx.regions = regions.ok() ? &*regions : nullptr;
  ctx.json = absl::GetFlag(FLAGS_json);
  if (command == "import") {
    return RunImport(ctx, pos, {absl::GetFlag(FLAGS_progress), absl::GetFlag(FLAGS_strict)});
  }
  if (command == "match") {
    if (absl::GetFlag(FLAGS_vacancy_id).size() > 1) {
      return ReportUsage("--vacancy-id: match takes one vacancy");
    }
    return RunMatch(ctx, pos, MatchFlagsFromFlags(cl));
  }
  if (command == "allocate") {
    AllocateFlags a;
    a.vacancy_ids = absl::GetFlag(FLAGS_vacancy_id);
    a.open = absl::GetFlag(FLAGS_open);
    if (cl.Has("workers")) a.workers_file = absl::GetFlag(FLAGS_workers);
    a.cohort = absl::GetFlag(FLAGS_cohort);
    a.interviews = absl::GetFlag(FLAGS_interviews);
    a.places_per_opening = absl::GetFlag(FLAGS_places_per_opening);
    a.welfare_weight = absl::GetFlag(FLAGS_welfare_weight);
    a.no_welfare = absl::GetFlag(FLAGS_no_welfare);
    return RunAllocate(ctx, pos, a);
  }
  if (command == "match-vacancies") {
    return RunMatchVacancies(ctx, pos, {absl::GetFlag(FLAGS_limit), absl::GetFlag(FLAGS_no_welfare)});
  }
  if (command == "place" || command == "outcome") {
    const std::vector<std::string> vacancy_ids = absl::GetFlag(FLAGS_vacancy_id);
    if (vacancy_ids.size() > 1) return ReportUsage("--vacancy-id: a placement names one vacancy");
    LedgerFlags flags;
    flags.kind = absl::GetFlag(FLAGS_kind);
    flags.date = absl::GetFlag(FLAGS_date);
    if (!vacancy_ids.empty()) flags.vacancy_id = vacancy_ids.front();
    flags.employer = absl::GetFlag(FLAGS_employer);
    flags.months = absl::GetFlag(FLAGS_months);
    flags.reason = absl::GetFlag(FLAGS_reason);
    flags.corrects = absl::GetFlag(FLAGS_corrects);
    flags.withdrawn = absl::GetFlag(FLAGS_withdrawn);
    return command == "place" ? RunPlace(ctx, pos, flags) : RunOutcome(ctx, pos, flags);
  }
  if (command == "history") return RunHistory(ctx, pos);
  if (command == "figures") {
    v1::GetFiguresRequest req;
    v1::FiguresSlice* s = req.mutable_slice();
    s->set_programme(absl::GetFlag(FLAGS_programme));
    s->set_institution(absl::GetFlag(FLAGS_institution));
    s->set_institution_kind(absl::GetFlag(FLAGS_institution_kind));
    s->set_cohort_from(absl::GetFlag(FLAGS_cohort_from));
    s->set_cohort_to(absl::GetFlag(FLAGS_cohort_to));
    if (const int year = absl::GetFlag(FLAGS_cohort_year); year != 0) {
      s->set_cohort_from(absl::StrCat(year, "-01-01"));
      s->set_cohort_to(absl::StrCat(year, "-12-31"));
    }
    s->set_skill(absl::GetFlag(FLAGS_skill));
    const std::vector<std::string> issuers = absl::GetFlag(FLAGS_issuer);
    if (issuers.size() > 1) return ReportUsage("figures: --issuer takes one issuer");
    if (!issuers.empty()) {
      v1::Issuer issuer;
      if (!v1::Issuer_Parse("ISSUER_" + absl::AsciiStrToUpper(issuers[0]), &issuer)) {
        return ReportUsage("--issuer: BNSP, KEMNAKER or OTHER");
      }
      s->set_certificate_issuer(issuer);
    }
    for (const std::string& r : absl::GetFlag(FLAGS_region)) s->add_region_codes(r);
    s->set_welfare_decile_min(absl::GetFlag(FLAGS_decile_min));
    s->set_welfare_decile_max(absl::GetFlag(FLAGS_decile_max));
    s->set_period_from(absl::GetFlag(FLAGS_period_from));
    s->set_period_to(absl::GetFlag(FLAGS_period_to));
    req.set_supply_demand(absl::GetFlag(FLAGS_supply_demand));
    req.set_as_of(absl::GetFlag(FLAGS_as_of));
    return RunFigures(ctx, pos, req);
  }
  if (command == "get") return RunGet(ctx, pos);
  if (command == "vacancies") {
    VacanciesFlags v;
    v.open = absl::GetFlag(FLAGS_open);
    v.owner = absl::GetFlag(FLAGS_owner);
    // --page-size's default is match's: unset, the engine's default for a listing.
    v.page_size = cl.Has("page-size") ? absl::GetFlag(FLAGS_page_size) : 0;
    v.page_token = absl::GetFlag(FLAGS_page_token);
    return RunVacancies(ctx, pos, v);
  }
  if (command == "delete") return RunDelete(ctx, pos);
  if (command == "check") return RunCheck(ctx, pos);
  if (command == "backup") return RunBackup(ctx, pos);
  if (command == "watch") {
    return RunWatch(ctx, pos,
                    {absl::GetFlag(FLAGS_cursor), absl::GetFlag(FLAGS_from_beginning),
                     absl::GetFlag(FLAGS_heartbeat), absl::GetFlag(FLAGS_for_seconds),
                     absl::GetFlag(FLAGS_no_welfare)});
  }
  return RunStats(ctx, pos);
}

}  // namespace
}  // namespace cli
}  // namespace cakap

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return cakap::cli::Run(argc, argv);
}
