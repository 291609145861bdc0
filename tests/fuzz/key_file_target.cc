// The keys file target: cakapd's KeyStore parser on arbitrary file contents. The file is
// a memfd (no disk writes, nothing left behind), opened by path as cakapd opens its own.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "auth.h"
#include "fuzz_targets.h"

namespace cakap {
namespace fuzz {
namespace {

using service::ApiKey;
using service::KeyStore;

constexpr char kOldSecret[] = "cakap_fuzz-old-key";

bool Rewrite(int fd, absl::string_view contents) {
  if (ftruncate(fd, 0) != 0) return false;
  return pwrite(fd, contents.data(), contents.size(), 0) == static_cast<ssize_t>(contents.size());
}

// One memfd and a KeyStore on it, for the whole process (a fuzzer runs millions of
// inputs; a file per input would cost more than the parse).
struct KeyFileFixture {
  int fd = -1;
  std::string path;
  std::string good;  // a valid file with two keys, one of them kOldSecret's
};

const KeyFileFixture& Fixture() {
  static const KeyFileFixture* const fixture = [] {
    auto* f = new KeyFileFixture;
    f->fd = memfd_create("cakap-fuzz-keys", MFD_CLOEXEC);
    if (f->fd < 0) {
      std::perror("memfd_create");
      std::abort();
    }
    f->path = absl::StrCat("/proc/self/fd/", f->fd);
    f->good = absl::StrCat("# keys\n", service::Sha256Hex(kOldSecret), " old-portal portal\n",
                           std::string(64, 'a'), " pt-lama partner provinces=64 rate=5\n");
    return f;
  }();
  return *fixture;
}

bool IsActive(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  return !line.empty() && line[0] != '#';
}

std::string SameKey(const std::string& hash, const ApiKey& a, const std::string& hash2,
                    const ApiKey& b) {
  if (hash != hash2) return "hash";
  if (a.name != b.name) return "name";
  if (a.role != b.role) return "role";
  if (a.provinces != b.provinces) return "provinces";
  if (a.regions != b.regions) return "regions";
  if (a.rate != b.rate) {
    return absl::StrFormat("rate (%.17g read back as %.17g)", a.rate, b.rate);
  }
  return "";
}

}  // namespace

Outcome KeyFile(absl::string_view input) {
  const KeyFileFixture& f = Fixture();
  if (!Rewrite(f.fd, f.good)) return {"cannot write the memfd", "key_file.setup"};
  absl::StatusOr<std::unique_ptr<KeyStore>> store = KeyStore::Load(f.path);
  if (!store.ok())
    return {absl::StrCat("the good keys file fails: ", store.status().ToString()),
            "key_file.setup"};
  if (!Rewrite(f.fd, input)) return {"cannot write the memfd", "key_file.setup"};

  const absl::Status reload = (*store)->Reload();
  if (!reload.ok()) {
    // A broken file names itself and the line, and the keys loaded before stay.
    if (reload.code() != absl::StatusCode::kInvalidArgument ||
        !absl::StartsWith(reload.message(), absl::StrCat(f.path, ":"))) {
      return {absl::StrCat("a bad keys file gives ", reload.ToString()), "key_file.error"};
    }
    if ((*store)->size() != 2 || (*store)->Lookup(kOldSecret) == nullptr) {
      return {"a failed reload dropped the keys loaded before", "key_file.keep_old"};
    }
    return {};
  }
  // std::getline's lines: split on '\n', no empty piece after a final newline.
  std::vector<absl::string_view> lines = absl::StrSplit(input, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  size_t active = 0;
  for (absl::string_view line : lines) {
    if (!IsActive(line)) continue;
    ++active;
    std::string hash, hash2;
    ApiKey key, key2;
    if (!service::ParseKeyLine(line, &hash, &key).ok()) {
      return {"KeyStore accepted a line that ParseKeyLine rejects", "key_file.agree", true};
    }
    // `cakapd keys add` writes FormatKeyLine's line: it must read back as the same key.
    const std::string formatted = service::FormatKeyLine(hash, key);
    if (absl::Status s = service::ParseKeyLine(formatted, &hash2, &key2); !s.ok()) {
      return {absl::StrCat("FormatKeyLine's line \"", formatted, "\" is rejected: ", s.message()),
              "key_file.format", true};
    }
    if (std::string what = SameKey(hash, key, hash2, key2); !what.empty()) {
      return {absl::StrCat("FormatKeyLine then ParseKeyLine changes the ", what, " of \"",
                           absl::CHexEscape(line.substr(0, 200)), "\""),
              "key_file.format", true};
    }
  }
  if ((*store)->size() != active) {
    return {absl::StrCat("reloaded ", (*store)->size(), " keys from ", active, " active lines"),
            "key_file.count", true};
  }
  if ((*store)->Lookup(kOldSecret) != nullptr &&
      input.find(service::Sha256Hex(kOldSecret)) == absl::string_view::npos) {
    return {"a key not in the reloaded file still authenticates", "key_file.revoke", true};
  }
  return {"", "", true};
}

}  // namespace fuzz
}  // namespace cakap
