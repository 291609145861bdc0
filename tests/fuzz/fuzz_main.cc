// The libFuzzer entry of one target of fuzz_targets.h, chosen at build time by
// CAKAP_FUZZ_TARGET (its name in AllTargets()). A failed property aborts, so libFuzzer
// keeps the input as a crash just as for a memory error.
#include <cstdio>
#include <cstdlib>
#include <cstring>

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
  if (!outcome.failure.empty()) {
    std::fprintf(stderr, "\n== cakap fuzz target %s: property failed: %s\n", TheTarget().name,
                 outcome.failure.c_str());
    std::abort();
  }
  return 0;
}
