// cakapd: the cakap gRPC server, and `cakapd keys` to manage its API keys. The flags are
// abseil flags (cmdline.h); main() reads them into ServerOptions / ApiKey and checks what
// abseil's types do not (ranges), naming the flag.
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "audit.h"
#include "auth.h"
#include "cakap/engine.h"
#include "cmdline.h"
#include "server.h"

namespace {

// The defaults of the flags that set ServerOptions are the struct's own.
const cakap::service::ServerOptions& Defaults() {
  static const auto* const kDefaults = new cakap::service::ServerOptions();
  return *kDefaults;
}

constexpr double kDefaultShutdownGraceSecs = 10;
// The console as clients/web/build.sh builds it (service/CMakeLists.txt sets the path).
#ifdef CAKAP_DEFAULT_WEB_ROOT
constexpr char kDefaultWebRoot[] = CAKAP_DEFAULT_WEB_ROOT;
#else
constexpr char kDefaultWebRoot[] = "";
#endif
// More HTTP connections than this is a typo, not a plan (each is a thread).
constexpr int kMaxHttpConnections = 10000;

}  // namespace

// Serving.
ABSL_FLAG(std::string, data, "", "index directory (default: $CAKAP_DATA, else ./var/cakap)");
ABSL_FLAG(std::string, listen, Defaults().listen, "address to listen on, HOST:PORT");
ABSL_FLAG(std::string, keys, "", "API keys file");
ABSL_FLAG(std::string, audit_log, "", "audit log of partner matches (default DIR/audit.jsonl)");
ABSL_FLAG(uint64_t, audit_max_bytes, Defaults().audit_log_options.max_bytes,
          "rotate the audit log at this size; 0: never");
ABSL_FLAG(std::string, tls_cert, "", "PEM certificate chain: serve TLS");
ABSL_FLAG(std::string, tls_key, "", "PEM private key");
ABSL_FLAG(int, max_message_bytes, Defaults().max_message_bytes, "largest request or reply");
ABSL_FLAG(std::string, http_listen, "", "also serve HTTP/JSON at HOST:PORT");
ABSL_FLAG(std::vector<std::string>, http_cors_origins, {},
          "origins whose browsers may call the HTTP API");
ABSL_FLAG(uint64_t, http_max_body_bytes, Defaults().http.max_body_bytes,
          "largest HTTP request body, JSON Lines imports excepted");
ABSL_FLAG(int, http_max_connections, Defaults().http.max_connections,
          "HTTP connections served at once");
ABSL_FLAG(std::string, web_root, "",
          "directory of the web console served at / on the HTTP port");
ABSL_FLAG(std::string, metrics_listen, "", "HOST:PORT of the open /metrics listener");
ABSL_FLAG(double, default_rate, Defaults().default_rate,
          "requests/s per portal/admin key without its own rate; 0: unlimited");
ABSL_FLAG(double, partner_rate, Defaults().partner_rate,
          "requests/s per partner key without its own rate; 0: unlimited");
ABSL_FLAG(std::string, page_token_secrets, "", "secrets binding page tokens to keys");
ABSL_FLAG(double, shutdown_grace, kDefaultShutdownGraceSecs,
          "seconds in-flight calls may finish after SIGTERM/SIGINT");
ABSL_FLAG(double, write_probe_secs, absl::ToDoubleSeconds(Defaults().write_probe_interval),
          "seconds between probe writes while writes fail; 0: never");
// `keys add` / `keys revoke` (and --keys above).
ABSL_FLAG(std::string, name, "", "keys add/revoke: the key's name");
ABSL_FLAG(std::string, role, "", "keys add: portal, partner or admin");
ABSL_FLAG(std::vector<std::string>, provinces, {}, "keys add: province codes a partner sees");
ABSL_FLAG(std::vector<std::string>, regions, {}, "keys add: kabupaten/kota codes a partner sees");
ABSL_FLAG(double, rate, 0, "keys add: the key's requests/s; 0: the server's default");

