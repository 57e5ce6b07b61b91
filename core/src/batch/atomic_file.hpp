// Atomic file writes: a hidden temp file in the same directory, write, fsync, rename.
#pragma once

#include <cstddef>
#include <string>

namespace povo::batch::detail {

/// Writes `size` bytes to dir/name via "dir/.name.tmp-<pid>-<n>". On any failure the temp
/// file is removed, the old file (if any) is untouched, and std::runtime_error says what
/// failed, the path and strerror(errno). `sync` = fsync the file before the rename.
void write_file_atomically(const std::string& dir, const std::string& name, const void* data, std::size_t size,
                           bool sync = true);

/// fsyncs a directory so renames inside it are durable; errors are ignored.
void sync_directory(const std::string& dir);

/// Joins a directory and a file name with one '/'.
std::string join_path(const std::string& dir, const std::string& name);

}  // namespace povo::batch::detail
