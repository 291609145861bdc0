#include "auth.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <charconv>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cakap/engine.h"
#include "cakap/limits.h"
#include "cakap/regions.h"

namespace cakap {
namespace service {
namespace {

const Regions* BuiltinRegions() {
  static const Regions* const regions = [] {
    absl::StatusOr<Regions> r = Regions::Builtin();
    return r.ok() ? new Regions(*std::move(r)) : nullptr;
  }();
  return regions;
}

absl::Status ParseCodes(absl::string_view list, bool provinces, std::vector<std::string>* out) {
  const Regions* regions = BuiltinRegions();
  if (regions == nullptr) return absl::InternalError("built-in regions failed to load");
  for (absl::string_view code : absl::StrSplit(list, ',', absl::SkipEmpty())) {
    const Region* r = regions->Find(code);
    if (r == nullptr || r->is_province() != provinces) {
      return absl::InvalidArgumentError(absl::StrCat(
          provinces ? "provinces" : "regions", ": \"", code, "\" is not a known ",
          provinces ? "province code (e.g. 64)" : "kabupaten/kota code (e.g. 63.11)"));
    }
    out->push_back(std::string(code));
  }
  return absl::OkStatus();
}

absl::Status Errno(absl::string_view what, const std::string& path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

absl::StatusOr<std::string> ReadAll(int fd) {
  std::string data;
  char buf[4096];
  if (lseek(fd, 0, SEEK_SET) < 0) return absl::InternalError("lseek failed");
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return absl::InternalError(absl::StrCat("read: ", std::strerror(errno)));
    if (n == 0) return data;
    data.append(buf, static_cast<size_t>(n));
  }
}

absl::Status WriteAll(int fd, absl::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return absl::InternalError(absl::StrCat("write: ", std::strerror(errno)));
    data.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

// Opens `path` and takes an exclusive lock on it, retrying when a concurrent revoke
// replaced the file between open and lock.
absl::StatusOr<int> OpenLocked(const std::string& path, int flags) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    int fd = open(path.c_str(), flags | O_CLOEXEC, 0600);
    if (fd < 0) return Errno("cannot open", path);
    if (flock(fd, LOCK_EX) != 0) {
      close(fd);
      return Errno("cannot lock", path);
    }
    struct stat by_fd, by_path;
    if (fstat(fd, &by_fd) == 0 && stat(path.c_str(), &by_path) == 0 &&
        by_fd.st_ino == by_path.st_ino && by_fd.st_dev == by_path.st_dev) {
      return fd;
    }
    close(fd);
  }
  return absl::UnavailableError(absl::StrCat(path, " keeps changing; try again"));
}

bool IsActiveLine(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  return !line.empty() && line[0] != '#';
}

constexpr char kHeader[] =
    "# cakapd keys: <sha256 of the key> <name> <role> [provinces=..] [regions=..] [rate=N]\n"
    "# Only hashes are stored. Made and revoked with `cakapd keys add|revoke`.\n";

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kPortal:
      return "portal";
    case Role::kPartner:
      return "partner";
    case Role::kAdmin:
      return "admin";
  }
  return "?";
}

absl::StatusOr<Role> ParseRole(absl::string_view name) {
  if (name == "portal") return Role::kPortal;
  if (name == "partner") return Role::kPartner;
  if (name == "admin") return Role::kAdmin;
  return absl::InvalidArgumentError(
      absl::StrCat("role: \"", name, "\" is not one of portal, partner, admin"));
}

bool ApiKey::MaySee(absl::string_view region_code) const {
  if (!restricted()) return true;
  if (region_code.empty()) return false;
  if (std::find(regions.begin(), regions.end(), region_code) != regions.end()) return true;
  const absl::string_view province = region_code.substr(0, region_code.find('.'));
  return std::find(provinces.begin(), provinces.end(), province) != provinces.end();
}

std::string Sha256Hex(absl::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr) != 1) {
    return "";
  }
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), len));
}

