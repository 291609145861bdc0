// cakapd: the cakap gRPC server, and `cakapd keys` to manage its API keys.
#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "audit.h"
#include "auth.h"
#include "server.h"

namespace {

constexpr char kUsage[] = R"(usage: cakapd [FLAGS]
       cakapd keys add --keys FILE --name NAME --role portal|partner|admin
                       [--provinces 63,64] [--regions 63.11] [--rate N]
       cakapd keys revoke --keys FILE --name NAME
       cakapd keys check FILE

A partner key with --provinces/--regions (at most 64 codes in all) sees only workers
domiciled there.

Serves the cakap gRPC API (proto/cakap/v1/service.proto) on the index in --data.

flags:
  --data DIR               index directory (default: $CAKAP_DATA, else ./var/cakap)
  --listen HOST:PORT       address to listen on (default 127.0.0.1:7843)
  --keys FILE              API keys file (hashes only; made by `cakapd keys add`).
                           Without it cakapd listens on 127.0.0.1 only and every caller
                           is an admin. SIGHUP reloads it.
  --audit-log FILE         audit log of partner matches (default DIR/audit.jsonl); each
                           line is on disk before its reply is sent
  --audit-max-bytes N      rotate the audit log once it holds N bytes: it is renamed to
                           FILE.<UTC time> (never deleted) and a new one started; 0: never
                           (default 67108864)
  --tls-cert FILE          PEM certificate chain: serve TLS (needs --tls-key)
  --tls-key FILE           PEM private key
  --max-message-bytes N    largest request or reply (default 16777216)
  --http-listen HOST:PORT  also serve HTTP/JSON (Connect protocol, JSON Lines import,
                           /healthz, /readyz, /metrics; docs/http.md) there, with TLS when
                           --tls-cert is given; /metrics needs an admin key
  --http-cors-origins LIST comma-separated origins whose browsers may call the HTTP API
                           (default: none)
  --http-max-body-bytes N  largest HTTP request body, JSON Lines imports excepted
                           (default 4194304)
  --http-max-connections N HTTP connections served at once (default 64); an idle
                           keep-alive connection holds one for up to 5 s
  --metrics-listen HOST:PORT  /metrics (open, no key), /healthz and /readyz only: give
                           it a private address
  --default-rate N         requests/s per portal/admin key without its own rate
                           (default 0: unlimited)
  --partner-rate N         requests/s per partner key without its own rate, with a burst
                           of one second's worth (default 20; 0: unlimited). Partners
                           read personal data: this bounds how fast a key can harvest it.
  --page-token-secrets FILE  secrets binding page tokens to keys (HMAC-SHA256): one per
                           line, at least 16 bytes, the current one first, then older
                           ones still accepted (rotate: add the new one on top, restart).
                           Default: a random secret per process (tokens die on restart)
  --shutdown-grace SECS    on SIGTERM/SIGINT, how long in-flight calls may finish (default 10)
  --write-probe-secs SECS  while writes fail (e.g. a full disk), try a write that changes
                           no record this often (default 5; 0: never)
  --help, -h               this text

gRPC health (grpc.health.v1.Health): "" and every service SERVING while cakapd runs;
cakap.v1.WorkerService and cakap.v1.VacancyService NOT_SERVING while writes fail (a full
disk: writes get RESOURCE_EXHAUSTED naming the index), SERVING again once one succeeds
(a client's write or the probe); reads and matches serve throughout.

`keys add` prints the new key once (only its SHA-256 is stored): pass it as the
request metadata "authorization: Bearer <key>". `keys revoke` disables a key by name;
send SIGHUP to a running cakapd to apply it. `keys check` reads a keys file as SIGHUP
would and says whether it loads (exit 0) or which line is wrong (exit 1): run it before
the SIGHUP. A SIGHUP whose file does not load keeps the old keys, logs an "error" event
and counts it in AdminService.Stats (key_reload_failures, key_reload_error).

exit codes: 0 ok (also after SIGTERM/SIGINT); 1 failure; 2 bad command line.
)";

int Usage(const std::string& error) {
  std::cerr << "cakapd: " << error << "\n(cakapd --help for usage)\n";
  return 2;
}

void Log(absl::string_view event, const std::string& fields) {
  std::string line = absl::StrCat("{\"time\":", cakap::service::JsonTime(absl::Now()),
                                  ",\"event\":", cakap::service::JsonString(event), fields, "}\n");
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

// Parses "--name value" / "--name=value" pairs into `flags`. Returns an error message.
std::string ParseFlags(const std::vector<std::string>& args, const std::vector<std::string>& known,
                       std::map<std::string, std::string>* flags) {
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i], value;
    if (name.rfind("--", 0) != 0) return "unexpected argument \"" + name + "\"";
    const size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else {
      if (i + 1 >= args.size()) return name + " needs a value";
      value = args[++i];
    }
    name = name.substr(2);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return "unknown flag --" + name;
    }
    (*flags)[name] = value;
  }
  return "";
}

