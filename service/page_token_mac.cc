#include "page_token_mac.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace cakap {
namespace service {
namespace {

constexpr absl::string_view kPrefix = "c1.";
constexpr size_t kMacBytes = 16;
constexpr size_t kMinSecretBytes = 16;

std::string Mac(absl::string_view secret, absl::string_view key_name,
                absl::string_view engine_token) {
  // Length-prefixed fields: no two (key, token) pairs share an input.
  const std::string input = absl::StrCat("cakap page token 1\n", key_name.size(), ":", key_name,
                                         engine_token.size(), ":", engine_token);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), digest, &len);
  return std::string(reinterpret_cast<const char*>(digest), kMacBytes);
}

absl::Status Invalid(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("options.page_token: ", what));
}

}  // namespace

absl::StatusOr<PageTokenMac> PageTokenMac::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open page token secrets"));
  std::vector<std::string> secrets;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const absl::string_view secret = absl::StripAsciiWhitespace(line);
    if (secret.empty() || secret[0] == '#') continue;
    if (secret.size() < kMinSecretBytes) {
      return absl::InvalidArgumentError(absl::StrCat(path, ":", number, ": a secret needs at least ",
                                                     kMinSecretBytes, " bytes"));
    }
    secrets.emplace_back(secret);
  }
  if (secrets.empty()) return absl::InvalidArgumentError(absl::StrCat(path, ": no secret"));
  return PageTokenMac(std::move(secrets));
}

absl::StatusOr<PageTokenMac> PageTokenMac::Random() {
  unsigned char random[32];
  if (RAND_bytes(random, sizeof random) != 1) return absl::InternalError("RAND_bytes failed");
  return PageTokenMac({std::string(reinterpret_cast<const char*>(random), sizeof random)});
}

std::string PageTokenMac::Seal(absl::string_view key_name, absl::string_view engine_token) const {
  return absl::StrCat(kPrefix, engine_token, ".",
                      absl::WebSafeBase64Escape(Mac(secrets_.front(), key_name, engine_token)));
}

absl::StatusOr<std::string> PageTokenMac::Open(absl::string_view key_name,
                                               absl::string_view token) const {
  const size_t dot = token.rfind('.');
  std::string mac;
  if (!absl::StartsWith(token, kPrefix) || dot == absl::string_view::npos ||
      dot < kPrefix.size() || !absl::WebSafeBase64Unescape(token.substr(dot + 1), &mac) ||
      mac.size() != kMacBytes ||
      // Only the canonical spelling: base64's unused low bits would otherwise let a
      // changed token through.
      absl::WebSafeBase64Escape(mac) != token.substr(dot + 1)) {
    return Invalid("malformed; pass next_page_token unchanged");
  }
  const absl::string_view engine_token = token.substr(kPrefix.size(), dot - kPrefix.size());
  for (const std::string& secret : secrets_) {
    const std::string want = Mac(secret, key_name, engine_token);
    if (CRYPTO_memcmp(want.data(), mac.data(), kMacBytes) == 0) return std::string(engine_token);
  }
  return Invalid("not issued to this key, or altered; start from the first page");
}

}  // namespace service
}  // namespace cakap
