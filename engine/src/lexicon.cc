// The skill lexicon: parses data/skills.tsv with the rules of scripts/check_data.py (so a
// file the validator rejects never loads) and builds the normalised phrase table behind
// Resolve and Extract.
#include "cakap/lexicon.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cakap/status_macros.h"
#include "data_file.h"

namespace cakap {
namespace embedded {
extern const char kSkillsTsv[];
}  // namespace embedded

namespace {

constexpr absl::string_view kHeader = "# id\tcode\tparent\tname_id\tname_en\tkbji\tsynonyms";
constexpr int kColumns = 7;
constexpr size_t kMaxCodeLength = 32;
constexpr size_t kMaxSynonymWords = 5;
constexpr uint32_t kMaxId = 65535;

absl::Status LineError(int line, absl::string_view message) {
  return DataLineError("skills.tsv", line, message);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpperAlnum(char c) { return (c >= 'A' && c <= 'Z') || IsDigit(c); }
bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || IsDigit(c); }

// ^[1-9][0-9]{0,4}$ within 1..65535: no leading zeros, so an id has one spelling.
bool ParseId(absl::string_view text, SkillId* id) {
  if (text.empty() || text.size() > 5 || text[0] == '0') return false;
  uint32_t value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return false;
    value = value * 10 + static_cast<uint32_t>(c - '0');
  }
  if (value > kMaxId) return false;
  *id = static_cast<SkillId>(value);
  return true;
}

// ^[A-Z0-9]+(\.[A-Z0-9]+)?$, at most 32 characters.
bool IsValidCode(absl::string_view code) {
  if (code.empty() || code.size() > kMaxCodeLength) return false;
  int dots = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '.') {
      if (++dots > 1 || i == 0 || i + 1 == code.size()) return false;
    } else if (!IsUpperAlnum(code[i])) {
      return false;
    }
  }
  return true;
}

// ^[a-z0-9]+(?:[ -][a-z0-9]+)*$: single separators, none at either end.
bool IsValidSynonym(absl::string_view synonym) {
  bool after_separator = true;
  for (char c : synonym) {
    if (c == ' ' || c == '-') {
      if (after_separator) return false;
      after_separator = true;
    } else if (IsLowerAlnum(c)) {
      after_separator = false;
    } else {
      return false;
    }
  }
  return !after_separator;
}

bool HasSurroundingSpace(absl::string_view s) {
  return !s.empty() && (absl::ascii_isspace(static_cast<unsigned char>(s.front())) ||
                        absl::ascii_isspace(static_cast<unsigned char>(s.back())));
}

size_t WordCount(absl::string_view normalized) {
  return static_cast<size_t>(std::count(normalized.begin(), normalized.end(), ' ')) + 1;
}

// Everything FromTsv builds, plus the bookkeeping needed only while loading (kept apart
// from Lexicon so its header stays free of loader details).
struct SkillTable {
  std::vector<Skill> skills;
  absl::flat_hash_map<SkillId, size_t> by_id;
  absl::flat_hash_map<std::string, size_t> by_code;
  absl::flat_hash_map<std::string, size_t> by_phrase;
  size_t longest_phrase_words = 1;

  std::vector<int> lines;  // index in skills -> line number, for messages
  // Raw synonym -> index in skills (or skills.size() while its own row is being added).
  absl::flat_hash_map<std::string, size_t> synonym_owner;
};

// Registers `raw` (a name or synonym of the skill at index `skill`) under its normalised
// form. Two skills may not share a phrase: Resolve and Extract must be unambiguous.
absl::Status AddPhrase(int line, size_t skill, absl::string_view column,
                       absl::string_view raw, SkillTable& table) {
  std::string phrase = NormalizePhrase(raw);
  if (phrase.empty()) return absl::OkStatus();  // e.g. a name of punctuation only
  auto [it, inserted] = table.by_phrase.try_emplace(phrase, skill);
  if (!inserted && it->second != skill) {
    const size_t other = it->second;
    return LineError(line, absl::StrCat(column, " '", raw, "' (phrase '", phrase,
                                        "') already names ", table.skills[other].code,
                                        " (line ", table.lines[other], ")"));
  }
  table.longest_phrase_words = std::max(table.longest_phrase_words, WordCount(phrase));
  return absl::OkStatus();
}

