// The Connect codec's JSON printer: a message as the protobuf JSON mapping, byte for byte
// what protobuf 3.21's MessageToJsonString prints with default options (lowerCamelCase
// names, fields at their default left out, int64 as strings, enums by name), several times
// faster.
//
// Why: protobuf 3.21 prints JSON by serialising the message to binary and reading that back
// through a type resolver and a chain of object writers; for a page of 20 candidates with
// their worker records (about 24 KB of JSON) that took a third of a millisecond, a third of
// a PHP backend's whole call (docs/benchmarks.md, "Through HTTP/JSON"). This printer reads
// the same binary encoding, as protobuf's printer does (so fields come out in the same
// order), but through a plan per message type made once: each field's quoted JSON name
// ready to copy, its type, the plan of its message type.
//
// It does only what cakap's protos need. For anything else (map fields, bytes, floats,
// google.protobuf.* types, an enum number with no name, strings that are not valid UTF-8)
// it hands the message to protobuf's printer, so its output is always protobuf's output.
// proto_json_test.cc checks the two agree on every escaping and number edge and on random
// messages of every cakap.v1 type.
//
//   JsonPrinter printer;                      // one per server; thread-safe
//   std::string json = printer.Print(reply);  // == MessageToJsonString(reply)
#ifndef CAKAP_SERVICE_PROTO_JSON_H_
#define CAKAP_SERVICE_PROTO_JSON_H_

#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/node_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/message.h"

namespace cakap {
namespace service {

class JsonPrinter {
 public:
  JsonPrinter() = default;
  JsonPrinter(const JsonPrinter&) = delete;
  JsonPrinter& operator=(const JsonPrinter&) = delete;

  // `message` as compact protobuf JSON (what MessageToJsonString prints by default).
  std::string Print(const google::protobuf::Message& message) const;

  // The fast path alone: false, with `out` unspecified, when `message` holds something it
  // leaves to protobuf (see above). For tests and benchmarks; callers use Print.
  bool PrintFast(const google::protobuf::Message& message, std::string* out) const;

 private:
  struct MessagePlan;
  struct FieldPlan {
    std::string key;  // "jsonName": (quoted, escaped, with the colon)
    google::protobuf::FieldDescriptor::Type type = google::protobuf::FieldDescriptor::TYPE_INT32;
    bool repeated = false;
    bool supported = false;  // false: the message goes to protobuf's printer
    const google::protobuf::EnumDescriptor* enum_type = nullptr;
    const MessagePlan* message = nullptr;  // for message fields
  };
  struct MessagePlan {
    std::vector<FieldPlan> by_number;  // indexed by field number; unset numbers unsupported
    bool supported = false;            // false: a google.protobuf type or huge field numbers
  };

  // The plan of `type`, made (with the plans of every type it reaches) on first use.
  const MessagePlan& PlanFor(const google::protobuf::Descriptor* type) const
      ABSL_LOCKS_EXCLUDED(mu_);
  MessagePlan& MakePlan(const google::protobuf::Descriptor* type) const
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Messages nested deeper go to protobuf's printer.
  static constexpr int kMaxDepth = 100;

  bool PrintMessage(const MessagePlan& plan, google::protobuf::io::CodedInputStream& in,
                    int depth, std::string* out) const;
  bool PrintValue(const FieldPlan& field, int wire_type,
                  google::protobuf::io::CodedInputStream& in, int depth, std::string* out) const;
  bool PrintScalar(const FieldPlan& field, google::protobuf::io::CodedInputStream& in,
                   std::string* out) const;

  mutable absl::Mutex mu_;
  // Plans never move once made (node map): plans point at each other.
  mutable absl::node_hash_map<const google::protobuf::Descriptor*, MessagePlan> plans_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_PROTO_JSON_H_
