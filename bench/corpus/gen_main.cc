// cakap-gen: writes the deterministic demo/benchmark corpus as JSON Lines on stdout.
//
//   cakap-gen --workers 1000000 [--seed 42] [--start 0] > workers.jsonl
//   cakap-gen --vacancies 1000 --class mixed > vacancies.jsonl
//
// Records are streamed (constant memory), so 10M workers are fine; slices made with
// --start concatenate to the same corpus as one run. Rendering (generation and JSON)
// runs on several threads; the output is the same whatever their number.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "cmdline.h"
#include "corpus.h"
#include "google/protobuf/util/json_util.h"

namespace {

constexpr char kUsage[] =
    "usage: cakap-gen --workers N [options] > workers.jsonl\n"
    "       cakap-gen --vacancies N [--class CLASS] [options] > vacancies.jsonl\n"
    "       cakap-gen --ledger N [options] > ledger.jsonl\n"
    "\n"
    "Writes N deterministic records as JSON Lines (protobuf JSON mapping) to stdout.\n"
    "\n"
    "  --seed S        seed of every random choice (default 42)\n"
    "  --start I       index of the first record (default 0): slices of one corpus\n"
    "  --today DATE    the corpus' today, YYYY-MM-DD (default 2026-11-23); certificate\n"
    "                  and availability dates are drawn around it\n"
    "  --provinces L   comma-separated province codes workers live in (default\n"
    "                  61,62,63,64,65: Kalimantan)\n"
    "  --class CLASS   vacancies only: local10, local50, regional200, regions, national\n"
    "                  or mixed (default: the five in turn)\n"
    "  --training-dates  workers: every training gets an end date (ended_on), the\n"
    "                  cohort of the office's figures (other fields unchanged)\n"
    "  --ledger N      the placements and outcomes of workers [start, start+N) of the\n"
    "                  same seed and today (cakap.v1.LedgerEntry lines, for `cakap\n"
    "                  import ledger`; workers generated with --training-dates)\n"
    "  --threads N     rendering threads (default: the number of CPUs, at most 8); the\n"
    "                  output does not depend on it\n"
    "  --help, -h      this text\n"
    "  --version       the version\n";

// The corpus options' defaults are CorpusOptions' own.
const cakap::corpus::CorpusOptions& Defaults() {
  static const auto* const kDefaults = new cakap::corpus::CorpusOptions();
  return *kDefaults;
}

}  // namespace

ABSL_FLAG(int64_t, workers, -1, "write N workers");
ABSL_FLAG(int64_t, vacancies, -1, "write N vacancies");
ABSL_FLAG(int64_t, ledger, -1, "write the ledger entries of N workers");
ABSL_FLAG(bool, training_dates, false, "workers: give every training an end date");
ABSL_FLAG(uint64_t, seed, Defaults().seed, "seed of every random choice");
ABSL_FLAG(int64_t, start, 0, "index of the first record");
ABSL_FLAG(std::string, today, absl::FormatCivilTime(Defaults().today), "the corpus' today");
ABSL_FLAG(std::vector<std::string>, provinces, Defaults().provinces,
          "province codes workers live in");
ABSL_FLAG(std::string, class, "mixed", "vacancies only: their class, or mixed");
ABSL_FLAG(int, threads, static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u)),
          "rendering threads; the output does not depend on it");

