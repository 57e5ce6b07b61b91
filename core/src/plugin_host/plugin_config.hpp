// The steps every configured plugin entry (a source, an indicator set) goes through:
// find its plugin by name, take its `options:` map, check the options against the
// plugin's specs, and configure it, with every problem located in the YAML.
#pragma once

#include "plugin_host/plugin_registry.hpp"

#include <povo/config_node.hpp>

#include <functional>
#include <string_view>
#include <vector>

namespace povo::host {

/// The plugin of `kind` named by `plugin_node`, or nullptr after appending a located
/// "unknown <kind> plugin" problem with a suggestion.
const PluginRecord* find_plugin(const PluginRegistry& registry, const ConfigNode& plugin_node, std::string_view kind,
                                std::vector<Diagnostic>& problems);

/// The entry's `options:` map, or an empty map located at the entry.
ConfigNode plugin_options(const ConfigNode& entry);

/// Checks `options` against `specs`, then calls `configure`. Appends every problem,
/// located at the options when the plugin gave no place. True when configured.
bool configure_plugin(const ConfigNode& options, const std::vector<OptionSpec>& specs,
                      const std::function<Status()>& configure, std::vector<Diagnostic>& problems);

}  // namespace povo::host
