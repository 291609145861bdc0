// Per-key request rate limits: one token bucket per key name.
#ifndef CAKAP_SERVICE_RATE_LIMIT_H_
#define CAKAP_SERVICE_RATE_LIMIT_H_

#include <functional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace cakap {
namespace service {

// A bucket holds up to max(1, rate) tokens and refills at `rate` tokens per second; a
// request takes one token. Buckets are keyed by key name, so they survive a reload of
// the keys file (a changed rate applies from the next request). Thread-safe.
class RateLimiter {
 public:
  // `now` is the clock (absl::Now when null); tests may pass their own.
  explicit RateLimiter(std::function<absl::Time()> now = nullptr);

  // True when `name` may make a request now at `rate` requests per second. A rate <= 0
  // means unlimited.
  bool Allow(absl::string_view name, double rate);

 private:
  struct Bucket {
    double tokens = 0;
    absl::Time last;
  };
  std::function<absl::Time()> now_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_RATE_LIMIT_H_
