// LexiconService (proto/cakap/v1/lexicon.proto): the skill lexicon and the region list
// as the engine knows them, for forms and maps (the web console's autocomplete). Reads
// only the engine's built-in reference data; every role.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cakap/field_limits.h"
#include "cakap/lexicon.h"
#include "cakap/regions.h"
#include "cakap/status_macros.h"
#include "handlers.h"

namespace cakap {
namespace service {
namespace {

constexpr int kDefaultSkillLimit = 10;
constexpr int kMaxSkillLimit = 50;

// How well a normalised phrase matches a normalised query: 0 equal, 1 prefix, 2 a word
// of the phrase starts with it, 3 contained; -1 no match.
int MatchRank(const std::string& phrase, const std::string& query) {
  if (phrase == query) return 0;
  if (absl::StartsWith(phrase, query)) return 1;
  if (absl::StrContains(phrase, absl::StrCat(" ", query))) return 2;
  return absl::StrContains(phrase, query) ? 3 : -1;
}

}  // namespace

absl::Status LookupSkills(Call& call, const v1::LookupSkillsRequest& req,
                          v1::LookupSkillsResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  if (req.limit() < 0 || req.limit() > kMaxSkillLimit) {
    return InvalidField("limit", absl::StrCat(req.limit(), " is not in [0, ", kMaxSkillLimit, "]"));
  }
  const std::string query = NormalizePhrase(req.query());
  if (query.empty()) return InvalidField("query", "required");
  const size_t limit = req.limit() == 0 ? kDefaultSkillLimit : req.limit();
  const Lexicon& lexicon = call.engine().lexicon();

  struct Hit {
    int rank;
    const Skill* skill;
    std::string matched;
  };
  std::vector<Hit> hits;
  for (const Skill& skill : lexicon.skills()) {
    Hit best{-1, &skill, ""};
    const auto consider = [&](const std::string& phrase) {
      const int rank = MatchRank(NormalizePhrase(phrase), query);
      if (rank >= 0 && (best.rank < 0 || rank < best.rank)) best = {rank, &skill, phrase};
    };
    consider(skill.code);
    consider(skill.name_id);
    consider(skill.name_en);
    for (const std::string& synonym : skill.synonyms) consider(synonym);
    if (best.rank >= 0) hits.push_back(std::move(best));
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.skill->code < b.skill->code;
  });
  if (hits.size() > limit) hits.resize(limit);
  for (const Hit& hit : hits) {
    v1::SkillEntry* entry = resp->add_skills();
    entry->set_code(hit.skill->code);
    entry->set_name_id(hit.skill->name_id);
    entry->set_name_en(hit.skill->name_en);
    if (const Skill* parent = lexicon.Find(hit.skill->parent); parent != nullptr) {
      entry->set_parent_code(parent->code);
    }
    entry->set_matched(hit.matched);
    for (const std::string& synonym : hit.skill->synonyms) entry->add_synonyms(synonym);
  }
  return absl::OkStatus();
}

absl::Status ListRegions(Call& call, const v1::ListRegionsRequest& req,
                         v1::ListRegionsResponse* resp) {
  CAKAP_RETURN_IF_ERROR(call.Authorize(kAnyRole));
  const Regions& regions = call.engine().regions();
  if (!req.province_code().empty()) {
    const Region* province = regions.Find(req.province_code());
    if (province == nullptr || !province->is_province()) {
      return InvalidField("province_code",
                          absl::StrCat("\"", EchoValue(req.province_code()),
                                       "\" is not a province code of data/regions.tsv"));
    }
  }
  for (const Region& region : regions.all()) {
    if (!req.province_code().empty() && region.province_code != req.province_code()) continue;
    v1::RegionEntry* entry = resp->add_regions();
    entry->set_code(region.code);
    entry->set_level(region.level);
    entry->set_province_code(region.province_code);
    entry->set_name(region.name);
    entry->set_latitude(region.latitude);
    entry->set_longitude(region.longitude);
  }
  return absl::OkStatus();
}

}  // namespace service
}  // namespace cakap
