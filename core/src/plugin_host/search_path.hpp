// Where povo looks for plugins, fonts and default configs.
#pragma once

#include <string>
#include <vector>

namespace povo::host {

/// The directory holding the running executable (from /proc/self/exe).
std::string executable_dir();

/// The install prefix: the executable's parent directory (bin/..). The build tree
/// mirrors the install tree, so this works for both and for moved installations.
std::string install_prefix();

/// Plugin directories in search order: each --plugin-path, then each entry of
/// POVO_PLUGIN_PATH (colon-separated), then <prefix>/lib/povo/plugins.
std::vector<std::string> plugin_search_path(const std::vector<std::string>& cli_paths, const char* env_value);

/// <prefix>/share/povo/<what> if it exists, else the source tree's <what> (a build tree
/// that has not copied data files), else empty.
std::string data_dir(const std::string& what);

}  // namespace povo::host
