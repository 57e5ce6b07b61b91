// Reads YAML configuration files into povo::ConfigNode trees, resolving `include:`.
#pragma once

#include <povo/config_node.hpp>

#include <string>

namespace povo::config {

/// Reads a YAML file. A map may have an `include:` key (one path or a list), relative
/// to the including file: the included files are applied in the order listed, each over
/// the ones before, and the map's own keys last. Maps merge key by key; a scalar or list
/// replaces; `KEY+: [...]` appends to the list KEY; `KEY[ID]: {...}` merges into the
/// item of list KEY whose `id:` is ID (docs/config-composition.md). No such key is left
/// in the result, every node keeps the file and line that wrote it, and scalars know the
/// place of each of their bytes (ConfigNode::location_at). Include cycles, YAML syntax
/// errors, duplicate keys, composing errors and oversized documents (alias bombs) are
/// errors with file:line:column.
ConfigNode load_yaml_file(const std::string& path);

/// Reads YAML text; `name` stands in for the file name in locations. Relative includes
/// are resolved against `base_dir`.
ConfigNode load_yaml_string(const std::string& text, const std::string& name, const std::string& base_dir = ".");

/// The largest number of values one configuration may expand to, or the number of bytes
/// of YAML read for it if that is larger (a big file is not an attack; YAML aliases that
/// make a small file expand exponentially, "billion laughs", are). Past it we stop with
/// an error.
inline constexpr std::size_t max_config_nodes = 200000;
/// The deepest nesting of maps and lists (yaml-cpp itself stops at 2000).
inline constexpr std::size_t max_config_depth = 1000;

}  // namespace povo::config
