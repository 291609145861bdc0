// Between allocate.cc (collecting each vacancy's candidates through Engine::Match) and
// allocate_result.cc (solving, and the reply).
#ifndef CAKAP_ENGINE_ALLOCATE_INTERNAL_H_
#define CAKAP_ENGINE_ALLOCATE_INTERNAL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cakap/engine.h"
#include "cakap/v1/allocation.pb.h"

namespace cakap {
namespace internal_alloc {

// One candidate of a vacancy, inside the pool.
struct Entry {
  std::string worker_id;
  int64_t score_micro = 0;
  bool local = false;
  int32_t decile = 0;
  // The Candidate as Match returned it, its worker cut down to id and display name
  // (kept serialized: a pair costs ~200 bytes, not a parsed message's ~1 KB).
  std::string candidate;
};

// A vacancy to fill, with its candidates.
struct Target {
  v1::Vacancy vacancy;
  int32_t places = 1;
  int32_t max_non_local = 1;
  std::vector<Entry> entries;
};

// Builds the problem from `targets` (sorted by vacancy id), solves it exactly and
// greedily, and writes the result. `cohort`: the request's worker ids (empty: every
// worker); `scope`: the cohort's canonical region codes.
absl::StatusOr<v1::AllocationResult> Assemble(const Engine& engine,
                                              const v1::AllocateRequest& request,
                                              const std::vector<std::string>& scope,
                                              std::vector<Target> targets,
                                              const absl::flat_hash_set<std::string>& cohort,
                                              absl::Duration collect_time, absl::Time deadline,
                                              AllocationTimings* timings);

}  // namespace internal_alloc
}  // namespace cakap

#endif  // CAKAP_ENGINE_ALLOCATE_INTERNAL_H_
