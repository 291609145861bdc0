// The maintenance commands: check, backup DIR, restore BACKUP DIR (docs/design.md,
// "Corruption and backup").
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "commands.h"

namespace cakap {
namespace cli {

int RunCheck(const Context& ctx, const Positional& args) {
  if (args.size() != 1) return ReportUsage("check takes no arguments");
  absl::StatusOr<std::vector<std::string>> problems = ctx.backend->Check();
  if (!problems.ok()) return ReportError("check", problems.status());
  for (const std::string& line : *problems) std::cout << line << "\n";
  if (!problems->empty()) {
    std::cerr << "cakap: check: " << problems->size() << " problem"
              << (problems->size() == 1 ? "" : "s") << "\n";
    return kExitError;
  }
  std::cerr << "cakap: check: no problems\n";
  return kExitOk;
}

int RunBackup(const Context& ctx, const Positional& args) {
  if (args.size() != 2) return ReportUsage("backup takes one directory");
  const std::string& dir = args[1];
  absl::StatusOr<uint64_t> revision = ctx.backend->Backup(dir);
  if (!revision.ok()) return ReportError("backup", revision.status());
  std::cout << "backed up revision " << *revision << " to " << dir << "\n";
  return kExitOk;
}

int RunRestore(const Positional& args) {
  if (args.size() != 3) return ReportUsage("restore takes BACKUP and DIR");
  const std::string& backup = args[1];
  const std::string& dir = args[2];
  const absl::Status status = Engine::Restore(backup, dir);
  if (!status.ok()) return ReportError("restore", status);
  std::cout << "restored " << backup << " into " << dir << "\n";
  return kExitOk;
}

}  // namespace cli
}  // namespace cakap
