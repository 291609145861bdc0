#include "proto_mutator.h"

#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/text_format.h"

// libFuzzer's own byte-level mutation, used inside string fields.
extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace cakap {
namespace fuzz {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

struct FieldRef {
  Message* message;
  const FieldDescriptor* field;
};

// Every field of `m` and of the messages set in it, each a candidate for one edit.
void Collect(Message* m, std::vector<FieldRef>* out) {
  const Descriptor* d = m->GetDescriptor();
  const Reflection* r = m->GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    out->push_back({m, f});
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int j = 0; j < r->FieldSize(*m, f); ++j)
        Collect(r->MutableRepeatedMessage(m, f, j), out);
    } else if (r->HasField(*m, f)) {
      Collect(r->MutableMessage(m, f), out);
    }
  }
}

size_t Pick(std::mt19937_64& rng, size_t n) { return n == 0 ? 0 : rng() % n; }

int64_t NewInt(int64_t old, int64_t lo, int64_t hi, std::mt19937_64& rng) {
  // The edges the normalisers check (KKNI 0-9, decile 0-10, years 1950-2100, openings).
  static constexpr int64_t kEdges[] = {0,  1,    -1,   2,    3,    9,      10,
                                       11, 1949, 1950, 2100, 2101, 100000, 100001};
  switch (rng() % 4) {
    case 0:
      return kEdges[Pick(rng, std::size(kEdges))];
    case 1: {
      // A step from the old value, without the mutator's own overflow at the int64 edges
      // (the wage fields reach them).
      int64_t stepped = 0;
      return __builtin_add_overflow(old, static_cast<int64_t>(rng() % 5) - 2, &stepped) ? old
                                                                                        : stepped;
    }
    case 2:
      return rng() % 2 ? lo : hi;
    default:
      return static_cast<int64_t>(rng());
  }
}

double NewDouble(double old, std::mt19937_64& rng) {
  static constexpr double kEdges[] = {0.0,   -0.0,   1.0,    -1.0, 90.0,   -90.0,
                                      180.0, -180.0, 5000.0, 50.0, 1e-300, 1e300};
  switch (rng() % 6) {
    case 0:
      return kEdges[Pick(rng, std::size(kEdges))];
    case 1:
      return std::nextafter(old, rng() % 2 ? INFINITY : -INFINITY);
    case 2: {
      const double special[] = {NAN, INFINITY, -INFINITY, std::numeric_limits<double>::max(),
                                std::numeric_limits<double>::denorm_min()};
      return special[Pick(rng, std::size(special))];
    }
    case 3:
      return old + (static_cast<double>(rng() % 2001) - 1000.0) / 10.0;
    case 4:
      return (static_cast<double>(rng() % 360001) - 180000.0) / 1000.0;  // a coordinate
    default: {
      double d;
      uint64_t bits = rng();
      std::memcpy(&d, &bits, sizeof d);
      return d;
    }
  }
}

}  // namespace

std::string ProtoMutator::NewString(const std::string& old, std::mt19937_64& rng) const {
  const std::string& word = words_.empty() ? old : words_[Pick(rng, words_.size())];
  switch (rng() % 9) {
    case 0:
    case 1:
      return word;
    case 2:
      return old + (rng() % 2 ? " " : "") + word;
    case 3: {
      // libFuzzer's byte mutations: insert, erase, flip, copy parts, its dictionary.
      std::string buf = old;
      const size_t max = old.size() + 16;
      buf.resize(max);
      size_t n = LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(buf.data()), old.size(), max);
      buf.resize(n);
      return buf;
    }
    case 4:
      return "";
    case 5: {
      // Just under, at and over the documented limits (ids 128, names 200, entries 100).
      static constexpr size_t kLengths[] = {16, 40, 41, 99, 100, 101, 127, 128, 129, 199, 200, 201};
      const size_t n = kLengths[Pick(rng, std::size(kLengths))];
      std::string s = old.empty() ? word : old;
      if (s.empty()) s = "a";
      while (s.size() < n) s += s;
      s.resize(n);
      return s;
    }
    case 6: {
      // Multi-byte UTF-8, invalid UTF-8, NUL and separators.
      static const std::string kBytes[] = {"\xc3\xa9",
                                           "\xe2\x82\xac",
                                           "\xf0\x9f\x94\xa7",
                                           "\xff",
                                           "\xc3",
                                           std::string("\0", 1),
                                           "\t",
                                           "|",
                                           ",",
                                           "=",
                                           "#",
                                           "'",
                                           "\"",
                                           "\\"};
      std::string s = old;
      s.insert(Pick(rng, s.size() + 1), kBytes[Pick(rng, std::size(kBytes))]);
      return s;
    }
    case 7:
      return absl::StrFormat("%04d-%02d-%02d", 1890 + static_cast<int>(rng() % 330),
                             static_cast<int>(rng() % 14), static_cast<int>(rng() % 33));
    default: {
      // Case and punctuation the lexicon ignores.
      std::string s = old.empty() ? word : old;
      for (char& c : s) {
        if (rng() % 3 == 0) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      return rng() % 2 ? absl::StrCat("  ", s, ".") : s;
    }
  }
}

