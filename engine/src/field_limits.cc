#include "cakap/field_limits.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "cakap/engine.h"
#include "cakap/allocate.h"
#include "cakap/limits.h"

namespace cakap {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

constexpr size_t kName = 200;       // names, titles, bodies, schemes
constexpr size_t kSkillEntry = 100;  // one skill entry: a code, a name or free text
constexpr size_t kDate = 10;         // "YYYY-MM-DD"
constexpr size_t kRegionCode = 16;   // "63.11"; room for finer codes later

// The table. Every value is quoted by the field's comment in proto/cakap/v1/*.proto.
constexpr FieldLimit kLimits[] = {
    // common.proto
    {"cakap.v1.Location.region_code", kRegionCode, 0},
    {"cakap.v1.Location.kecamatan", 100, 0},
    // worker.proto
    {"cakap.v1.Certificate.issuing_body", kName, 0},
    {"cakap.v1.Certificate.scheme", kName, 0},
    {"cakap.v1.Certificate.skills", kSkillEntry, 32},
    {"cakap.v1.Certificate.number", 100, 0},
    {"cakap.v1.Certificate.issued_on", kDate, 0},
    {"cakap.v1.Certificate.expires_on", kDate, 0},
    {"cakap.v1.Training.programme", kName, 0},
    {"cakap.v1.Training.institution", kName, 0},
    {"cakap.v1.Training.field", kName, 0},
    {"cakap.v1.WorkExperience.employer", kName, 0},
    {"cakap.v1.WorkExperience.skill", kSkillEntry, 0},
    {"cakap.v1.WorkExperience.title", kName, 0},
    {"cakap.v1.WorkExperience.started_on", kDate, 0},
    {"cakap.v1.WorkExperience.ended_on", kDate, 0},
    {"cakap.v1.Training.ended_on", kDate, 0},
    {"cakap.v1.Contact.phone", 40, 0},
    {"cakap.v1.Contact.email", kName, 0},
    {"cakap.v1.Worker.id", kMaxIdBytes, 0},
    {"cakap.v1.Worker.display_name", kName, 0},
    {"cakap.v1.Worker.nik", 16, 0},
    {"cakap.v1.Worker.skills", kSkillEntry, 64},
    {"cakap.v1.Worker.certificates", 0, 32},
    {"cakap.v1.Worker.trainings", 0, 32},
    {"cakap.v1.Worker.available_from", kDate, 0},
    {"cakap.v1.Worker.updated_at", kDate, 0},
    {"cakap.v1.Worker.work_history", 0, 32},
    {"cakap.v1.Worker.birth_date", kDate, 0},
    // vacancy.proto
    {"cakap.v1.Vacancy.id", kMaxIdBytes, 0},
    {"cakap.v1.Vacancy.employer", kName, 0},
    {"cakap.v1.Vacancy.title", kName, 0},
    {"cakap.v1.Vacancy.description", 10000, 0},
    {"cakap.v1.Vacancy.required_skills", kSkillEntry, 16},
    {"cakap.v1.Vacancy.preferred_skills", kSkillEntry, 32},
    {"cakap.v1.Vacancy.keywords", 200, 0},
    {"cakap.v1.Vacancy.accepted_issuers", 0, 8},
    {"cakap.v1.Vacancy.region_codes", kRegionCode, kMaxVacancyRegionCodes},
    {"cakap.v1.Vacancy.start_date", kDate, 0},
    {"cakap.v1.Vacancy.owner", kMaxOwnerNameBytes, 0},
    {"cakap.v1.Vacancy.skill_experience", 0, 16},
    {"cakap.v1.Vacancy.valid_until", kDate, 0},
    {"cakap.v1.Vacancy.local_region_codes", kRegionCode, kMaxVacancyRegionCodes},
    {"cakap.v1.SkillExperience.skill", kSkillEntry, 0},
    // match.proto (requests)
    {"cakap.v1.MatchOptions.page_token", kMaxPageTokenBytes, 0},
    {"cakap.v1.MatchOptions.scope_region_codes", kRegionCode, kMaxVacancyRegionCodes},
    // allocation.proto (requests)
    {"cakap.v1.AllocateRequest.vacancy_ids", kMaxIdBytes, kMaxAllocationVacancies},
    {"cakap.v1.AllocateRequest.worker_ids", kMaxIdBytes, kMaxAllocationWorkers},
    {"cakap.v1.AllocateRequest.cohort_region_codes", kRegionCode, kMaxVacancyRegionCodes},
    // service.proto (requests)
    {"cakap.v1.GetWorkerRequest.id", kMaxIdBytes, 0},
    {"cakap.v1.DeleteWorkerRequest.id", kMaxIdBytes, 0},
    {"cakap.v1.GetVacancyRequest.id", kMaxIdBytes, 0},
    {"cakap.v1.DeleteVacancyRequest.id", kMaxIdBytes, 0},
    {"cakap.v1.ListVacanciesRequest.owner", kMaxOwnerNameBytes, 0},
    {"cakap.v1.ListVacanciesRequest.page_token", kMaxPageTokenBytes, 0},
    {"cakap.v1.MatchCandidatesRequest.vacancy_id", kMaxIdBytes, 0},
    {"cakap.v1.MatchVacanciesRequest.worker_id", kMaxIdBytes, 0},
    {"cakap.v1.BackupRequest.dir", 4096, 0},
    // lexicon.proto (requests)
    {"cakap.v1.LookupSkillsRequest.query", 100, 0},
    {"cakap.v1.ListRegionsRequest.province_code", kRegionCode, 0},
    // alerts.proto (requests)
    {"cakap.v1.WatchVacancyRequest.vacancy_id", kMaxIdBytes, 0},
    {"cakap.v1.WatchVacancyRequest.cursor", kMaxChangeCursorBytes, 0},
    // ledger.proto
    {"cakap.v1.Placement.vacancy_id", kMaxIdBytes, 0},
    {"cakap.v1.Placement.employer", kName, 0},
    {"cakap.v1.Placement.date", kDate, 0},
    {"cakap.v1.Outcome.date", kDate, 0},
    {"cakap.v1.Outcome.reason", kName, 0},
    {"cakap.v1.LedgerEntry.worker_id", kMaxIdBytes, 0},
    {"cakap.v1.LedgerEntry.recorded_at", 32, 0},
    {"cakap.v1.LedgerEntry.source", kMaxOwnerNameBytes, 0},
    {"cakap.v1.GetHistoryRequest.worker_id", kMaxIdBytes, 0},
    // figures.proto
    {"cakap.v1.FiguresSlice.programme", kName, 0},
    {"cakap.v1.FiguresSlice.institution", kName, 0},
    {"cakap.v1.FiguresSlice.institution_kind", 16, 0},
    {"cakap.v1.FiguresSlice.cohort_from", kDate, 0},
    {"cakap.v1.FiguresSlice.cohort_to", kDate, 0},
    {"cakap.v1.FiguresSlice.skill", kSkillEntry, 0},
    {"cakap.v1.FiguresSlice.region_codes", kRegionCode, kMaxVacancyRegionCodes},
    {"cakap.v1.FiguresSlice.period_from", kDate, 0},
    {"cakap.v1.FiguresSlice.period_to", kDate, 0},
    {"cakap.v1.GetFiguresRequest.as_of", kDate, 0},
};

// By field descriptor: a lookup per set field costs a hash probe, not a name compare.
const absl::flat_hash_map<const FieldDescriptor*, const FieldLimit*>& ByDescriptor() {
  static const auto* const map = [] {
    auto* m = new absl::flat_hash_map<const FieldDescriptor*, const FieldLimit*>();
    const auto* pool = google::protobuf::DescriptorPool::generated_pool();
    for (const FieldLimit& limit : kLimits) {
      // Request messages live in the service's library; when it is not linked their
      // fields are not in the pool and cannot occur in a message anyway.
      if (const FieldDescriptor* f = pool->FindFieldByName(std::string(limit.field))) {
        (*m)[f] = &limit;
      }
    }
    return m;
  }();
  return *map;
}

std::string Join(absl::string_view path, absl::string_view name) {
  return path.empty() ? std::string(name) : absl::StrCat(path, ".", name);
}

absl::Status TooLong(absl::string_view path, size_t size, size_t max) {
  return absl::InvalidArgumentError(
      absl::StrCat(path, ": is ", size, " bytes, at most ", max, " allowed"));
}

bool IsText(const FieldDescriptor* f) { return f->type() == FieldDescriptor::TYPE_STRING ||
                                               f->type() == FieldDescriptor::TYPE_BYTES; }

}  // namespace