int Keys(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "check") {
    if (args.size() != 2) return Usage("keys check: expected one FILE");
    absl::StatusOr<size_t> keys = cakap::service::KeyStore::Check(args[1]);
    if (!keys.ok()) {
      std::cerr << "cakapd: " << keys.status().message() << "\n";
      return 1;
    }
    std::cout << args[1] << ": ok, " << *keys << " active keys\n";
    return 0;
  }
  if (args.empty() || (args[0] != "add" && args[0] != "revoke")) {
    return Usage("keys: expected add, revoke or check");
  }
  std::map<std::string, std::string> flags;
  std::string error = ParseFlags({args.begin() + 1, args.end()},
                                 {"keys", "name", "role", "provinces", "regions", "rate"}, &flags);
  if (!error.empty()) return Usage("keys " + args[0] + ": " + error);
  if (flags["keys"].empty() || flags["name"].empty()) {
    return Usage("keys " + args[0] + ": --keys and --name are required");
  }
  if (args[0] == "revoke") {
    absl::Status s = cakap::service::RevokeKey(flags["keys"], flags["name"]);
    if (!s.ok()) {
      std::cerr << "cakapd: " << s.message() << "\n";
      return 1;
    }
    std::cerr << "revoked " << flags["name"] << "; send SIGHUP to cakapd to apply\n";
    return 0;
  }
  cakap::service::ApiKey key;
  key.name = flags["name"];
  absl::StatusOr<cakap::service::Role> role = cakap::service::ParseRole(flags["role"]);
  if (!role.ok()) return Usage(std::string(role.status().message()));
  key.role = *role;
  for (absl::string_view p : absl::StrSplit(flags["provinces"], ',', absl::SkipEmpty())) {
    key.provinces.emplace_back(p);
  }
  for (absl::string_view r : absl::StrSplit(flags["regions"], ',', absl::SkipEmpty())) {
    key.regions.emplace_back(r);
  }
  if (!flags["rate"].empty() && (!absl::SimpleAtod(flags["rate"], &key.rate) || key.rate < 0)) {
    return Usage("--rate: not a number >= 0");
  }
  absl::StatusOr<std::string> secret = cakap::service::AddKey(flags["keys"], key);
  if (!secret.ok()) {
    std::cerr << "cakapd: " << secret.status().message() << "\n";
    return 1;
  }
  std::cout << *secret << "\n";
  std::cerr << "added key " << key.name << " (" << cakap::service::RoleName(key.role)
            << "); it is shown only this once\n";
  return 0;
}