void ProtoMutator::MutateField(Message* m, const FieldDescriptor* f, std::mt19937_64& rng) const {
  const Reflection* r = m->GetReflection();
  const bool repeated = f->is_repeated();
  const int size = repeated ? r->FieldSize(*m, f) : 0;
  int index = -1;  // the repeated element to set, or -1: add one
  if (repeated) {
    const int op = static_cast<int>(rng() % 4);
    if (op == 0 && size > 0) {  // remove one
      r->SwapElements(m, f, static_cast<int>(Pick(rng, size)), size - 1);
      r->RemoveLast(m, f);
      return;
    }
    if (op == 1 && size > 1) {  // reorder
      r->SwapElements(m, f, static_cast<int>(Pick(rng, size)), static_cast<int>(Pick(rng, size)));
      return;
    }
    if (op == 2 && size > 0 && f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {  // copy one
      const Message& from = r->GetRepeatedMessage(*m, f, static_cast<int>(Pick(rng, size)));
      r->AddMessage(m, f)->CopyFrom(from);
      return;
    }
    if (size > 0 && rng() % 2) index = static_cast<int>(Pick(rng, size));
  }
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      if (!repeated && r->HasField(*m, f) && rng() % 4 == 0) {
        r->ClearField(m, f);
        return;
      }
      Message* sub =
          repeated ? (index < 0 ? r->AddMessage(m, f) : r->MutableRepeatedMessage(m, f, index))
                   : r->MutableMessage(m, f);
      const Descriptor* d = sub->GetDescriptor();
      if (d->field_count() > 0)
        MutateField(sub, d->field(static_cast<int>(Pick(rng, d->field_count()))), rng);
      return;
    }
    case FieldDescriptor::CPPTYPE_STRING: {
      const std::string old = repeated
                                  ? (index < 0 ? std::string() : r->GetRepeatedString(*m, f, index))
                                  : r->GetString(*m, f);
      std::string v = NewString(old, rng);
      if (!repeated)
        r->SetString(m, f, std::move(v));
      else if (index < 0)
        r->AddString(m, f, std::move(v));
      else
        r->SetRepeatedString(m, f, index, std::move(v));
      return;
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
      const bool v = rng() % 2 == 0;
      if (!repeated)
        r->SetBool(m, f, !r->GetBool(*m, f));
      else if (index < 0)
        r->AddBool(m, f, v);
      else
        r->SetRepeatedBool(m, f, index, v);
      return;
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
      // A declared value mostly; sometimes a number proto3 keeps though no name has it.
      const auto* e = f->enum_type();
      const int v = rng() % 4 == 0
                        ? static_cast<int>(rng() % 9) - 2
                        : e->value(static_cast<int>(Pick(rng, e->value_count())))->number();
      if (!repeated)
        r->SetEnumValue(m, f, v);
      else if (index < 0)
        r->AddEnumValue(m, f, v);
      else
        r->SetRepeatedEnumValue(m, f, index, v);
      return;
    }
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT: {
      const bool dbl = f->cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE;
      if (repeated) return;  // none in the cakap messages
      const double old = dbl ? r->GetDouble(*m, f) : r->GetFloat(*m, f);
      const double v = NewDouble(old, rng);
      if (dbl)
        r->SetDouble(m, f, v);
      else
        r->SetFloat(m, f, static_cast<float>(v));
      return;
    }
    case FieldDescriptor::CPPTYPE_INT32: {
      if (repeated) return;
      const int64_t v = NewInt(r->GetInt32(*m, f), std::numeric_limits<int32_t>::min(),
                               std::numeric_limits<int32_t>::max(), rng);
      r->SetInt32(m, f, static_cast<int32_t>(v));
      return;
    }
    case FieldDescriptor::CPPTYPE_INT64: {
      if (repeated) return;
      r->SetInt64(m, f,
                  NewInt(r->GetInt64(*m, f), std::numeric_limits<int64_t>::min(),
                         std::numeric_limits<int64_t>::max(), rng));
      return;
    }
    case FieldDescriptor::CPPTYPE_UINT32:
      if (!repeated)
        r->SetUInt32(m, f, static_cast<uint32_t>(NewInt(r->GetUInt32(*m, f), 0, UINT32_MAX, rng)));
      return;
    case FieldDescriptor::CPPTYPE_UINT64:
      if (!repeated) r->SetUInt64(m, f, static_cast<uint64_t>(NewInt(0, 0, -1, rng)));
      return;
  }
}

