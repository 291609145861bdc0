// Page tokens as cakapd hands them out: the engine's token (which encodes the cursor and
// a fingerprint of the vacancy and the options that change candidates or scores) bound
// to the API key it was given to by an HMAC-SHA256 under a server secret.
//
// Why here and not in the engine: the engine has no callers, only a vacancy; who asks is
// the service's business, as are its secrets and their rotation, and the embedded CLI
// pages with the engine's plain tokens. The MAC covers the key name and the whole engine
// token, so neither the key nor the cursor nor the vacancy fingerprint can be changed,
// and the engine still rejects the token for another vacancy.
//
//   c1.<engine token>.<base64url of the first 16 bytes of the HMAC>
//
// Secrets: a file of one secret per line (at least 16 bytes each; '#' comments), the
// current one first and then older ones still accepted, so rotating is: put the new
// secret on top, keep the old one below while tokens made under it may still be used
// (a page token lives as long as someone pages), restart cakapd. Without a file, cakapd
// makes a random secret at start: tokens then do not survive a restart.
#ifndef CAKAP_SERVICE_PAGE_TOKEN_MAC_H_
#define CAKAP_SERVICE_PAGE_TOKEN_MAC_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cakap {
namespace service {

class PageTokenMac {
 public:
  // The secrets in `path` (see above). InvalidArgument naming the line, NotFound.
  static absl::StatusOr<PageTokenMac> FromFile(const std::string& path);
  // One random secret (OpenSSL RAND_bytes).
  static absl::StatusOr<PageTokenMac> Random();
  // `secrets`: current first. Each at least 16 bytes.
  explicit PageTokenMac(std::vector<std::string> secrets) : secrets_(std::move(secrets)) {}

  // The token for `key_name` (cakapd key name) around `engine_token`.
  std::string Seal(absl::string_view key_name, absl::string_view engine_token) const;
  // The engine's token inside `token`, when it was sealed for `key_name` under one of the
  // secrets. InvalidArgument "options.page_token: ..." otherwise.
  absl::StatusOr<std::string> Open(absl::string_view key_name, absl::string_view token) const;

 private:
  std::vector<std::string> secrets_;
};

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_PAGE_TOKEN_MAC_H_
