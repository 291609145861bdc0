#include "quota.h"

namespace cakap {

std::vector<QuotaPlacement> PlaceForQuota(int64_t share_micro, size_t locals, size_t others,
                                          size_t n, QuotaPosition* position,
                                          absl::FunctionRef<bool(size_t, size_t)> before) {
  std::vector<QuotaPlacement> out;
  size_t next_local = 0, next_other = 0;
  while (out.size() < n && (next_local < locals || next_other < others)) {
    const int64_t k = position->locals + position->others + 1;  // this position, from 1
    const bool short_of_quota = position->locals < LocalsRequired(share_micro, k);
    const bool local_left = next_local < locals, other_left = next_other < others;
    QuotaPlacement p;
    if (local_left && (!other_left || short_of_quota || before(next_local, next_other))) {
      p.local = true;
      p.index = next_local++;
      p.moved = other_left && !before(p.index, next_other);
      ++position->locals;
    } else {
      p.index = next_other++;
      ++position->others;
    }
    out.push_back(p);
  }
  return out;
}

}  // namespace cakap
