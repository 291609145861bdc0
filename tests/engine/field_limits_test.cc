// The one table of input bounds (cakap/field_limits.h) against the proto: every string,
// bytes and repeated field of a stored message or a gRPC request has a limit, each limit
// is enforced with the field path named, and the reported case (a 10 MB kecamatan) is
// rejected without storing anything.
#include "cakap/field_limits.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cakap/engine.h"
#include "cakap/v1/alerts.pb.h"
#include "cakap/v1/allocation.pb.h"
#include "cakap/v1/lexicon.pb.h"
#include "cakap/v1/figures.pb.h"
#include "cakap/v1/ledger.pb.h"
#include "cakap/v1/service.pb.h"
#include "engine/test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap_test {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Every message a caller can send or the engine stores: Worker, Vacancy and the input of
// every rpc of service.proto, lexicon.proto, allocation.proto and alerts.proto, and (by
// the walk) every message they contain.
std::vector<const Descriptor*> Roots() {
  std::vector<const Descriptor*> roots = {cakap::v1::Worker::descriptor(),
                                          cakap::v1::Vacancy::descriptor()};
  // Referencing a request type links its .pb.cc, so the file is in the pool.
  for (const google::protobuf::FileDescriptor* file :
       {cakap::v1::GetWorkerRequest::descriptor()->file(),
        cakap::v1::LookupSkillsRequest::descriptor()->file(),
        cakap::v1::AllocateRequest::descriptor()->file(),
        cakap::v1::WatchVacancyRequest::descriptor()->file(),
        cakap::v1::RecordPlacementRequest::descriptor()->file(),
        cakap::v1::GetFiguresRequest::descriptor()->file()}) {
    for (int s = 0; s < file->service_count(); ++s) {
      for (int m = 0; m < file->service(s)->method_count(); ++m) {
        roots.push_back(file->service(s)->method(m)->input_type());
      }
    }
  }
  return roots;
}

void Walk(const Descriptor* d, std::set<const Descriptor*>* seen,
          std::vector<const FieldDescriptor*>* out) {
  if (!seen->insert(d).second) return;
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    out->push_back(f);
    if (f->message_type() != nullptr) Walk(f->message_type(), seen, out);
  }
}

bool IsText(const FieldDescriptor* f) {
  return f->type() == FieldDescriptor::TYPE_STRING || f->type() == FieldDescriptor::TYPE_BYTES;
}

TEST(FieldLimitsTest, EveryStringAndRepeatedFieldOfARequestOrRecordHasALimit) {
  std::set<const Descriptor*> seen;
  std::vector<const FieldDescriptor*> fields;
  for (const Descriptor* d : Roots()) Walk(d, &seen, &fields);
  ASSERT_GT(seen.size(), 12u);  // Worker, Vacancy, their parts and the requests
  int bounded = 0;
  for (const FieldDescriptor* f : fields) {
    if (!IsText(f) && !f->is_repeated()) continue;
    const cakap::FieldLimit* limit = cakap::FindFieldLimit(f->full_name());
    EXPECT_NE(limit, nullptr) << f->full_name()
                              << " has no limit in engine/src/field_limits.cc";
    if (limit == nullptr) continue;
    ++bounded;
    EXPECT_EQ(limit->max_bytes > 0, IsText(f)) << f->full_name();
    EXPECT_EQ(limit->max_count > 0, f->is_repeated()) << f->full_name();
  }
  EXPECT_GE(bounded, 38);
  // No entry names a field that does not exist (a renamed field would go unchecked).
  for (const cakap::FieldLimit& limit : cakap::FieldLimits()) {
    EXPECT_NE(google::protobuf::DescriptorPool::generated_pool()->FindFieldByName(
                  std::string(limit.field)),
              nullptr)
        << limit.field;
  }
}

