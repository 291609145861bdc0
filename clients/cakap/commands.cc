// The query and record commands: match, match-vacancies, get, delete, stats.
#include "commands.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "format.h"

namespace cakap {
namespace cli {
namespace {

absl::StatusOr<std::string> ReadAll(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin),
                       std::istreambuf_iterator<char>());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool ParseIssuer(absl::string_view text, v1::Issuer* issuer) {
  const std::string upper = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  absl::string_view name = upper;
  absl::ConsumePrefix(&name, "ISSUER_");
  if (name == "BNSP") *issuer = v1::ISSUER_BNSP;
  else if (name == "KEMNAKER") *issuer = v1::ISSUER_KEMNAKER;
  else if (name == "OTHER") *issuer = v1::ISSUER_OTHER;
  else return false;
  return true;
}

// The entries of a list flag, stripped, empty ones dropped ("--region 64.02, 64.72").
std::vector<std::string> Entries(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    absl::string_view entry = absl::StripAsciiWhitespace(value);
    if (!entry.empty()) out.emplace_back(entry);
  }
  return out;
}

// The vacancy to match: --vacancy FILE or --vacancy-id ID as a base (or an empty one),
// then the vacancy flags on top of it (lists append, single values replace).
// "MIN-MAX", "MIN-" or "-MAX" (either bound may be left out: 0) into `min`, `max`.
bool ParseRange(absl::string_view text, int64_t* min, int64_t* max) {
  const size_t dash = text.find('-');
  if (dash == absl::string_view::npos) return false;
  const absl::string_view lo = text.substr(0, dash), hi = text.substr(dash + 1);
  *min = *max = 0;
  if (lo.empty() && hi.empty()) return false;
  return (lo.empty() || absl::SimpleAtoi(lo, min)) && (hi.empty() || absl::SimpleAtoi(hi, max));
}

// The report's fields of `flags` into `v`; the engine validates the values.
int AddReportFlags(const MatchFlags& flags, v1::Vacancy* v) {
  if (flags.min_education) {
    v1::Education education;
    if (!v1::Education_Parse(absl::StrCat("EDUCATION_", absl::AsciiStrToUpper(*flags.min_education)),
                             &education)) {
      return ReportUsage(absl::StrCat("--min-education: unknown level \"", *flags.min_education,
                                      "\" (SD, SMP, SMA, SMK, D1, D2, D3, D4, S1, S2 or S3)"));
    }
    v->set_min_education(education);
  }
  if (flags.min_experience) v->set_min_experience_months(*flags.min_experience);
  for (const std::string& entry : Entries(flags.experience)) {
    const size_t colon = entry.rfind(':');
    int months = 0;
    if (colon == std::string::npos || !absl::SimpleAtoi(entry.substr(colon + 1), &months)) {
      return ReportUsage(absl::StrCat("--experience: expected SKILL:MONTHS, got \"", entry, "\""));
    }
    v1::SkillExperience* e = v->add_skill_experience();
    e->set_skill(entry.substr(0, colon));
    e->set_months(months);
  }
  int64_t min = 0, max = 0;
  if (flags.age) {
    if (!ParseRange(*flags.age, &min, &max) || min > 1000 || max > 1000) {
      return ReportUsage(absl::StrCat("--age: expected MIN-MAX, MIN- or -MAX, got \"", *flags.age, "\""));
    }
    v->set_min_age(static_cast<int>(min));
    v->set_max_age(static_cast<int>(max));
  }
  if (flags.wage) {
    if (!ParseRange(*flags.wage, &min, &max)) {
      return ReportUsage(absl::StrCat("--wage: expected MIN-MAX, MIN- or -MAX rupiah, got \"",
                                      *flags.wage, "\""));
    }
    v->set_wage_min(min);
    v->set_wage_max(max);
  }
  for (const std::string& s : Entries(flags.local_regions)) v->add_local_region_codes(s);
  if (flags.local_share) v->set_min_local_share(*flags.local_share);
  if (flags.local_basis) {
    const std::string basis = absl::AsciiStrToLower(*flags.local_basis);
    if (basis == "domicile") {
      v->set_local_basis(v1::LOCAL_BASIS_DOMICILE);
    } else if (basis == "ktp") {
      v->set_local_basis(v1::LOCAL_BASIS_KTP);
    } else if (basis == "either") {
      v->set_local_basis(v1::LOCAL_BASIS_DOMICILE_OR_KTP);
    } else {
      return ReportUsage(absl::StrCat("--local-basis: expected domicile, ktp or either, got \"",
                                      *flags.local_basis, "\""));
    }
  }
  return kExitOk;
}

int BuildVacancy(const Context& ctx, const MatchFlags& flags, v1::Vacancy* v) {
  if (flags.vacancy_file && flags.vacancy_id) {
    return ReportUsage("give --vacancy FILE or --vacancy-id ID, not both");
  }
  if (flags.vacancy_file) {
    absl::StatusOr<std::string> json = ReadAll(*flags.vacancy_file);
    if (!json.ok()) return ReportError("match", json.status());
    absl::Status parsed = ParseJson(*json, v);
    if (!parsed.ok()) return ReportError(*flags.vacancy_file, parsed);
  } else if (flags.vacancy_id) {
    absl::StatusOr<v1::Vacancy> stored = ctx.backend->GetVacancy(*flags.vacancy_id);
    if (!stored.ok()) return ReportError("match", stored.status());
    *v = *std::move(stored);
  }
  for (const std::string& s : Entries(flags.require)) v->add_required_skills(s);
  for (const std::string& s : Entries(flags.prefer)) v->add_preferred_skills(s);
  for (const std::string& s : Entries(flags.issuers)) {
    v1::Issuer issuer;
    if (!ParseIssuer(s, &issuer)) {
      return ReportUsage(absl::StrCat("--issuer: unknown issuer \"", s,
                                      "\" (BNSP, KEMNAKER or OTHER)"));
    }
    v->add_accepted_issuers(issuer);
  }
  for (const std::string& s : Entries(flags.regions)) v->add_region_codes(s);
  if (flags.near) {
    const std::string& near = *flags.near;
    v1::Location* loc = v->mutable_location();
    loc->Clear();
    if (absl::StrContains(near, ',')) {
      std::vector<std::string> parts = absl::StrSplit(near, ',');
      double lat, lon;
      if (parts.size() != 2 || !absl::SimpleAtod(parts[0], &lat) ||
          !absl::SimpleAtod(parts[1], &lon)) {
        return ReportUsage(absl::StrCat("--near: expected REGION or LAT,LON, got \"", near,
                                        "\""));
      }
      loc->set_latitude(lat);
      loc->set_longitude(lon);
      loc->set_has_coordinates(true);
    } else {
      loc->set_region_code(near);
    }
  }
  if (flags.radius_km) v->set_radius_km(*flags.radius_km);
  if (flags.min_kkni) v->set_min_kkni_level(*flags.min_kkni);
  if (flags.start) v->set_start_date(*flags.start);
  if (flags.keywords) v->set_keywords(*flags.keywords);
  if (flags.title) v->set_title(*flags.title);
  if (flags.employer) v->set_employer(*flags.employer);
  if (flags.include_employed) v->set_include_employed(true);
  return AddReportFlags(flags, v);
}

// positional: COMMAND KIND ID with KIND worker or vacancy.
bool RecordArgs(const Positional& args, std::string* kind, std::string* id) {
  if (args.size() != 3 || (args[1] != "worker" && args[1] != "vacancy")) return false;
  *kind = args[1];
  *id = args[2];
  return true;
}

}  // namespace

