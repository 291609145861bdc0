// Structured values from fuzz bytes: a small stand-in for libFuzzer's FuzzedDataProvider
// that also builds with gcc (the corpus replay runs in the normal build). Reading past
// the end yields zeros and empty strings, never an error, so every input means something.
#ifndef CAKAP_TESTS_FUZZ_BYTE_READER_H_
#define CAKAP_TESTS_FUZZ_BYTE_READER_H_

#include <cstdint>
#include <cstring>
#include <string>

#include "absl/strings/string_view.h"

namespace cakap {
namespace fuzz {

class ByteReader {
 public:
  explicit ByteReader(absl::string_view in) : in_(in) {}
  bool empty() const { return in_.empty(); }

  template <typename T>
  T Raw() {
    T v{};
    const size_t n = in_.size() < sizeof(T) ? in_.size() : sizeof(T);
    std::memcpy(&v, in_.data(), n);
    in_.remove_prefix(n);
    return v;
  }
  uint8_t U8() { return Raw<uint8_t>(); }
  bool Bool() { return (U8() & 1) != 0; }
  // A length byte (at most `max`), then that many bytes.
  std::string String(size_t max) {
    size_t n = U8();
    if (n > max) n = n % (max + 1);
    if (n > in_.size()) n = in_.size();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  // What is left, all of it.
  absl::string_view Rest() {
    absl::string_view rest = in_;
    in_ = {};
    return rest;
  }

 private:
  absl::string_view in_;
};

}  // namespace fuzz
}  // namespace cakap

#endif  // CAKAP_TESTS_FUZZ_BYTE_READER_H_
