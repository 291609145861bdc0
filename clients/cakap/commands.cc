// The query and record commands: match, match-vacancies, get, delete, stats.
#include "commands.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
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

// Values of a repeatable flag, each also split at commas ("--region 64.02,64.72").
std::vector<std::string> ListValues(const Args& args, absl::string_view name) {
  std::vector<std::string> out;
  for (const std::string& value : args.All(name)) {
    for (absl::string_view part : absl::StrSplit(value, ',', absl::SkipWhitespace())) {
      out.emplace_back(absl::StripAsciiWhitespace(part));
    }
  }
  return out;
}

// The vacancy to match: --vacancy FILE or --vacancy-id ID as a base (or an empty one),
// then the vacancy flags on top of it (lists append, single values replace).
int BuildVacancy(const Context& ctx, const Args& args, v1::Vacancy* v) {
  if (args.Has("vacancy") && args.Has("vacancy-id")) {
    return ReportUsage("give --vacancy FILE or --vacancy-id ID, not both");
  }
  if (args.Has("vacancy")) {
    absl::StatusOr<std::string> json = ReadAll(args.Get("vacancy"));
    if (!json.ok()) return ReportError("match", json.status());
    absl::Status parsed = ParseJson(*json, v);
    if (!parsed.ok()) return ReportError(args.Get("vacancy"), parsed);
  } else if (args.Has("vacancy-id")) {
    absl::StatusOr<v1::Vacancy> stored = ctx.backend->GetVacancy(args.Get("vacancy-id"));
    if (!stored.ok()) return ReportError("match", stored.status());
    *v = *std::move(stored);
  }
  for (const std::string& s : args.All("require")) v->add_required_skills(s);
  for (const std::string& s : args.All("prefer")) v->add_preferred_skills(s);
  for (const std::string& s : ListValues(args, "issuer")) {
    v1::Issuer issuer;
    if (!ParseIssuer(s, &issuer)) {
      return ReportUsage(absl::StrCat("--issuer: unknown issuer \"", s,
                                      "\" (BNSP, KEMNAKER or OTHER)"));
    }
    v->add_accepted_issuers(issuer);
  }
  for (const std::string& s : ListValues(args, "region")) v->add_region_codes(s);
  if (args.Has("near")) {
    std::string near = args.Get("near");
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
  absl::StatusOr<double> radius = args.GetDouble("radius", v->radius_km());
  absl::StatusOr<int> min_kkni = args.GetInt("min-kkni", v->min_kkni_level());
  if (!radius.ok()) return ReportUsage(std::string(radius.status().message()));
  if (!min_kkni.ok()) return ReportUsage(std::string(min_kkni.status().message()));
  v->set_radius_km(*radius);
  v->set_min_kkni_level(*min_kkni);
  if (args.Has("start")) v->set_start_date(args.Get("start"));
  if (args.Has("keywords")) v->set_keywords(args.Get("keywords"));
  if (args.Has("title")) v->set_title(args.Get("title"));
  if (args.Has("employer")) v->set_employer(args.Get("employer"));
  if (args.Has("include-employed")) v->set_include_employed(true);
  return kExitOk;
}

// positional: COMMAND KIND ID with KIND worker or vacancy.
bool RecordArgs(const Args& args, std::string* kind, std::string* id) {
  const std::vector<std::string>& pos = args.positional();
  if (pos.size() != 3 || (pos[1] != "worker" && pos[1] != "vacancy")) return false;
  *kind = pos[1];
  *id = pos[2];
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

int RunMatch(const Context& ctx, const Args& args) {
  if (args.positional().size() != 1) return ReportUsage("match takes no positional arguments");
  v1::Vacancy vacancy;
  if (int rc = BuildVacancy(ctx, args, &vacancy); rc != kExitOk) return rc;
  v1::MatchOptions options;
  absl::StatusOr<int> page_size = args.GetInt("page-size", 0);
  absl::StatusOr<int> near_misses = args.GetInt("near-misses", 0);
  if (!page_size.ok()) return ReportUsage(std::string(page_size.status().message()));
  if (!near_misses.ok()) return ReportUsage(std::string(near_misses.status().message()));
  options.set_page_size(*page_size);
  options.set_near_miss_limit(*near_misses);
  options.set_page_token(args.Get("page-token"));
  options.set_facets(args.Has("facets"));
  options.set_exclude_welfare(args.Has("no-welfare"));

  absl::StatusOr<v1::MatchResult> result = ctx.backend->Match(vacancy, options);
  if (!result.ok()) return ReportError("match", result.status());
  std::cout << (ctx.json ? ToJson(*result) : FormatMatch(*result, ctx.regions));
  return kExitOk;
}

int RunMatchVacancies(const Context& ctx, const Args& args) {
  if (args.positional().size() != 2) return ReportUsage("usage: cakap match-vacancies WORKER_ID");
  absl::StatusOr<int> limit = args.GetInt("limit", 20);
  if (!limit.ok()) return ReportUsage(std::string(limit.status().message()));
  absl::StatusOr<v1::VacancyMatchResult> result =
      ctx.backend->MatchVacancies(args.positional()[1], *limit, args.Has("no-welfare"));
  if (!result.ok()) return ReportError("match-vacancies", result.status());
  std::cout << (ctx.json ? ToJson(*result) : FormatVacancyMatches(*result, ctx.regions));
  return kExitOk;
}

int RunGet(const Context& ctx, const Args& args) {
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

int RunDelete(const Context& ctx, const Args& args) {
  std::string kind, id;
  if (!RecordArgs(args, &kind, &id)) return ReportUsage("usage: cakap delete worker|vacancy ID");
  absl::Status status = kind == "worker" ? ctx.backend->DeleteWorker(id)
                                         : ctx.backend->DeleteVacancy(id);
  if (!status.ok()) return ReportError("delete", status);
  if (ctx.json) {
    std::cout << "{\"deleted\": \"" << kind << "\", \"id\": \"" << absl::CEscape(id)
              << "\"}\n";
  } else {
    std::cout << "deleted " << kind << " " << id << "\n";
  }
  return kExitOk;
}

int RunStats(const Context& ctx, const Args& args) {
  if (args.positional().size() != 1) return ReportUsage("stats takes no arguments");
  absl::StatusOr<BackendStats> stats = ctx.backend->Stats();
  if (!stats.ok()) return ReportError("stats", stats.status());
  std::cout << FormatStats(*stats, ctx.json);
  return kExitOk;
}

}  // namespace cli
}  // namespace cakap