int Serve(const std::vector<std::string>& args) {
  std::map<std::string, std::string> flags;
  const std::string error = ParseFlags(
      args, {"data", "listen", "keys", "audit-log", "audit-max-bytes", "tls-cert", "tls-key", "max-message-bytes",
             "default-rate", "partner-rate", "page-token-secrets", "shutdown-grace",
             "write-probe-secs", "http-listen", "http-cors-origins", "http-max-body-bytes",
             "http-max-connections", "metrics-listen"},
      &flags);
  if (!error.empty()) return Usage(error);
  cakap::service::ServerOptions options;
  const char* env_data = std::getenv("CAKAP_DATA");
  if (env_data != nullptr && *env_data != '\0') options.data_dir = env_data;
  if (flags.count("data")) options.data_dir = flags["data"];
  if (flags.count("listen")) options.listen = flags["listen"];
  options.keys_file = flags["keys"];
  options.audit_log = flags["audit-log"];
  if (flags.count("audit-max-bytes") &&
      !absl::SimpleAtoi(flags["audit-max-bytes"], &options.audit_log_options.max_bytes)) {
    return Usage("--audit-max-bytes: not an integer >= 0");
  }
  options.tls_cert_file = flags["tls-cert"];
  options.tls_key_file = flags["tls-key"];
  if (flags.count("max-message-bytes") &&
      !absl::SimpleAtoi(flags["max-message-bytes"], &options.max_message_bytes)) {
    return Usage("--max-message-bytes: not an integer");
  }
  if (flags.count("default-rate") &&
      !absl::SimpleAtod(flags["default-rate"], &options.default_rate)) {
    return Usage("--default-rate: not a number");
  }
  options.http.listen = flags["http-listen"];
  for (absl::string_view origin :
       absl::StrSplit(flags["http-cors-origins"], ',', absl::SkipWhitespace())) {
    options.http.cors_origins.emplace_back(absl::StripAsciiWhitespace(origin));
  }
  if (flags.count("http-max-body-bytes") &&
      (!absl::SimpleAtoi(flags["http-max-body-bytes"], &options.http.max_body_bytes) ||
       options.http.max_body_bytes == 0)) {
    return Usage("--http-max-body-bytes: not an integer > 0");
  }
  if (flags.count("http-max-connections") &&
      (!absl::SimpleAtoi(flags["http-max-connections"], &options.http.max_connections) ||
       options.http.max_connections < 1 || options.http.max_connections > 10000)) {
    return Usage("--http-max-connections: not an integer from 1 to 10000");
  }
  options.metrics_listen = flags["metrics-listen"];
  if (flags.count("write-probe-secs")) {
    double secs = 0;
    if (!absl::SimpleAtod(flags["write-probe-secs"], &secs) || !(secs >= 0)) {
      return Usage("--write-probe-secs: not a number >= 0");
    }
    options.write_probe_interval = absl::Seconds(secs);
  }
  if (flags.count("partner-rate") &&
      !absl::SimpleAtod(flags["partner-rate"], &options.partner_rate)) {
    return Usage("--partner-rate: not a number");
  }
  options.page_token_secrets_file = flags["page-token-secrets"];
  double grace = 10;
  if (flags.count("shutdown-grace") &&
      (!absl::SimpleAtod(flags["shutdown-grace"], &grace) || !(grace >= 0))) {
    return Usage("--shutdown-grace: not a number >= 0");
  }

  // Signals are taken by this thread with sigwait; every thread the server starts
  // inherits the mask, so none of them is interrupted.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  absl::StatusOr<std::unique_ptr<cakap::service::RunningServer>> server =
      cakap::service::StartServer(options);
  if (!server.ok()) {
    std::cerr << "cakapd: " << server.status().message() << "\n";
    return 1;
  }
  using cakap::service::JsonString;
  if ((*server)->open_mode()) {
    Log("warning", ",\"msg\":\"no --keys: listening on 127.0.0.1 only; every caller is admin\"");
  }
  Log("start", absl::StrCat(",\"listen\":", JsonString((*server)->address()),
                            ",\"port\":", (*server)->port(),
                            ",\"http_port\":", (*server)->http_port(),
                            ",\"metrics_port\":", (*server)->metrics_port(),
                            ",\"data\":", JsonString(options.data_dir),
                            ",\"tls\":", options.tls_cert_file.empty() ? "false" : "true",
                            ",\"keys\":", JsonString(options.keys_file)));
  for (;;) {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0) continue;
    if (sig == SIGHUP) {
      absl::Status s = (*server)->ReloadKeys();
      if (s.ok()) {
        Log("reload_keys", ",\"status\":\"OK\"");
      } else {
        // Loud: the operator believes a key was revoked, and it was not.
        Log("error", absl::StrCat(",\"what\":\"reload_keys\",\"status\":", JsonString(s.ToString()),
                                  ",\"msg\":\"keys file not reloaded; the keys loaded before stay "
                                  "active (check it with: cakapd keys check FILE)\""));
      }
      continue;
    }
    Log("shutdown", absl::StrCat(",\"signal\":", JsonString(sig == SIGTERM ? "SIGTERM" : "SIGINT")));
    (*server)->Shutdown(absl::Seconds(grace));
    Log("stopped", "");
    return 0;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // Debian builds abseil without NDEBUG, so every absl::Mutex acquisition would go
  // through the deadlock detector's global graph (a process-wide spinlock); a server
  // does not pay for a debugging aid. Tests keep it on.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  std::vector<std::string> args(argv + 1, argv + argc);
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h" || (i == 0 && args[i] == "help")) {
      std::cout << kUsage;
      return 0;
    }
  }
  if (!args.empty() && args[0] == "keys") return Keys({args.begin() + 1, args.end()});
  return Serve(args);
}
