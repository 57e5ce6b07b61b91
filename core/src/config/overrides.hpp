// Command-line overrides: `--set key.path=value`, so a rerun for another year is
// `povo run sector.yaml --set year=2023` without editing any file.
#pragma once

#include <povo/config_node.hpp>

#include <string_view>

namespace povo::config {

/// Applies one "a.b[2].c=value" assignment. The value is read as YAML, so
/// `--set 'peer_groups.size.bounds=[500, 2000]'` sets a list. Missing map keys are
/// created (validation then reports any typo with a suggestion); list indexes must exist.
void apply_override(ConfigNode& root, std::string_view assignment);

}  // namespace povo::config
