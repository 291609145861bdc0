// The command line of every cakap binary. Each main() defines its flags with ABSL_FLAG
// and calls Parse(), which hands the command line to absl::ParseCommandLine after
// checking it, for what abseil alone would do differently from what our binaries
// document:
//
//  - flags are spelled with dashes (--http-max-body-bytes) while an abseil flag's name is
//    a C++ identifier (http_max_body_bytes): Parse translates;
//  - a bad command line exits 2 with a message naming the flag as typed, where abseil
//    exits 1 naming the identifier: Parse reports it as an error instead;
//  - a flag of type std::vector<std::string> may be repeated, each value adding to the
//    list (--require LAS --require LISTRIK), where abseil keeps the last one;
//  - --help/-h and --version are the binary's own (its usage text, VersionLine()), not
//    abseil's generated help; abseil's own flags (--flagfile, --fromenv, ...) are not
//    offered.
//
// Only main() reads the flags (absl::GetFlag), into the options structs the rest of the
// code takes; library code never depends on the process-global flag values.
//
//   ABSL_FLAG(int, page_size, 20, "candidates per page");
//   absl::StatusOr<cakap::cmdline::CommandLine> cl = cakap::cmdline::Parse(argc, argv);
//   if (!cl.ok()) return Usage(cl.status().message());  // "--page-size: not an integer: ..."
//   if (cl->version) { std::cout << cakap::cmdline::VersionLine("cakap"); return 0; }
#ifndef CAKAP_CMDLINE_CMDLINE_H_
#define CAKAP_CMDLINE_CMDLINE_H_

#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cakap {
namespace cmdline {

struct CommandLine {
  // The arguments that are not flags, in order (argv[0] excluded). "-" alone and
  // everything after "--" are positional.
  std::vector<std::string> positional;
  // The flags given, named as typed (with dashes), for rules such as "--data does not
  // apply with --server" and for values that differ from the default only when given.
  std::set<std::string> given;
  bool help = false;     // --help or -h
  bool version = false;  // --version

  bool Has(absl::string_view flag) const { return given.count(std::string(flag)) > 0; }
};

// Sets the ABSL_FLAGs of the binary from argv (flags may come anywhere on the line,
// `--name value` or `--name=value`, booleans as `--name`). InvalidArgument naming the
// flag for an unknown flag, a missing value or one that does not parse as the flag's
// type ("--page-size: not an integer: \"x\""); flags before the bad one may be set.
absl::StatusOr<CommandLine> Parse(int argc, char** argv);

// "cakapd 0.1.0\n": what --version prints, from the top-level project() version.
std::string VersionLine(absl::string_view program);

}  // namespace cmdline
}  // namespace cakap

#endif  // CAKAP_CMDLINE_CMDLINE_H_
