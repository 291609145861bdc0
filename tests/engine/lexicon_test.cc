// Tests of the skill lexicon against the built-in data/skills.tsv and small inline files.
#include "cakap/lexicon.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cakap {
namespace {

using ::testing::HasSubstr;

constexpr char kHeader[] = "# id\tcode\tparent\tname_id\tname_en\tkbji\tsynonyms\n";

class BuiltinLexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<Lexicon> lexicon = Lexicon::Builtin();
    ASSERT_TRUE(lexicon.ok()) << lexicon.status();
    lexicon_ = new Lexicon(*std::move(lexicon));
  }
  // A failed load leaves the shared table null: stop each test before it is used.
  void SetUp() override { ASSERT_NE(lexicon_, nullptr); }
  static void TearDownTestSuite() {
    delete lexicon_;
    lexicon_ = nullptr;
  }
  // The id of `code`, failing the test when the code is missing.
  static SkillId Id(const std::string& code) {
    const Skill* skill = lexicon_->FindCode(code);
    EXPECT_NE(skill, nullptr) << code;
    return skill == nullptr ? 0 : skill->id;
  }
  static std::vector<SkillId> Ids(const std::vector<std::string>& codes) {
    std::vector<SkillId> ids;
    for (const std::string& code : codes) ids.push_back(Id(code));
    return ids;
  }
  static const Lexicon* lexicon_;
};
const Lexicon* BuiltinLexiconTest::lexicon_ = nullptr;

TEST_F(BuiltinLexiconTest, LoadsEverySkill) {
  // 29 families and 97 specialisations as reported by scripts/check_data.py.
  EXPECT_EQ(lexicon_->skills().size(), 126u);
  const Skill* las = lexicon_->FindCode("LAS");
  ASSERT_NE(las, nullptr);
  EXPECT_EQ(las->id, 100);
  EXPECT_EQ(las->name_id, "Pengelasan");
  EXPECT_EQ(las->name_en, "Welding");
  EXPECT_EQ(las->kbji, "7212");
  EXPECT_EQ(las->parent, 0);
  EXPECT_THAT(las->synonyms, ::testing::Contains("juru las"));
}

TEST_F(BuiltinLexiconTest, Resolve) {
  const struct {
    const char* text;
    const char* code;
  } kCases[] = {
      // Welding: Indonesian, English, abbreviation, code in any case.
      {"juru las", "LAS"},
      {"pengelasan", "LAS"},
      {"welder", "LAS"},
      {"SMAW", "LAS.SMAW"},
      {"las.smaw", "LAS.SMAW"},
      {"LAS.SMAW", "LAS.SMAW"},
      {"  Juru-Las!! ", "LAS"},
      {"Las MIG/MAG (GMAW)", "LAS.GMAW"},
      {"Shielded Metal Arc Welding (SMAW)", "LAS.SMAW"},
      {"las pipa", "LAS.PIPA"},
      // Heavy equipment: licence words belong to the equipment.
      {"operator excavator", "OAB.EXCAVATOR"},
      {"sio excavator", "OAB.EXCAVATOR"},
      {"sio forklift", "OAB.FORKLIFT"},
      {"off highway truck", "OAB.DUMPTRUCK"},
      {"off-highway truck", "OAB.DUMPTRUCK"},
      {"oab excavator", "OAB.EXCAVATOR"},  // the code's phrase form
      // Security levels are separate specialisations.
      {"gada pratama", "SATPAM.GADAPRATAMA"},
      {"Gada Madya", "SATPAM.GADAMADYA"},
      {"satpam", "SATPAM"},
      // Sewing, barbering.
      {"penjahit", "JHT"},
      {"tailor", "JHT"},
      {"tukang cukur", "PKR"},
      {"barber", "PKR"},
      {"Pangkas Rambut", "PKR"},
      // K3 safety.
      {"k3", "K3"},
      {"keselamatan kerja", "K3"},
      {"safety officer", "K3.PETUGAS"},
      {"ak3u", "K3.AHLIUMUM"},
      {"p3k", "K3.P3K"},
      // Electrical.
      {"electrician", "LST"},
      {"tukang listrik", "LST"},
      {"instalasi listrik", "LST.INSTALASI"},
      // Cooking.
      {"juru masak", "MSK"},
      {"cooking", "MSK"},
      {"koki", "MSK"},
      {"kepala dapur", "MSK.CHEF"},
      // Housekeeping.
      {"housekeeping", "TGR"},
      {"tata graha", "TGR"},
      {"hk", "TGR"},
      {"cleaning service", "TGR.PUBLICAREA"},
      // Mining.
      {"tambang batubara", "TBG"},
      {"mining", "TBG"},
      {"juru ledak", "TBG.JURULEDAK"},
      {"pop", "TBG.PENGAWAS"},
      // Retail and cashier.
      {"retail", "RTL"},
      {"cashier", "RTL.KASIR"},
      {"Kasir", "RTL.KASIR"},
      {"kasir minimarket", "RTL.KASIR"},
      {"pramuniaga", "RTL.PRAMUNIAGA"},
      // Graphic design.
      {"desain grafis", "DGR"},
      {"graphic designer", "DGR"},
      {"dkv", "DGR"},
      {"coreldraw", "DGR.CORELDRAW"},
      // Driving licences.
      {"sim b1", "SOPIR.TRUK"},
      {"SIM A", "SOPIR.MOBIL"},
      // Air conditioning (a two-letter abbreviation on its own).
      {"ac", "RAC"},
      {"AC Mobil", "RAC.MOBIL"},
  };
  for (const auto& c : kCases) {
    const Skill* skill = lexicon_->Resolve(c.text);
    ASSERT_NE(skill, nullptr) << "'" << c.text << "'";
    EXPECT_EQ(skill->code, c.code) << "'" << c.text << "'";
  }
}