absl::Span<const FieldLimit> FieldLimits() { return kLimits; }

const FieldLimit* FindFieldLimit(absl::string_view full_name) {
  for (const FieldLimit& limit : kLimits) {
    if (limit.field == full_name) return &limit;
  }
  return nullptr;
}

absl::Status CheckFieldLimits(const Message& message, absl::string_view path) {
  const Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  const auto& limits = ByDescriptor();
  for (const FieldDescriptor* f : fields) {
    const std::string field_path = Join(path, f->name());
    const bool text = IsText(f);
    const FieldLimit* limit = nullptr;
    if (text || f->is_repeated()) {
      auto it = limits.find(f);
      if (it == limits.end()) {
        return absl::InternalError(absl::StrCat(field_path, ": no limit for ", f->full_name(),
                                                " in engine/src/field_limits.cc"));
      }
      limit = it->second;
    }
    if (f->is_repeated()) {
      const size_t n = static_cast<size_t>(reflection->FieldSize(message, f));
      if (n > limit->max_count) {
        return absl::InvalidArgumentError(absl::StrCat(field_path, ": has ", n,
                                                       " entries, at most ", limit->max_count,
                                                       " allowed"));
      }
      for (size_t i = 0; i < n; ++i) {
        const int index = static_cast<int>(i);
        if (text) {
          std::string scratch;
          const std::string& value =
              reflection->GetRepeatedStringReference(message, f, index, &scratch);
          if (value.size() > limit->max_bytes) {
            return TooLong(absl::StrCat(field_path, "[", i, "]"), value.size(), limit->max_bytes);
          }
        } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
          absl::Status s = CheckFieldLimits(reflection->GetRepeatedMessage(message, f, index),
                                            absl::StrCat(field_path, "[", i, "]"));
          if (!s.ok()) return s;
        }
      }
    } else if (text) {
      std::string scratch;
      const std::string& value = reflection->GetStringReference(message, f, &scratch);
      if (value.size() > limit->max_bytes) return TooLong(field_path, value.size(), limit->max_bytes);
    } else if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      absl::Status s = CheckFieldLimits(reflection->GetMessage(message, f), field_path);
      if (!s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

std::string EchoValue(absl::string_view value, size_t max_bytes) {
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    // Length of a well-formed sequence starting here (RFC 3629), 0 when ill-formed.
    size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                                         : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len > 1) {
      if (i + len > value.size()) {
        len = 0;
      } else {
        const unsigned char c1 = static_cast<unsigned char>(value[i + 1]);
        const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        if (c1 < lo || c1 > hi) len = 0;
        for (size_t k = 2; len != 0 && k < len; ++k) {
          const unsigned char ck = static_cast<unsigned char>(value[i + k]);
          if (ck < 0x80 || ck > 0xBF) len = 0;
        }
      }
    }
    const absl::string_view piece = len == 0 ? "\xEF\xBF\xBD" : value.substr(i, len);
    if (out.size() + piece.size() > max_bytes) return out + "...";
    out.append(piece.data(), piece.size());
    i += len == 0 ? 1 : len;
  }
  return out;
}

}  // namespace cakap