absl::Status ParseKeyLine(absl::string_view line, std::string* hash, ApiKey* key) {
  std::vector<absl::string_view> fields =
      absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipWhitespace());
  if (fields.size() < 3) {
    return absl::InvalidArgumentError("expected <sha256> <name> <role> [options]");
  }
  if (fields[0].size() != 64 ||
      !std::all_of(fields[0].begin(), fields[0].end(),
                   [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })) {
    return absl::InvalidArgumentError("hash: not 64 lower-case hex digits");
  }
  // A partner's name is what its vacancies carry as Vacancy.owner.
  if (!IsValidOwnerName(fields[1])) {
    return absl::InvalidArgumentError(
        absl::StrCat("name: 1-", kMaxOwnerNameBytes, " characters of [A-Za-z0-9._-]"));
  }
  *hash = std::string(fields[0]);
  *key = ApiKey();
  key->name = std::string(fields[1]);
  absl::StatusOr<Role> role = ParseRole(fields[2]);
  if (!role.ok()) return role.status();
  key->role = *role;
  for (size_t i = 3; i < fields.size(); ++i) {
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(fields[i], '=');
    if (kv.first == "provinces") {
      if (absl::Status s = ParseCodes(kv.second, true, &key->provinces); !s.ok()) return s;
    } else if (kv.first == "regions") {
      if (absl::Status s = ParseCodes(kv.second, false, &key->regions); !s.ok()) return s;
    } else if (kv.first == "rate") {
      if (!absl::SimpleAtod(kv.second, &key->rate) || !std::isfinite(key->rate) ||
          key->rate < 0) {
        return absl::InvalidArgumentError("rate: not a number >= 0");
      }
    } else {
      return absl::InvalidArgumentError(absl::StrCat("unknown option \"", fields[i], "\""));
    }
  }
  if (key->restricted() && key->role != Role::kPartner) {
    return absl::InvalidArgumentError("provinces/regions: only partner keys are restricted");
  }
  // A match without regions by this key becomes a match in exactly these codes.
  const size_t codes = key->provinces.size() + key->regions.size();
  if (codes > static_cast<size_t>(kMaxVacancyRegionCodes)) {
    return absl::InvalidArgumentError(
        absl::StrCat("provinces/regions: ", codes, " codes, at most ", kMaxVacancyRegionCodes,
                     " (name a whole province instead of its kabupaten/kota)"));
  }
  return absl::OkStatus();
}

std::string FormatKeyLine(absl::string_view hash, const ApiKey& key) {
  std::string line = absl::StrCat(hash, " ", key.name, " ", RoleName(key.role));
  if (!key.provinces.empty()) absl::StrAppend(&line, " provinces=", absl::StrJoin(key.provinces, ","));
  if (!key.regions.empty()) absl::StrAppend(&line, " regions=", absl::StrJoin(key.regions, ","));
  if (key.rate > 0) {
    // The shortest text that reads back as the same double (StrCat keeps 6 digits:
    // 1.2345678 became 1.23457; found by the fuzzer).
    char rate[32];
    const std::to_chars_result end = std::to_chars(rate, rate + sizeof(rate), key.rate);
    absl::StrAppend(&line, " rate=", absl::string_view(rate, end.ptr - rate));
  }
  return line;
}

absl::StatusOr<KeyStore::Map> KeyStore::ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open keys file"));
  Map map;
  absl::flat_hash_map<std::string, int> names;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!IsActiveLine(line)) continue;
    std::string hash;
    auto key = std::make_shared<ApiKey>();
    if (absl::Status s = ParseKeyLine(line, &hash, key.get()); !s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", number, ": ", s.message()));
    }
    if (auto [it, fresh] = names.emplace(key->name, number); !fresh) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", number, ": name ", key->name,
                                                     " is also on line ", it->second));
    }
    if (!map.emplace(hash, std::move(key)).second) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", number, ": duplicate hash"));
    }
  }
  if (in.bad()) return absl::InternalError(absl::StrCat(path, ": read error"));
  return map;
}

absl::StatusOr<std::unique_ptr<KeyStore>> KeyStore::Load(const std::string& path) {
  std::unique_ptr<KeyStore> store(new KeyStore(path));
  absl::Status s = store->Reload();
  if (!s.ok()) return s;
  return store;
}

absl::Status KeyStore::Reload() {
  absl::StatusOr<Map> map = ReadFile(path_);
  absl::MutexLock lock(&mu_);
  if (!map.ok()) {
    ++reload_stats_.failures;
    reload_stats_.last_error = std::string(map.status().message());
    return map.status();
  }
  by_hash_ = *std::move(map);
  reload_stats_.last_error.clear();
  return absl::OkStatus();
}

KeyStore::ReloadStats KeyStore::reload_stats() const {
  absl::MutexLock lock(&mu_);
  return reload_stats_;
}

