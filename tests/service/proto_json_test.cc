// The Connect codec's JSON printer (service/proto_json.h) prints exactly what protobuf's
// MessageToJsonString prints: on every escaping and number-format edge, and on random
// messages of every cakap.v1 type; and it takes the fast path on what cakapd sends.
#include "proto_json.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "cakap/v1/alerts.pb.h"
#include "cakap/v1/allocation.pb.h"
#include "cakap/v1/figures.pb.h"
#include "cakap/v1/ledger.pb.h"
#include "cakap/v1/lexicon.pb.h"
#include "cakap/v1/log.pb.h"
#include "cakap/v1/service.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace cakap {
namespace service {
namespace {

namespace pb = google::protobuf;

std::string ProtobufJson(const pb::Message& m) {
  // Quiet: the strings that are not UTF-8 on purpose would each log an error.
  const pb::LogSilencer quiet;
  std::string out;
  (void)pb::util::MessageToJsonString(m, &out, pb::util::JsonPrintOptions());
  return out;
}

// A code point as UTF-8.
std::string Utf8(uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xc0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xe0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    s += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    s += static_cast<char>(0xf0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    s += static_cast<char>(0x80 | (cp & 0x3f));
  }
  return s;
}

TEST(ProtoJsonTest, EveryEscapeEdgeIsPrintedAsProtobufPrintsIt) {
  std::vector<std::string> strings = {"", "Budi Santoso", "a\"b\\c/d", "<script>&'",
                                      "tab\there\nnew\rline\bb\ff", std::string("nul\0x", 5),
                                      "Andi \xc3\xa9\xc3\xa8 \xe2\x82\xac \xf0\x9f\x98\x80"};
  // Every code point around the ranges protobuf escapes, and each range's ends.
  for (uint32_t cp : {0x01u, 0x0bu, 0x1fu, 0x20u, 0x7eu, 0x7fu, 0x80u, 0x9fu, 0xa0u, 0xacu,
                      0xadu, 0xaeu, 0x5ffu, 0x600u, 0x603u, 0x604u, 0x6ddu, 0x70fu, 0x17b3u,
                      0x17b4u, 0x17b5u, 0x17b6u, 0x200au, 0x200bu, 0x200fu, 0x2010u, 0x2027u,
                      0x2028u, 0x202eu, 0x202fu, 0x205fu, 0x2060u, 0x2064u, 0x2065u, 0x2069u,
                      0x206au, 0x206fu, 0x2070u, 0xd7ffu, 0xe000u, 0xfefeu, 0xfeffu, 0xff00u,
                      0xfff8u, 0xfff9u, 0xfffbu, 0xfffcu, 0xffffu, 0x10000u, 0x1d172u, 0x1d173u,
                      0x1d17au, 0x1d17bu, 0xe0000u, 0xe0001u, 0xe0002u, 0xe001fu, 0xe0020u,
                      0xe007fu, 0xe0080u, 0x10ffffu}) {
    strings.push_back("x" + Utf8(cp) + "y");
  }
  // Not UTF-8: a stray continuation byte, a cut sequence, an overlong NUL, a surrogate,
  // beyond U+10FFFF. protobuf's printer handles these its own way; the output must be its.
  for (const char* bad : {"a\x80z", "a\xc3", "a\xe2\x82", "\xc0\x80", "\xed\xa0\x80",
                          "\xf4\x90\x80\x80", "\xff"}) {
    strings.push_back(bad);
  }
  for (const std::string& s : strings) {
    v1::Worker w;
    w.set_display_name(s);
    w.add_skills(s);
    const pb::LogSilencer quiet;
    EXPECT_EQ(JsonPrinter().Print(w), ProtobufJson(w)) << absl::CEscape(s);
  }
}

TEST(ProtoJsonTest, EveryNumberEdgeIsPrintedAsProtobufPrintsIt) {
  const double kDoubles[] = {0.0, -0.0, 0.1, 0.3, 1.0 / 3.0, 2.5235795089789148, 1e15,
                             1e16, 1e17, 123456789012345678.0, 100000.0, 1e21, 1e22, 1e-4,
                             1e-5, 1.5e-7, 0.528209, -115.39911,
                             std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::min(),
                             std::numeric_limits<double>::denorm_min(), 4.9e-320,
                             std::numeric_limits<double>::epsilon(), NAN, INFINITY, -INFINITY};
  for (double d : kDoubles) {
    v1::Candidate c;
    c.set_score(d);
    c.set_distance_km(-d);
    EXPECT_EQ(JsonPrinter().Print(c), ProtobufJson(c)) << d;
    std::string printed;
    EXPECT_TRUE(JsonPrinter().PrintFast(c, &printed)) << d;  // numbers never need protobuf
  }
  for (int64_t n : {int64_t{0}, int64_t{-1}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    v1::Worker w;
    w.set_expected_wage(n);
    w.set_welfare_decile(static_cast<int32_t>(n));
    EXPECT_EQ(JsonPrinter().Print(w), ProtobufJson(w)) << n;
  }
}

// Random values for every field, a few levels deep: strings from an alphabet with every
// escape class, doubles from raw bits, integers at and between their edges, enums known
// and unknown.
class RandomFiller {
 public:
  explicit RandomFiller(uint64_t seed) : rng_(seed) {}

  void Fill(pb::Message* m, int depth) {
    const pb::Descriptor* d = m->GetDescriptor();
    for (int i = 0; i < d->field_count(); ++i) {
      const pb::FieldDescriptor* f = d->field(i);
      if (rng_() % 3 == 0) continue;
      if (f->is_repeated()) {
        const int n = static_cast<int>(rng_() % 4);
        for (int k = 0; k < n; ++k) Add(m, f, depth);
      } else {
        Set(m, f, depth);
      }
    }
  }

 private:
  std::string String() {
    static const std::vector<std::string> kPieces = {
        "a", "Z", " ", "0", "\"", "\\", "<", ">", "/", "\n", "\t", std::string(1, '\0'),
        "\x7f", Utf8(0x85), Utf8(0xe9), Utf8(0xad), Utf8(0x2028), Utf8(0xfeff), Utf8(0x1f600),
        Utf8(0xe0041), "\xc3"};
    std::string s;
    const int n = static_cast<int>(rng_() % 6);
    for (int k = 0; k < n; ++k) s += kPieces[rng_() % kPieces.size()];
    return s;
  }
  double Double() {
    switch (rng_() % 3) {
      case 0: return static_cast<double>(rng_() % 100000) / 1000.0;
      case 1: return 0.0;
      default: {
        const uint64_t bits = rng_();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
      }
    }
  }
  int64_t Int() {
    switch (rng_() % 3) {
      case 0: return static_cast<int64_t>(rng_() % 21) - 10;
      case 1: return rng_() % 2 ? std::numeric_limits<int64_t>::min()
                                : std::numeric_limits<int64_t>::max();
      default: return static_cast<int64_t>(rng_());
    }
  }
  int Enum(const pb::FieldDescriptor* f) {
    const pb::EnumDescriptor* e = f->enum_type();
    if (rng_() % 20 == 0) return 1000 + static_cast<int>(rng_() % 10);  // unknown
    return e->value(static_cast<int>(rng_() % e->value_count()))->number();
  }

  void Set(pb::Message* m, const pb::FieldDescriptor* f, int depth) {
    const pb::Reflection* r = m->GetReflection();
    switch (f->cpp_type()) {
      case pb::FieldDescriptor::CPPTYPE_INT32: r->SetInt32(m, f, static_cast<int32_t>(Int())); break;
      case pb::FieldDescriptor::CPPTYPE_UINT32: r->SetUInt32(m, f, static_cast<uint32_t>(Int())); break;
      case pb::FieldDescriptor::CPPTYPE_INT64: r->SetInt64(m, f, Int()); break;
      case pb::FieldDescriptor::CPPTYPE_UINT64: r->SetUInt64(m, f, static_cast<uint64_t>(Int())); break;
      case pb::FieldDescriptor::CPPTYPE_DOUBLE: r->SetDouble(m, f, Double()); break;
      case pb::FieldDescriptor::CPPTYPE_FLOAT: r->SetFloat(m, f, static_cast<float>(Double())); break;
      case pb::FieldDescriptor::CPPTYPE_BOOL: r->SetBool(m, f, rng_() % 2); break;
      case pb::FieldDescriptor::CPPTYPE_ENUM: r->SetEnumValue(m, f, Enum(f)); break;
      case pb::FieldDescriptor::CPPTYPE_STRING: r->SetString(m, f, String()); break;
      case pb::FieldDescriptor::CPPTYPE_MESSAGE:
        if (depth < 4) Fill(r->MutableMessage(m, f), depth + 1);
        break;
    }
  }
  void Add(pb::Message* m, const pb::FieldDescriptor* f, int depth) {
    const pb::Reflection* r = m->GetReflection();
    switch (f->cpp_type()) {
      case pb::FieldDescriptor::CPPTYPE_INT32: r->AddInt32(m, f, static_cast<int32_t>(Int())); break;
      case pb::FieldDescriptor::CPPTYPE_UINT32: r->AddUInt32(m, f, static_cast<uint32_t>(Int())); break;
      case pb::FieldDescriptor::CPPTYPE_INT64: r->AddInt64(m, f, Int()); break;
      case pb::FieldDescriptor::CPPTYPE_UINT64: r->AddUInt64(m, f, static_cast<uint64_t>(Int())); break;
      case pb::FieldDescriptor::CPPTYPE_DOUBLE: r->AddDouble(m, f, Double()); break;
      case pb::FieldDescriptor::CPPTYPE_FLOAT: r->AddFloat(m, f, static_cast<float>(Double())); break;
      case pb::FieldDescriptor::CPPTYPE_BOOL: r->AddBool(m, f, rng_() % 2); break;
      case pb::FieldDescriptor::CPPTYPE_ENUM: r->AddEnumValue(m, f, Enum(f)); break;
      case pb::FieldDescriptor::CPPTYPE_STRING: r->AddString(m, f, String()); break;
      case pb::FieldDescriptor::CPPTYPE_MESSAGE:
        if (depth < 4) Fill(r->AddMessage(m, f), depth + 1);
        break;
    }
  }

  std::mt19937_64 rng_;
};

// Every message type of cakap.v1: one message of each file names the file (and links it).
std::vector<const pb::Descriptor*> CakapMessageTypes() {
  std::vector<const pb::Descriptor*> out;
  const std::vector<const pb::FileDescriptor*> files = {
      v1::WatchVacancyRequest::descriptor()->file(), v1::AllocateRequest::descriptor()->file(),
      v1::Location::descriptor()->file(),            v1::FiguresSlice::descriptor()->file(),
      v1::Placement::descriptor()->file(),           v1::LookupSkillsRequest::descriptor()->file(),
      v1::AuditLine::descriptor()->file(),           v1::MatchOptions::descriptor()->file(),
      v1::UpsertWorkerRequest::descriptor()->file(), v1::SkillExperience::descriptor()->file(),
      v1::Certificate::descriptor()->file()};
  std::vector<const pb::Descriptor*> pending;
  for (const pb::FileDescriptor* f : files) {
    for (int k = 0; k < f->message_type_count(); ++k) pending.push_back(f->message_type(k));
  }
  while (!pending.empty()) {
    const pb::Descriptor* d = pending.back();
    pending.pop_back();
    out.push_back(d);
    for (int k = 0; k < d->nested_type_count(); ++k) pending.push_back(d->nested_type(k));
  }
  return out;
}

TEST(ProtoJsonTest, RandomMessagesOfEveryTypeArePrintedAsProtobufPrintsThem) {
  const std::vector<const pb::Descriptor*> types = CakapMessageTypes();
  ASSERT_GT(types.size(), 60u);  // every file's messages, not just service.proto's
  int fast = 0, total = 0;
  const JsonPrinter printer;  // one printer for all: plans made once, reused
  for (const pb::Descriptor* type : types) {
    if (type->options().map_entry()) continue;
    const pb::Message* prototype = pb::MessageFactory::generated_factory()->GetPrototype(type);
    for (uint64_t seed = 0; seed < 200; ++seed) {
      std::unique_ptr<pb::Message> m(prototype->New());
      RandomFiller(seed * 7919 + type->index()).Fill(m.get(), 0);
      std::string printed;
      if (printer.PrintFast(*m, &printed)) {
        ++fast;
        ASSERT_EQ(printed, ProtobufJson(*m)) << type->full_name() << " seed " << seed;
      }
      const pb::LogSilencer quiet;
      ASSERT_EQ(printer.Print(*m), ProtobufJson(*m)) << type->full_name() << " seed " << seed;
      ++total;
    }
  }
  // Most random messages take the fast path (the rest hold an unknown enum or a cut UTF-8
  // sequence): the comparison above is of the printer, not of the fallback.
  EXPECT_GT(fast, total / 4) << fast << " of " << total;
}

}  // namespace
}  // namespace service
}  // namespace cakap
