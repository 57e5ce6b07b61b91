// Sources -> dataset: creates the configured data sources from their plugins,
// checks their options, and loads them in order into one Dataset.
#pragma once

#include "plugin_host/plugin_registry.hpp"

#include <povo/config_node.hpp>
#include <povo/dataset.hpp>

#include <memory>
#include <string>
#include <vector>

namespace povo::data {

struct ConfiguredSource {
  std::string id;
  std::string plugin_id;
  std::shared_ptr<DataSource> source;
  SourceContext context;
};

/// Where relative file names of the source declared by `entry` start: `data_dir:` if the
/// job sets it (relative to the file that sets it, or to the working directory when it
/// comes from --set), else the folder of the file that declares the source.
std::string source_base_dir(const ConfigNode& root, const ConfigNode& entry, const std::string& config_dir);

/// Creates and configures every entry of `sources:` without reading any data.
/// Problems (unknown plugin, bad options, duplicate ids) are appended to `problems`;
/// sources with problems are left out of the result.
std::vector<ConfiguredSource> configure_sources(const ConfigNode& root, const host::PluginRegistry& registry,
                                                const std::string& config_dir, bool strict,
                                                std::vector<Diagnostic>& problems);

/// The outcome of loading: the dataset plus every data-quality message.
struct LoadResult {
  Dataset dataset;
  std::vector<Diagnostic> diagnostics;  ///< warnings and errors from the sources
  std::size_t failed_sources = 0;       ///< sources whose load() failed outright
};

/// Loads every source in order. A source that fails is reported and the others
/// still load, unless `strict` is set, in which case loading stops at the first error.
LoadResult load_sources(std::vector<ConfiguredSource>& sources, bool strict);

}  // namespace povo::data