absl::StatusOr<size_t> KeyStore::Check(const std::string& path) {
  absl::StatusOr<Map> map = ReadFile(path);
  if (!map.ok()) return map.status();
  return map->size();
}

std::shared_ptr<const ApiKey> KeyStore::Lookup(absl::string_view secret) const {
  if (secret.empty()) return nullptr;
  const std::string hash = Sha256Hex(secret);
  absl::MutexLock lock(&mu_);
  auto it = by_hash_.find(hash);
  return it == by_hash_.end() ? nullptr : it->second;
}

size_t KeyStore::size() const {
  absl::MutexLock lock(&mu_);
  return by_hash_.size();
}

absl::StatusOr<std::string> AddKey(const std::string& path, const ApiKey& key) {
  // Validate by formatting and parsing back the line it will store.
  std::string check_hash;
  ApiKey check;
  if (absl::Status s = ParseKeyLine(FormatKeyLine(std::string(64, '0'), key), &check_hash, &check);
      !s.ok()) {
    return s;
  }
  unsigned char random[32];
  if (RAND_bytes(random, sizeof random) != 1) return absl::InternalError("RAND_bytes failed");
  std::string secret = "cakap_";
  absl::StrAppend(&secret, absl::WebSafeBase64Escape(absl::string_view(
                               reinterpret_cast<const char*>(random), sizeof random)));

  absl::StatusOr<int> fd = OpenLocked(path, O_RDWR | O_CREAT | O_APPEND);
  if (!fd.ok()) return fd.status();
  absl::Status status = [&]() -> absl::Status {
    absl::StatusOr<std::string> existing = ReadAll(*fd);
    if (!existing.ok()) return existing.status();
    for (absl::string_view line : absl::StrSplit(*existing, '\n')) {
      if (!IsActiveLine(line)) continue;
      std::string hash;
      ApiKey other;
      if (ParseKeyLine(line, &hash, &other).ok() && other.name == key.name) {
        return absl::AlreadyExistsError(absl::StrCat("name: ", key.name, " already has a key"));
      }
    }
    std::string out;
    if (existing->empty()) out = kHeader;
    if (!existing->empty() && existing->back() != '\n') out += "\n";
    absl::StrAppend(&out, FormatKeyLine(Sha256Hex(secret), key), "\n");
    if (absl::Status s = WriteAll(*fd, out); !s.ok()) return s;
    if (fsync(*fd) != 0) return Errno("fsync", path);
    return absl::OkStatus();
  }();
  close(*fd);
  if (!status.ok()) return status;
  return secret;
}

absl::Status RevokeKey(const std::string& path, absl::string_view name) {
  absl::StatusOr<int> fd = OpenLocked(path, O_RDWR);
  if (!fd.ok()) return fd.status();
  absl::Status status = [&]() -> absl::Status {
    absl::StatusOr<std::string> existing = ReadAll(*fd);
    if (!existing.ok()) return existing.status();
    const std::string stamp =
        absl::FormatTime("%Y-%m-%dT%H:%M:%S%Ez", absl::Now(), absl::FixedTimeZone(7 * 3600));
    std::string out;
    int revoked = 0;
    std::vector<absl::string_view> lines = absl::StrSplit(*existing, '\n');
    if (!lines.empty() && lines.back().empty()) lines.pop_back();
    for (absl::string_view line : lines) {
      std::string hash;
      ApiKey key;
      if (IsActiveLine(line) && ParseKeyLine(line, &hash, &key).ok() && key.name == name) {
        absl::StrAppend(&out, "# revoked ", stamp, ": ", line, "\n");
        ++revoked;
      } else {
        absl::StrAppend(&out, line, "\n");
      }
    }
    if (revoked == 0) return absl::NotFoundError(absl::StrCat("no active key named ", name));
    const std::string tmp = path + ".tmp";
    int out_fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (out_fd < 0) return Errno("cannot create", tmp);
    absl::Status s = WriteAll(out_fd, out);
    if (s.ok() && fsync(out_fd) != 0) s = Errno("fsync", tmp);
    close(out_fd);
    if (s.ok() && rename(tmp.c_str(), path.c_str()) != 0) s = Errno("cannot replace", path);
    if (!s.ok()) unlink(tmp.c_str());
    return s;
  }();
  close(*fd);
  return status;
}

}  // namespace service
}  // namespace cakap