namespace {

// {name}s are filled in by UsageText(): defaults and limits stated where they are defined.
constexpr char kUsageTemplate[] = R"(usage: cakapd [FLAGS]
       cakapd keys add --keys FILE --name NAME --role portal|partner|admin
                       [--provinces 63,64] [--regions 63.11] [--rate N]
       cakapd keys revoke --keys FILE --name NAME
       cakapd keys check FILE

A partner key with --provinces/--regions (at most {max_region_codes} codes in all) sees
only workers domiciled there.

Serves the cakap gRPC API (proto/cakap/v1/service.proto) on the index in --data.

flags:
  --data DIR               index directory (default: $CAKAP_DATA, else ./var/cakap)
  --listen HOST:PORT       address to listen on (default {listen})
  --keys FILE              API keys file (hashes only; made by `cakapd keys add`).
                           Without it cakapd listens on 127.0.0.1 only and every caller
                           is an admin. SIGHUP reloads it.
  --audit-log FILE         audit log of partner matches (default DIR/audit.jsonl); each
                           line is on disk before its reply is sent
  --audit-max-bytes N      rotate the audit log once it holds N bytes: it is renamed to
                           FILE.<UTC time> (never deleted) and a new one started; 0: never
                           (default {audit_max_bytes})
  --tls-cert FILE          PEM certificate chain: serve TLS (needs --tls-key)
  --tls-key FILE           PEM private key
  --max-message-bytes N    largest request or reply (default {max_message_bytes})
  --http-listen HOST:PORT  also serve HTTP/JSON (Connect protocol, JSON Lines import,
                           /healthz, /readyz, /metrics; docs/http.md) there, with TLS when
                           --tls-cert is given; /metrics needs an admin key
  --http-cors-origins LIST comma-separated origins whose browsers may call the HTTP API
                           (default: none)
  --http-max-body-bytes N  largest HTTP request body, JSON Lines imports excepted
                           (default {http_max_body_bytes})
  --http-max-connections N HTTP connections served at once (default
                           {http_max_connections}, at most {max_http_connections}); an idle
                           keep-alive connection holds one for up to {http_idle_timeout}
  --web-root DIR           serve the web console (clients/web) from DIR at / on the
                           HTTP port: GET of its files only, never shadowing an rpc,
                           /healthz, /readyz or /metrics; --web-root= serves none
                           (default, when it holds an index.html, the built console:
                           {web_root})
  --metrics-listen HOST:PORT  /metrics (open, no key), /healthz and /readyz only: give
                           it a private address
  --default-rate N         requests/s per portal/admin key without its own rate; 0:
                           unlimited (default {default_rate})
  --partner-rate N         requests/s per partner key without its own rate, with a burst
                           of one second's worth (default {partner_rate}; 0: unlimited). Partners
                           read personal data: this bounds how fast a key can harvest it.
  --page-token-secrets FILE  secrets binding page tokens to keys (HMAC-SHA256): one per
                           line, at least 16 bytes, the current one first, then older
                           ones still accepted (rotate: add the new one on top, restart).
                           Default: a random secret per process (tokens die on restart)
  --shutdown-grace SECS    on SIGTERM/SIGINT, how long in-flight calls may finish
                           (default {shutdown_grace})
  --write-probe-secs SECS  while writes fail (e.g. a full disk), try a write that changes
                           no record this often (default {write_probe_secs}; 0: never)
  --help, -h               this text
  --version                the version

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

std::string UsageText() {
  const cakap::service::ServerOptions& d = Defaults();
  return absl::StrReplaceAll(
      kUsageTemplate,
      {{"{max_region_codes}", absl::StrCat(cakap::kMaxVacancyRegionCodes)},
       {"{listen}", d.listen},
       {"{web_root}", kDefaultWebRoot},
       {"{audit_max_bytes}", absl::StrCat(d.audit_log_options.max_bytes)},
       {"{max_message_bytes}", absl::StrCat(d.max_message_bytes)},
       {"{http_max_body_bytes}", absl::StrCat(d.http.max_body_bytes)},
       {"{http_max_connections}", absl::StrCat(d.http.max_connections)},
       {"{max_http_connections}", absl::StrCat(kMaxHttpConnections)},
       {"{http_idle_timeout}", absl::FormatDuration(d.http.idle_timeout)},
       {"{default_rate}", absl::StrCat(d.default_rate)},
       {"{partner_rate}", absl::StrCat(d.partner_rate)},
       {"{shutdown_grace}", absl::StrCat(kDefaultShutdownGraceSecs)},
       {"{write_probe_secs}", absl::StrCat(absl::ToDoubleSeconds(d.write_probe_interval))}});
}

int Usage(absl::string_view error) {
  std::cerr << "cakapd: " << error << "\n(cakapd --help for usage)\n";
  return 2;
}

void Log(absl::string_view event, const std::string& fields) {
  std::string line = absl::StrCat("{\"time\":", cakap::service::JsonTime(absl::Now()),
                                  ",\"event\":", cakap::service::JsonString(event), fields, "}\n");
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

// The first flag given that `allowed` does not hold (its name with dashes), or "".
std::string StrayFlag(const cakap::cmdline::CommandLine& cl,
                      std::initializer_list<absl::string_view> allowed) {
  for (const std::string& name : cl.given) {
    bool ok = false;
    for (absl::string_view a : allowed) ok = ok || name == a;
    if (!ok) return name;
  }
  return "";
}

std::vector<std::string> NonEmpty(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    absl::string_view stripped = absl::StripAsciiWhitespace(v);
    if (!stripped.empty()) out.emplace_back(stripped);
  }
  return out;
}

// `cakapd keys add|revoke|check`; positional: "keys", the subcommand, check's FILE.
int Keys(const cakap::cmdline::CommandLine& cl) {
  const std::vector<std::string>& pos = cl.positional;
  const std::string sub = pos.size() > 1 ? pos[1] : "";
  if (sub == "check") {
    if (pos.size() != 3) return Usage("keys check: expected one FILE");
    if (std::string stray = StrayFlag(cl, {}); !stray.empty()) {
      return Usage(absl::StrCat("keys check: --", stray, " does not apply"));
    }
    absl::StatusOr<size_t> keys = cakap::service::KeyStore::Check(pos[2]);
    if (!keys.ok()) {
      std::cerr << "cakapd: " << keys.status().message() << "\n";
      return 1;
    }
    std::cout << pos[2] << ": ok, " << *keys << " active keys\n";
    return 0;
  }
  if (sub != "add" && sub != "revoke") return Usage("keys: expected add, revoke or check");
  if (pos.size() != 2) return Usage(absl::StrCat("unexpected argument \"", pos[2], "\""));
  const std::string stray =
      sub == "revoke" ? StrayFlag(cl, {"keys", "name"})
                      : StrayFlag(cl, {"keys", "name", "role", "provinces", "regions", "rate"});
  if (!stray.empty()) return Usage(absl::StrCat("keys ", sub, ": --", stray, " does not apply"));
  const std::string keys_file = absl::GetFlag(FLAGS_keys);
  const std::string name = absl::GetFlag(FLAGS_name);
  if (keys_file.empty() || name.empty()) {
    return Usage(absl::StrCat("keys ", sub, ": --keys and --name are required"));
  }
  if (sub == "revoke") {
    absl::Status s = cakap::service::RevokeKey(keys_file, name);
    if (!s.ok()) {
      std::cerr << "cakapd: " << s.message() << "\n";
      return 1;
    }
    std::cerr << "revoked " << name << "; send SIGHUP to cakapd to apply\n";
    return 0;
  }
  cakap::service::ApiKey key;
  key.name = name;
  absl::StatusOr<cakap::service::Role> role = cakap::service::ParseRole(absl::GetFlag(FLAGS_role));
  if (!role.ok()) return Usage(role.status().message());
  key.role = *role;
  key.provinces = NonEmpty(absl::GetFlag(FLAGS_provinces));
  key.regions = NonEmpty(absl::GetFlag(FLAGS_regions));
  key.rate = absl::GetFlag(FLAGS_rate);
  if (!(key.rate >= 0)) return Usage("--rate: not a number >= 0");
  absl::StatusOr<std::string> secret = cakap::service::AddKey(keys_file, key);
  if (!secret.ok()) {
    std::cerr << "cakapd: " << secret.status().message() << "\n";
    return 1;
  }
  std::cout << *secret << "\n";
  std::cerr << "added key " << key.name << " (" << cakap::service::RoleName(key.role)
            << "); it is shown only this once\n";
  return 0;
}

// ServerOptions from the flags; InvalidArgument naming the flag for a value out of range.
absl::StatusOr<cakap::service::ServerOptions> ServerOptionsFromFlags(
    const cakap::cmdline::CommandLine& cl) {
  cakap::service::ServerOptions options;
  const char* env_data = std::getenv("CAKAP_DATA");
  if (env_data != nullptr && *env_data != '\0') options.data_dir = env_data;
  if (cl.Has("data")) options.data_dir = absl::GetFlag(FLAGS_data);
  options.listen = absl::GetFlag(FLAGS_listen);
  options.keys_file = absl::GetFlag(FLAGS_keys);
  options.audit_log = absl::GetFlag(FLAGS_audit_log);
  options.audit_log_options.max_bytes = absl::GetFlag(FLAGS_audit_max_bytes);
  options.tls_cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.tls_key_file = absl::GetFlag(FLAGS_tls_key);
  options.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  if (options.max_message_bytes <= 0) {
    return absl::InvalidArgumentError("--max-message-bytes: not an integer > 0");
  }
  options.default_rate = absl::GetFlag(FLAGS_default_rate);
  if (!(options.default_rate >= 0)) {
    return absl::InvalidArgumentError("--default-rate: not a number >= 0");
  }
  options.http.listen = absl::GetFlag(FLAGS_http_listen);
  options.http.cors_origins = NonEmpty(absl::GetFlag(FLAGS_http_cors_origins));
  options.http.max_body_bytes = absl::GetFlag(FLAGS_http_max_body_bytes);
  if (options.http.max_body_bytes == 0) {
    return absl::InvalidArgumentError("--http-max-body-bytes: not an integer > 0");
  }
  options.http.max_connections = absl::GetFlag(FLAGS_http_max_connections);
  if (options.http.max_connections < 1 || options.http.max_connections > kMaxHttpConnections) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--http-max-connections: not an integer from 1 to ", kMaxHttpConnections));
  }
  if (cl.Has("web-root")) {
    options.http.static_dir = absl::GetFlag(FLAGS_web_root);
  } else if (kDefaultWebRoot[0] != '\0' &&
             std::ifstream(absl::StrCat(kDefaultWebRoot, "/index.html")).good()) {
    options.http.static_dir = kDefaultWebRoot;
  }
  if (!options.http.static_dir.empty() && options.http.listen.empty() && cl.Has("web-root")) {
    return absl::InvalidArgumentError("--web-root: needs --http-listen");
  }
  options.metrics_listen = absl::GetFlag(FLAGS_metrics_listen);
  const double probe_secs = absl::GetFlag(FLAGS_write_probe_secs);
  if (!(probe_secs >= 0)) return absl::InvalidArgumentError("--write-probe-secs: not a number >= 0");
  options.write_probe_interval = absl::Seconds(probe_secs);
  options.partner_rate = absl::GetFlag(FLAGS_partner_rate);
  if (!(options.partner_rate >= 0)) {
    return absl::InvalidArgumentError("--partner-rate: not a number >= 0");
  }
  options.page_token_secrets_file = absl::GetFlag(FLAGS_page_token_secrets);
  if (!(absl::GetFlag(FLAGS_shutdown_grace) >= 0)) {
    return absl::InvalidArgumentError("--shutdown-grace: not a number >= 0");
  }
  return options;
}

