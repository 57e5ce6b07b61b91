#include "data/source_pipeline.hpp"

#include "data/collecting_sink.hpp"
#include "data/derived_measures.hpp"
#include "plugin_host/plugin_config.hpp"

#include <filesystem>
#include <optional>
#include <set>

namespace povo::data {

namespace {
bool from_command_line(const SourceLocation& at) { return at.file.rfind("--set", 0) == 0; }
}  // namespace

std::string source_base_dir(const ConfigNode& root, const ConfigNode& entry, const std::string& config_dir) {
  namespace fs = std::filesystem;
  if (const ConfigNode* d = root.find("data_dir"); d && d->is_scalar()) {
    fs::path p = d->scalar();
    if (p.is_relative() && d->location().known() && !from_command_line(d->location())) {
      p = fs::path(d->location().file).parent_path() / p;
    }
    return p.lexically_normal().string();
  }
  // Relative paths start at the file that declares the source, which for an included
  // file is not the job file.
  if (entry.location().known() && !from_command_line(entry.location())) {
    std::string dir = fs::path(entry.location().file).parent_path().string();
    return dir.empty() ? "." : dir;
  }
  return config_dir;
}

std::vector<ConfiguredSource> configure_sources(const ConfigNode& root, const host::PluginRegistry& registry,
                                                const std::string& config_dir, bool strict,
                                                std::vector<Diagnostic>& problems) {
  std::vector<ConfiguredSource> out;
  const ConfigNode* sources = root.find("sources");
  if (!sources || !sources->is_sequence()) return out;
  const int year = root.find("year") && root.at("year").is_scalar() ? static_cast<int>(root.get_integer("year", 0)) : 0;
  std::set<std::string> seen;
  for (const auto& entry : sources->items()) {
    try {
      const std::string id = entry.at("id").as_string();
      if (!seen.insert(id).second) {
        problems.push_back(entry.at("id").error("duplicate source id '" + id + "'", "give each source its own id").diagnostic());
        continue;
      }
      const host::PluginRecord* plugin = host::find_plugin(registry, entry.at("plugin"), "data-source", problems);
      if (!plugin) continue;
      ConfiguredSource configured;
      configured.id = id;
      configured.plugin_id = plugin->id;
      configured.source = registry.create_data_source(*plugin);
      configured.context = SourceContext{id, source_base_dir(root, entry, config_dir), year, strict};
      const ConfigNode options = host::plugin_options(entry);
      if (!host::configure_plugin(options, configured.source->option_specs(),
                                  [&] { return configured.source->configure(options, configured.context); }, problems)) {
        continue;
      }
      out.push_back(std::move(configured));
    } catch (const Error& e) {
      problems.push_back(e.diagnostic());
    }
  }
  return out;
}

LoadResult load_sources(std::vector<ConfiguredSource>& sources, bool strict) {
  LoadResult result;
  CollectingSink sink;
  for (auto& s : sources) {
    Status status = s.source->load(result.dataset, sink);
    if (!status) {
      Diagnostic d = status.error();
      d.message = "source '" + s.id + "' (" + s.plugin_id + ") failed: " + d.message;
      sink.report(std::move(d));
      ++result.failed_sources;
    }
    if (strict && sink.errors() > 0) break;
  }
  derive_board_facts(result.dataset, default_derived_attributes());
  result.diagnostics = sink.take();
  return result;
}

}  // namespace povo::data