TEST_F(BuiltinLexiconTest, ResolveUnknownIsNull) {
  for (const char* text : {"", "   ", "?!", "astronot", "las las", "juru", "jacket",
                           "las.smaw.extra", "las excavator"}) {
    EXPECT_EQ(lexicon_->Resolve(text), nullptr) << "'" << text << "'";
  }
}

TEST_F(BuiltinLexiconTest, Extract) {
  const struct {
    const char* text;
    std::vector<std::string> codes;
    const char* leftover;
  } kCases[] = {
      // Longest phrase first.
      {"las pipa", {"LAS.PIPA"}, ""},
      {"las tig dan forklift, bisa nyetir", {"LAS.GTAW", "OAB.FORKLIFT"}, "dan bisa nyetir"},
      {"Pengalaman servis AC mobil dan AC split",
       {"RAC.MOBIL", "RAC.RUMAH"},
       "pengalaman dan"},
      {"sio forklift dan sim b1", {"OAB.FORKLIFT", "SOPIR.TRUK"}, "dan"},
      // Order of first appearance, no duplicates.
      {"forklift, las", {"OAB.FORKLIFT", "LAS"}, ""},
      {"tukang las, juru las, welder", {"LAS"}, ""},
      {"office boy / OB", {"TGR.PUBLICAREA"}, ""},
      // Whole words only: "ac" is not found inside "jacket" nor "pop" inside "popular".
      {"jacket", {}, "jacket"},
      {"jacket ac", {"RAC"}, "jacket"},
      {"popular shop", {}, "popular shop"},
      {"Gada Pratama; Gada Madya", {"SATPAM.GADAPRATAMA", "SATPAM.GADAMADYA"}, ""},
      // Names with punctuation match through normalisation.
      {"Las MIG/MAG (GMAW) 2 tahun", {"LAS.GMAW"}, "2 tahun"},
      {"Bisa Nyetir", {}, "bisa nyetir"},
      {"", {}, ""},
      {" ,;- ", {}, ""},
  };
  for (const auto& c : kCases) {
    TextSkills got = lexicon_->Extract(c.text);
    EXPECT_EQ(got.skill_ids, Ids(c.codes)) << "'" << c.text << "'";
    EXPECT_EQ(got.leftover, c.leftover) << "'" << c.text << "'";
  }
}

