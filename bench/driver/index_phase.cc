// Bulk indexing: rate and on-disk size (before and after xapian-compact).
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "cakap/status_macros.h"
#include "phases.h"

namespace cakap {
namespace bench {
namespace {

uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  }
  return total;
}

// xapian-compact (xapian-tools) into `to`; the live index is left as it is.
absl::Status Compact(const std::string& from, const std::string& to) {
  std::error_code ec;
  std::filesystem::remove_all(to, ec);
  const std::string cmd = absl::StrCat("xapian-compact --no-full '", from, "' '", to,
                                       "' > /dev/null");
  const int rc = std::system(cmd.c_str());
  if (rc != 0) {
    return absl::InternalError(absl::StrCat("\"", cmd, "\" exited with ", WEXITSTATUS(rc)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<nlohmann::json> IndexCakap(const Workload& w, int64_t n, const EngineOptions& opts,
                                          const std::string& dir,
                                          std::unique_ptr<Engine>* engine) {
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  CAKAP_ASSIGN_OR_RETURN(*engine, Engine::Open(opts, dir));
  const int batch = w.config->batch;
  std::vector<v1::Worker> workers(static_cast<size_t>(std::min<int64_t>(batch, n)));
  absl::Duration generating;
  const absl::Time start = absl::Now();
  for (int64_t next = 0; next < n;) {
    const size_t count = static_cast<size_t>(std::min<int64_t>(batch, n - next));
    const absl::Time g = absl::Now();
    for (size_t i = 0; i < count; ++i) workers[i] = w.workers->Make(next + i);
    generating += absl::Now() - g;
    CAKAP_ASSIGN_OR_RETURN(BulkResult r,
                           (*engine)->UpsertWorkers(absl::MakeConstSpan(workers.data(), count)));
    if (!r.rejected.empty()) {
      return absl::InternalError(absl::StrCat("generated worker rejected: ",
                                              r.rejected[0].status.message()));
    }
    next += count;
    if (next % 100000 == 0 || next == n) {
      std::cerr << absl::StrFormat("\r  cakap: indexed %d/%d", next, n) << std::flush;
    }
  }
  const absl::Duration elapsed = absl::Now() - start - generating;
  std::cerr << "\n";
  const uint64_t bytes = DirBytes(dir);
  CAKAP_RETURN_IF_ERROR(Compact(dir, dir + ".compact"));
  const uint64_t compacted = DirBytes(dir + ".compact");
  std::filesystem::remove_all(dir + ".compact", ec);
  const double seconds = absl::ToDoubleSeconds(elapsed);
  return nlohmann::json{
      {"workers", n},
      {"batch", batch},
      {"seconds", seconds},
      {"generator_seconds", absl::ToDoubleSeconds(generating)},
      {"workers_per_s", n / seconds},
      {"bytes", bytes},
      {"bytes_per_worker", static_cast<double>(bytes) / n},
      {"compacted_bytes", compacted},
      {"compacted_bytes_per_worker", static_cast<double>(compacted) / n},
  };
}

}  // namespace bench
}  // namespace cakap
