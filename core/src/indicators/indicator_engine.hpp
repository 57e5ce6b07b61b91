// Dataset -> indicators: configures the indicator plugins named in
// `indicator_sets:`, orders every indicator after the indicators it reads, and
// computes each one for every board and year.
#pragma once

#include "indicators/indicator_table.hpp"
#include "plugin_host/plugin_registry.hpp"

#include <povo/config_node.hpp>
#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>

#include <memory>
#include <string>
#include <vector>

namespace povo::indicators {

struct ConfiguredSet {
  std::string plugin_id;
  std::shared_ptr<IndicatorSet> set;
  std::vector<IndicatorInfo> infos;
};

/// Creates and configures every entry of `indicator_sets:`; problems are located
/// diagnostics and the set in question is left out.
std::vector<ConfiguredSet> configure_indicator_sets(const ConfigNode& root, const host::PluginRegistry& registry,
                                                    std::vector<Diagnostic>& problems);

/// Computes every indicator for every board and every year in the dataset. An
/// indicator whose inputs cannot be found, or that depends on itself, is reported by
/// id and left out; the others are still computed.
IndicatorTable compute_indicators(const Dataset& dataset, const std::vector<ConfiguredSet>& sets,
                                  std::vector<Diagnostic>& problems);

}  // namespace povo::indicators