int ReportError(const std::string& what, const absl::Status& status) {
  // InvalidArgument and NotFound messages say everything (they name the field or the
  // record); other codes are worth naming.
  std::string code;
  if (!absl::IsInvalidArgument(status) && !absl::IsNotFound(status)) {
    code = absl::StrCat(" [", absl::StatusCodeToString(status.code()), "]");
  }
  std::cerr << "cakap: " << what << ": " << status.message() << code << "\n";
  return kExitError;
}

int ReportUsage(const std::string& message) {
  std::cerr << "cakap: " << message << "\n(see `cakap --help`)\n";
  return kExitUsage;
}

int RunMatch(const Context& ctx, const Positional& args, const MatchFlags& flags) {
  if (args.size() != 1) return ReportUsage("match takes no positional arguments");
  v1::Vacancy vacancy;
  if (int rc = BuildVacancy(ctx, flags, &vacancy); rc != kExitOk) return rc;
  v1::MatchOptions options;
  options.set_page_size(flags.page_size);
  options.set_near_miss_limit(flags.near_misses);
  options.set_page_token(flags.page_token);
  options.set_facets(flags.facets);
  options.set_exclude_welfare(flags.no_welfare);

  absl::StatusOr<v1::MatchResult> result = ctx.backend->Match(vacancy, options);
  if (!result.ok()) return ReportError("match", result.status());
  std::cout << (ctx.json ? ToJson(*result) : FormatMatch(*result, ctx.regions));
  return kExitOk;
}

