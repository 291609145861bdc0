// cakap-micro: Google Benchmark micro-benchmarks of the engine's hot paths, in RE2's
// style: one parameterised helper per subject, one-line named variants.
//
//   cakap-micro                                  # full run
//   cakap-micro --benchmark_min_time=0.01        # quick (CI): a few seconds
//   cakap-micro --benchmark_filter=Match_        # only Engine::Match
//   CAKAP_MICRO_WORKERS=200000 cakap-micro --benchmark_filter=Match_   # on 200k workers
//
// Subjects: DecodeRecord (the per-candidate decode of the exact refine), Evaluate (the
// constraints and score of one pair), CoverCircle (the geo cells of a radius query) and
// Engine::Match end to end on a 20k-worker index (or CAKAP_MICRO_WORKERS) built once, on
// first use, in a temporary directory, with and without a local-worker quota. Items/s is
// records, pairs, covers or matches per second.
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "cakap/engine.h"
#include "corpus.h"
#include "evaluate.h"
#include "google/protobuf/util/json_util.h"
#include "geo.h"
#include "normalize.h"
#include "proto_json.h"
#include "record.h"

namespace cakap {
namespace {

using corpus::VacancyClass;

// The Match_ index: 20k workers, or CAKAP_MICRO_WORKERS (e.g. 200000 for the quota's cost
// where candidate sets are large).
int64_t IndexWorkers() {
  const char* env = std::getenv("CAKAP_MICRO_WORKERS");
  return env != nullptr && std::atoll(env) > 0 ? std::atoll(env) : 20000;
}
// Distinct vacancies per class that Match cycles through: one vacancy would measure one
// point of the class's cost distribution.
constexpr int kVacanciesPerClass = 16;

// Benchmarks cannot run on broken setup: say what failed and stop.
void Check(const absl::Status& s, const char* what) {
  if (s.ok()) return;
  std::fprintf(stderr, "cakap-micro: %s: %s\n", what, s.ToString().c_str());
  std::exit(1);
}

EngineOptions Options() {
  EngineOptions options;
  // The corpus' today, so certificate validity and availability are as generated.
  options.today = [] { return absl::CivilDay(2026, 11, 23); };
  return options;
}

// What Engine::Open builds for a fresh index: options and reference data.
const EngineEnv& Env() {
  static const EngineEnv* const env = [] {
    absl::StatusOr<Regions> regions = Regions::Builtin();
    Check(regions.status(), "regions");
    absl::StatusOr<Lexicon> lexicon = Lexicon::Builtin();
    Check(lexicon.status(), "lexicon");
    EngineOptions options = Options();
    return new EngineEnv{options, *std::move(lexicon), *std::move(regions)};
  }();
  return *env;
}

const corpus::WorkerGenerator& Workers() {
  static const auto* const gen =
      new corpus::WorkerGenerator(Env().regions, Env().lexicon, corpus::CorpusOptions());
  return *gen;
}

const corpus::VacancyGenerator& Vacancies() {
  static const auto* const gen =
      new corpus::VacancyGenerator(Env().regions, Env().lexicon, corpus::CorpusOptions());
  return *gen;
}

// The match records of the first generated workers, for the pair benchmarks.
constexpr int kRecords = 3000;
const std::vector<MatchRecord>& Records() {
  static const auto* const records = [] {
    auto* out = new std::vector<MatchRecord>;
    for (int64_t i = 0; i < kRecords; ++i) {
      absl::StatusOr<NormalizedWorker> n = NormalizeWorker(Workers().Make(i), Env());
      Check(n.status(), "normalize worker");
      out->push_back(std::move(n->record));
    }
    return out;
  }();
  return *records;
}

ResolvedVacancy Resolve(VacancyClass cls, int64_t index) {
  absl::StatusOr<ResolvedVacancy> v = ResolveVacancy(Vacancies().Make(cls, index), Env(), false);
  Check(v.status(), "resolve vacancy");
  return *std::move(v);
}

// ---------------------------------------------------------------------------------------
// DecodeRecord: of the first generated workers' records, the median-sized one (typical)
// and the largest.

enum class Size { kMedian, kLargest };

void DecodeRecordOf(benchmark::State& state, Size size) {
  std::vector<std::string> encoded;
  for (const MatchRecord& r : Records()) encoded.push_back(EncodeRecord(r));
  std::sort(encoded.begin(), encoded.end(),
            [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  const std::string& bytes = size == Size::kMedian ? encoded[encoded.size() / 2] : encoded.back();
  MatchRecord record;  // reused, as the refine loop does
  for (auto _ : state) {
    if (!DecodeRecord(bytes, &record)) {
      state.SkipWithError("DecodeRecord failed");
      break;
    }
    benchmark::DoNotOptimize(record);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(bytes.size()));
  state.counters["record_bytes"] = static_cast<double>(bytes.size());
}

// Every record in turn, as a scan meets them: shapes (certificates, skills) change from
// one record to the next.
void DecodeRecord_Mixed(benchmark::State& state) {
  std::vector<std::string> encoded;
  for (const MatchRecord& r : Records()) encoded.push_back(EncodeRecord(r));
  MatchRecord record;
  size_t i = 0;
  for (auto _ : state) {
    if (!DecodeRecord(encoded[i], &record)) {
      state.SkipWithError("DecodeRecord failed");
      break;
    }
    benchmark::DoNotOptimize(record);
    i = i + 1 == encoded.size() ? 0 : i + 1;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(DecodeRecord_Mixed);

void DecodeRecord_Median(benchmark::State& state) { DecodeRecordOf(state, Size::kMedian); }
void DecodeRecord_Largest(benchmark::State& state) { DecodeRecordOf(state, Size::kLargest); }
BENCHMARK(DecodeRecord_Median);
BENCHMARK(DecodeRecord_Largest);

// ---------------------------------------------------------------------------------------
// Evaluate: one worker against one resolved vacancy of a class. `satisfied`: a pair that
// passes every constraint (so it is scored in full); otherwise one that has the required
// skills but fails a later constraint (the common rejection after the coarse query).

void EvaluateOf(benchmark::State& state, VacancyClass cls, bool satisfied) {
  const EngineEnv& env = Env();
  EvaluateOptions options;
  Evaluation eval;
  // Search the corpus for such a pair (deterministic: same pair every run).
  for (int64_t v = 0; v < kVacanciesPerClass; ++v) {
    const ResolvedVacancy vacancy = Resolve(cls, v);
    for (const MatchRecord& worker : Records()) {
      Evaluate(worker, vacancy, env, options, &eval);
      const bool wanted = satisfied ? eval.failures == 0
                                    : eval.failures > 0 && eval.failed != Constraint::kRequiredSkill;
      if (!wanted) continue;
      for (auto _ : state) {
        Evaluate(worker, vacancy, env, options, &eval);
        benchmark::DoNotOptimize(eval);
      }
      state.SetItemsProcessed(state.iterations());
      return;
    }
  }
  state.SkipWithError("no such pair among the first workers");
}

void Evaluate_Local10(benchmark::State& state) { EvaluateOf(state, VacancyClass::kLocal10, true); }
void Evaluate_Local50(benchmark::State& state) { EvaluateOf(state, VacancyClass::kLocal50, true); }
void Evaluate_Regional200(benchmark::State& state) {
  EvaluateOf(state, VacancyClass::kRegional200, true);
}
void Evaluate_Regions(benchmark::State& state) {
  EvaluateOf(state, VacancyClass::kRegionCodes, true);
}
void Evaluate_National(benchmark::State& state) {
  EvaluateOf(state, VacancyClass::kNational, true);
}
void Evaluate_Reject_Local50(benchmark::State& state) {
  EvaluateOf(state, VacancyClass::kLocal50, false);
}
BENCHMARK(Evaluate_Local10);
BENCHMARK(Evaluate_Local50);
BENCHMARK(Evaluate_Regional200);
BENCHMARK(Evaluate_Regions);
BENCHMARK(Evaluate_National);
BENCHMARK(Evaluate_Reject_Local50);

// ---------------------------------------------------------------------------------------
// CoverCircle: the cells of a radius query around Banjarmasin, with the default levels
// and cell budget. "cells" is 0 when no level fits (no cell filter).

void CoverCircleOf(benchmark::State& state, double radius_km) {
  const EngineOptions defaults;
  size_t cells = 0;
  for (auto _ : state) {
    auto cover = CoverCircle(-3.3194, 114.5908, radius_km, Env().options.geo_cell_levels,
                             defaults.max_cover_cells);
    cells = cover ? cover->size() : 0;
    benchmark::DoNotOptimize(cover);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["cells"] = static_cast<double>(cells);
}

void CoverCircle_10km(benchmark::State& state) { CoverCircleOf(state, 10); }
void CoverCircle_50km(benchmark::State& state) { CoverCircleOf(state, 50); }
void CoverCircle_200km(benchmark::State& state) { CoverCircleOf(state, 200); }
BENCHMARK(CoverCircle_10km);
BENCHMARK(CoverCircle_50km);
BENCHMARK(CoverCircle_200km);

// ---------------------------------------------------------------------------------------
// Engine::Match end to end (coarse query, refine, score, page of 20, facets or not).

// The Match_ index (IndexWorkers()), built on first use (so a --benchmark_filter without
// Match_ never pays for it) and removed at exit.
class SharedIndex {
 public:
  static SharedIndex& Get() {
    static SharedIndex index;
    return index;
  }
  const Engine& engine() const { return *engine_; }

 private:
  SharedIndex() {
    const char* tmp = std::getenv("TMPDIR");
    std::string templ = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") +
                        "/cakap_micro_XXXXXX";
    if (mkdtemp(templ.data()) == nullptr) Check(absl::InternalError(templ), "mkdtemp");
    dir_ = templ;
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(Options(), dir_);
    Check(engine.status(), "open engine");
    engine_ = *std::move(engine);
    std::vector<v1::Worker> batch(1000);
    for (int64_t base = 0, n = IndexWorkers(); base < n; base += batch.size()) {
      for (size_t i = 0; i < batch.size(); ++i) batch[i] = Workers().Make(base + i);
      absl::StatusOr<BulkResult> put = engine_->UpsertWorkers(batch);
      Check(put.status(), "import");
      if (!put->rejected.empty()) Check(put->rejected[0].status, "import: rejected worker");
    }
  }
  ~SharedIndex() {
    engine_.reset();  // close the database before removing its files
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string dir_;
  std::unique_ptr<Engine> engine_;
};

// With `local_share` > 0 each vacancy carries a local-worker quota (Kutai Timur's 80%
// rule, issue 16): local = domiciled in the vacancy's own kabupaten (Kutai Timur when it
// names none), so the local share of the candidates is low and the quota re-ranking
// moves many of them; a quota also turns off the top-k pruning (docs/ranking.md), so the
// ratio of a _Quota variant to its plain one is what a quota costs.
void MatchOf(benchmark::State& state, VacancyClass cls, bool facets, double local_share = 0) {
  const Engine& engine = SharedIndex::Get().engine();
  std::vector<v1::Vacancy> vacancies;
  for (int64_t i = 0; i < kVacanciesPerClass; ++i) {
    v1::Vacancy v = Vacancies().Make(cls, i);
    if (local_share > 0) {
      const std::string& own = v.location().region_code();
      v.add_local_region_codes(own.size() > 2 ? own : "64.08");
      v.set_min_local_share(local_share);
    }
    vacancies.push_back(std::move(v));
  }
  v1::MatchOptions options;
  options.set_page_size(20);
  options.set_facets(facets);
  size_t next = 0;
  int64_t total = 0, moved = 0;
  for (auto _ : state) {
    absl::StatusOr<v1::MatchResult> r = engine.Match(vacancies[next], options);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      break;
    }
    total += r->total();
    for (const v1::Candidate& c : r->candidates()) moved += c.moved_for_quota() ? 1 : 0;
    next = (next + 1) % vacancies.size();
  }
  state.SetItemsProcessed(state.iterations());
  // Mean candidates per match: the work behind the time.
  state.counters["candidates"] =
      benchmark::Counter(static_cast<double>(total), benchmark::Counter::kAvgIterations);
  if (local_share > 0) {
    state.counters["moved"] =
        benchmark::Counter(static_cast<double>(moved), benchmark::Counter::kAvgIterations);
  }
}

void Match_Local10(benchmark::State& state) { MatchOf(state, VacancyClass::kLocal10, false); }
void Match_Local50(benchmark::State& state) { MatchOf(state, VacancyClass::kLocal50, false); }
void Match_Regional200(benchmark::State& state) {
  MatchOf(state, VacancyClass::kRegional200, false);
}
void Match_Regions(benchmark::State& state) { MatchOf(state, VacancyClass::kRegionCodes, false); }
void Match_National(benchmark::State& state) { MatchOf(state, VacancyClass::kNational, false); }
void Match_Local10_Facets(benchmark::State& state) {
  MatchOf(state, VacancyClass::kLocal10, true);
}
void Match_Local50_Facets(benchmark::State& state) {
  MatchOf(state, VacancyClass::kLocal50, true);
}
void Match_Regional200_Facets(benchmark::State& state) {
  MatchOf(state, VacancyClass::kRegional200, true);
}
void Match_Regions_Facets(benchmark::State& state) {
  MatchOf(state, VacancyClass::kRegionCodes, true);
}
void Match_National_Facets(benchmark::State& state) {
  MatchOf(state, VacancyClass::kNational, true);
}
void Match_Local50_Quota(benchmark::State& state) {
  MatchOf(state, VacancyClass::kLocal50, false, 0.8);
}
void Match_Regional200_Quota(benchmark::State& state) {
  MatchOf(state, VacancyClass::kRegional200, false, 0.8);
}
void Match_National_Quota(benchmark::State& state) {
  MatchOf(state, VacancyClass::kNational, false, 0.8);
}
BENCHMARK(Match_Local10)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_Local50)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_Regional200)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_Regions)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_National)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_Local10_Facets)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_Local50_Facets)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_Regional200_Facets)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_Regions_Facets)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_National_Facets)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_Local50_Quota)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_Regional200_Quota)->Unit(benchmark::kMicrosecond);
BENCHMARK(Match_National_Quota)->Unit(benchmark::kMicrosecond);