TEST_F(BuiltinLexiconTest, ParentRelation) {
  EXPECT_EQ(lexicon_->Find(101)->code, "LAS.SMAW");
  EXPECT_EQ(lexicon_->Find(101)->parent, 100);
  EXPECT_EQ(lexicon_->WithAncestors(101), (std::vector<SkillId>{101, 100}));
  EXPECT_EQ(lexicon_->WithAncestors(100), (std::vector<SkillId>{100}));
  EXPECT_EQ(lexicon_->WithAncestors(Id("SATPAM.GADAUTAMA")),
            (std::vector<SkillId>{Id("SATPAM.GADAUTAMA"), Id("SATPAM")}));
  EXPECT_EQ(lexicon_->Find(0), nullptr);
  EXPECT_EQ(lexicon_->Find(65535), nullptr);
  // One level: every parent is a family whose code prefixes the child's.
  for (const Skill& skill : lexicon_->skills()) {
    if (skill.parent == 0) continue;
    const Skill* family = lexicon_->Find(skill.parent);
    ASSERT_NE(family, nullptr) << skill.code;
    EXPECT_EQ(family->parent, 0) << skill.code;
    EXPECT_EQ(skill.code.rfind(family->code + ".", 0), 0u) << skill.code;
  }
}

TEST_F(BuiltinLexiconTest, FindCodeIgnoresCase) {
  ASSERT_NE(lexicon_->FindCode("oab.forklift"), nullptr);
  EXPECT_EQ(lexicon_->FindCode("oab.forklift")->code, "OAB.FORKLIFT");
  EXPECT_EQ(lexicon_->FindCode("Las"), lexicon_->FindCode("LAS"));
  EXPECT_EQ(lexicon_->FindCode("forklift"), nullptr);  // a synonym, not a code
  EXPECT_EQ(lexicon_->FindCode(""), nullptr);
}

TEST_F(BuiltinLexiconTest, EveryNameSynonymAndCodeResolvesToItsSkill) {
  for (const Skill& skill : lexicon_->skills()) {
    std::vector<std::string> phrases = {skill.code, skill.name_id, skill.name_en};
    phrases.insert(phrases.end(), skill.synonyms.begin(), skill.synonyms.end());
    for (const std::string& phrase : phrases) {
      const Skill* got = lexicon_->Resolve(phrase);
      ASSERT_NE(got, nullptr) << phrase;
      EXPECT_EQ(got->code, skill.code) << phrase;
    }
  }
}

TEST(NormalizePhraseTest, Table) {
  const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"", ""},
      {"   ", ""},
      {"---", ""},
      {"las", "las"},
      {"  Las MIG/MAG (GMAW) ", "las mig mag gmaw"},
      {"LAS.SMAW", "las smaw"},
      {"juru\tlas\n", "juru las"},
      {"off-highway  truck", "off highway truck"},
      {"K3,P3K", "k3 p3k"},
      // UTF-8 bytes are kept as they are (not case-folded), still splitting on ASCII.
      {"Kelas \xC3\x89" "lite/PRO", "kelas \xC3\x89" "lite pro"},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(NormalizePhrase(c.in), c.out) << "'" << c.in << "'";
  }
}

// A small valid file: lines 2-6 after the header on line 1.
std::string SmallTsv() {
  return absl::StrCat(kHeader,
                      "# a comment\n"
                      "100\tLAS\t\tPengelasan\tWelding\t7212\tlas|juru las|welder\n"
                      "\n"
                      "101\tLAS.SMAW\tLAS\tLas SMAW\tStick Welding\t\tsmaw|las busur manual\n"
                      "120\tOAB\t\tOperator Alat Berat\tHeavy Equipment Operator\t8342\t\n");
}

