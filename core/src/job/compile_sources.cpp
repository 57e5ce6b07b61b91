// sources: -> configured DataSources, each with what it declares it will provide, and
// the union of those declarations (the names the rest of the job may use).
#include "job/compile_context.hpp"
#include "job/derived_facts.hpp"
#include "job/paths.hpp"
#include "plugin_host/plugin_config.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace povo::job::detail {
namespace {

// data_dir when the job sets one, else the folder of the file that declares the source.
std::string base_dir_for(const CompileContext& c, const ConfigNode& entry) {
  if (const ConfigNode* d = c.root.find("data_dir"); d && d->is_scalar()) return resolve_path(*d);
  return folder_of(entry);
}

void collect_declarations(Job& job) {
  DeclaredData& d = job.declared;
  std::set<std::string> board_attributes, board_measures;
  // attribute name -> known values; absent from `known` once any declaration leaves them open
  std::map<std::string, std::set<std::string>> values;
  std::set<std::string> open;
  bool branches = false, schools = false;
  const auto& derived = derived_board_attributes();
  for (const auto& s : job.sources) {
    d.complete = d.complete && s.declared.complete;
    for (EntityKind k : s.declared.entities) {
      branches |= k == EntityKind::branch;
      schools |= k == EntityKind::school;
    }
    for (const auto& a : s.declared.attributes) {
      const bool counts = a.kind == EntityKind::board ||
                          std::find(derived.begin(), derived.end(), a.name) != derived.end();
      if (!counts) continue;
      board_attributes.insert(a.name);
      if (a.values.empty()) open.insert(a.name);
      values[a.name].insert(a.values.begin(), a.values.end());
    }
    for (const auto& m : s.declared.measures) {
      if (m.level == EntityKind::board) board_measures.insert(m.name);
      else d.other_measures.emplace_back(m.name, m.level);
    }
  }
  if (branches) board_measures.insert(branches_per_board);
  if (schools) board_measures.insert(schools_per_board);
  d.board_attributes.assign(board_attributes.begin(), board_attributes.end());
  d.board_measures.assign(board_measures.begin(), board_measures.end());
  for (const auto& [name, known] : values) {
    if (!open.count(name)) d.attribute_values.emplace_back(name, std::vector<std::string>(known.begin(), known.end()));
  }
}

}  // namespace

void compile_sources(CompileContext& c) {
  const ConfigNode* sources = c.root.find("sources");
  if (!sources || !sources->is_sequence()) return;
  std::set<std::string> seen;
  const std::size_t problems_before = c.problems.size();
  for (const auto& entry : sources->items()) {
    try {
      const ConfigNode& id_node = entry.at("id");
      const std::string id = id_node.as_string();
      if (id.empty()) {
        c.error(id_node, "a source id must not be empty");
        continue;
      }
      if (!seen.insert(id).second) {
        c.error(id_node, "duplicate source id '" + id + "'", "give each source its own id");
        continue;
      }
      const host::PluginRecord* plugin = host::find_plugin(c.registry, entry.at("plugin"), "data-source", c.problems);
      if (!plugin) continue;
      SourceDef def;
      def.id = id;
      def.plugin_id = plugin->id;
      def.plugin_version = plugin->version;
      def.where = entry.location();
      def.source = c.registry.create_data_source(*plugin);
      def.context = SourceContext{id, base_dir_for(c, entry), c.job.year, c.job.strict};
      const ConfigNode options = host::plugin_options(entry);
      if (!host::configure_plugin(options, def.source->option_specs(),
                                  [&] { return def.source->configure(options, def.context); }, c.problems)) {
        continue;
      }
      Status described = def.source->describe(def.declared);
      if (!described) {
        Diagnostic d = described.error();
        d.message = "source '" + id + "' (plugin " + plugin->id + ") cannot say what it provides: " + d.message;
        if (!d.location.known()) d.location = entry.location();
        c.add(std::move(d));
        continue;
      }
      c.job.sources.push_back(std::move(def));
    } catch (const Error& e) {
      c.add(e.diagnostic());
    }
  }
  c.sources_failed = c.problems.size() > problems_before;
  collect_declarations(c.job);
}

}  // namespace povo::job::detail
