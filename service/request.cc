#include "request.h"

#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cakap/field_limits.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"

namespace cakap {
namespace service {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;

bool IsValidUtf8(absl::string_view s) { return EchoValue(s, s.size()) == s; }

// The path of the first string field in `bytes` (a message of type `d`) that is not valid
// UTF-8, e.g. "worker.certificates[1].scheme", or "" when there is none or the bytes are
// malformed before one is found. The walk follows the wire format, so it finds what
// protobuf's own check refuses without logging an error line per bad request.
std::string FindInvalidUtf8(absl::string_view bytes, const Descriptor* d, const std::string& path,
                            int depth) {
  if (depth > 32) return "";
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  absl::flat_hash_map<int, int> seen;  // entries of each repeated field so far
  for (uint32_t tag = in.ReadTag(); tag != 0; tag = in.ReadTag()) {
    const int number = WireFormatLite::GetTagFieldNumber(tag);
    const FieldDescriptor* f = d->FindFieldByNumber(number);
    if (f == nullptr ||
        WireFormatLite::GetTagWireType(tag) != WireFormatLite::WIRETYPE_LENGTH_DELIMITED ||
        (f->type() != FieldDescriptor::TYPE_STRING && f->type() != FieldDescriptor::TYPE_MESSAGE)) {
      if (!WireFormatLite::SkipField(&in, tag)) return "";
      continue;
    }
    std::string value;
    uint32_t size = 0;
    if (!in.ReadVarint32(&size) || !in.ReadString(&value, static_cast<int>(size))) return "";
    std::string field_path = path.empty() ? f->name() : absl::StrCat(path, ".", f->name());
    if (f->is_repeated()) absl::StrAppend(&field_path, "[", seen[number]++, "]");
    if (f->type() == FieldDescriptor::TYPE_STRING) {
      if (!IsValidUtf8(value)) return field_path;
    } else {
      std::string inner = FindInvalidUtf8(value, f->message_type(), field_path, depth + 1);
      if (!inner.empty()) return inner;
    }
  }
  return "";
}

}  // namespace

absl::Status ParseRequest(absl::string_view bytes, google::protobuf::Message* out) {
  const std::string bad_utf8 = FindInvalidUtf8(bytes, out->GetDescriptor(), "", 0);
  if (!bad_utf8.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(bad_utf8, ": is not valid UTF-8"));
  }
  if (!out->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::InvalidArgumentError(
        absl::StrCat("request: not a valid ", out->GetDescriptor()->full_name(),
                     " message (", bytes.size(), " bytes of malformed protobuf)"));
  }
  return CheckFieldLimits(*out);
}

absl::Status ParseRequest(const grpc::ByteBuffer& bytes, google::protobuf::Message* out) {
  std::vector<grpc::Slice> slices;
  if (!bytes.Dump(&slices).ok()) return absl::InvalidArgumentError("request: unreadable");
  if (slices.size() == 1) {
    return ParseRequest(absl::string_view(reinterpret_cast<const char*>(slices[0].begin()),
                                          slices[0].size()),
                        out);
  }
  std::string joined;
  joined.reserve(bytes.Length());
  for (const grpc::Slice& s : slices) joined.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return ParseRequest(joined, out);
}

absl::Status Within(const absl::Status& status, absl::string_view parent) {
  if (!absl::IsInvalidArgument(status) || parent.empty()) return status;
  return absl::InvalidArgumentError(absl::StrCat(parent, ".", status.message()));
}

absl::Status Renamed(const absl::Status& status, absl::string_view from, absl::string_view to) {
  if (!absl::IsInvalidArgument(status)) return status;
  const absl::string_view message = status.message();
  if (!absl::StartsWith(message, from) || message.size() == from.size() ||
      (message[from.size()] != ':' && message[from.size()] != '.' &&
       message[from.size()] != '[')) {
    return status;
  }
  return absl::InvalidArgumentError(absl::StrCat(to, message.substr(from.size())));
}

}  // namespace service
}  // namespace cakap
