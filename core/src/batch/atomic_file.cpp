#include "batch/atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace povo::batch::detail {
namespace {
std::atomic<unsigned long> temp_counter{0};

[[noreturn]] void fail(const std::string& what, const std::string& path, int err) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(err));
}
}  // namespace

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.back() == '/' ? dir + name : dir + "/" + name;
}

void write_file_atomically(const std::string& dir, const std::string& name, const void* data, std::size_t size,
                           bool sync) {
  const std::string path = join_path(dir, name);
  const std::string temp = join_path(dir, "." + name + ".tmp-" + std::to_string(::getpid()) + "-" +
                                              std::to_string(temp_counter.fetch_add(1)));
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) fail("cannot create temporary file", temp, errno);
  auto abandon = [&](const char* what, int err) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(what, path, err);
  };
  const auto* p = static_cast<const unsigned char*>(data);
  std::size_t off = 0;
  while (off < size) {
    ssize_t n = ::write(fd, p + off, size - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("cannot write", errno);
    }
    off += static_cast<std::size_t>(n);
  }
  if (sync && ::fsync(fd) != 0) abandon("cannot fsync", errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    fail("cannot write", path, err);  // NFS and quota errors may show up only here
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    fail("cannot rename temporary file onto", path, err);
  }
}

void sync_directory(const std::string& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace povo::batch::detail
