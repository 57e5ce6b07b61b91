// Command-line overrides: `--set key.path=value`, so a rerun for another year is
// `povo run sector.yaml --set year=2023` without editing any file.
#pragma once

#include <povo/config_node.hpp>

#include <string_view>

namespace povo::config {

/// Applies one "a.b[2].c=value" assignment. The value is read as YAML, so
/// `--set 'peer_groups.size.bounds=[500, 2000]'` sets a list. Missing map keys are
/// created (validation then reports any typo with a suggestion); list indexes must exist.
/// `[ID]` with anything but digits between the brackets is the list item whose `id:` is
/// ID (`reports[bestuur_po].subtitle=PO`), an error with "did you mean" when there is none.
/// `KEY+=VALUE` appends: a YAML list value extends the list KEY, any other value is one
/// item; KEY must be a list or absent (then it becomes one). The value's scalars locate
/// their bytes within the value text (ConfigNode::location_at: line 1, column 1 is the
/// first character after '='). See docs/config-composition.md.
void apply_override(ConfigNode& root, std::string_view assignment);

}  // namespace povo::config
