// The skill lexicon: stable skill codes with Indonesian and English names and synonyms,
// loaded from data/skills.tsv (compiled into the library).
//
//   absl::StatusOr<Lexicon> lex = Lexicon::Builtin();
//   const Skill* s = lex->Resolve("juru las");        // -> code "LAS"
//   TextSkills t = lex->Extract("las tig dan forklift, bisa nyetir");
//   // t.skill_ids = {LAS.GTAW, OAB.FORKLIFT}, t.leftover = "dan bisa nyetir"
#ifndef CAKAP_LEXICON_H_
#define CAKAP_LEXICON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cakap {

// Numeric skill id: stable across releases (data/README.md), never reused.
using SkillId = uint16_t;

struct Skill {
  SkillId id = 0;
  std::string code;       // "LAS.SMAW"
  SkillId parent = 0;     // 0: a family (top level)
  std::string name_id;    // Indonesian name
  std::string name_en;    // English name
  std::string kbji;       // KBJI 2014 / ISCO-08 unit group, or empty
  std::vector<std::string> synonyms;
};

// Skills found in free text, and the words that named no skill.
struct TextSkills {
  std::vector<SkillId> skill_ids;  // in order of appearance, no duplicates
  std::string leftover;            // the other words, lower-cased, space-separated
};

class Lexicon {
 public:
  // Parses the tab-separated format of data/skills.tsv. InvalidArgument naming the line
  // on malformed input (duplicate id, code or phrase; unknown parent).
  static absl::StatusOr<Lexicon> FromTsv(absl::string_view tsv);
  // The lexicon compiled into the library from data/skills.tsv.
  static absl::StatusOr<Lexicon> Builtin();

  // The skill named exactly by `text`: its code (any case), Indonesian or English name,
  // or a synonym; case, surrounding space and punctuation are ignored. Null if none.
  const Skill* Resolve(absl::string_view text) const;
  // Every skill named in `text`, longest phrase first (so "las pipa" is LAS.PIPA, not LAS).
  TextSkills Extract(absl::string_view text) const;

  const Skill* Find(SkillId id) const;
  const Skill* FindCode(absl::string_view code) const;
  // `id` and its parent (when it has one): what holding `id` implies.
  std::vector<SkillId> WithAncestors(SkillId id) const;
  const std::vector<Skill>& skills() const { return skills_; }

 private:
  std::vector<Skill> skills_;
  absl::flat_hash_map<SkillId, size_t> by_id_;
  absl::flat_hash_map<std::string, size_t> by_code_;
  // Normalised phrase (lower-case words joined by one space) -> index in skills_.
  absl::flat_hash_map<std::string, size_t> by_phrase_;
  size_t longest_phrase_words_ = 1;
};

// Lower-cases ASCII, turns punctuation into spaces and collapses runs of space: the form
// in which phrases are compared.
std::string NormalizePhrase(absl::string_view text);

}  // namespace cakap

#endif  // CAKAP_LEXICON_H_
