// `cakap import workers|vacancies FILE.jsonl`: one JSON object per line (protobuf JSON
// mapping). A bad line is reported and skipped; it never stops the import. With --json
// the report is JSON Lines too: one object per rejected line, then the summary.
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "cakap/v1/ledger.pb.h"
#include "commands.h"
#include "format.h"

namespace cakap {
namespace cli {
namespace {

// Workers per UpsertWorkers call: one commit per batch keeps the import fast while the
// memory held stays small.
constexpr size_t kBatchSize = 1000;

// A one-line progress display on stderr: records, rate and, for a regular file, a bar of
// the bytes read. Redrawn at most ten times a second.
class Progress {
 public:
  Progress(bool enabled, std::string noun, int64_t total_bytes)
      : enabled_(enabled), noun_(std::move(noun)), total_bytes_(total_bytes),
        start_(Clock::now()), last_draw_(start_) {}

  void Update(int64_t records, int64_t bytes) {
    records_ = records;
    bytes_ = bytes;
    if (!enabled_) return;
    Clock::time_point now = Clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    Draw(now);
  }
  bool enabled() const { return enabled_; }
  // Erases the line so that report lines do not mix with it.
  void Clear() {
    if (enabled_ && drawn_) std::fputs("\r\033[K", stderr);
    drawn_ = false;
  }
  void Finish() {
    if (!enabled_) return;
    Draw(Clock::now());
    std::fputc('\n', stderr);
    drawn_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;

  void Draw(Clock::time_point now) {
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? records_ / seconds : 0;
    std::string line = "\r";
    if (total_bytes_ > 0) {
      constexpr int kWidth = 30;
      double done = std::min(1.0, static_cast<double>(bytes_) / total_bytes_);
      int filled = static_cast<int>(done * kWidth);
      absl::StrAppend(&line, "[", std::string(filled, '='),
                      std::string(kWidth - filled, ' '),
                      absl::StrFormat("] %3d%%  ", static_cast<int>(done * 100)));
    }
    absl::StrAppend(&line, GroupThousands(records_), " ", noun_, "  ",
                    GroupThousands(static_cast<int64_t>(rate)), "/s  ",
                    absl::StrFormat("%.1f s", seconds), "\033[K");
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
  }

  const bool enabled_;
  const std::string noun_;
  const int64_t total_bytes_;
  const Clock::time_point start_;
  Clock::time_point last_draw_;
  int64_t records_ = 0;
  int64_t bytes_ = 0;
  bool drawn_ = false;
};

struct Tally {
  int64_t imported = 0;
  int64_t rejected = 0;
};

class Importer {
 public:
  Importer(const Context& ctx, Progress* progress) : ctx_(ctx), progress_(progress) {}

  // Prints "line N: message" (the message names the field), or its JSON, and counts the
  // rejection.
  void Reject(int64_t line, absl::string_view message) {
    progress_->Clear();
    std::cout << FormatRejection(line, message, ctx_.json);
    // stdout is not tied to the progress line on stderr: keep the two in order.
    if (progress_->enabled()) std::cout.flush();
    ++tally_.rejected;
  }

  absl::Status AddWorker(int64_t line, const std::string& json) {
    v1::Worker worker;
    absl::Status parsed = ParseJson(json, &worker);
    if (!parsed.ok()) {
      Reject(line, parsed.message());
      return absl::OkStatus();
    }
    batch_.push_back(std::move(worker));
    batch_lines_.push_back(line);
    return batch_.size() >= kBatchSize ? FlushWorkers() : absl::OkStatus();
  }

  absl::Status FlushWorkers() {
    if (batch_.empty()) return absl::OkStatus();
    absl::StatusOr<std::vector<absl::Status>> results = ctx_.backend->UpsertWorkers(batch_);
    if (!results.ok()) return results.status();
    for (size_t i = 0; i < results->size(); ++i) {
      if ((*results)[i].ok()) {
        ++tally_.imported;
      } else {
        Reject(batch_lines_[i], (*results)[i].message());
      }
    }
    batch_.clear();
    batch_lines_.clear();
    return absl::OkStatus();
  }