int RunMatchVacancies(const Context& ctx, const Positional& args,
                      const MatchVacanciesFlags& flags) {
  if (args.size() != 2) return ReportUsage("usage: cakap match-vacancies WORKER_ID");
  absl::StatusOr<v1::VacancyMatchResult> result =
      ctx.backend->MatchVacancies(args[1], flags.limit, flags.no_welfare);
  if (!result.ok()) return ReportError("match-vacancies", result.status());
  std::cout << (ctx.json ? ToJson(*result) : FormatVacancyMatches(*result, ctx.regions));
  return kExitOk;
}

int RunGet(const Context& ctx, const Positional& args) {
  std::string kind, id;
  if (!RecordArgs(args, &kind, &id)) return ReportUsage("usage: cakap get worker|vacancy ID");
  if (kind == "worker") {
    absl::StatusOr<v1::Worker> w = ctx.backend->GetWorker(id);
    if (!w.ok()) return ReportError("get", w.status());
    std::cout << (ctx.json ? ToJson(*w) : FormatWorker(*w, ctx.regions));
  } else {
    absl::StatusOr<v1::Vacancy> v = ctx.backend->GetVacancy(id);
    if (!v.ok()) return ReportError("get", v.status());
    std::cout << (ctx.json ? ToJson(*v) : FormatVacancy(*v, ctx.regions));
  }
  return kExitOk;
}

int RunVacancies(const Context& ctx, const Positional& args, const VacanciesFlags& flags) {
  if (args.size() != 1) return ReportUsage("vacancies takes no positional arguments");
  v1::ListVacanciesRequest req;
  req.set_open_only(flags.open);
  req.set_owner(flags.owner);
  req.set_page_size(flags.page_size);
  req.set_page_token(flags.page_token);
  absl::StatusOr<v1::ListVacanciesResponse> page = ctx.backend->ListVacancies(req);
  if (!page.ok()) return ReportError("vacancies", page.status());
  std::cout << (ctx.json ? ToJson(*page) : FormatVacancyList(*page, ctx.regions));
  return kExitOk;
}

int RunDelete(const Context& ctx, const Positional& args) {
  std::string kind, id;
  if (!RecordArgs(args, &kind, &id)) return ReportUsage("usage: cakap delete worker|vacancy ID");
  absl::Status status = kind == "worker" ? ctx.backend->DeleteWorker(id)
                                         : ctx.backend->DeleteVacancy(id);
  if (!status.ok()) return ReportError("delete", status);
  std::cout << FormatDeleted(kind, id, ctx.json);
  return kExitOk;
}

int RunStats(const Context& ctx, const Positional& args) {
  if (args.size() != 1) return ReportUsage("stats takes no arguments");
  absl::StatusOr<BackendStats> stats = ctx.backend->Stats();
  if (!stats.ok()) return ReportError("stats", stats.status());
  std::cout << FormatStats(*stats, ctx.json);
  return kExitOk;
}

}  // namespace cli
}  // namespace cakap
