#include "proto_json.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/wire_format_lite.h"

namespace cakap {
namespace service {
namespace {

namespace pb = google::protobuf;

constexpr char kHex[] = "0123456789abcdef";

void AppendU16Escape(uint32_t unit, std::string* out) {
  const char escape[6] = {'\\', 'u', kHex[(unit >> 12) & 0xf], kHex[(unit >> 8) & 0xf],
                          kHex[(unit >> 4) & 0xf], kHex[unit & 0xf]};
  out->append(escape, 6);
}

// Code points above U+009F that protobuf's JSON escaping writes as \u escapes although JSON
// does not require it (invisible and format characters that confuse JavaScript), as
// ranges of [first, last].
constexpr uint32_t kEscapedRanges[][2] = {
    {0x00ad, 0x00ad},   {0x0600, 0x0603},   {0x06dd, 0x06dd},   {0x070f, 0x070f},
    {0x17b4, 0x17b5},   {0x200b, 0x200f},   {0x2028, 0x202e},   {0x2060, 0x2064},
    {0x206a, 0x206f},   {0xfeff, 0xfeff},   {0xfff9, 0xfffb},   {0x1d173, 0x1d17a},
    {0xe0001, 0xe0001}, {0xe0020, 0xe007f},
};

bool EscapedAboveLatin1Controls(uint32_t cp) {
  for (const auto& range : kEscapedRanges) {
    if (cp >= range[0] && cp <= range[1]) return true;
  }
  return false;
}

// The length of the well-formed UTF-8 sequence at s[i] and its code point; 0 when the
// bytes there are not well-formed UTF-8 (overlong forms and surrogates included: protobuf
// treats those in its own way, so the caller leaves such a string to protobuf).
int DecodeUtf8(absl::string_view s, size_t i, uint32_t* cp) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t lead = byte(i);
  int length;
  uint32_t min;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2, min = 0x80, *cp = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3, min = 0x800, *cp = lead & 0x0f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4, min = 0x10000, *cp = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (int k = 1; k < length; ++k) {
    const uint8_t next = byte(i + k);
    if ((next & 0xc0) != 0x80) return 0;
    *cp = (*cp << 6) | (next & 0x3f);
  }
  if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff)) return 0;
  return length;
}

// `s` as a JSON string literal, escaped as protobuf escapes: the control characters
// U+0000-U+001F, U+007F-U+009F, '"', '\\', '<' and '>' (for HTML), and the code points of
// kEscapedRanges; everything else as its UTF-8 bytes. False for bytes that are not UTF-8.
bool AppendString(absl::string_view s, std::string* out) {
  out->push_back('"');
  size_t plain = 0;  // start of the bytes not yet copied
  size_t i = 0;
  while (i < s.size()) {
    const uint8_t c = static_cast<uint8_t>(s[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '<' && c != '>') {
      ++i;
      continue;
    }
    out->append(s.data() + plain, i - plain);
    if (c < 0x80) {
      switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\b': out->append("\\b"); break;
        case '\t': out->append("\\t"); break;
        case '\n': out->append("\\n"); break;
        case '\f': out->append("\\f"); break;
        case '\r': out->append("\\r"); break;
        default: AppendU16Escape(c, out);  // other controls, '<', '>', U+007F
      }
      plain = ++i;
      continue;
    }
    uint32_t cp;
    const int length = DecodeUtf8(s, i, &cp);
    if (length == 0) return false;
    if (cp <= 0x9f) {
      AppendU16Escape(cp, out);
    } else if (EscapedAboveLatin1Controls(cp)) {
      if (cp < 0x10000) {
        AppendU16Escape(cp, out);
      } else {  // a UTF-16 surrogate pair
        AppendU16Escape(0xd800 + ((cp - 0x10000) >> 10), out);
        AppendU16Escape(0xdc00 + ((cp - 0x10000) & 0x3ff), out);
      }
    } else {
      out->append(s.data() + i, length);
    }
    plain = i += length;
  }
  out->append(s.data() + plain, s.size() - plain);
  out->push_back('"');
  return true;
}

// protobuf's SimpleDtoa ("%.15g", or "%.17g" when 15 digits do not read back as the same
// double), with std::to_chars and std::from_chars, which round exactly as printf and strtod
// do; NaN and the infinities as the JSON mapping's strings.
void AppendDouble(double value, std::string* out) {
  if (std::isnan(value)) {
    out->append("\"NaN\"");
    return;
  }
  if (std::isinf(value)) {
    out->append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    return;
  }
  char buffer[40];
  std::to_chars_result printed =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
  double back = 0;
  const std::from_chars_result read = std::from_chars(buffer, printed.ptr, back);
  if (read.ec != std::errc()) {  // subnormal: strtod reads it as printf meant it
    *printed.ptr = '\0';
    back = std::strtod(buffer, nullptr);
  }
  if (back != value) {
    printed = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 17);
  }
  out->append(buffer, printed.ptr);
}

}  // namespace