// ---------------------------------------------------------------------------------------
// A reply's bytes: a regional200 MatchResult (a MatchCandidates reply's body: a full page
// of 20 candidates with their worker records at the default 20,000 workers) as the Connect codec's JSON, printed by protobuf (MessageToJsonString)
// and by cakapd's printer (service/proto_json.h, the same bytes), and as binary protobuf
// for scale. ReplyJson_Cakapd / ReplyJson_Protobuf is what the printer saves cakapd
// per reply.

enum class ReplyCodec { kJsonByProtobuf, kJsonByCakapd, kBinary };

void ReplyOf(benchmark::State& state, ReplyCodec codec) {
  const Engine& engine = SharedIndex::Get().engine();
  v1::MatchOptions options;
  options.set_page_size(20);
  std::vector<v1::MatchResult> replies(kVacanciesPerClass);
  for (int64_t i = 0; i < kVacanciesPerClass; ++i) {
    absl::StatusOr<v1::MatchResult> r =
        engine.Match(Vacancies().Make(VacancyClass::kRegional200, i), options);
    Check(r.status(), "match");
    replies[i] = *std::move(r);
  }
  const service::JsonPrinter printer;
  size_t next = 0;
  int64_t bytes = 0;
  std::string out;
  for (auto _ : state) {
    const v1::MatchResult& reply = replies[next];
    switch (codec) {
      case ReplyCodec::kJsonByProtobuf:
        out.clear();
        (void)google::protobuf::util::MessageToJsonString(reply, &out);
        break;
      case ReplyCodec::kJsonByCakapd:
        out = printer.Print(reply);
        break;
      case ReplyCodec::kBinary:
        out = reply.SerializeAsString();
        break;
    }
    bytes += static_cast<int64_t>(out.size());
    next = (next + 1) % replies.size();
  }
  state.SetBytesProcessed(bytes);
  state.counters["reply_bytes"] =
      benchmark::Counter(static_cast<double>(bytes), benchmark::Counter::kAvgIterations);
}

void ReplyJson_Protobuf(benchmark::State& state) { ReplyOf(state, ReplyCodec::kJsonByProtobuf); }
void ReplyJson_Cakapd(benchmark::State& state) {
  ReplyOf(state, ReplyCodec::kJsonByCakapd);
}
void ReplyBinary(benchmark::State& state) { ReplyOf(state, ReplyCodec::kBinary); }
BENCHMARK(ReplyJson_Protobuf)->Unit(benchmark::kMicrosecond);
BENCHMARK(ReplyJson_Cakapd)->Unit(benchmark::kMicrosecond);
BENCHMARK(ReplyBinary)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace cakap

BENCHMARK_MAIN();