// Sets the field at `path` ("certificates.skills": through the first entry of a repeated
// message) to `bytes` bytes (a string field) or `count` entries (a repeated one).
void Fill(Message* m, const std::vector<std::string>& path, size_t i, size_t bytes, size_t count) {
  const FieldDescriptor* f = m->GetDescriptor()->FindFieldByName(path[i]);
  ASSERT_NE(f, nullptr) << path[i];
  const Reflection* r = m->GetReflection();
  if (i + 1 < path.size()) {
    Message* sub = f->is_repeated() ? (r->FieldSize(*m, f) > 0
                                           ? r->MutableRepeatedMessage(m, f, 0)
                                           : r->AddMessage(m, f))
                                    : r->MutableMessage(m, f);
    Fill(sub, path, i + 1, bytes, count);
    return;
  }
  if (!f->is_repeated()) {
    r->SetString(m, f, std::string(bytes, '7'));
    return;
  }
  r->ClearField(m, f);
  for (size_t k = 0; k < count; ++k) {
    if (IsText(f)) {
      r->AddString(m, f, std::string(bytes, '7'));
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
      r->AddEnumValue(m, f, 1);
    } else {
      r->AddMessage(m, f);
    }
  }
}

// The field paths below `d` whose fields have an entry, e.g. "domicile.kecamatan".
void Paths(const Descriptor* d, const std::string& prefix, std::vector<std::string>* out) {
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const std::string path = prefix.empty() ? f->name() : prefix + "." + f->name();
    if (cakap::FindFieldLimit(f->full_name()) != nullptr) out->push_back(path);
    if (f->message_type() != nullptr) Paths(f->message_type(), path, out);
  }
}

// Each limit holds exactly: at the limit passes the table, one over is InvalidArgument
// naming the path (entries counted before their lengths), and the engine says so too.
void CheckEveryLimit(const Message& base, const std::function<absl::Status(const Message&)>& store) {
  std::vector<std::string> paths;
  Paths(base.GetDescriptor(), "", &paths);
  ASSERT_FALSE(paths.empty());
  for (const std::string& path : paths) {
    const std::vector<std::string> parts = absl::StrSplit(path, '.');
    std::unique_ptr<Message> at(base.New());
    at->CopyFrom(base);
    // The path's field descriptor, for its limit.
    const Descriptor* d = base.GetDescriptor();
    const FieldDescriptor* f = nullptr;
    for (const std::string& p : parts) {
      f = d->FindFieldByName(p);
      if (f->message_type() != nullptr) d = f->message_type();
    }
    const cakap::FieldLimit* limit = cakap::FindFieldLimit(f->full_name());
    const size_t bytes = IsText(f) ? limit->max_bytes : 0;
    Fill(at.get(), parts, 0, bytes, limit->max_count);
    EXPECT_TRUE(cakap::CheckFieldLimits(*at).ok()) << path << " at its limit: "
                                                   << cakap::CheckFieldLimits(*at);
    std::unique_ptr<Message> over(base.New());
    over->CopyFrom(base);
    // Over by one: one more entry, or one more byte in a single value.
    Fill(over.get(), parts, 0, bytes + (f->is_repeated() ? 0 : 1),
         f->is_repeated() ? limit->max_count + 1 : 0);
    // A repeated path below a repeated message is named through its first entry.
    std::string want;
    const Descriptor* walk = base.GetDescriptor();
    for (size_t k = 0; k < parts.size(); ++k) {
      const FieldDescriptor* part = walk->FindFieldByName(parts[k]);
      absl::StrAppend(&want, k == 0 ? "" : ".", parts[k]);
      if (k + 1 < parts.size() && part->is_repeated()) absl::StrAppend(&want, "[0]");
      if (part->message_type() != nullptr) walk = part->message_type();
    }
    absl::Status s = store(*over);
    EXPECT_TRUE(absl::IsInvalidArgument(s)) << path << ": " << s;
    EXPECT_TRUE(absl::StartsWith(s.message(), want + ": ")) << path << ": " << s;
    EXPECT_LT(s.message().size(), 120u) << "the value is not echoed: " << path;
    if (f->is_repeated() && IsText(f)) {
      // One entry one byte too long.
      std::unique_ptr<Message> entry(base.New());
      entry->CopyFrom(base);
      Fill(entry.get(), parts, 0, limit->max_bytes + 1, 1);
      s = store(*entry);
      EXPECT_TRUE(absl::StartsWith(s.message(), want + "[0]: is ")) << path << ": " << s;
    }
  }
}

class FieldLimitsEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto e = OpenEngine(dir_.path());
    ASSERT_TRUE(e.ok()) << e.status();
    engine_ = *std::move(e);
  }
  TempDir dir_;
  std::unique_ptr<cakap::Engine> engine_;
};

