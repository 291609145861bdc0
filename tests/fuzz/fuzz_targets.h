// The fuzz targets of issue 12 item 5: each runs one input through one entry point and
// checks properties of the result, not only that nothing crashed. The same functions run
// under libFuzzer (tests/fuzz/*_fuzzer.cc, clang, -DCAKAP_FUZZ=ON, scripts/fuzz.sh) and in
// the normal build, where corpus_replay_test.cc replays every kept input in
// tests/fuzz/corpus/<target>/, so a crash case found once stays tested without clang.
#ifndef CAKAP_TESTS_FUZZ_FUZZ_TARGETS_H_
#define CAKAP_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "env.h"

namespace cakap {
namespace fuzz {

struct Outcome {
  // Empty when every property held; otherwise which one failed and how.
  std::string failure;
  // A name for the property that failed, "<target>.<what>": an open finding is listed
  // by it in tests/fuzz/crashes/OPEN so that fuzzing goes on past it until it is fixed.
  std::string property;
  // Whether the entry point accepted the input, so the properties of an accepted input
  // (idempotence, round trips) were checked too; the replay test wants both kinds kept.
  bool accepted = false;
};

// Input: a cakap.v1.Worker in protobuf text format. NormalizeWorker either rejects it
// with InvalidArgument naming a field, or its result normalises to itself and its match
// record survives the codec. Before that, whatever it holds: cakapd's JSON printer prints
// it as protobuf's MessageToJsonString does (service/proto_json.h).
Outcome WorkerNormalizer(absl::string_view input);
// Input: a cakap.v1.Vacancy in text format. ResolveVacancy either rejects it with
// InvalidArgument naming a field, or resolving the result again changes nothing (the
// fingerprint included). And the JSON printer agrees with protobuf's, as for a Worker.
Outcome VacancyResolver(absl::string_view input);
// Input: bytes. First byte even: the rest builds a MatchRecord, and
// Decode(Encode(r)) == r, with RecordId and AnyCertificate agreeing. Odd: the rest is an
// encoded record, and DecodeRecord, RecordId and AnyCertificate agree on it.
Outcome RecordCodec(absl::string_view input);
// Input: first byte even: the rest builds a PageCursor, which survives encode/decode.
// Odd: the rest is a token; a token that decodes re-encodes to the same bytes.
Outcome PageTokens(absl::string_view input);
// Input: the contents of a cakapd keys file, loaded by KeyStore::Reload over a good one:
// either an InvalidArgument naming the line and the old keys stay, or one key per
// active line whose line FormatKeyLine writes back the same.
Outcome KeyFile(absl::string_view input);

struct Target {
  const char* name;  // the directory under tests/fuzz/corpus and crashes
  Outcome (*run)(absl::string_view input);
};
const std::vector<Target>& AllTargets();

// The lexicon, regions and options every target uses: built once and never changed (a
// libFuzzer target has nowhere else to keep them). Today is fixed, so a run replays.
const EngineEnv& Env();

// Every string a structure-aware mutation may insert: skill codes, names and synonyms,
// region codes, dates at the edges of what is valid.
const std::vector<std::string>& Dictionary();

}  // namespace fuzz
}  // namespace cakap

#endif  // CAKAP_TESTS_FUZZ_FUZZ_TARGETS_H_
