// Batch allocation's limits (Engine::Allocate, proto/cakap/v1/allocation.proto; the
// definition is docs/ranking.md, "Batch allocation").
#ifndef CAKAP_ALLOCATE_H_
#define CAKAP_ALLOCATE_H_

namespace cakap {

// Vacancies of one allocation (vacancy_ids, and the open ones).
inline constexpr int kMaxAllocationVacancies = 10000;
// AllocateRequest.worker_ids entries; also the most places a vacancy can have.
inline constexpr int kMaxAllocationWorkers = 1000000;
// AllocateRequest.slots_per_worker, places_per_opening.
inline constexpr int kMaxSlotsPerWorker = 10;
inline constexpr int kMaxPlacesPerOpening = 100;
// UnplacedWorker.vacancy_ids lists at most this many.
inline constexpr int kMaxUnplacedVacancyIds = 10;

// Where an allocation's time went (Engine::Allocate's optional out-parameter; the
// benchmark reports it).
struct AllocationTimings {
  double collect_ms = 0;  // every candidate of every vacancy, through Engine::Match
  double solve_ms = 0;    // the min-cost flow
  double greedy_ms = 0;   // the greedy baseline
};

}  // namespace cakap

#endif  // CAKAP_ALLOCATE_H_
