#include "args.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace cakap {
namespace cli {

absl::StatusOr<Args> Args::Parse(int argc, const char* const* argv,
                                 const std::vector<FlagSpec>& known) {
  Args args;
  bool flags_done = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    // "-" alone is a positional argument (stdin), as is everything after "--".
    if (flags_done || arg.size() < 2 || arg[0] != '-') {
      args.positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    if (arg == "-h") arg = "--help";
    if (arg.compare(0, 2, "--") != 0) {
      return absl::InvalidArgumentError(absl::StrCat("unknown option ", arg));
    }
    std::string name = arg.substr(2);
    std::string value;
    bool has_inline_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
      has_inline_value = true;
    }
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& f : known) {
      if (name == f.name) spec = &f;
    }
    if (spec == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("unknown option --", name));
    }
    if (spec->takes_value && !has_inline_value) {
      if (i + 1 >= argc) {
        return absl::InvalidArgumentError(absl::StrCat("--", name, " needs a value"));
      }
      value = argv[++i];
    } else if (!spec->takes_value && has_inline_value) {
      return absl::InvalidArgumentError(absl::StrCat("--", name, " takes no value"));
    }
    args.flags_[name].push_back(value);
  }
  return args;
}

std::string Args::Get(absl::string_view name, const std::string& fallback) const {
  auto it = flags_.find(std::string(name));
  return it == flags_.end() ? fallback : it->second.back();
}

std::vector<std::string> Args::All(absl::string_view name) const {
  auto it = flags_.find(std::string(name));
  return it == flags_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> Args::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, values] : flags_) names.push_back(name);
  return names;
}

absl::StatusOr<int> Args::GetInt(absl::string_view name, int fallback) const {
  if (!Has(name)) return fallback;
  int value;
  if (!absl::SimpleAtoi(Get(name), &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, ": not an integer: \"", Get(name), "\""));
  }
  return value;
}

absl::StatusOr<double> Args::GetDouble(absl::string_view name, double fallback) const {
  if (!Has(name)) return fallback;
  double value;
  if (!absl::SimpleAtod(Get(name), &value)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, ": not a number: \"", Get(name), "\""));
  }
  return value;
}

}  // namespace cli
}  // namespace cakap
