#include "plugin_host/search_path.hpp"

#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

#ifndef POVO_PLUGIN_SUBDIR
#define POVO_PLUGIN_SUBDIR "lib/povo/plugins"
#endif
#ifndef POVO_DATA_SUBDIR
#define POVO_DATA_SUBDIR "share/povo"
#endif

namespace povo::host {

std::string executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return ".";
  return exe.parent_path().string();
}

std::string install_prefix() { return fs::path(executable_dir()).parent_path().string(); }

std::vector<std::string> plugin_search_path(const std::vector<std::string>& cli_paths, const char* env_value) {
  std::vector<std::string> dirs = cli_paths;
  if (env_value) {
    std::stringstream parts(env_value);
    std::string part;
    while (std::getline(parts, part, ':')) {
      if (!part.empty()) dirs.push_back(part);
    }
  }
  dirs.push_back((fs::path(install_prefix()) / POVO_PLUGIN_SUBDIR).string());
  return dirs;
}

std::string data_dir(const std::string& what) {
  std::error_code ec;
  fs::path installed = fs::path(install_prefix()) / POVO_DATA_SUBDIR / what;
  if (fs::is_directory(installed, ec)) return installed.string();
#ifdef POVO_SOURCE_TREE
  fs::path source = fs::path(POVO_SOURCE_TREE) / what;
  if (fs::is_directory(source, ec)) return source.string();
#endif
  return {};
}

}  // namespace povo::host
