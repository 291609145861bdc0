#include "rate_limit.h"

#include <algorithm>
#include <utility>

#include "absl/time/clock.h"

namespace cakap {
namespace service {

RateLimiter::RateLimiter(std::function<absl::Time()> now) : now_(std::move(now)) {
  if (!now_) now_ = [] { return absl::Now(); };
}

bool RateLimiter::Allow(absl::string_view name, double rate) {
  if (!(rate > 0)) return true;
  const double burst = std::max(1.0, rate);
  const absl::Time now = now_();
  absl::MutexLock lock(&mu_);
  auto [it, fresh] = buckets_.try_emplace(std::string(name));
  Bucket& b = it->second;
  if (fresh) {
    b.tokens = burst;
  } else {
    const double elapsed = std::max(0.0, absl::ToDoubleSeconds(now - b.last));
    b.tokens = std::min(burst, b.tokens + elapsed * rate);
  }
  b.last = now;
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

}  // namespace service
}  // namespace cakap
