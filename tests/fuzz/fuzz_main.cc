// The libFuzzer entry of one target of fuzz_targets.h, chosen at build time by
// CAKAP_FUZZ_TARGET (its name in AllTargets()). A failed property aborts, so libFuzzer
// keeps the input as a crash just as for a memory error; except a property named in
// CAKAP_FUZZ_OPEN (comma-separated; scripts/fuzz.sh passes those of tests/fuzz/crashes/OPEN),
// an open finding already kept for its owner: reported once, then fuzzing goes on.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_split.h"
#include "fuzz_targets.h"

#ifndef CAKAP_FUZZ_TARGET
#error "define CAKAP_FUZZ_TARGET to a target name"
#endif

namespace {

const cakap::fuzz::Target& TheTarget() {
  static const cakap::fuzz::Target* const target = [] {
    for (const cakap::fuzz::Target& t : cakap::fuzz::AllTargets()) {
      if (std::strcmp(t.name, CAKAP_FUZZ_TARGET) == 0) return &t;
    }
    std::fprintf(stderr, "no fuzz target named %s\n", CAKAP_FUZZ_TARGET);
    std::abort();
  }();
  return *target;
}

// Properties failing on open findings, and whether each was reported yet.
absl::flat_hash_map<std::string, bool>& OpenFindings() {
  static auto* const open = [] {
    auto* out = new absl::flat_hash_map<std::string, bool>;
    const char* env = std::getenv("CAKAP_FUZZ_OPEN");
    for (absl::string_view p : absl::StrSplit(env ? env : "", ',', absl::SkipWhitespace())) {
      out->emplace(std::string(p), false);
    }
    return out;
  }();
  return *open;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  cakap::fuzz::Env();  // built once here, not in the first input's time
  cakap::fuzz::Dictionary();
  TheTarget();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const cakap::fuzz::Outcome outcome =
      TheTarget().run(absl::string_view(reinterpret_cast<const char*>(data), size));
  if (outcome.failure.empty()) return 0;
  const std::string property = outcome.property.empty() ? TheTarget().name : outcome.property;
  if (auto it = OpenFindings().find(property); it != OpenFindings().end()) {
    if (!it->second) {
      std::fprintf(stderr, "\n== cakap fuzz target %s: open finding %s (not stopping): %s\n",
                   TheTarget().name, property.c_str(), outcome.failure.c_str());
      it->second = true;
    }
    return 0;
  }
  std::fprintf(stderr, "\n== cakap fuzz target %s: property %s failed: %s\n", TheTarget().name,
               property.c_str(), outcome.failure.c_str());
  std::abort();
}