TEST(LexiconFromTsvTest, ParsesSmallFile) {
  absl::StatusOr<Lexicon> lexicon = Lexicon::FromTsv(SmallTsv());
  ASSERT_TRUE(lexicon.ok()) << lexicon.status();
  ASSERT_EQ(lexicon->skills().size(), 3u);
  const Skill* smaw = lexicon->FindCode("LAS.SMAW");
  ASSERT_NE(smaw, nullptr);
  EXPECT_EQ(smaw->id, 101);
  EXPECT_EQ(smaw->parent, 100);
  EXPECT_EQ(smaw->kbji, "");
  EXPECT_EQ(smaw->synonyms, (std::vector<std::string>{"smaw", "las busur manual"}));
  EXPECT_TRUE(lexicon->FindCode("OAB")->synonyms.empty());
  EXPECT_EQ(lexicon->Resolve("las busur manual"), smaw);
  EXPECT_EQ(lexicon->Extract("las busur manual, welder").skill_ids,
            (std::vector<SkillId>{101, 100}));
}

TEST(LexiconFromTsvTest, MissingFinalNewlineIsAccepted) {
  std::string tsv = SmallTsv();
  tsv.pop_back();
  EXPECT_TRUE(Lexicon::FromTsv(tsv).ok());
}

// A code's phrase form ("ab cd") taken by another skill's synonym does not fail the load:
// the synonym keeps the phrase and the code stays resolvable as a code.
TEST(LexiconFromTsvTest, SynonymWinsOverCodePhrase) {
  for (bool synonym_first : {false, true}) {
    const std::string family = "1\tAB\t\tAlfa\tAlpha\t\t\n";
    const std::string child = "2\tAB.CD\tAB\tAlfa Cede\tAlpha Cd\t\t\n";
    const std::string other = "3\tXY\t\tXray\tX-ray\t\tab cd\n";
    const std::string tsv = synonym_first ? absl::StrCat(kHeader, other, family, child)
                                          : absl::StrCat(kHeader, family, child, other);
    absl::StatusOr<Lexicon> lexicon = Lexicon::FromTsv(tsv);
    ASSERT_TRUE(lexicon.ok()) << lexicon.status();
    EXPECT_EQ(lexicon->Resolve("ab cd")->code, "XY");
    EXPECT_EQ(lexicon->Resolve("AB.CD")->code, "AB.CD");
    EXPECT_EQ(lexicon->Resolve("ab.cd")->code, "AB.CD");
    EXPECT_EQ(lexicon->FindCode("ab.cd")->code, "AB.CD");
    EXPECT_EQ(lexicon->Resolve("ab")->code, "AB");
  }
}

