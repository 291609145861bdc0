// API keys of cakapd: the keys file, hashing, lookup and reload.
//
// The keys file holds one key per line, never the key itself, only its SHA-256:
//
//   # <sha256 of the key, hex> <name> <role> [provinces=63,64] [regions=63.11] [rate=N]
//   9f86d0...0a08 acme-portal portal
//   2c26b4...e7ae pt-borneo partner provinces=64 regions=63.11 rate=5
//   # revoked 2026-11-23T10:00:00+07:00: 5e8848...1d35 old-partner partner
//
// Lines starting with '#' and blank lines are ignored. Names are 1-64 characters of
// [A-Za-z0-9._-] and unique among active keys. `provinces` are province codes ("64"),
// `regions` kabupaten/kota codes ("63.11"), both from data/regions.tsv; a partner with
// either list only ever sees workers domiciled in one of them. `rate` is requests per
// second for the key (0 or missing: the server's --default-rate).
#ifndef CAKAP_SERVICE_AUTH_H_
#define CAKAP_SERVICE_AUTH_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace cakap {
namespace service {

enum class Role { kPortal, kPartner, kAdmin };

// "portal", "partner", "admin".
const char* RoleName(Role role);
absl::StatusOr<Role> ParseRole(absl::string_view name);

struct ApiKey {
  std::string name;
  Role role = Role::kAdmin;
  std::vector<std::string> provinces;  // province codes, e.g. "64"
  std::vector<std::string> regions;    // kabupaten/kota codes, e.g. "63.11"
  double rate = 0;                     // requests per second; 0: the server default

  // True when the key may only see workers in `provinces` or `regions`.
  bool restricted() const { return !provinces.empty() || !regions.empty(); }
  // Whether a worker domiciled in `region_code` (a kabupaten/kota code, or empty for a
  // worker given only by coordinates) is visible to this key.
  bool MaySee(absl::string_view region_code) const;
};

// Lower-case hex SHA-256 of `data` (OpenSSL libcrypto).
std::string Sha256Hex(absl::string_view data);

// Parses one non-comment line of a keys file into `hash` and `key`. InvalidArgument
// saying what is wrong.
absl::Status ParseKeyLine(absl::string_view line, std::string* hash, ApiKey* key);
// The line that ParseKeyLine reads back.
std::string FormatKeyLine(absl::string_view hash, const ApiKey& key);

// The active keys, loaded from a file and reloaded on demand. Thread-safe.
class KeyStore {
 public:
  // Loads `path`. InvalidArgument naming the line on a malformed file, NotFound when it
  // does not exist.
  static absl::StatusOr<std::unique_ptr<KeyStore>> Load(const std::string& path);

  // Reads the file again. On error the keys loaded before stay active, and the failure
  // is counted (reload_stats).
  absl::Status Reload();

  struct ReloadStats {
    uint64_t failures = 0;   // failed reloads since Load
    std::string last_error;  // of the last reload; empty when it succeeded
  };
  ReloadStats reload_stats() const;

  // Reads and checks `path` as Load would (`cakapd keys check`): the number of active
  // keys, or the error naming the line.
  static absl::StatusOr<size_t> Check(const std::string& path);

  // The key whose hash is SHA-256(`secret`), or null.
  std::shared_ptr<const ApiKey> Lookup(absl::string_view secret) const;
  size_t size() const;
  const std::string& path() const { return path_; }

 private:
  explicit KeyStore(std::string path) : path_(std::move(path)) {}
  using Map = absl::flat_hash_map<std::string, std::shared_ptr<const ApiKey>>;
  static absl::StatusOr<Map> ReadFile(const std::string& path);

  const std::string path_;
  mutable absl::Mutex mu_;
  Map by_hash_ ABSL_GUARDED_BY(mu_);
  ReloadStats reload_stats_ ABSL_GUARDED_BY(mu_);
};

// `cakapd keys add`: makes a random key for `key` (whose name must not be taken by an
// active key), appends its hash line to `path` (created with mode 0600 when missing) and
// returns the key, the only time it exists in clear.
absl::StatusOr<std::string> AddKey(const std::string& path, const ApiKey& key);

// `cakapd keys revoke`: comments out the active line named `name` (atomically, by
// rewriting the file). NotFound when there is none.
absl::Status RevokeKey(const std::string& path, absl::string_view name);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_AUTH_H_
