#include "data/source_pipeline.hpp"

#include "data/collecting_sink.hpp"
#include "data/derived_measures.hpp"

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
      const ConfigNode& plugin_node = entry.at("plugin");
      const std::string plugin_id = plugin_node.as_string();
      const host::PluginRecord* plugin = registry.find(plugin_id);
      if (!plugin || plugin->kind != "data-source") {
        auto near = closest_match(plugin_id, registry.ids("data-source"));
        problems.push_back(plugin_node
                               .error("unknown data-source plugin '" + plugin_id + "'",
                                      near ? "did you mean '" + *near + "'?" : "run `povo plugins` to list them")
                               .diagnostic());
        continue;
      }
      ConfiguredSource configured;
      configured.id = id;
      configured.plugin_id = plugin_id;
      configured.source = registry.create_data_source(*plugin);
      // Relative paths start at the file that declares the source, which for an
      // included file is not the job file.
      configured.context = SourceContext{id, source_base_dir(root, entry, config_dir), year, strict};
      ConfigNode options = entry.find("options") ? *entry.find("options") : ConfigNode::make_map(entry.location(), entry.path() + ".options");
      std::vector<Diagnostic> option_problems = check_options(options, configured.source->option_specs());
      if (!option_problems.empty()) {
        problems.insert(problems.end(), option_problems.begin(), option_problems.end());
        continue;
      }
      Status status = configured.source->configure(options, configured.context);
      if (!status) {
        Diagnostic d = status.error();
        if (!d.location.known()) d.location = options.location();
        if (d.key_path.empty()) d.key_path = options.path();
        problems.push_back(std::move(d));
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
