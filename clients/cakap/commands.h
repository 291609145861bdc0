// The commands of the cakap client. Each talks only to a Backend and returns the
// process exit code (see kExit*).
#ifndef CAKAP_CLIENTS_CAKAP_COMMANDS_H_
#define CAKAP_CLIENTS_CAKAP_COMMANDS_H_

#include <string>

#include "absl/status/status.h"
#include "args.h"
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

// import workers|vacancies FILE (FILE "-": stdin); flags --progress, --strict.
int RunImport(const Context& ctx, const Args& args);
// match [vacancy flags | --vacancy FILE | --vacancy-id ID] [options].
int RunMatch(const Context& ctx, const Args& args);
// match-vacancies WORKER_ID [--limit N] [--no-welfare].
int RunMatchVacancies(const Context& ctx, const Args& args);
// get worker|vacancy ID.
int RunGet(const Context& ctx, const Args& args);
// delete worker|vacancy ID.
int RunDelete(const Context& ctx, const Args& args);
// stats.
int RunStats(const Context& ctx, const Args& args);
// check: one line per problem on stdout; exit 1 when there is any.
int RunCheck(const Context& ctx, const Args& args);
// backup DIR.
int RunBackup(const Context& ctx, const Args& args);
// restore BACKUP DIR: no backend (it installs an index, opens none).
int RunRestore(const Args& args);

}  // namespace cli
}  // namespace cakap

#endif  // CAKAP_CLIENTS_CAKAP_COMMANDS_H_
