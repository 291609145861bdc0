// The local-worker quota's re-ranking (docs/ranking.md, "Local-worker quota"). The ranking
// is the first, in score order, of those in which every prefix of k candidates holds at
// least floor(share * k) local ones while local candidates remain: position by position,
// the best remaining candidate, unless the prefix would fall short of the quota, and then
// the best remaining local one. Scores never change; within each kind the order is the
// score order, so a page needs only the best few of each kind after the previous page.
#ifndef CAKAP_ENGINE_QUOTA_H_
#define CAKAP_ENGINE_QUOTA_H_

#include <cstdint>
#include <vector>

#include "absl/functional/function_ref.h"

namespace cakap {

// floor(share * k) for a share in millionths: exact integer arithmetic.
inline int64_t LocalsRequired(int64_t share_micro, int64_t k) {
  return share_micro * k / 1000000;
}

// How many candidates of each kind the pages before this one placed.
struct QuotaPosition {
  int64_t locals = 0;
  int64_t others = 0;
};

// One placed candidate: an index into the local or the other list.
struct QuotaPlacement {
  bool local = false;
  size_t index = 0;
  // Placed ahead of a better-scored non-local candidate to meet the quota.
  bool moved = false;
};

// Places up to `n` candidates from `locals` and `others` (each the best remaining of its
// kind, best first) after `position`, which it advances. `before(i, j)`: whether local i
// comes before other j in score order.
std::vector<QuotaPlacement> PlaceForQuota(int64_t share_micro, size_t locals, size_t others,
                                          size_t n, QuotaPosition* position,
                                          absl::FunctionRef<bool(size_t, size_t)> before);

}  // namespace cakap

#endif  // CAKAP_ENGINE_QUOTA_H_
