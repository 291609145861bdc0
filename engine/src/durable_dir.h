// Filesystem steps the engine takes durably, and what an index directory holds.
//
// A rename or a new file is on disk only once its directory is fsync'd: on ext4 a
// rename made after the last journal commit is lost by a power cut however well the
// file itself was synced. Xapian's glass commit renames its version file and syncs no
// directory, so the engine syncs the index directory after each commit before it
// acknowledges the write (engine.cc), and every directory it creates along with its
// parent.
#ifndef CAKAP_ENGINE_DURABLE_DIR_H_
#define CAKAP_ENGINE_DURABLE_DIR_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cakap {

// `what` (naming the path) and errno `err` as a status: a full disk or quota
// (ENOSPC, EDQUOT) is ResourceExhausted, a read-only filesystem or a permission
// FailedPrecondition / PermissionDenied, anything else Internal.
absl::Status ErrnoStatus(int err, absl::string_view what);

// fsync(2) of the directory `dir` itself (its entries: new, renamed, removed files).
absl::Status SyncDirectory(const std::string& dir);

// Creates `path` and any missing parents, syncing each parent after creating a child
// in it and `path` itself, so that the new directories survive a power cut.
absl::Status CreateDirectoriesDurably(const std::string& path);

// "12.3 MiB free of 64.0 MiB on the filesystem of PATH" (or why it is unknown).
std::string DescribeFreeSpace(const std::string& path);

// What an index directory holds, decided before Xapian touches it (opening a glass
// database for writing with create-or-open replaces one whose postlist.glass is
// missing with an empty one).
enum class IndexDirState {
  kMissing,  // no such path
  kEmpty,    // a directory without entries (a filesystem root's lost+found aside)
  kIndex,    // a glass database: iamglass and postlist.glass
};

// The state of `path`; FailedPrecondition when it is not a directory or holds files
// that are not a glass database, DataLoss when it holds part of one (e.g. iamglass
// without postlist.glass). The message names the path and what is wrong.
absl::StatusOr<IndexDirState> InspectIndexDirectory(const std::string& path);

}  // namespace cakap

#endif  // CAKAP_ENGINE_DURABLE_DIR_H_
