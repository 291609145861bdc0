// Output of the cakap client: readable tables (the default) and JSON (--json): protobuf's
// JSON mapping for messages, nlohmann::json for the rest, never JSON written by hand.
#ifndef CAKAP_CLIENTS_CAKAP_FORMAT_H_
#define CAKAP_CLIENTS_CAKAP_FORMAT_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "backend.h"
#include "cakap/regions.h"
#include "cakap/v1/match.pb.h"
#include "google/protobuf/message.h"

namespace cakap {
namespace cli {

// Parses one JSON object (protobuf JSON mapping; unknown fields are an error) into
// `message`. InvalidArgument "bad JSON: ..." on failure.
absl::Status ParseJson(absl::string_view json, google::protobuf::Message* message);
// Pretty-printed JSON of `message`, ending in a newline.
std::string ToJson(const google::protobuf::Message& message);

// 1234567 -> "1,234,567".
std::string GroupThousands(int64_t n);
// "BNSP" for ISSUER_BNSP.
std::string IssuerName(int issuer);
// The region's name ("Kabupaten Balangan"), or the code itself when unknown.
std::string RegionName(const Regions* regions, const std::string& code);

// One-line summary of what a vacancy asks for.
std::string DescribeVacancy(const v1::Vacancy& vacancy, const Regions* regions);

std::string FormatMatch(const v1::MatchResult& result, const Regions* regions);
std::string FormatVacancyMatches(const v1::VacancyMatchResult& result,
                                 const Regions* regions);
std::string FormatWorker(const v1::Worker& worker, const Regions* regions);
std::string FormatVacancy(const v1::Vacancy& vacancy, const Regions* regions);
// `vacancies`: one line per vacancy (id, state, owner, filled/openings, valid until,
// title, employer) and what it asks for, then the next page's token when there is one.
std::string FormatVacancyList(const v1::ListVacanciesResponse& page, const Regions* regions);
std::string FormatStats(const BackendStats& stats, bool json);
// `delete`: "deleted worker w-1", or {"deleted": "worker", "id": "w-1"}.
std::string FormatDeleted(absl::string_view kind, absl::string_view id, bool json);
// `import`: a rejected line, "line 17: <message>" or {"line":17,"error":"<message>"}, and
// the summary, "imported 2998, rejected 2" or {"imported":2998,"rejected":2,"complete":true}.
// The JSON ones are one line each: with --json an import's report is JSON Lines.
std::string FormatRejection(int64_t line, absl::string_view message, bool json);
std::string FormatImportSummary(int64_t imported, int64_t rejected, bool complete, bool json);

}  // namespace cli
}  // namespace cakap

#endif  // CAKAP_CLIENTS_CAKAP_FORMAT_H_
