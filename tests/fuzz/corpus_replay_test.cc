// Replays every input kept in tests/fuzz/corpus/<target>/ (seeds and the crash cases
// found and fixed) through the same entry points the fuzzers run, in the normal build:
// a crash found once stays a test without clang. tests/fuzz/crashes/ holds inputs that
// still fail, kept for their owners: not replayed as regressions until fixed, only
// checked to still fail as crashes/OPEN says (inputs listed there must fail a property,
// not crash the process).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_targets.h"
#include "gtest/gtest.h"

namespace cakap {
namespace fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> Inputs(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

void PrintTo(const Target& target, std::ostream* os) { *os << target.name; }

namespace {

class CorpusReplayTest : public ::testing::TestWithParam<Target> {};

TEST_P(CorpusReplayTest, EveryKeptInputHoldsItsProperties) {
  const Target& target = GetParam();
  const fs::path dir = fs::path(CAKAP_FUZZ_DIR) / "corpus" / target.name;
  const std::vector<fs::path> inputs = Inputs(dir);
  int accepted = 0;
  for (const fs::path& path : inputs) {
    const Outcome outcome = target.run(ReadFile(path));
    EXPECT_EQ(outcome.failure, "") << path;
    accepted += outcome.accepted ? 1 : 0;
  }
  // Seeds the entry point accepts reach the round-trip properties; the others its
  // rejections. A corpus of only one kind would leave half the target untested.
  EXPECT_GT(accepted, 0) << "no input in " << dir << " is accepted";
  EXPECT_LT(accepted, static_cast<int>(inputs.size())) << "no input in " << dir << " is rejected";
}

INSTANTIATE_TEST_SUITE_P(Targets, CorpusReplayTest, ::testing::ValuesIn(AllTargets()),
                         [](const ::testing::TestParamInfo<Target>& info) {
                           return std::string(info.param.name);
                         });

// tests/fuzz/crashes/OPEN stays true: every kept input has its line, and each still
// fails the property its line names. One that passes was fixed: move it to corpus/.
TEST(OpenFindingsTest, EveryKeptCrashStillFailsAsListed) {
  const fs::path dir = fs::path(CAKAP_FUZZ_DIR) / "crashes";
  std::istringstream open(ReadFile(dir / "OPEN"));
  std::set<fs::path> listed;
  std::string line;
  while (std::getline(open, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string property, input;
    fields >> property >> input;
    listed.insert(dir / input);
    const std::string target_name = input.substr(0, input.find('/'));
    const auto& targets = AllTargets();
    auto target = std::find_if(targets.begin(), targets.end(),
                               [&](const Target& t) { return target_name == t.name; });
    ASSERT_NE(target, targets.end()) << line;
    ASSERT_TRUE(fs::is_regular_file(dir / input)) << line;
    const Outcome outcome = target->run(ReadFile(dir / input));
    EXPECT_EQ(outcome.property, property)
        << input << " no longer fails " << property << " (" << outcome.failure
        << "): if fixed, move it to tests/fuzz/corpus/" << target_name << "/ and drop its line";
  }
  for (const Target& t : AllTargets()) {
    for (const fs::path& path : Inputs(dir / t.name)) {
      EXPECT_EQ(listed.count(path), 1u) << path << " has no line in tests/fuzz/crashes/OPEN";
    }
  }
}

}  // namespace
}  // namespace fuzz
}  // namespace cakap
