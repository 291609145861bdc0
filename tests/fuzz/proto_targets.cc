// The normaliser targets: a Worker or Vacancy in protobuf text format (readable seeds and
// crash files; tests/fuzz/proto_mutator.h edits them field by field under libFuzzer).
#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "fuzz_targets.h"
#include "google/protobuf/stubs/logging.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/field_comparator.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "normalize.h"
#include "page_token.h"
#include "proto_json.h"
#include "record.h"

namespace cakap {
namespace fuzz {
namespace {

using google::protobuf::util::MessageDifferencer;

// Every rejection is InvalidArgument whose message starts with the field path at fault
// ("certificates[1].expires_on: ..."), as the project promises of every error.
std::string CheckRejection(const absl::Status& status) {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    return absl::StrCat("rejected with ", status.ToString(), ", not InvalidArgument");
  }
  absl::string_view m = status.message();
  const size_t colon = m.find(": ");
  const bool path = colon != absl::string_view::npos && colon > 0 &&
                    std::all_of(m.begin(), m.begin() + colon,
                                [](char c) {
                                  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                         c == '_' || c == '.' || c == '[' || c == ']';
                                }) &&
                    m[0] >= 'a' && m[0] <= 'z';
  if (!path)
    return absl::StrCat("error \"", m.substr(0, 200), "\" does not start with a field path");
  return "";
}

std::string Diff(const google::protobuf::Message& a, const google::protobuf::Message& b) {
  // A NaN the normaliser passes through (coordinates without has_coordinates, which
  // nothing reads) is the same NaN after a second pass.
  google::protobuf::util::DefaultFieldComparator nan_equal;
  nan_equal.set_treat_nan_as_equal(true);
  MessageDifferencer differ;
  differ.set_field_comparator(&nan_equal);
  std::string report;
  differ.ReportDifferencesToString(&report);
  return differ.Compare(a, b) ? "" : report;
}

// cakapd's Connect JSON printer (service/proto_json.h) prints what protobuf prints, whatever
// the message holds (strings that are not UTF-8, NaN, the integer edges).
std::string CheckJsonPrinter(const google::protobuf::Message& m) {
  const google::protobuf::LogSilencer quiet;  // protobuf logs each string that is not UTF-8
  const std::string ours = service::JsonPrinter().Print(m);
  std::string theirs;
  (void)google::protobuf::util::MessageToJsonString(m, &theirs);
  if (ours == theirs) return "";
  const size_t at = std::mismatch(ours.begin(), ours.end(), theirs.begin(), theirs.end()).first -
                    ours.begin();
  return absl::StrCat("JsonPrinter differs from MessageToJsonString at byte ", at, ": \"",
                      absl::CHexEscape(ours.substr(at > 20 ? at - 20 : 0, 60)), "\" vs \"",
                      absl::CHexEscape(theirs.substr(at > 20 ? at - 20 : 0, 60)), "\"");
}

bool SortedUnique(const std::vector<SkillId>& ids) {
  return std::adjacent_find(ids.begin(), ids.end(), [](SkillId a, SkillId b) { return a >= b; }) ==
         ids.end();
}

}  // namespace

Outcome WorkerNormalizer(absl::string_view input) {
  v1::Worker worker;
  if (!google::protobuf::TextFormat::ParseFromString(std::string(input), &worker)) return {};
  if (std::string json = CheckJsonPrinter(worker); !json.empty()) return {json, "worker.json"};
  const EngineEnv& env = Env();
  absl::StatusOr<NormalizedWorker> first = NormalizeWorker(worker, env);
  if (!first.ok()) return {CheckRejection(first.status()), "worker.error"};

  const MatchRecord& rec = first->record;
  if (rec.id != worker.id())
    return {"record.id differs from the worker's id", "worker.normalised", true};
  if (!SortedUnique(rec.skills))
    return {"record.skills not sorted and unique", "worker.normalised", true};
  for (const CertRecord& c : rec.certs) {
    if (!std::is_sorted(c.covers.begin(), c.covers.end()) ||
        std::adjacent_find(c.covers.begin(), c.covers.end()) != c.covers.end()) {
      return {"a certificate's covers are not sorted and unique", "worker.normalised", true};
    }
    for (SkillId s : c.covers) {
      if (!rec.HasSkill(s))
        return {"a skill a certificate covers is not in record.skills", "worker.normalised", true};
    }
  }
  // The stored form is what is read back and re-imported: normalising it again must
  // give itself, the same match record and the same words.
  absl::StatusOr<NormalizedWorker> second = NormalizeWorker(first->stored, env);
  if (!second.ok()) {
    return {absl::StrCat("the normalised worker is rejected: ", second.status().ToString()),
            "worker.normalised", true};
  }
  if (std::string d = Diff(first->stored, second->stored); !d.empty()) {
    return {absl::StrCat("normalising twice changes the stored worker:\n", d), "worker.normalised",
            true};
  }
  const std::string encoded = EncodeRecord(rec);
  if (EncodeRecord(second->record) != encoded) {
    return {"normalising twice changes the match record", "worker.normalised", true};
  }
  if (first->words != second->words) {
    return {absl::StrCat("normalising twice changes the words: [", absl::StrJoin(first->words, " "),
                         "] then [", absl::StrJoin(second->words, " "), "]"),
            "worker.normalised", true};
  }
  MatchRecord decoded;
  if (!DecodeRecord(encoded, &decoded) || EncodeRecord(decoded) != encoded) {
    return {"the worker's match record does not survive EncodeRecord/DecodeRecord",
            "worker.normalised", true};
  }
  return {"", "", true};
}

Outcome VacancyResolver(absl::string_view input) {
  v1::Vacancy vacancy;
  if (!google::protobuf::TextFormat::ParseFromString(std::string(input), &vacancy)) return {};
  if (std::string json = CheckJsonPrinter(vacancy); !json.empty()) return {json, "vacancy.json"};
  const EngineEnv& env = Env();
  absl::StatusOr<ResolvedVacancy> stored = ResolveVacancy(vacancy, env, /*require_id=*/true);
  absl::StatusOr<ResolvedVacancy> first = ResolveVacancy(vacancy, env, /*require_id=*/false);
  if (!stored.ok()) {
    if (std::string why = CheckRejection(stored.status()); !why.empty())
      return {why, "vacancy.error"};
  }
  if (!first.ok()) {
    if (stored.ok()) return {"accepted to store but rejected as a query", "vacancy.error"};
    return {CheckRejection(first.status()), "vacancy.error"};
  }
  const ResolvedVacancy& a = *first;
  absl::StatusOr<ResolvedVacancy> second = ResolveVacancy(a.normalized, env, false);
  if (!second.ok()) {
    return {absl::StrCat("the resolved vacancy is rejected: ", second.status().ToString()),
            "vacancy.resolved", true};
  }
  const ResolvedVacancy& b = *second;
  if (std::string d = Diff(a.normalized, b.normalized); !d.empty()) {
    return {absl::StrCat("resolving twice changes the vacancy:\n", d), "vacancy.resolved", true};
  }
  const char* differs = nullptr;
  if (a.required != b.required)
    differs = "required";
  else if (a.preferred != b.preferred)
    differs = "preferred";
  else if (a.issuers != b.issuers)
    differs = "issuers";
  else if (a.min_level != b.min_level)
    differs = "min_level";
  else if (a.has_location != b.has_location || a.latitude != b.latitude ||
           a.longitude != b.longitude)
    differs = "location";
  else if (a.radius_km != b.radius_km)
    differs = "radius_km";
  else if (a.region_codes != b.region_codes)
    differs = "region_codes";
  else if (a.start != b.start)
    differs = "start";
  else if (a.include_employed != b.include_employed)
    differs = "include_employed";
  else if (a.keyword_skills != b.keyword_skills || a.keyword_words != b.keyword_words)
    differs = "keywords";
  if (differs != nullptr)
    return {absl::StrCat("resolving twice changes ", differs), "vacancy.resolved", true};
  for (bool welfare : {false, true}) {
    for (bool coarse : {false, true}) {
      const uint64_t fingerprint = VacancyFingerprint(a, welfare, coarse);
      if (fingerprint != VacancyFingerprint(b, welfare, coarse)) {
        return {"resolving twice changes the fingerprint, so page tokens would break",
                "vacancy.resolved", true};
      }
      PageCursor cursor{fingerprint, -12345, "w-1", std::nullopt};
      absl::StatusOr<PageCursor> back = DecodePageToken(EncodePageToken(cursor));
      if (!back.ok() || back->fingerprint != fingerprint) {
        return {"a page token for this vacancy does not decode to its fingerprint",
                "vacancy.resolved", true};
      }
    }
  }
  if (a.radius_km > 0 && !a.has_location)
    return {"a radius without a location", "vacancy.resolved", true};
  return {"", "", true};
}

}  // namespace fuzz
}  // namespace cakap
