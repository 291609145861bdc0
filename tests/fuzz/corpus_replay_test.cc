// Replays every input kept in tests/fuzz/corpus/<target>/ (seeds and the crash cases
// found and fixed) through the same entry points the fuzzers run, in the normal build:
// a crash found once stays a test without clang. tests/fuzz/crashes/ holds inputs that
// still fail, kept for their owners; they are not replayed here until fixed.
#include <algorithm>
#include <filesystem>
#include <fstream>
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

}  // namespace
}  // namespace fuzz
}  // namespace cakap