TEST_F(FieldLimitsEngineTest, EveryWorkerLimitIsEnforced) {
  const cakap::v1::Worker base = WorkerBuilder("w-1").Region("63.11").Skill("LAS");
  CheckEveryLimit(base, [&](const Message& m) {
    return engine_->UpsertWorker(static_cast<const cakap::v1::Worker&>(m));
  });
  EXPECT_EQ(engine_->Stats()->workers, 0);
}

TEST_F(FieldLimitsEngineTest, EveryVacancyLimitIsEnforced) {
  const cakap::v1::Vacancy base = VacancyBuilder("v-1").Require("LAS");
  CheckEveryLimit(base, [&](const Message& m) {
    return engine_->UpsertVacancy(static_cast<const cakap::v1::Vacancy&>(m));
  });
  CheckEveryLimit(base, [&](const Message& m) {
    return engine_->Match(static_cast<const cakap::v1::Vacancy&>(m), {}).status();
  });
  EXPECT_EQ(engine_->Stats()->vacancies, 0);
}

// The reported case: a 10 MB kecamatan was stored and echoed in every reply.
TEST_F(FieldLimitsEngineTest, TenMegabyteKecamatanIsRejectedAndNothingStored) {
  const uint64_t revision = engine_->Stats()->revision;
  cakap::v1::Vacancy v = VacancyBuilder("v-big").Require("LAS").Region("63.11").Radius(50).Open();
  v.mutable_location()->set_kecamatan(std::string(10 << 20, 'k'));
  absl::Status s = engine_->UpsertVacancy(v);
  EXPECT_TRUE(absl::IsInvalidArgument(s)) << s;
  EXPECT_EQ(s.message(), "location.kecamatan: is 10485760 bytes, at most 100 allowed");
  EXPECT_TRUE(absl::IsNotFound(engine_->GetVacancy("v-big").status()));
  EXPECT_EQ(engine_->Stats()->revision, revision);
  EXPECT_EQ(engine_->Stats()->vacancies, 0);

  cakap::v1::Worker w = WorkerBuilder("w-big").Region("63.11").Skill("LAS");
  w.mutable_domicile()->set_kecamatan(std::string(10 << 20, 'k'));
  s = engine_->UpsertWorker(w);
  EXPECT_EQ(s.message(), "domicile.kecamatan: is 10485760 bytes, at most 100 allowed");
  EXPECT_TRUE(absl::IsNotFound(engine_->GetWorker("w-big").status()));
  EXPECT_EQ(engine_->Stats()->revision, revision);

  // At the limit it is stored and returned whole.
  v.mutable_location()->set_kecamatan(std::string(100, 'k'));
  ASSERT_TRUE(engine_->UpsertVacancy(v).ok());
  EXPECT_EQ(engine_->GetVacancy("v-big")->location().kecamatan().size(), 100u);
}

TEST(EchoValueTest, CutsOnACharacterBoundaryAndReplacesInvalidBytes) {
  EXPECT_EQ(cakap::EchoValue("abc", 64), "abc");
  // "é" is 2 bytes: a cut after 3 bytes keeps "aé", never half of the next one.
  EXPECT_EQ(cakap::EchoValue("a\xC3\xA9\xC3\xA9", 4), "a\xC3\xA9...");
  EXPECT_EQ(cakap::EchoValue("a\xE2\x82\xAC", 3), "a...");
  EXPECT_EQ(cakap::EchoValue("\xFF" "a\xC3", 64), "\xEF\xBF\xBD" "a\xEF\xBF\xBD");
  EXPECT_EQ(cakap::EchoValue("\xED\xA0\x80", 64), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(cakap::EchoValue("\xF0\x9F\x98\x80", 64), "\xF0\x9F\x98\x80");
  // What the engine echoes stays valid UTF-8 whatever a C++ caller passes.
  TempDir dir;
  auto engine = OpenEngine(dir.path());
  ASSERT_TRUE(engine.ok());
  cakap::v1::Vacancy v = VacancyBuilder().Require("las\xFF");
  absl::Status s = (*engine)->Match(v, {}).status();
  ASSERT_TRUE(absl::IsInvalidArgument(s)) << s;
  EXPECT_EQ(s.message(), "required_skills[0]: unknown skill \"las\xEF\xBF\xBD\"");
  v = VacancyBuilder().Start("2026-1\xC3\xA9-1");
  s = (*engine)->Match(v, {}).status();
  EXPECT_EQ(s.message(), "start_date: \"2026-1\xC3\xA9-1\" is not a date YYYY-MM-DD");
}

}  // namespace
}  // namespace cakap_test