const JsonPrinter::MessagePlan& JsonPrinter::PlanFor(const pb::Descriptor* type) const {
  {
    absl::ReaderMutexLock lock(&mu_);
    const auto it = plans_.find(type);
    if (it != plans_.end()) return it->second;
  }
  absl::MutexLock lock(&mu_);
  return MakePlan(type);
}

JsonPrinter::MessagePlan& JsonPrinter::MakePlan(const pb::Descriptor* type) const {
  const auto [it, made] = plans_.try_emplace(type);
  MessagePlan& plan = it->second;
  if (!made) return plan;  // made before, or being made further up (a recursive type)
  int max_number = 0;
  for (int i = 0; i < type->field_count(); ++i) {
    max_number = std::max(max_number, type->field(i)->number());
  }
  // google.protobuf types have JSON forms of their own; huge field numbers would make a
  // huge table. Both go to protobuf's printer.
  if (type->file()->package() == "google.protobuf" || max_number > 10000) return plan;
  plan.by_number.resize(max_number + 1);
  for (int i = 0; i < type->field_count(); ++i) {
    const pb::FieldDescriptor* field = type->field(i);
    FieldPlan& f = plan.by_number[field->number()];
    (void)AppendString(field->json_name(), &f.key);  // an identifier: always UTF-8
    f.key.push_back(':');
    f.type = field->type();
    f.repeated = field->is_repeated();
    switch (field->type()) {
      case pb::FieldDescriptor::TYPE_BYTES:  // base64
      case pb::FieldDescriptor::TYPE_FLOAT:  // SimpleFtoa: none in cakap's protos
      case pb::FieldDescriptor::TYPE_GROUP:
        break;
      case pb::FieldDescriptor::TYPE_MESSAGE:
        f.supported = !field->is_map();  // a map is an object, not a list of entries
        f.message = &MakePlan(field->message_type());
        break;
      case pb::FieldDescriptor::TYPE_ENUM:
        f.supported = true;
        f.enum_type = field->enum_type();
        break;
      default:
        f.supported = true;
    }
  }
  plan.supported = true;
  return plan;
}

bool JsonPrinter::PrintFast(const pb::Message& message, std::string* out) const {
  const MessagePlan& plan = PlanFor(message.GetDescriptor());
  std::string binary;
  if (!message.SerializeToString(&binary)) return false;
  pb::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(binary.data()),
                              static_cast<int>(binary.size()));
  out->clear();
  out->reserve(binary.size() * 2 + 16);
  return PrintMessage(plan, in, 0, out) && in.CurrentPosition() == static_cast<int>(binary.size());
}

std::string JsonPrinter::Print(const pb::Message& message) const {
  std::string out;
  if (PrintFast(message, &out)) return out;
  out.clear();
  (void)pb::util::MessageToJsonString(message, &out, pb::util::JsonPrintOptions());
  return out;
}

// The fields of one message, as they come in the binary encoding (by field number, each
// repeated field's elements together): protobuf's printer reads them in the same order.
bool JsonPrinter::PrintMessage(const MessagePlan& plan, pb::io::CodedInputStream& in,
                               int depth, std::string* out) const {
  if (!plan.supported || depth > kMaxDepth) return false;
  out->push_back('{');
  int open_list = 0;  // the repeated field whose '[' is open
  bool first = true;
  for (uint32_t tag; (tag = in.ReadTag()) != 0;) {
    const uint32_t number = tag >> 3;
    const FieldPlan* field = number < plan.by_number.size() ? &plan.by_number[number] : nullptr;
    if (field == nullptr || field->key.empty()) {  // unknown: protobuf does not print them
      if (!pb::internal::WireFormatLite::SkipField(&in, tag)) return false;
      continue;
    }
    if (!field->supported) return false;
    if (static_cast<int>(number) == open_list) {
      out->push_back(',');  // the list's next element
    } else {
      if (open_list != 0) out->push_back(']');
      open_list = 0;
      if (!first) out->push_back(',');
      first = false;
      out->append(field->key);
      if (field->repeated) {
        out->push_back('[');
        open_list = static_cast<int>(number);
      }
    }
    if (!PrintValue(*field, static_cast<int>(tag & 7), in, depth, out)) return false;
  }
  if (open_list != 0) out->push_back(']');
  out->push_back('}');
  return true;
}