void ProtoMutator::Mutate(Message* message, std::mt19937_64& rng) const {
  for (int edits = 1 + static_cast<int>(rng() % 4); edits > 0; --edits) {
    std::vector<FieldRef> fields;
    Collect(message, &fields);
    if (fields.empty()) return;
    const FieldRef& pick = fields[Pick(rng, fields.size())];
    MutateField(pick.message, pick.field, rng);
  }
}

void ProtoMutator::CrossOver(const Message& a, const Message& b, Message* out,
                             std::mt19937_64& rng) const {
  out->CopyFrom(a);
  const Descriptor* d = out->GetDescriptor();
  const Reflection* r = out->GetReflection();
  // b's value of a field is swapped in from a copy of b.
  std::unique_ptr<Message> from(b.New());
  from->CopyFrom(b);
  for (int i = 0; i < d->field_count(); ++i) {
    if (rng() % 2) r->SwapFields(out, from.get(), {d->field(i)});
  }
}

size_t ProtoMutator::MutateText(const Message& prototype, uint8_t* data, size_t size,
                                size_t max_size, unsigned seed) const {
  std::mt19937_64 rng(seed);
  std::unique_ptr<Message> m(prototype.New());
  google::protobuf::TextFormat::ParseFromString(
      std::string(reinterpret_cast<const char*>(data), size), m.get());
  Mutate(m.get(), rng);
  std::string text;
  google::protobuf::TextFormat::PrintToString(*m, &text);
  if (text.size() > max_size) return size;  // too long: keep the input as it was
  std::memcpy(data, text.data(), text.size());
  return text.size();
}

size_t ProtoMutator::CrossOverText(const Message& prototype, const uint8_t* data1, size_t size1,
                                   const uint8_t* data2, size_t size2, uint8_t* out, size_t max_out,
                                   unsigned seed) const {
  std::mt19937_64 rng(seed);
  std::unique_ptr<Message> a(prototype.New()), b(prototype.New()), c(prototype.New());
  using google::protobuf::TextFormat;
  TextFormat::ParseFromString(std::string(reinterpret_cast<const char*>(data1), size1), a.get());
  TextFormat::ParseFromString(std::string(reinterpret_cast<const char*>(data2), size2), b.get());
  CrossOver(*a, *b, c.get(), rng);
  std::string text;
  TextFormat::PrintToString(*c, &text);
  if (text.size() > max_out) return 0;
  std::memcpy(out, text.data(), text.size());
  return text.size();
}

}  // namespace fuzz
}  // namespace cakap