  absl::Status AddVacancy(int64_t line, const std::string& json) {
    v1::Vacancy vacancy;
    absl::Status status = ParseJson(json, &vacancy);
    if (!status.ok()) {
      Reject(line, status.message());
      return absl::OkStatus();
    }
    status = ctx_.backend->UpsertVacancy(vacancy);
    if (status.ok()) {
      ++tally_.imported;
    } else if (absl::IsInvalidArgument(status)) {
      Reject(line, status.message());
    } else {
      return status;  // the store itself failed: no point going on
    }
    return absl::OkStatus();
  }

  // Ledger entries (LedgerEntry JSON, as `cakap-gen --ledger` writes them) go in
  // batches too: one commit each when embedded, applied in file order.
  absl::Status AddLedgerEntry(int64_t line, const std::string& json) {
    v1::LedgerEntry entry;
    absl::Status parsed = ParseJson(json, &entry);
    if (!parsed.ok()) {
      Reject(line, parsed.message());
      return absl::OkStatus();
    }
    ledger_.push_back(std::move(entry));
    batch_lines_.push_back(line);
    return ledger_.size() >= kBatchSize ? FlushLedger() : absl::OkStatus();
  }

  absl::Status FlushLedger() {
    if (ledger_.empty()) return absl::OkStatus();
    absl::StatusOr<std::vector<absl::StatusOr<v1::LedgerEntry>>> results =
        ctx_.backend->RecordLedgerEntries(ledger_);
    if (!results.ok()) return results.status();
    for (size_t i = 0; i < results->size(); ++i) {
      if ((*results)[i].ok()) {
        ++tally_.imported;
      } else {
        Reject(batch_lines_[i], (*results)[i].status().message());
      }
    }
    ledger_.clear();
    batch_lines_.clear();
    return absl::OkStatus();
  }

  const Tally& tally() const { return tally_; }
  int64_t pending() const { return static_cast<int64_t>(batch_.size() + ledger_.size()); }

 private:
  const Context& ctx_;
  Progress* progress_;
  std::vector<v1::Worker> batch_;
  std::vector<v1::LedgerEntry> ledger_;
  std::vector<int64_t> batch_lines_;
  Tally tally_;
};

}  // namespace

int RunImport(const Context& ctx, const Positional& pos, const ImportFlags& flags) {
  if (pos.size() != 3 || (pos[1] != "workers" && pos[1] != "vacancies" && pos[1] != "ledger")) {
    return ReportUsage("usage: cakap import workers|vacancies|ledger FILE.jsonl (FILE - for stdin)");
  }
  const bool workers = pos[1] == "workers";
  const bool ledger = pos[1] == "ledger";
  const std::string& path = pos[2];

  std::ifstream file;
  std::istream* in = &std::cin;
  int64_t total_bytes = 0;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      return ReportError("import", absl::NotFoundError(absl::StrCat(path, ": cannot open")));
    }
    in = &file;
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) total_bytes = st.st_size;
  }

  Progress progress(flags.progress || isatty(STDERR_FILENO), pos[1], total_bytes);
  Importer importer(ctx, &progress);
  std::string line;
  int64_t line_no = 0;
  int64_t bytes = 0;
  int64_t records = 0;
  absl::Status status;
  while (status.ok() && std::getline(*in, line)) {
    ++line_no;
    bytes += static_cast<int64_t>(line.size()) + 1;
    absl::string_view text = absl::StripAsciiWhitespace(line);
    if (text.empty()) continue;  // blank lines are not records
    ++records;
    status = workers  ? importer.AddWorker(line_no, std::string(text))
             : ledger ? importer.AddLedgerEntry(line_no, std::string(text))
                      : importer.AddVacancy(line_no, std::string(text));
    progress.Update(records - importer.pending(), bytes);
  }
  if (status.ok() && workers) status = importer.FlushWorkers();
  if (status.ok() && ledger) status = importer.FlushLedger();
  progress.Update(records, bytes);
  progress.Finish();
  if (!status.ok()) {
    ReportError(absl::StrCat("import stopped at line ", line_no), status);
  } else if (in->bad()) {
    status = absl::DataLossError(absl::StrCat(path, ": read error"));
    ReportError("import", status);
  }

  const Tally& tally = importer.tally();
  std::cout << FormatImportSummary(tally.imported, tally.rejected, status.ok(), ctx.json);
  if (!status.ok()) return kExitError;
  if (tally.rejected > 0 && flags.strict) return kExitRejected;
  return kExitOk;
}

}  // namespace cli
}  // namespace cakap
