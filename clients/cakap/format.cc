#include "format.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "google/protobuf/util/json_util.h"
#include "nlohmann/json.hpp"

namespace cakap {
namespace cli {
namespace {

// Cuts `s` to `width` bytes, marking the cut with "~" (names are mostly ASCII; a cut
// inside a multi-byte character only affects the display).
std::string Fit(absl::string_view s, size_t width) {
  if (s.size() <= width) return std::string(s);
  return absl::StrCat(s.substr(0, width - 1), "~");
}

// "Kabupaten Hulu Sungai Selatan" -> "Kab. Hulu Sungai Selatan": keeps table rows short.
std::string ShortRegion(const Regions* regions, const std::string& code) {
  if (code.empty()) return "(coordinates only)";
  const std::string full = RegionName(regions, code);
  absl::string_view name = full;
  return absl::ConsumePrefix(&name, "Kabupaten ") ? absl::StrCat("Kab. ", name) : full;
}

std::string Km(double km) { return km < 0 ? "-" : absl::StrFormat("%.1f", km); }

void AppendExplanation(
    const google::protobuf::RepeatedPtrField<v1::ScoreComponent>& components,
    std::string* out) {
  for (const v1::ScoreComponent& c : components) {
    absl::StrAppendFormat(out, "       %-17s %9.6f  %s\n", c.name(), c.value(), c.detail());
  }
}

void AppendFacet(absl::string_view name,
                 const google::protobuf::RepeatedPtrField<v1::FacetValue>& values,
                 std::string* out) {
  for (const v1::FacetValue& v : values) {
    std::string value = v.value().empty() ? "(none)" : v.value();
    if (!v.label().empty()) absl::StrAppend(&value, "  ", v.label());
    absl::StrAppendFormat(out, "  %-11s %-40s %7d\n", name, Fit(value, 40), v.count());
    name = "";
  }
}

std::string Status(const v1::Worker& w) {
  std::string status = "seeking";
  if (w.employment_status() == v1::EMPLOYMENT_STATUS_EMPLOYED) status = "employed";
  if (w.employment_status() == v1::EMPLOYMENT_STATUS_SELF_EMPLOYED) status = "self-employed";
  bool working = w.employment_status() == v1::EMPLOYMENT_STATUS_EMPLOYED ||
                 w.employment_status() == v1::EMPLOYMENT_STATUS_SELF_EMPLOYED;
  if (!w.available_from().empty()) return absl::StrCat(status, ", available from ",
                                                       w.available_from());
  return absl::StrCat(status, working ? ", not available" : ", available now");
}

// JSON text of `value`: pretty-printed like ToJson's messages (Document) or on one line
// (Line, for JSON Lines). Invalid UTF-8 (a message may quote a caller's bytes) becomes
// U+FFFD rather than an exception.
std::string Document(const nlohmann::ordered_json& value) {
  return value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}
std::string Line(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

absl::Status ParseJson(absl::string_view json, google::protobuf::Message* message) {
  google::protobuf::util::Status s = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message);
  if (s.ok()) return absl::OkStatus();
  // The parser's message may go on with the offending input and a caret on further
  // lines; the first line says what is wrong, and reports stay one line per record.
  const std::string text = s.message().ToString();
  return absl::InvalidArgumentError(
      absl::StrCat("bad JSON: ", absl::StripAsciiWhitespace(text.substr(0, text.find('\n')))));
}

std::string ToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string out;
  // Serialising a valid message cannot fail; an empty output would show it anyway.
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  if (out.empty() || out.back() != '\n') out.push_back('\n');
  return out;
}

std::string GroupThousands(int64_t n) {
  std::string digits = absl::StrCat(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return n < 0 ? "-" + out : out;
}

std::string IssuerName(int issuer) {
  switch (issuer) {
    case v1::ISSUER_BNSP: return "BNSP";
    case v1::ISSUER_KEMNAKER: return "KEMNAKER";
    case v1::ISSUER_OTHER: return "OTHER";
    default: return "UNSPECIFIED";
  }
}

std::string RegionName(const Regions* regions, const std::string& code) {
  const Region* r = regions == nullptr ? nullptr : regions->Find(code);
  return r == nullptr ? code : r->name;
}

std::string DescribeVacancy(const v1::Vacancy& v, const Regions* regions) {
  std::vector<std::string> parts;
  if (!v.title().empty()) {
    parts.push_back(v.employer().empty() ? v.title()
                                         : absl::StrCat(v.title(), " at ", v.employer()));
  }
  parts.push_back(v.required_skills().empty()
                      ? "no required skill"
                      : absl::StrCat("requires ", absl::StrJoin(v.required_skills(), " + ")));
  if (!v.preferred_skills().empty()) {
    parts.push_back(absl::StrCat("prefers ", absl::StrJoin(v.preferred_skills(), ", ")));
  }
  if (!v.accepted_issuers().empty()) {
    std::vector<std::string> issuers;
    for (int i : v.accepted_issuers()) issuers.push_back(IssuerName(i));
    std::string cert = absl::StrCat("certificate ", absl::StrJoin(issuers, "/"));
    if (v.min_kkni_level() > 0) absl::StrAppend(&cert, " KKNI >= ", v.min_kkni_level());
    parts.push_back(cert);
  }
  const v1::Location& loc = v.location();
  if (!loc.region_code().empty() || loc.has_coordinates()) {
    std::string where = !loc.region_code().empty()
                            ? absl::StrCat(RegionName(regions, loc.region_code()), " (",
                                           loc.region_code(), ")")
                            : absl::StrFormat("%.5f,%.5f", loc.latitude(), loc.longitude());
    parts.push_back(v.radius_km() > 0 ? absl::StrFormat("within %g km of %s", v.radius_km(),
                                                        where)
                                      : absl::StrCat("at ", where));
  }
  if (!v.region_codes().empty()) {
    std::vector<std::string> names;
    for (const std::string& c : v.region_codes()) names.push_back(RegionName(regions, c));
    parts.push_back(absl::StrCat("in ", absl::StrJoin(names, ", ")));
  }
  if (!v.keywords().empty()) parts.push_back(absl::StrCat("keywords \"", v.keywords(), "\""));
  if (!v.start_date().empty()) parts.push_back(absl::StrCat("starts ", v.start_date()));
  if (v.include_employed()) parts.push_back("employed workers included");
  if (v.min_education() != v1::EDUCATION_UNSPECIFIED) {
    parts.push_back(absl::StrCat("education ", v1::Education_Name(v.min_education()).substr(10),
                                 " or above"));
  }
  if (v.min_experience_months() > 0) {
    parts.push_back(absl::StrCat(v.min_experience_months(), " months of experience"));
  }
  for (const v1::SkillExperience& e : v.skill_experience()) {
    parts.push_back(absl::StrCat(e.months(), " months in ", e.skill()));
  }
  if (v.min_age() > 0 || v.max_age() > 0) {
    parts.push_back(v.max_age() == 0   ? absl::StrCat("aged ", v.min_age(), " or over")
                    : v.min_age() == 0 ? absl::StrCat("aged up to ", v.max_age())
                                       : absl::StrCat("aged ", v.min_age(), "-", v.max_age()));
  }
  if (v.wage_min() > 0 || v.wage_max() > 0) {
    parts.push_back(absl::StrCat("wage Rp ", v.wage_min() > 0 ? GroupThousands(v.wage_min()) : "",
                                 "-", v.wage_max() > 0 ? GroupThousands(v.wage_max()) : ""));
  }
  if (!v.valid_until().empty()) parts.push_back(absl::StrCat("valid until ", v.valid_until()));
  if (v.min_local_share() > 0) {
    std::vector<std::string> names;
    for (const std::string& c : v.local_region_codes()) names.push_back(RegionName(regions, c));
    const char* basis = v.local_basis() == v1::LOCAL_BASIS_KTP               ? " by KTP"
                        : v.local_basis() == v1::LOCAL_BASIS_DOMICILE_OR_KTP ? " by domicile or KTP"
                                                                             : "";
    parts.push_back(absl::StrCat(absl::SixDigits(v.min_local_share() * 100), "% local (",
                                 absl::StrJoin(names, ", "), ")", basis));
  }
  return absl::StrJoin(parts, "; ");
}

std::string FormatMatch(const v1::MatchResult& r, const Regions* regions) {
  std::string out = absl::StrCat("Vacancy: ", DescribeVacancy(r.resolved_vacancy(), regions),
                                 "\n");
  absl::StrAppend(&out, GroupThousands(r.total()), r.total() == 1 ? " candidate" : " candidates");
  if (r.candidates_size() < r.total()) {
    absl::StrAppend(&out, ", ", r.candidates_size(), " on this page");
  }
  absl::StrAppend(&out, "\n");
  if (r.has_quota()) {
    const v1::QuotaReport& q = r.quota();
    absl::StrAppendFormat(&out,
                          "Local-worker quota %s%%: %s local of all (%.1f%%), %.1f%% on this "
                          "page; %s\n",
                          absl::StrCat(absl::SixDigits(q.min_local_share() * 100)),
                          GroupThousands(q.local_candidates()), q.total_local_share() * 100,
                          q.page_local_share() * 100,
                          q.met() ? "met in every prefix"
                                  : "NOT met: too few local candidates");
  }
  if (r.candidates_size() > 0) {
    absl::StrAppendFormat(&out, "\n%3s  %-10s %-24s %-26s %7s %9s\n", "#", "WORKER", "NAME",
                          "REGION", "KM", "SCORE");
  }
  int rank = 0;
  for (const v1::Candidate& c : r.candidates()) {
    const std::string region = absl::StrCat(
        ShortRegion(regions, c.worker().domicile().region_code()),
        r.has_quota() && c.local() ? " *" : "");
    absl::StrAppendFormat(&out, "%3d  %-10s %-24s %-26s %7s %9.6f\n", ++rank,
                          Fit(c.worker().id(), 10), Fit(c.worker().display_name(), 24),
                          Fit(region, 26), Km(c.distance_km()), c.score());
    AppendExplanation(c.explanation(), &out);
  }
  if (r.has_quota()) absl::StrAppend(&out, "(* local)\n");
  if (!r.next_page_token().empty()) {
    absl::StrAppend(&out, "\nmore: --page-token ", r.next_page_token(), "\n");
  }
  const v1::Facets& f = r.facets();
  if (f.issuer_size() + f.region_size() + f.kkni_level_size() > 0) {
    absl::StrAppend(&out, "\nFacets (all candidates)\n");
    AppendFacet("issuer", f.issuer(), &out);
    AppendFacet("region", f.region(), &out);
    AppendFacet("kkni_level", f.kkni_level(), &out);
  }
  if (r.near_misses_size() > 0) {
    absl::StrAppend(&out, "\nNear misses (one constraint failed)\n");
    for (const v1::NearMiss& m : r.near_misses()) {
      const v1::Candidate& c = m.candidate();
      absl::StrAppendFormat(&out, "  %-10s %-24s %-15s %s\n", Fit(c.worker().id(), 10),
                            Fit(c.worker().display_name(), 24), m.constraint(), m.reason());
    }
  }
  return out;
}

std::string FormatVacancyMatches(const v1::VacancyMatchResult& r, const Regions* regions) {
  std::string out = absl::StrCat(GroupThousands(r.total()),
                                 r.total() == 1 ? " open vacancy" : " open vacancies",
                                 " this worker satisfies\n");
  if (r.vacancies_size() > 0) {
    absl::StrAppendFormat(&out, "\n%3s  %-10s %-30s %-28s %7s %9s\n", "#", "VACANCY", "TITLE",
                          "EMPLOYER", "KM", "SCORE");
  }
  int rank = 0;
  for (const v1::VacancyHit& h : r.vacancies()) {
    absl::StrAppendFormat(&out, "%3d  %-10s %-30s %-28s %7s %9.6f\n", ++rank,
                          Fit(h.vacancy().id(), 10), Fit(h.vacancy().title(), 30),
                          Fit(h.vacancy().employer(), 28), Km(h.distance_km()), h.score());
    absl::StrAppend(&out, "       ", DescribeVacancy(h.vacancy(), regions), "\n");
    AppendExplanation(h.explanation(), &out);
  }
  return out;
}

std::string FormatWorker(const v1::Worker& w, const Regions* regions) {
  std::string out = absl::StrCat("worker       ", w.id(), "  ", w.display_name(), "\n");
  const v1::Location& home = w.domicile();
  std::string where = home.region_code().empty()
                          ? std::string("(no region)")
                          : absl::StrCat(RegionName(regions, home.region_code()), " (",
                                         home.region_code(), ")");
  if (home.has_coordinates()) {
    absl::StrAppendFormat(&where, "  %.5f,%.5f", home.latitude(), home.longitude());
  }
  if (!home.kecamatan().empty()) absl::StrAppend(&where, "  kec. ", home.kecamatan());
  absl::StrAppend(&out, "domicile     ", where, "\n");
  absl::StrAppend(&out, "status       ", Status(w), "\n");
  absl::StrAppend(&out, "travel       ",
                  w.travel_km() > 0 ? absl::StrFormat("%g km", w.travel_km())
                                    : std::string("default"),
                  w.willing_to_relocate() ? ", willing to relocate" : "", "\n");
  absl::StrAppend(&out, "skills       ", absl::StrJoin(w.skills(), ", "), "\n");
  for (const v1::Certificate& c : w.certificates()) {
    absl::StrAppendFormat(&out, "certificate  %s %s, \"%s\", KKNI %d, %s .. %s, covers %s\n",
                          IssuerName(c.issuer()), c.issuing_body(), c.scheme(), c.kkni_level(),
                          c.issued_on(), c.expires_on(), absl::StrJoin(c.skills(), ", "));
  }
  for (const v1::Training& t : w.trainings()) {
    absl::StrAppendFormat(&out, "training     %s, %s (%s, %d)\n", t.programme(),
                          t.institution(), t.field(), t.year());
  }
  std::vector<std::string> contact;
  for (const std::string& c : {w.contact().phone(), w.contact().email()}) {
    if (!c.empty()) contact.push_back(c);
  }
  if (!contact.empty()) {
    absl::StrAppend(&out, "contact      ", absl::StrJoin(contact, " "),
                    w.contact().consent_to_share() ? " (may be shared)" : " (not shared)",
                    "\n");
  }
  // Sensitive data (UU PDP): the NIK is shown masked; --json shows the record as stored.
  if (!w.nik().empty()) {
    absl::StrAppend(&out, "nik          ", w.nik().substr(0, 4), "************\n");
  }
  if (w.welfare_decile() > 0) {
    absl::StrAppend(&out, "welfare      decile ", w.welfare_decile(), "\n");
  }
  absl::StrAppend(&out, "updated      ", w.updated_at(), "\n");
  return out;
}

std::string FormatVacancy(const v1::Vacancy& v, const Regions* regions) {
  std::string out = absl::StrCat("vacancy      ", v.id(), v.open() ? "  (open)" : "  (closed)",
                                 "\n");
  absl::StrAppend(&out, "asks for     ", DescribeVacancy(v, regions), "\n");
  if (v.openings() > 0) absl::StrAppend(&out, "openings     ", v.openings(), "\n");
  if (!v.description().empty()) absl::StrAppend(&out, "description  ", v.description(), "\n");
  return out;
}

std::string FormatVacancyList(const v1::ListVacanciesResponse& page, const Regions* regions) {
  std::string out;
  if (page.vacancies_size() == 0) {
    out = "no vacancies\n";
  } else {
    absl::StrAppendFormat(&out, "%-12s %-6s %-14s %7s %-10s %-24s %s\n", "VACANCY", "STATE",
                          "OWNER", "FILLED", "UNTIL", "TITLE", "EMPLOYER");
  }
  for (const v1::Vacancy& v : page.vacancies()) {
    const std::string filled =
        v.openings() > 0 ? absl::StrCat(v.filled(), "/", v.openings()) : absl::StrCat(v.filled());
    std::string row = absl::StrFormat(
        "%-12s %-6s %-14s %7s %-10s %-24s %s", Fit(v.id(), 12), v.open() ? "open" : "closed",
        v.owner().empty() ? std::string("-") : Fit(v.owner(), 14), filled,
        v.valid_until().empty() ? std::string("-") : v.valid_until(), Fit(v.title(), 24),
        v.employer());
    absl::StrAppend(&out, absl::StripTrailingAsciiWhitespace(row), "\n");
    absl::StrAppend(&out, "             ", DescribeVacancy(v, regions), "\n");
  }
  if (!page.next_page_token().empty()) {
    absl::StrAppend(&out, "\nmore: --page-token ", page.next_page_token(), "\n");
  }
  return out;
}

std::string FormatStats(const BackendStats& s, bool json) {
  if (json) {
    // Named as the protobuf JSON mapping names StatsResponse's fields.
    return Document({{"workers", s.workers},
                     {"vacancies", s.vacancies},
                     {"openVacancies", s.open_vacancies},
                     {"revision", s.revision},
                     {"sizeBytes", s.size_bytes}});
  }
  return absl::StrFormat(
      "workers      %s\nvacancies    %s (%s open)\nrevision     %d\nsize         %.1f MB\n",
      GroupThousands(s.workers), GroupThousands(s.vacancies), GroupThousands(s.open_vacancies),
      s.revision, s.size_bytes / 1e6);
}

std::string FormatDeleted(absl::string_view kind, absl::string_view id, bool json) {
  if (json) return Document({{"deleted", std::string(kind)}, {"id", std::string(id)}});
  return absl::StrCat("deleted ", kind, " ", id, "\n");
}

std::string FormatRejection(int64_t line, absl::string_view message, bool json) {
  if (json) return Line({{"line", line}, {"error", std::string(message)}});
  return absl::StrCat("line ", line, ": ", message, "\n");
}

std::string FormatImportSummary(int64_t imported, int64_t rejected, bool complete, bool json) {
  if (json) return Line({{"imported", imported}, {"rejected", rejected}, {"complete", complete}});
  return absl::StrCat("imported ", imported, ", rejected ", rejected,
                      complete ? "" : " (incomplete)", "\n");
}

}  // namespace cli
}  // namespace cakap
