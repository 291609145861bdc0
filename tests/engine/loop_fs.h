// Real small filesystems for storage tests: an ext4 image mounted through a loop device,
// or a size-limited tmpfs. Mounting needs root and loop devices; where it is refused,
// Mount() says why and the test skips with that message.
//
//   LoopFs fs(dir.Sub("disk.img"), dir.Sub("mnt"));
//   if (std::string why = fs.MountExt4(32); !why.empty()) GTEST_SKIP() << why;
#ifndef CAKAP_TESTS_ENGINE_LOOP_FS_H_
#define CAKAP_TESTS_ENGINE_LOOP_FS_H_

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"

namespace cakap_test {

// Runs `command` with /bin/sh, output discarded; true when it exits 0.
inline bool Shell(const std::string& command) {
  return std::system(absl::StrCat("(", command, ") >/dev/null 2>&1").c_str()) == 0;
}

class LoopFs {
 public:
  // `image`: the image file (ext4 only); `mount_point`: created when missing.
  LoopFs(std::string image, std::string mount_point)
      : image_(std::move(image)), mount_point_(std::move(mount_point)) {}
  ~LoopFs() { Unmount(); }
  LoopFs(const LoopFs&) = delete;
  LoopFs& operator=(const LoopFs&) = delete;

  // Makes a `mib` MiB ext4 image and mounts it (loop device, buffered I/O to the image
  // file), with `options` added to the mount options. Empty on success, else why not.
  std::string MountExt4(int mib, const std::string& options = "") {
    if (std::string why = CanMount(); !why.empty()) return why;
    // Inode tables and journal initialised now, so no background thread writes later.
    if (!Shell(absl::StrCat("truncate -s ", mib, "M ", image_, " && mkfs.ext4 -q -F -E ",
                            "lazy_itable_init=0,lazy_journal_init=0 ", image_))) {
      return "mkfs.ext4 failed (is e2fsprogs installed?)";
    }
    return MountImage(image_, options);
  }

  // Mounts an existing ext4 image file (e.g. a copy of another's), replaying its journal.
  std::string MountImage(const std::string& image, const std::string& options = "") {
    if (std::string why = CanMount(); !why.empty()) return why;
    mkdir(mount_point_.c_str(), 0755);
    const std::string opts = options.empty() ? "loop" : absl::StrCat("loop,", options);
    if (!Shell(absl::StrCat("mount -t ext4 -o ", opts, " ", image, " ", mount_point_))) {
      return absl::StrCat("mount -o loop refused (no loop device, or not allowed here): ",
                          image);
    }
    mounted_ = true;
    return "";
  }

  // A tmpfs of `kib` KiB. Empty on success, else why not.
  std::string MountTmpfs(int kib) {
    if (std::string why = CanMount(); !why.empty()) return why;
    mkdir(mount_point_.c_str(), 0755);
    if (!Shell(absl::StrCat("mount -t tmpfs -o size=", kib, "k tmpfs ", mount_point_))) {
      return "mount -t tmpfs refused (not allowed in this container)";
    }
    mounted_ = true;
    return "";
  }

  void Unmount() {
    if (mounted_) {
      Shell(absl::StrCat("umount ", mount_point_, " || umount -l ", mount_point_));
    }
    mounted_ = false;
  }

  const std::string& mount_point() const { return mount_point_; }
  const std::string& image() const { return image_; }

 private:
  static std::string CanMount() {
    if (geteuid() != 0) return "mounting needs root; run this test as root to exercise it";
    return "";
  }

  std::string image_;
  std::string mount_point_;
  bool mounted_ = false;
};

}  // namespace cakap_test

#endif  // CAKAP_TESTS_ENGINE_LOOP_FS_H_
