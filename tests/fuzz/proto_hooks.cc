// libFuzzer's custom mutation hooks for the targets whose inputs are text-format protos
// (worker, vacancy): structure-aware edits by ProtoMutator instead of byte edits, which
// would mostly break the text syntax and never reach the normaliser.
#include <cstring>

#include "cakap/v1/vacancy.pb.h"
#include "cakap/v1/worker.pb.h"
#include "fuzz_targets.h"
#include "proto_mutator.h"

namespace {

const google::protobuf::Message& Prototype() {
  if (std::strcmp(CAKAP_FUZZ_TARGET, "vacancy") == 0) {
    return cakap::v1::Vacancy::default_instance();
  }
  return cakap::v1::Worker::default_instance();
}

const cakap::fuzz::ProtoMutator& Mutator() {
  static const auto* const mutator = new cakap::fuzz::ProtoMutator(cakap::fuzz::Dictionary());
  return *mutator;
}

}  // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size,
                                          unsigned seed) {
  return Mutator().MutateText(Prototype(), data, size, max_size, seed);
}

extern "C" size_t LLVMFuzzerCustomCrossOver(const uint8_t* data1, size_t size1,
                                            const uint8_t* data2, size_t size2, uint8_t* out,
                                            size_t max_out, unsigned seed) {
  return Mutator().CrossOverText(Prototype(), data1, size1, data2, size2, out, max_out, seed);
}
