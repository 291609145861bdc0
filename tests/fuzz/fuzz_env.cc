#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_format.h"
#include "fuzz_targets.h"
#include "google/protobuf/stubs/logging.h"

namespace cakap {
namespace fuzz {
namespace {

EngineEnv* MakeEnv() {
  absl::StatusOr<Lexicon> lexicon = Lexicon::Builtin();
  absl::StatusOr<Regions> regions = Regions::Builtin();
  if (!lexicon.ok() || !regions.ok()) {
    std::fprintf(stderr, "fuzz: built-in data failed to load: %s %s\n",
                 lexicon.status().ToString().c_str(), regions.status().ToString().c_str());
    std::abort();
  }
  EngineOptions options;
  options.today = [] { return absl::CivilDay(2026, 6, 1); };
  // Serialising a string with invalid UTF-8 (which the fuzzers make on purpose) logs an
  // error per message; millions of those lines would hide the one report that matters.
  google::protobuf::SetLogHandler(nullptr);
  return new EngineEnv{std::move(options), *std::move(lexicon), *std::move(regions)};
}

}  // namespace

const EngineEnv& Env() {
  static const EngineEnv* const env = MakeEnv();
  return *env;
}

const std::vector<std::string>& Dictionary() {
  static const std::vector<std::string>* const words = [] {
    auto* out = new std::vector<std::string>;
    const EngineEnv& env = Env();
    for (const Skill& s : env.lexicon.skills()) {
      out->push_back(s.code);
      out->push_back(s.name_id);
      out->push_back(s.name_en);
      for (const std::string& synonym : s.synonyms) out->push_back(synonym);
    }
    for (const Region& r : env.regions.all()) out->push_back(r.code);
    // Dates at the edges: ParseDate's year range, leap days, invalid days.
    for (const char* d :
         {"1899-12-31", "1900-01-01", "2200-12-31", "2201-01-01", "2024-02-29", "2025-02-29",
          "2100-02-29", "2000-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-6-1",
          "2026-06-01", "2026-06-01T00:00:00Z", "1970-01-01", "2026-12-31"}) {
      out->push_back(d);
    }
    for (const char* w : {"w-1", "pt-contoh", "juru las", "las", "LAS", "las pipa", "\xc3\xa9",
                          "\xe2\x80\x8b", "\xff", " ", "-", "."}) {
      out->push_back(w);
    }
    return out;
  }();
  return *words;
}

const std::vector<Target>& AllTargets() {
  static const std::vector<Target>* const targets = new std::vector<Target>{
      {"worker", &WorkerNormalizer}, {"vacancy", &VacancyResolver}, {"record", &RecordCodec},
      {"page_token", &PageTokens},   {"key_file", &KeyFile},
  };
  return *targets;
}

}  // namespace fuzz
}  // namespace cakap