TEST(LexiconFromTsvTest, MalformedInputNamesTheLine) {
  const std::string las = "100\tLAS\t\tPengelasan\tWelding\t7212\tlas|juru las\n";    // line 2
  const std::string smaw = "101\tLAS.SMAW\tLAS\tLas SMAW\tStick Welding\t\tsmaw\n";  // line 3
  const struct {
    std::string rows;  // after the header, starting at line 2
    std::string where;
    std::string what;
  } kCases[] = {
      {las + "100\tOAB\t\tAlat Berat\tHeavy Equipment\t\t\n", "skills.tsv:3:", "duplicate id 100"},
      {las + "101\tLAS\t\tLas Lagi\tWelding Again\t\t\n", "skills.tsv:3:", "duplicate code LAS"},
      {las + "\n# comment\n101\tLAS.SMAW\tLASX\tLas SMAW\tStick\t\t\n", "skills.tsv:5:",
       "unknown parent 'LASX'"},
      {"101\tLAS.SMAW\tLAS\tLas SMAW\tStick\t\t\n" + las, "skills.tsv:2:",
       "unknown parent 'LAS'"},
      {las + smaw + "102\tLAS.SMAW.X\tLAS.SMAW\tX\tX\t\t\n", "skills.tsv:4:", "code 'LAS.SMAW.X'"},
      {las + smaw + "102\tLAS.X\tLAS.SMAW\tX\tX\t\t\n", "skills.tsv:4:", "has a parent itself"},
      {las + "102\tOAB.X\tLAS\tX\tX\t\t\n", "skills.tsv:3:", "must be PARENT.NAME"},
      {las + "102\tOAB.X\t\tX\tX\t\t\n", "skills.tsv:3:", "has a dot but no parent"},
      {las + "102\tOAB\t\tAlat Berat\tHeavy\t\n", "skills.tsv:3:",
       "expected 7 tab-separated columns, found 6"},
      {las + "102\tOAB\t\tAlat Berat\tHeavy\t\t\t\n", "skills.tsv:3:",
       "expected 7 tab-separated columns, found 8"},
      {las + "102\tOAB\t\tAlat Berat\tHeavy\t\tbeko|las\n", "skills.tsv:3:",
       "duplicate synonym 'las' (already maps to LAS on line 2)"},
      {las + "102\tOAB\t\tAlat Berat\tHeavy\t\tbeko|beko\n", "skills.tsv:3:",
       "duplicate synonym 'beko'"},
      {las + "102\tOAB\t\tAlat Berat\tHeavy\t\tpengelasan\n", "skills.tsv:3:",
       "already names LAS (line 2)"},
      {las + "102\tOAB\t\tAlat Berat\tWELDING\t\t\n", "skills.tsv:3:", "already names LAS"},
      {las + "102\tOAB\t\tJuru-Las\tHeavy\t\t\n", "skills.tsv:3:", "(phrase 'juru las')"},
      {"0\tLAS\t\tX\tX\t\t\n", "skills.tsv:2:", "id '0'"},
      {"65536\tLAS\t\tX\tX\t\t\n", "skills.tsv:2:", "id '65536'"},
      {"0100\tLAS\t\tX\tX\t\t\n", "skills.tsv:2:", "id '0100'"},
      {"abc\tLAS\t\tX\tX\t\t\n", "skills.tsv:2:", "id 'abc'"},
      {"100\tlas\t\tX\tX\t\t\n", "skills.tsv:2:", "code 'las'"},
      {"100\t\t\tX\tX\t\t\n", "skills.tsv:2:", "code ''"},
      {"100\tABCDEFGHIJKLMNOPQRSTUVWXYZ0123456\t\tX\tX\t\t\n", "skills.tsv:2:", "32 chars"},
      {"100\tLAS\t\t\tWelding\t\t\n", "skills.tsv:2:", "name_id is empty"},
      {"100\tLAS\t\tLas\tWelding \t\t\n", "skills.tsv:2:", "name_en is empty or has"},
      {"100\tLAS\t\tLas\tWelding\t72\t\n", "skills.tsv:2:", "kbji '72'"},
      {"100\tLAS\t\tLas\tWelding\t\tJuru Las\n", "skills.tsv:2:", "synonym 'Juru Las'"},
      {"100\tLAS\t\tLas\tWelding\t\tjuru  las\n", "skills.tsv:2:", "synonym 'juru  las'"},
      {"100\tLAS\t\tLas\tWelding\t\tlas||welder\n", "skills.tsv:2:", "synonym ''"},
      {"100\tLAS\t\tLas\tWelding\t\ta b c d e f\n", "skills.tsv:2:", "1-5 words"},
      {" 100\tLAS\t\tLas\tWelding\t\t\n", "skills.tsv:2:", "leading or trailing spaces"},
      {las + "101\tOAB\t\tX\tY\t\t\r\n", "skills.tsv:3:", "CR character"},
  };
  for (const auto& c : kCases) {
    absl::StatusOr<Lexicon> lexicon = Lexicon::FromTsv(absl::StrCat(kHeader, c.rows));
    ASSERT_FALSE(lexicon.ok()) << c.rows;
    EXPECT_EQ(lexicon.status().code(), absl::StatusCode::kInvalidArgument) << c.rows;
    EXPECT_THAT(lexicon.status().message(), HasSubstr(c.where)) << c.rows;
    EXPECT_THAT(lexicon.status().message(), HasSubstr(c.what)) << c.rows;
  }
}

TEST(LexiconFromTsvTest, HeaderIsRequired) {
  for (const char* tsv : {"", "\n", "100\tLAS\t\tLas\tWelding\t\t\n",
                          "# id\tcode\n100\tLAS\t\tLas\tWelding\t\t\n"}) {
    absl::StatusOr<Lexicon> lexicon = Lexicon::FromTsv(tsv);
    ASSERT_FALSE(lexicon.ok()) << tsv;
    EXPECT_THAT(lexicon.status().message(), HasSubstr("skills.tsv:1: first line")) << tsv;
  }
}

}  // namespace
}  // namespace cakap
