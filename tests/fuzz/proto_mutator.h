// Structure-aware mutation of protobuf messages kept in text format, for libFuzzer's
// custom mutator hooks (libprotobuf-mutator is not packaged in Debian bookworm). An input
// is parsed, edited field by field through reflection (a value set to an edge case or a
// lexicon/region word, a repeated element added, removed or copied, a message cleared)
// and printed back, so nearly every mutated input is a well-formed message that gets past
// parsing and into the normaliser. Only built with -DCAKAP_FUZZ=ON.
#ifndef CAKAP_TESTS_FUZZ_PROTO_MUTATOR_H_
#define CAKAP_TESTS_FUZZ_PROTO_MUTATOR_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "google/protobuf/message.h"

namespace cakap {
namespace fuzz {

class ProtoMutator {
 public:
  // `words`: strings a string field may be set to or extended with.
  explicit ProtoMutator(const std::vector<std::string>& words) : words_(words) {}

  // One to four random edits of `message`.
  void Mutate(google::protobuf::Message* message, std::mt19937_64& rng) const;
  // Each field of `out` (of the same type) taken from `a` or `b`.
  void CrossOver(const google::protobuf::Message& a, const google::protobuf::Message& b,
                 google::protobuf::Message* out, std::mt19937_64& rng) const;

  // The bodies of LLVMFuzzerCustomMutator and LLVMFuzzerCustomCrossOver for inputs that
  // are `prototype`'s type in text format. An input that does not parse starts empty.
  size_t MutateText(const google::protobuf::Message& prototype, uint8_t* data, size_t size,
                    size_t max_size, unsigned seed) const;
  size_t CrossOverText(const google::protobuf::Message& prototype, const uint8_t* data1,
                       size_t size1, const uint8_t* data2, size_t size2, uint8_t* out,
                       size_t max_out, unsigned seed) const;

 private:
  void MutateField(google::protobuf::Message* m, const google::protobuf::FieldDescriptor* f,
                   std::mt19937_64& rng) const;
  std::string NewString(const std::string& old, std::mt19937_64& rng) const;

  const std::vector<std::string>& words_;
};

}  // namespace fuzz
}  // namespace cakap

#endif  // CAKAP_TESTS_FUZZ_PROTO_MUTATOR_H_
