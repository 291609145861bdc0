// The web console's files as cakapd serves them on its HTTP port (--web-root): a GET of a
// plain relative path under the directory, with the headers a browser needs to cache the
// hashed assets and to keep the console to its own origin.
#ifndef CAKAP_SERVICE_CONSOLE_FILES_H_
#define CAKAP_SERVICE_CONSOLE_FILES_H_

#include <httplib.h>

#include <string>

namespace cakap {
namespace service {

// Answers a GET of `path` (percent-decoded, starting with '/'; a directory means its
// index.html) with the file under `root`: 200, its content type (never sniffed), caching
// and, for HTML, a Content-Security-Policy. False, with `res` untouched, when `path` names
// no regular file inside `root`: "..", hidden names, backslashes, NULs and symbolic links
// leading out of `root` name none.
bool ServeConsoleFile(const std::string& root, const std::string& path, httplib::Response& res);

}  // namespace service
}  // namespace cakap

#endif  // CAKAP_SERVICE_CONSOLE_FILES_H_