absl::Status AddRow(int line, absl::string_view text, SkillTable& table) {
  std::vector<absl::string_view> f = absl::StrSplit(text, '\t');
  if (f.size() != kColumns) {
    return LineError(line, absl::StrCat("expected ", kColumns,
                                        " tab-separated columns, found ", f.size()));
  }
  Skill skill;
  if (!ParseId(f[0], &skill.id)) {
    return LineError(line, absl::StrCat("id '", f[0],
                                        "' is not an integer in 1..65535 (no leading zeros)"));
  }
  if (auto it = table.by_id.find(skill.id); it != table.by_id.end()) {
    return LineError(line, absl::StrCat("duplicate id ", skill.id, " (already used on line ",
                                        table.lines[it->second], ")"));
  }
  const absl::string_view code = f[1];
  if (!IsValidCode(code)) {
    return LineError(line, absl::StrCat("code '", code,
                                        "': use [A-Z0-9], at most one dot, at most 32 chars"));
  }
  if (auto it = table.by_code.find(code); it != table.by_code.end()) {
    return LineError(line, absl::StrCat("duplicate code ", code, " (already defined on line ",
                                        table.lines[it->second], ")"));
  }
  skill.code = std::string(code);

  const absl::string_view parent = f[2];
  if (!parent.empty()) {
    auto it = table.by_code.find(parent);
    if (it == table.by_code.end()) {
      return LineError(line, absl::StrCat("unknown parent '", parent,
                                          "' (it must be defined on an earlier line)"));
    }
    const Skill& family = table.skills[it->second];
    if (family.parent != 0) {
      return LineError(line, absl::StrCat("parent ", parent,
                                          " has a parent itself (only one level allowed)"));
    }
    // IsValidCode allows one dot and the family has none, so the prefix check suffices.
    if (!absl::StartsWith(code, absl::StrCat(parent, "."))) {
      return LineError(line, absl::StrCat("code ", code, " must be PARENT.NAME with parent ",
                                          parent));
    }
    skill.parent = family.id;
  } else if (absl::StrContains(code, '.')) {
    return LineError(line, absl::StrCat("code ", code, " has a dot but no parent"));
  }

  for (int col : {3, 4}) {
    if (f[col].empty() || HasSurroundingSpace(f[col])) {
      return LineError(line, absl::StrCat(col == 3 ? "name_id" : "name_en",
                                          " is empty or has surrounding spaces"));
    }
  }
  skill.name_id = std::string(f[3]);
  skill.name_en = std::string(f[4]);

  const absl::string_view kbji = f[5];
  if (!kbji.empty() && (kbji.size() != 4 || !std::all_of(kbji.begin(), kbji.end(), IsDigit))) {
    return LineError(line, absl::StrCat("kbji '", kbji, "' is not a 4-digit code"));
  }
  skill.kbji = std::string(kbji);

  const size_t index = table.skills.size();
  if (!f[6].empty()) {
    for (absl::string_view synonym : absl::StrSplit(f[6], '|')) {
      if (!IsValidSynonym(synonym)) {
        return LineError(line, absl::StrCat("synonym '", synonym,
                                            "': use lower-case [a-z0-9], single spaces or "
                                            "hyphens between words"));
      }
      if (WordCount(synonym) > kMaxSynonymWords) {
        return LineError(line, absl::StrCat("synonym '", synonym, "' must have 1-5 words"));
      }
      auto [it, inserted] = table.synonym_owner.try_emplace(synonym, index);
      if (!inserted) {
        const bool own = it->second == index;
        return LineError(line, absl::StrCat("duplicate synonym '", synonym,
                                            "' (already maps to ",
                                            own ? skill.code : table.skills[it->second].code,
                                            " on line ",
                                            own ? line : table.lines[it->second], ")"));
      }
      skill.synonyms.emplace_back(synonym);
    }
  }

  table.skills.push_back(std::move(skill));
  table.lines.push_back(line);
  table.by_id[table.skills[index].id] = index;
  table.by_code[table.skills[index].code] = index;
  const Skill& added = table.skills[index];
  CAKAP_RETURN_IF_ERROR(AddPhrase(line, index, "name_id", added.name_id, table));
  CAKAP_RETURN_IF_ERROR(AddPhrase(line, index, "name_en", added.name_en, table));
  for (const std::string& synonym : added.synonyms) {
    CAKAP_RETURN_IF_ERROR(AddPhrase(line, index, "synonym", synonym, table));
  }
  return absl::OkStatus();
}

