#include "plugin_host/plugin_config.hpp"

namespace povo::host {

const PluginRecord* find_plugin(const PluginRegistry& registry, const ConfigNode& plugin_node, std::string_view kind,
                                std::vector<Diagnostic>& problems) {
  const std::string plugin_id = plugin_node.as_string();
  const PluginRecord* plugin = registry.find(plugin_id);
  if (plugin && plugin->kind == kind) return plugin;
  auto near = closest_match(plugin_id, registry.ids(kind));
  problems.push_back(plugin_node
                         .error("unknown " + std::string(kind) + " plugin '" + plugin_id + "'",
                                near ? "did you mean '" + *near + "'?" : "run `povo plugins` to list them")
                         .diagnostic());
  return nullptr;
}

ConfigNode plugin_options(const ConfigNode& entry) {
  if (const ConfigNode* options = entry.find("options")) return *options;
  return ConfigNode::make_map(entry.location(), entry.path() + ".options");
}

bool configure_plugin(const ConfigNode& options, const std::vector<OptionSpec>& specs,
                      const std::function<Status()>& configure, std::vector<Diagnostic>& problems) {
  std::vector<Diagnostic> option_problems = check_options(options, specs);
  if (!option_problems.empty()) {
    problems.insert(problems.end(), option_problems.begin(), option_problems.end());
    return false;
  }
  Status status = configure();
  if (status) return true;
  Diagnostic d = status.error();
  if (!d.location.known()) d.location = options.location();
  if (d.key_path.empty()) d.key_path = options.path();
  problems.push_back(std::move(d));
  return false;
}

}  // namespace povo::host
