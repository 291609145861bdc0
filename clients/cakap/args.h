// Hand-rolled command-line parsing: `--name value`, `--name=value`, boolean `--name`,
// repeatable flags, positional arguments, and `--` to end the flags. Flags may appear
// anywhere on the line, before or after the command.
#ifndef CAKAP_CLIENTS_CAKAP_ARGS_H_
#define CAKAP_CLIENTS_CAKAP_ARGS_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cakap {
namespace cli {

// A flag the client knows: its name without dashes and whether it takes a value.
struct FlagSpec {
  const char* name;
  bool takes_value;
};

class Args {
 public:
  // Parses argv[1..argc). InvalidArgument on an unknown flag or a missing value.
  static absl::StatusOr<Args> Parse(int argc, const char* const* argv,
                                    const std::vector<FlagSpec>& known);

  bool Has(absl::string_view name) const { return flags_.count(std::string(name)) > 0; }
  // The last value given for `name`, or `fallback`.
  std::string Get(absl::string_view name, const std::string& fallback = "") const;
  // Every value given for `name`, in order.
  std::vector<std::string> All(absl::string_view name) const;
  // Names of the flags that were given.
  std::vector<std::string> Names() const;

  const std::vector<std::string>& positional() const { return positional_; }

  // Integer / floating-point value of `name` (or `fallback` when absent);
  // InvalidArgument naming the flag when it does not parse.
  absl::StatusOr<int> GetInt(absl::string_view name, int fallback) const;
  absl::StatusOr<double> GetDouble(absl::string_view name, double fallback) const;

 private:
  std::map<std::string, std::vector<std::string>> flags_;
  std::vector<std::string> positional_;
};

}  // namespace cli
}  // namespace cakap

#endif  // CAKAP_CLIENTS_CAKAP_ARGS_H_
