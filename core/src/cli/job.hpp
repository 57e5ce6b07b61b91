// What every command that takes a CONFIG shares: the plugin registry, and the
// configuration read with its includes and --set overrides applied.
#pragma once

#include "plugin_host/plugin_registry.hpp"

#include <povo/config_node.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace povo::cli {

struct CommonOptions {
  std::vector<std::string> plugin_paths;  ///< --plugin-path, in order
  std::vector<std::string> overrides;     ///< --set key=value, in order
  bool strict = false;                    ///< --strict
};

/// Discovers plugins (search order: --plugin-path, POVO_PLUGIN_PATH, the install
/// prefix) and prints each rejection as a warning. Returns false if --strict and
/// anything was rejected.
bool load_plugins(host::PluginRegistry& registry, const CommonOptions& options, std::ostream& err);

struct Job {
  std::string config_path;
  std::string config_dir;
  ConfigNode root;
  bool strict = false;
};

/// Reads CONFIG, applies --set, and checks the top-level keys. Prints located
/// errors and returns nothing when the configuration is not usable.
std::optional<Job> load_job(const std::string& config_path, const CommonOptions& options, std::ostream& err);

/// Prints diagnostics, one per line, to `err`.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err);

}  // namespace povo::cli
