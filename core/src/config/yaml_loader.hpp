// Reads YAML configuration files into povo::ConfigNode trees, resolving `include:`.
#pragma once

#include <povo/config_node.hpp>

#include <string>

namespace povo::config {

/// Reads a YAML file. A map may have an `include:` key (one path or a list), relative
/// to the including file; the included maps are merged underneath, so the including
/// file's own keys win. Include cycles, YAML syntax errors, duplicate keys and
/// oversized documents (alias bombs) are errors with file:line:column.
ConfigNode load_yaml_file(const std::string& path);

/// Reads YAML text; `name` stands in for the file name in locations. Relative includes
/// are resolved against `base_dir`.
ConfigNode load_yaml_string(const std::string& text, const std::string& name, const std::string& base_dir = ".");

/// The largest number of nodes one configuration may expand to. YAML aliases can make a
/// small file expand exponentially ("billion laughs"); past this we stop with an error.
inline constexpr std::size_t max_config_nodes = 200000;
/// The deepest nesting of maps and lists (yaml-cpp itself stops at 2000).
inline constexpr std::size_t max_config_depth = 1000;

}  // namespace povo::config