bool JsonPrinter::PrintValue(const FieldPlan& field, int wire_type,
                             pb::io::CodedInputStream& in, int depth, std::string* out) const {
  using WFL = pb::internal::WireFormatLite;
  const bool delimited = wire_type == WFL::WIRETYPE_LENGTH_DELIMITED;
  switch (field.type) {
    case pb::FieldDescriptor::TYPE_STRING: {
      uint32_t size = 0;
      if (!delimited || !in.ReadVarint32(&size)) return false;
      const void* data = nullptr;
      int available = 0;
      if (size == 0) return AppendString("", out);
      if (!in.GetDirectBufferPointer(&data, &available) || available < static_cast<int>(size)) {
        return false;
      }
      if (!AppendString(absl::string_view(static_cast<const char*>(data), size), out)) {
        return false;
      }
      return in.Skip(static_cast<int>(size));
    }
    case pb::FieldDescriptor::TYPE_MESSAGE: {
      uint32_t size = 0;
      if (!delimited || !in.ReadVarint32(&size)) return false;
      const pb::io::CodedInputStream::Limit limit = in.PushLimit(static_cast<int>(size));
      const bool ok = PrintMessage(*field.message, in, depth + 1, out) && in.BytesUntilLimit() == 0;
      in.PopLimit(limit);
      return ok;
    }
    default:
      break;
  }
  if (field.repeated && delimited) {  // packed scalars: one record, the values back to back
    uint32_t size = 0;
    if (!in.ReadVarint32(&size)) return false;
    const pb::io::CodedInputStream::Limit limit = in.PushLimit(static_cast<int>(size));
    bool ok = true;
    for (bool first = true; ok && in.BytesUntilLimit() > 0; first = false) {
      if (!first) out->push_back(',');
      ok = PrintScalar(field, in, out);
    }
    in.PopLimit(limit);
    return ok;
  }
  if (wire_type != WFL::WireTypeForFieldType(static_cast<WFL::FieldType>(field.type))) return false;
  return PrintScalar(field, in, out);
}

bool JsonPrinter::PrintScalar(const FieldPlan& field, pb::io::CodedInputStream& in,
                              std::string* out) const {
  using WFL = pb::internal::WireFormatLite;
  uint32_t u32 = 0;
  uint64_t u64 = 0;
  switch (field.type) {
    case pb::FieldDescriptor::TYPE_INT32:
      if (!in.ReadVarint32(&u32)) return false;
      absl::StrAppend(out, static_cast<int32_t>(u32));
      return true;
    case pb::FieldDescriptor::TYPE_SINT32:
      if (!in.ReadVarint32(&u32)) return false;
      absl::StrAppend(out, WFL::ZigZagDecode32(u32));
      return true;
    case pb::FieldDescriptor::TYPE_UINT32:
      if (!in.ReadVarint32(&u32)) return false;
      absl::StrAppend(out, u32);
      return true;
    case pb::FieldDescriptor::TYPE_FIXED32:
      if (!in.ReadLittleEndian32(&u32)) return false;
      absl::StrAppend(out, u32);
      return true;
    case pb::FieldDescriptor::TYPE_SFIXED32:
      if (!in.ReadLittleEndian32(&u32)) return false;
      absl::StrAppend(out, static_cast<int32_t>(u32));
      return true;
    // 64-bit integers are strings in JSON (JavaScript's numbers stop at 2^53).
    case pb::FieldDescriptor::TYPE_INT64:
      if (!in.ReadVarint64(&u64)) return false;
      absl::StrAppend(out, "\"", static_cast<int64_t>(u64), "\"");
      return true;
    case pb::FieldDescriptor::TYPE_SINT64:
      if (!in.ReadVarint64(&u64)) return false;
      absl::StrAppend(out, "\"", WFL::ZigZagDecode64(u64), "\"");
      return true;
    case pb::FieldDescriptor::TYPE_UINT64:
      if (!in.ReadVarint64(&u64)) return false;
      absl::StrAppend(out, "\"", u64, "\"");
      return true;
    case pb::FieldDescriptor::TYPE_FIXED64:
      if (!in.ReadLittleEndian64(&u64)) return false;
      absl::StrAppend(out, "\"", u64, "\"");
      return true;
    case pb::FieldDescriptor::TYPE_SFIXED64:
      if (!in.ReadLittleEndian64(&u64)) return false;
      absl::StrAppend(out, "\"", static_cast<int64_t>(u64), "\"");
      return true;
    case pb::FieldDescriptor::TYPE_BOOL:
      if (!in.ReadVarint64(&u64)) return false;
      out->append(u64 != 0 ? "true" : "false");
      return true;
    case pb::FieldDescriptor::TYPE_ENUM: {
      if (!in.ReadVarint32(&u32)) return false;
      const pb::EnumValueDescriptor* value =
          field.enum_type->FindValueByNumber(static_cast<int32_t>(u32));
      return value != nullptr && AppendString(value->name(), out);  // no name: protobuf's way
    }
    case pb::FieldDescriptor::TYPE_DOUBLE: {
      if (!in.ReadLittleEndian64(&u64)) return false;
      double value;
      std::memcpy(&value, &u64, sizeof value);
      AppendDouble(value, out);
      return true;
    }
    default:
      return false;
  }
}

}  // namespace service
}  // namespace cakap
