// The cakap client against a cakapd server: every command prints the same as on a local
// index. Runs the built binaries ($CAKAP_BINARY_DIR, set by ctest): cakap-gen makes the
// records, the same commands run embedded (--data) and remote (--server), and their
// stdout, stderr and exit codes are compared.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

struct Output {
  int exit_code = -1;
  std::string out;
  std::string err;
};

bool operator==(const Output& a, const Output& b) {
  return a.exit_code == b.exit_code && a.out == b.out && a.err == b.err;
}

std::ostream& operator<<(std::ostream& os, const Output& o) {
  return os << "exit " << o.exit_code << "\n--- stdout\n" << o.out << "--- stderr\n" << o.err;
}

class CliServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin_dir = std::getenv("CAKAP_BINARY_DIR");
    if (bin_dir == nullptr) GTEST_SKIP() << "CAKAP_BINARY_DIR not set (run through ctest)";
    cakap_ = std::string(bin_dir) + "/clients/cakap/cakap";
    cakapd_ = std::string(bin_dir) + "/service/cakapd";
    gen_ = std::string(bin_dir) + "/bench/corpus/cakap-gen";
    for (const std::string& bin : {cakap_, cakapd_, gen_}) {
      if (access(bin.c_str(), X_OK) != 0) GTEST_SKIP() << bin << " not built";
    }
    dir_ = std::filesystem::path(::testing::TempDir()) /
           absl::StrCat("cli_server_test_", getpid());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    StartServer();
  }

  void TearDown() override {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int wstatus = 0;
      for (int i = 0; i < 200 && waitpid(pid_, &wstatus, WNOHANG) != pid_; ++i) {
        absl::SleepFor(absl::Milliseconds(50));
        if (i == 199) {
          kill(pid_, SIGKILL);
          waitpid(pid_, &wstatus, 0);
        }
      }
    }
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  void StartServer() {
    const std::string log = Path("cakapd.log");
    const std::string data = Path("server-data");
    const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    ASSERT_GE(log_fd, 0);
    pid_ = fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {  // only async-signal-safe calls until exec
      if (dup2(log_fd, 2) < 0) _exit(126);
      execl(cakapd_.c_str(), cakapd_.c_str(), "--data", data.c_str(), "--listen",
            "127.0.0.1:0", "--shutdown-grace", "2", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(log_fd);
    for (int i = 0; i < 300 && port_ == 0; ++i) {
      std::istringstream lines(Slurp(log));
      for (std::string line; std::getline(lines, line);) {
        if (line.find("\"event\":\"start\"") == std::string::npos) continue;
        const size_t at = line.find("\"port\":");
        if (at == std::string::npos) continue;
        const size_t begin = at + 7;
        int port = 0;
        if (absl::SimpleAtoi(line.substr(begin, line.find(',', begin) - begin), &port)) {
          port_ = port;
        }
      }
      if (port_ == 0) absl::SleepFor(absl::Milliseconds(50));
    }
    ASSERT_NE(port_, 0) << Slurp(log);
  }

  // Runs `command` through /bin/sh; stdout and stderr are captured separately.
  Output Sh(const std::string& command) {
    const std::string out = Path("out"), err = Path("err");
    const int rc = std::system(
        absl::StrCat("{ ", command, "\n} >", Quote(out), " 2>", Quote(err)).c_str());
    Output o;
    o.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
    o.out = Slurp(out);
    o.err = Slurp(err);
    return o;
  }

  Output Local(const std::string& args) {
    return Sh(absl::StrCat("env -u CAKAP_KEY ", Quote(cakap_), " --data ",
                           Quote(Path("local-data")), " ", args));
  }
  Output Remote(const std::string& args) {
    return Sh(absl::StrCat("env -u CAKAP_KEY ", Quote(cakap_), " --server 127.0.0.1:", port_,
                           " ", args));
  }

  // The same command on both; expects the same output and returns it. cakapd seals the
  // engine's page token with a MAC binding it to the key ("c1.<engine token>.<mac>"):
  // compared unsealed.
  Output Both(const std::string& args) {
    Output local = Local(args);
    Output remote = Remote(args);
    remote.out = std::regex_replace(
        remote.out, std::regex("c1\\.([A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]{22}"), "$1");
    EXPECT_EQ(local, remote) << "cakap " << args << "\n=== local\n"
                             << local << "=== remote\n"
                             << remote;
    return local;
  }

  std::string cakap_, cakapd_, gen_;
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// The first worker id in a cakap-gen JSON Lines file.
std::string FirstId(const std::string& jsonl) {
  const size_t at = jsonl.find("\"id\":");
  if (at == std::string::npos) return "";
  const size_t begin = jsonl.find('"', at + 5) + 1;
  return jsonl.substr(begin, jsonl.find('"', begin) - begin);
}

TEST_F(CliServerTest, CommandsPrintTheSameAsOnALocalIndex) {
  const std::string workers = Path("workers.jsonl"), vacancies = Path("vacancies.jsonl");
  ASSERT_EQ(Sh(absl::StrCat(Quote(gen_), " --workers 500 --seed 1 >", Quote(workers)))
                .exit_code,
            0);
  ASSERT_EQ(Sh(absl::StrCat(Quote(gen_), " --vacancies 40 --seed 1 >", Quote(vacancies)))
                .exit_code,
            0);
  // Bad lines: one that does not parse (the client rejects it) and one the engine
  // rejects (the server's rejection must come back with its line number).
  {
    std::ofstream out(workers, std::ios::app);
    out << "{\"no_such_field\": 1}\n\n{\"id\": \"\"}\n";
  }
  const std::string worker_id = FirstId(Slurp(workers));
  ASSERT_FALSE(worker_id.empty());

  // Import: workers from stdin (one client stream), vacancies from a file.
  // With --json the report is JSON Lines: one object per rejected line, then the summary.
  Output imported = Both("--json import workers - < " + Quote(workers));
  EXPECT_EQ(imported.exit_code, 0);
  EXPECT_THAT(imported.out, ::testing::HasSubstr("{\"line\":501,\"error\":"));
  EXPECT_THAT(imported.out, ::testing::HasSubstr("{\"line\":503,\"error\":"));
  EXPECT_THAT(imported.out,
              ::testing::HasSubstr("{\"imported\":500,\"rejected\":2,\"complete\":true}\n"));
  EXPECT_EQ(Both("import workers --strict " + Quote(workers)).exit_code, 3);
  EXPECT_EQ(Both("--json import vacancies " + Quote(vacancies)).exit_code, 0);

  // Matching, tables and JSON.
  for (const std::string& args :
       {std::string("--json match --require LAS --page-size 50 --facets --near-misses 5"),
        std::string("match --require LAS --facets --near-misses 3"),
        std::string("--json match --region 63 --no-welfare --page-size 200"),
        std::string("--json match --near 63.71 --radius 80 --include-employed"),
        std::string("--json match --vacancy - < ") + Quote(vacancies),
        absl::StrCat("--json match-vacancies ", Quote(worker_id), " --limit 10"),
        absl::StrCat("match-vacancies ", Quote(worker_id), " --no-welfare"),
        absl::StrCat("--json get worker ", Quote(worker_id)),
        absl::StrCat("get worker ", Quote(worker_id)),
        std::string("get worker no-such-worker"),
        std::string("vacancies"),
        std::string("--json vacancies --page-size 7"),
        std::string("--json vacancies --open --page-size 1000"),
        std::string("vacancies --owner nobody"),
        std::string("vacancies --page-size 5000"),
        std::string("allocate --open"),
        std::string("--json allocate --open --interviews 2 --places-per-opening 2")}) {
    Both(args);
  }
  EXPECT_EQ(Local("--json match --require LAS").exit_code, 0);
  // A request the engine refuses: INVALID_ARGUMENT both ways. The server names the field
  // of its request ("options.page_size"), the engine that of MatchOptions ("page_size").
  for (Output o : {Local("match --page-size 500"), Remote("match --page-size 500")}) {
    EXPECT_EQ(o.exit_code, 1) << o;
    EXPECT_THAT(o.err, ::testing::HasSubstr("page_size: 500")) << o;
  }

  // Stats: the same counts (the revision depends on how the writes were batched: the
  // server commits imports in batches of its own; the size on disk follows).
  auto counts = [](const std::string& json) {
    std::vector<std::string> keep;
    for (absl::string_view line : absl::StrSplit(json, '\n')) {
      if (!absl::StrContains(line, "sizeBytes") && !absl::StrContains(line, "revision")) {
        keep.emplace_back(line);
      }
    }
    return absl::StrJoin(keep, "\n");
  };
  Output local_stats = Local("--json stats"), remote_stats = Remote("--json stats");
  EXPECT_EQ(local_stats.exit_code, 0) << local_stats;
  EXPECT_EQ(remote_stats.exit_code, 0) << remote_stats;
  EXPECT_EQ(counts(local_stats.out), counts(remote_stats.out));
  EXPECT_THAT(remote_stats.out, ::testing::HasSubstr("\"workers\": 500"));

  // Delete, then the record is gone on both.
  EXPECT_EQ(Both(absl::StrCat("delete worker ", Quote(worker_id))).exit_code, 0);
  EXPECT_EQ(Both(absl::StrCat("delete worker ", Quote(worker_id))).exit_code, 1);
  EXPECT_EQ(Both(absl::StrCat("get worker ", Quote(worker_id))).exit_code, 1);
  Both("--json match --require LAS --page-size 200");
}

TEST_F(CliServerTest, ServerErrorsNameTheirCode) {
  // An unreachable server: UNAVAILABLE, exit code 1.
  Output down = Sh(absl::StrCat(Quote(cakap_), " --server 127.0.0.1:1 stats"));
  EXPECT_EQ(down.exit_code, 1) << down;
  EXPECT_THAT(down.err, ::testing::HasSubstr("[UNAVAILABLE]"));
  // Flags of the other mode are a usage error.
  EXPECT_EQ(Remote("--data x stats").exit_code, 2);
  EXPECT_EQ(Remote("--today 2026-01-01 stats").exit_code, 2);
  EXPECT_EQ(Local("--key k stats").exit_code, 2);
  // A key is sent, and ignored by a cakapd without a keys file.
  EXPECT_EQ(Remote("--key some-key --json stats").exit_code, 0);
}

}  // namespace