namespace {

struct Flags {
  int64_t workers = -1;
  int64_t vacancies = -1;
  int64_t ledger = -1;
  int64_t start = 0;
  std::string cls;
  // Rendering threads; the output is the same for any number.
  int threads = 1;
  cakap::corpus::CorpusOptions options;
};

bool Fail(const std::string& message) {
  std::fprintf(stderr, "cakap-gen: %s\n%s", message.c_str(), kUsage);
  return false;
}

// Flags from the command line; false (after saying why) on a bad one.
bool FlagsFromCommandLine(const cakap::cmdline::CommandLine& cl, Flags* flags) {
  if (!cl.positional.empty()) return Fail("unexpected argument \"" + cl.positional[0] + "\"");
  flags->workers = absl::GetFlag(FLAGS_workers);
  flags->vacancies = absl::GetFlag(FLAGS_vacancies);
  flags->ledger = absl::GetFlag(FLAGS_ledger);
  flags->options.training_end_dates = absl::GetFlag(FLAGS_training_dates);
  flags->start = absl::GetFlag(FLAGS_start);
  flags->cls = absl::GetFlag(FLAGS_class);
  flags->threads = absl::GetFlag(FLAGS_threads);
  flags->options.seed = absl::GetFlag(FLAGS_seed);
  flags->options.provinces.clear();
  for (const std::string& p : absl::GetFlag(FLAGS_provinces)) {
    if (!p.empty()) flags->options.provinces.push_back(p);
  }
  const std::string today = absl::GetFlag(FLAGS_today);
  cakap::corpus::VacancyClass cls;
  if (cl.Has("workers") && flags->workers < 0) {
    return Fail(absl::StrCat("bad value for --workers: ", flags->workers));
  }
  if (cl.Has("vacancies") && flags->vacancies < 0) {
    return Fail(absl::StrCat("bad value for --vacancies: ", flags->vacancies));
  }
  if (flags->start < 0) return Fail(absl::StrCat("bad value for --start: ", flags->start));
  if (!absl::ParseCivilTime(today, &flags->options.today)) {
    return Fail("bad value for --today: " + today);
  }
  if (flags->options.provinces.empty()) return Fail("bad value for --provinces: empty");
  if (flags->threads < 1 || flags->threads > 64) {
    return Fail(absl::StrCat("bad value for --threads: ", flags->threads));
  }
  if (flags->cls != "mixed" && !cakap::corpus::ParseVacancyClass(flags->cls, &cls)) {
    return Fail("bad value for --class: " + flags->cls);
  }
  if (cl.Has("ledger") && flags->ledger < 0) {
    return Fail(absl::StrCat("bad value for --ledger: ", flags->ledger));
  }
  if ((flags->workers >= 0) + (flags->vacancies >= 0) + (flags->ledger >= 0) != 1) {
    return Fail("give exactly one of --workers, --vacancies and --ledger");
  }
  return true;
}

// Renders the record with this index as one JSON line appended to `out`, using
// `scratch` as reusable space. Must be safe to call from several threads at once.
using RenderFn = std::function<bool(int64_t index, std::string* scratch, std::string* out)>;

template <typename Message>
bool AppendJsonLine(const Message& message, std::string* scratch, std::string* out) {
  // Serialise into a small reused string first: protobuf's string output stream grows
  // its target to full capacity on every call, which on a large buffer would mean
  // clearing it per record.
  scratch->clear();
  if (!google::protobuf::util::MessageToJsonString(message, scratch).ok()) return false;
  out->append(*scratch);
  out->push_back('\n');
  return true;
}

// Writes records [start, start + count) to stdout in order. Each round, every thread
// renders one chunk of consecutive records into its own reused buffer; the buffers are
// then written in order. Memory stays at threads x chunk whatever the count.
bool WriteRecords(int64_t start, int64_t count, int threads, const RenderFn& render) {
  constexpr int64_t kChunk = 2048;
  struct Slot {
    std::string buffer;
    std::string scratch;
    bool ok = true;
  };
  std::vector<Slot> slots(threads);
  const int64_t end = start + count;
  for (int64_t base = start; base < end; base += kChunk * threads) {
    auto work = [&](int t) {
      Slot& slot = slots[t];
      slot.buffer.clear();
      int64_t first = base + t * kChunk;
      int64_t last = std::min(first + kChunk, end);
      for (int64_t i = first; slot.ok && i < last; ++i) {
        slot.ok = render(i, &slot.scratch, &slot.buffer);
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (std::thread& th : pool) th.join();
    for (const Slot& slot : slots) {
      if (!slot.ok) return false;
      if (std::fwrite(slot.buffer.data(), 1, slot.buffer.size(), stdout) != slot.buffer.size()) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  absl::StatusOr<cakap::cmdline::CommandLine> cl = cakap::cmdline::Parse(argc, argv);
  if (!cl.ok()) {
    Fail(std::string(cl.status().message()));
    return 2;
  }
  if (cl->help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (cl->version) {
    std::fputs(cakap::cmdline::VersionLine("cakap-gen").c_str(), stdout);
    return 0;
  }
  Flags flags;
  if (!FlagsFromCommandLine(*cl, &flags)) return 2;

  absl::StatusOr<cakap::Regions> regions = cakap::Regions::Builtin();
  absl::StatusOr<cakap::Lexicon> lexicon = cakap::Lexicon::Builtin();
  if (!regions.ok() || !lexicon.ok()) {
    std::fprintf(stderr, "cakap-gen: loading reference data: %s\n",
                 std::string(!regions.ok() ? regions.status().message()
                                           : lexicon.status().message())
                     .c_str());
    return 1;
  }

  int regions_used = 0;
  for (const cakap::Region& r : regions->all()) {
    for (const std::string& p : flags.options.provinces) {
      regions_used += !r.is_province() && r.province_code == p;
    }
  }
  if (regions_used == 0) {
    std::fprintf(stderr, "cakap-gen: --provinces names no province with kabupaten/kota\n");
    return 2;
  }

  bool ok;
  if (flags.workers >= 0) {
    cakap::corpus::WorkerGenerator gen(*regions, *lexicon, flags.options);
    ok = WriteRecords(flags.start, flags.workers, flags.threads,
                      [&gen](int64_t i, std::string* scratch, std::string* out) {
                        return AppendJsonLine(gen.Make(i), scratch, out);
                      });
  } else if (flags.ledger >= 0) {
    cakap::corpus::LedgerGenerator gen(*regions, *lexicon, flags.options);
    ok = WriteRecords(flags.start, flags.ledger, flags.threads,
                      [&gen](int64_t i, std::string* scratch, std::string* out) {
                        for (const cakap::v1::LedgerEntry& e : gen.Make(i)) {
                          if (!AppendJsonLine(e, scratch, out)) return false;
                        }
                        return true;
                      });
  } else {
    cakap::corpus::VacancyGenerator gen(*regions, *lexicon, flags.options);
    cakap::corpus::VacancyClass fixed = cakap::corpus::VacancyClass::kLocal50;
    bool mixed = !cakap::corpus::ParseVacancyClass(flags.cls, &fixed);
    ok = WriteRecords(flags.start, flags.vacancies, flags.threads,
                      [&](int64_t i, std::string* scratch, std::string* out) {
                        // Mixed: the classes in turn, so any slice holds all five alike.
                        auto cls = mixed ? static_cast<cakap::corpus::VacancyClass>(i % 5)
                                         : fixed;
                        return AppendJsonLine(gen.Make(cls, i), scratch, out);
                      });
  }
  if (!ok || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "cakap-gen: write error: %s\n", std::strerror(errno));
    return 1;
  }
  return 0;
}
