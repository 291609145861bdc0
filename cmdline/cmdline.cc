#include "cmdline.h"

#include <cstdint>
#include <map>

#include "absl/flags/commandlineflag.h"
#include "absl/flags/parse.h"
#include "absl/flags/reflection.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "cakap/version.h"

namespace cakap {
namespace cmdline {
namespace {

// The binary's flag named `name` (dashes or underscores), or null. Abseil's own flags
// (--flagfile, --fromenv, --tryfromenv, --undefok) are left out: they would read flag
// names as identifiers, and our usage texts do not offer them.
absl::CommandLineFlag* FindFlag(absl::string_view name) {
  absl::CommandLineFlag* flag =
      absl::FindCommandLineFlag(absl::StrReplaceAll(name, {{"-", "_"}}));
  if (flag == nullptr || absl::StrContains(flag->Filename(), "absl/flags/")) return nullptr;
  return flag;
}

// What a value of the flag's type is, for the message about one that is not.
std::string Expected(const absl::CommandLineFlag& flag) {
  if (flag.IsOfType<bool>()) return "not true or false";
  if (flag.IsOfType<double>()) return "not a number";
  if (flag.IsOfType<uint64_t>()) return "not an integer >= 0";
  if (flag.IsOfType<int>() || flag.IsOfType<int64_t>()) return "not an integer";
  return "not a valid value";
}

bool IsList(const absl::CommandLineFlag& flag) {
  return flag.IsOfType<std::vector<std::string>>();
}

}  // namespace

absl::StatusOr<CommandLine> Parse(int argc, char** argv) {
  CommandLine out;
  // Each flag once, as "--identifier=value", in the order first given; repeated list
  // flags joined (abseil splits a list at commas).
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> values;
  std::vector<std::string> positional;
  {
    // Every value is tried here (ParseFrom sets it) so that a bad one is our error, not
    // abseil's exit(1); absl::ParseCommandLine below then sets the same values from a
    // command line known to be good. (absl::FlagSaver would undo the tries, but logs
    // every flag it restores.)
    bool flags_done = false;
    for (int i = 1; i < argc; ++i) {
      absl::string_view arg = argv[i];
      if (flags_done || arg.size() < 2 || arg[0] != '-') {
        positional.emplace_back(arg);
        continue;
      }
      if (arg == "--") {
        flags_done = true;
        continue;
      }
      if (arg == "-h" || arg == "--help") {
        out.help = true;
        continue;
      }
      if (arg == "--version") {
        out.version = true;
        continue;
      }
      if (!absl::ConsumePrefix(&arg, "--")) {
        return absl::InvalidArgumentError(absl::StrCat("unknown option ", arg));
      }
      std::string name(arg), value;
      const size_t eq = name.find('=');
      const bool inline_value = eq != std::string::npos;
      if (inline_value) {
        value = name.substr(eq + 1);
        name.resize(eq);
      }
      absl::StrReplaceAll({{"_", "-"}}, &name);
      absl::CommandLineFlag* flag = FindFlag(name);
      if (flag == nullptr) return absl::InvalidArgumentError(absl::StrCat("unknown flag --", name));
      if (flag->IsOfType<bool>()) {
        if (!inline_value) value = "true";
      } else if (!inline_value) {
        if (i + 1 >= argc) return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
        value = argv[++i];
      }
      std::string error;
      if (!flag->ParseFrom(value, &error)) {
        return absl::InvalidArgumentError(
            absl::StrCat("--", name, ": ", Expected(*flag), ": \"", value, "\""));
      }
      const std::string id(flag->Name());
      if (values.count(id) == 0) order.push_back(id);
      if (!IsList(*flag)) values[id].clear();  // the last one counts
      values[id].push_back(value);
      out.given.insert(name);
    }
  }

  std::vector<std::string> args = {argc > 0 ? argv[0] : "cakap"};
  for (const std::string& id : order) {
    args.push_back(absl::StrCat("--", id, "=", absl::StrJoin(values[id], ",")));
  }
  args.push_back("--");
  args.insert(args.end(), positional.begin(), positional.end());
  std::vector<char*> pointers;
  for (std::string& a : args) pointers.push_back(a.data());
  // Cannot fail: every flag and value was checked above.
  std::vector<char*> rest = absl::ParseCommandLine(static_cast<int>(pointers.size()),
                                                   pointers.data());
  out.positional.assign(rest.begin() + 1, rest.end());
  return out;
}

std::string VersionLine(absl::string_view program) {
  return absl::StrCat(program, " ", kVersion, "\n");
}

}  // namespace cmdline
}  // namespace cakap
