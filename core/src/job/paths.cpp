#include "job/paths.hpp"

#include <filesystem>

namespace fs = std::filesystem;

namespace povo::job {

bool from_command_line(const SourceLocation& at) { return at.file.rfind("--set", 0) == 0; }

std::string folder_of(const ConfigNode& node) {
  const SourceLocation& at = node.location();
  if (!at.known() || from_command_line(at)) return ".";
  const std::string dir = fs::path(at.file).parent_path().string();
  return dir.empty() ? "." : dir;
}

std::string resolve_path(const ConfigNode& node) {
  fs::path p = node.as_string();
  if (p.is_relative()) p = fs::path(folder_of(node)) / p;
  std::string out = p.lexically_normal().string();
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? "." : out;
}

}  // namespace povo::job