// Code-derived phrases ("LAS.SMAW" -> "las smaw") are a convenience for free text. Names
// and synonyms are curated, so they win: a code phrase already taken by another skill is
// simply not registered (that skill stays reachable through FindCode and Resolve's exact
// code match). Adding them after every row makes the outcome independent of row order.
// data/skills.tsv has no such clash today.
void AddCodePhrases(SkillTable& table) {
  for (size_t i = 0; i < table.skills.size(); ++i) {
    std::string phrase = NormalizePhrase(table.skills[i].code);
    const size_t words = WordCount(phrase);
    if (table.by_phrase.try_emplace(std::move(phrase), i).second) {
      table.longest_phrase_words = std::max(table.longest_phrase_words, words);
    }
  }
}

}  // namespace

std::string NormalizePhrase(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    // Bytes >= 0x80 belong to UTF-8 sequences: keep them intact rather than split words.
    if (u >= 0x80 || absl::ascii_isalnum(u)) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(absl::ascii_tolower(u));
    } else {
      pending_space = true;
    }
  }
  return out;
}

absl::StatusOr<Lexicon> Lexicon::FromTsv(absl::string_view tsv) {
  CAKAP_ASSIGN_OR_RETURN(std::vector<absl::string_view> lines,
                         SplitDataLines(tsv, "skills.tsv", kHeader));
  SkillTable table;
  for (size_t i = 1; i < lines.size(); ++i) {
    const int line = static_cast<int>(i) + 1;
    const absl::string_view text = lines[i];
    if (text.empty() || text[0] == '#') continue;
    if (text.front() == ' ' || text.back() == ' ') {
      return LineError(line, "leading or trailing spaces");
    }
    CAKAP_RETURN_IF_ERROR(AddRow(line, text, table));
  }
  AddCodePhrases(table);

  Lexicon lexicon;
  lexicon.skills_ = std::move(table.skills);
  lexicon.by_id_ = std::move(table.by_id);
  lexicon.by_code_ = std::move(table.by_code);
  lexicon.by_phrase_ = std::move(table.by_phrase);
  lexicon.longest_phrase_words_ = table.longest_phrase_words;
  return lexicon;
}

absl::StatusOr<Lexicon> Lexicon::Builtin() { return FromTsv(embedded::kSkillsTsv); }

const Skill* Lexicon::Resolve(absl::string_view text) const {
  // Codes first: "las.smaw" is unambiguous even where its phrase form was not registered.
  if (const Skill* skill = FindCode(absl::StripAsciiWhitespace(text))) return skill;
  auto it = by_phrase_.find(NormalizePhrase(text));
  return it == by_phrase_.end() ? nullptr : &skills_[it->second];
}

TextSkills Lexicon::Extract(absl::string_view text) const {
  TextSkills result;
  const std::string normalized = NormalizePhrase(text);
  if (normalized.empty()) return result;
  // Views into `normalized`, whose words are separated by exactly one space: a run of
  // words is then one contiguous substring, looked up without building a string.
  const std::vector<absl::string_view> words = absl::StrSplit(normalized, ' ');
  absl::flat_hash_set<SkillId> seen;
  std::vector<absl::string_view> leftover;
  size_t i = 0;
  while (i < words.size()) {
    size_t matched = 0;
    size_t skill = 0;
    // Longest phrase first: "las pipa" must be LAS.PIPA, not LAS followed by "pipa".
    for (size_t n = std::min(longest_phrase_words_, words.size() - i); n > 0; --n) {
      const absl::string_view last = words[i + n - 1];
      const absl::string_view phrase(words[i].data(),
                                     static_cast<size_t>(last.data() + last.size() -
                                                         words[i].data()));
      if (auto it = by_phrase_.find(phrase); it != by_phrase_.end()) {
        matched = n;
        skill = it->second;
        break;
      }
    }
    if (matched == 0) {
      leftover.push_back(words[i]);
      ++i;
      continue;
    }
    const SkillId id = skills_[skill].id;
    if (seen.insert(id).second) result.skill_ids.push_back(id);
    i += matched;
  }
  result.leftover = absl::StrJoin(leftover, " ");
  return result;
}

const Skill* Lexicon::Find(SkillId id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &skills_[it->second];
}

const Skill* Lexicon::FindCode(absl::string_view code) const {
  auto it = by_code_.find(absl::AsciiStrToUpper(code));
  return it == by_code_.end() ? nullptr : &skills_[it->second];
}

std::vector<SkillId> Lexicon::WithAncestors(SkillId id) const {
  // An unknown id still yields {id}: callers expand stored ids, and a stored id of a
  // removed skill should stay itself rather than vanish.
  std::vector<SkillId> ids = {id};
  const Skill* skill = Find(id);
  if (skill != nullptr && skill->parent != 0) ids.push_back(skill->parent);
  return ids;
}

}  // namespace cakap
