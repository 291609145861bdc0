#include "console_files.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace cakap {
namespace service {
namespace {

// The Content-Type of a console file by its extension; a type not listed is served as
// bytes, never sniffed (X-Content-Type-Options: nosniff).
const char* ContentType(absl::string_view path) {
  static constexpr std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (absl::EndsWith(path, extension)) return type;
  }
  return "application/octet-stream";
}

}  // namespace

bool ServeConsoleFile(const std::string& root, const std::string& path, httplib::Response& res) {
  // `path` is percent-decoded already. Only plain relative names: no "..", no hidden
  // files, no backslashes or NULs, so nothing outside the directory can be named.
  std::string relative = path.substr(1);
  if (relative.empty() || absl::EndsWith(relative, "/")) relative += "index.html";
  for (absl::string_view part : absl::StrSplit(relative, '/')) {
    if (part.empty() || part[0] == '.' || part.find('\\') != absl::string_view::npos ||
        part.find('\0') != absl::string_view::npos) {
      return false;
    }
  }
  // Symbolic links inside the directory that lead out of it are refused too.
  char root_real[PATH_MAX];
  char file_real[PATH_MAX];
  const std::string file = absl::StrCat(root, "/", relative);
  if (realpath(root.c_str(), root_real) == nullptr ||
      realpath(file.c_str(), file_real) == nullptr ||
      !absl::StartsWith(file_real, absl::StrCat(root_real, "/"))) {
    return false;
  }
  struct stat st;
  if (stat(file_real, &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::ifstream in(file_real, std::ios::binary);
  if (!in) return false;
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  res.status = 200;
  res.set_header("X-Content-Type-Options", "nosniff");
  // Vite names built assets by their content's hash: they never change under a name.
  res.set_header("Cache-Control", absl::StartsWith(relative, "assets/")
                                      ? "public, max-age=31536000, immutable"
                                      : "no-cache");
  if (absl::EndsWith(relative, ".html")) {
    // The console calls only its own origin; map tiles may come from any configured host.
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data: blob: https: http:; "
                   "style-src 'self' 'unsafe-inline'; connect-src 'self'; "
                   "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  }
  res.set_content(std::move(body), ContentType(relative));
  return true;
}

}  // namespace service
}  // namespace cakap