int Serve(const cakap::cmdline::CommandLine& cl) {
  if (!cl.positional.empty()) {
    return Usage(absl::StrCat("unexpected argument \"", cl.positional[0], "\""));
  }
  for (const char* key_flag : {"name", "role", "provinces", "regions", "rate"}) {
    if (cl.Has(key_flag)) return Usage(absl::StrCat("--", key_flag, " applies only to `keys`"));
  }
  absl::StatusOr<cakap::service::ServerOptions> options = ServerOptionsFromFlags(cl);
  if (!options.ok()) return Usage(options.status().message());
  const double grace = absl::GetFlag(FLAGS_shutdown_grace);
  // Signals are taken by this thread with sigwait; every thread the server starts
  // inherits the mask, so none of them is interrupted.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  absl::StatusOr<std::unique_ptr<cakap::service::RunningServer>> server =
      cakap::service::StartServer(*options);
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
                            ",\"data\":", JsonString(options->data_dir),
                            ",\"web_root\":", JsonString(options->http.static_dir),
                            ",\"tls\":", options->tls_cert_file.empty() ? "false" : "true",
                            ",\"keys\":", JsonString(options->keys_file)));
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
  absl::StatusOr<cakap::cmdline::CommandLine> cl = cakap::cmdline::Parse(argc, argv);
  if (!cl.ok()) return Usage(cl.status().message());
  if (cl->help || (!cl->positional.empty() && cl->positional[0] == "help")) {
    std::cout << UsageText();
    return 0;
  }
  if (cl->version) {
    std::cout << cakap::cmdline::VersionLine("cakapd");
    return 0;
  }
  if (!cl->positional.empty() && cl->positional[0] == "keys") return Keys(*cl);
  return Serve(*cl);
}
