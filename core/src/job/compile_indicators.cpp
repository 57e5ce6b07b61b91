// indicators: and indicator_sets: -> the indicator catalogue. Each declared indicator is
// checked (format, aggregation, signal operators) and refused with the plugin's and the
// indicator's name when it breaks the contract; signal_values: replaces defaults; every
// input must be something a source declares or another indicator computes.
#include "job/compile_context.hpp"
#include "job/expression_indicators.hpp"
#include "job/scalar_origin.hpp"
#include "job/schema.hpp"
#include "plugin_host/plugin_config.hpp"

#include "expr/ast.hpp"

#include <povo/version.hpp>

#include <algorithm>
#include <functional>
#include <map>

namespace povo::job::detail {
namespace {

// The offset of the first use of `name` in an expression, for a located message.
std::optional<std::size_t> offset_of(const expr::Node& node, const std::string& name) {
  if (node.kind == expr::NodeKind::name && node.name == name) return node.offset;
  for (const auto& a : node.args) {
    if (auto o = offset_of(a, name)) return o;
  }
  return std::nullopt;
}

void add_provider(CompileContext& c, IndicatorProvider provider, const std::vector<SourceLocation>& where_each) {
  const std::size_t p = c.job.providers.size();
  std::vector<IndicatorInfo> infos = provider.set->indicators();
  const bool expressions = provider.plugin_id == "expression";
  const std::string who = expressions ? std::string("indicators:") : "plugin '" + provider.plugin_id + "'";
  // A plugin is checked whole first: one broken declaration refuses the plugin.
  std::vector<IndicatorDef> defs(infos.size());
  bool refused = false;
  for (std::size_t l = 0; l < infos.size(); ++l) {
    defs[l].provider = p;
    defs[l].local = l;
    defs[l].where = l < where_each.size() ? where_each[l] : provider.where;
    for (const auto& problem : check_indicator(infos[l], defs[l])) {
      Diagnostic d;
      d.location = defs[l].where;
      d.message = who + ", indicator '" + infos[l].id + "': " + problem;
      d.hint = expressions ? "" : "the plugin is refused; ask its author for a version that declares it correctly";
      c.add(std::move(d));
      refused = true;
    }
  }
  if (refused) {
    for (const auto& info : infos) c.failed_indicators.insert(info.id);
    c.indicator_sets_failed |= !expressions;
    return;
  }
  for (std::size_t l = 0; l < infos.size(); ++l) {
    IndicatorDef& def = defs[l];
    Diagnostic d;
    d.location = def.where;
    if (auto other = c.job.indicators.find(infos[l].id)) {
      const auto& first = c.job.providers[c.job.indicators[*other].provider];
      d.message = "indicator '" + infos[l].id + "' is provided twice: by " + who + " and by " +
                  (first.plugin_id == "expression" ? std::string("indicators:") : "plugin '" + first.plugin_id + "'");
      d.hint = "remove one of them, or give the YAML indicator another id";
      c.add(d);
      continue;
    }
    c.job.indicators.add(std::move(def));
  }
  c.job.providers.push_back(std::move(provider));
}

void apply_signal_values(CompileContext& c) {
  const ConfigNode* overrides = c.root.find("signal_values");
  if (!overrides || overrides->is_null()) return;
  for (const auto& entry : overrides->entries()) {
    auto i = c.job.indicators.find(entry.key);
    if (!i) {
      Diagnostic d;
      d.message = "signal values for unknown indicator '" + entry.key + "'";
      d.location = entry.key_location;
      d.hint = suggest(entry.key, c.job.indicators.ids(), "no indicator plugin in indicator_sets provides it");
      c.add(std::move(d));
      continue;
    }
    IndicatorDef& def = c.job.indicators[*i];
    if (!entry.value.is_null() && !entry.value.is_sequence()) {
      c.error(entry.value, "expected a list of signal values", "write [] for none, or - {op: \"<\", threshold: 0.30}");
      continue;
    }
    std::vector<SignalRule> rules;
    bool ok = true;
    for (const auto& item : entry.value.is_null() ? std::vector<ConfigNode>{} : entry.value.items()) {
      auto keys = check_options(item, signal_value_specs());
      if (!keys.empty()) {
        c.problems.insert(c.problems.end(), keys.begin(), keys.end());
        ok = false;
        continue;
      }
      try {
        SignalValue s;
        s.op = item.at("op").as_string();
        s.threshold = item.at("threshold").as_number();
        s.label = item.get_string("label", "signaleringswaarde");
        s.id = item.get_string("id", "");
        s.when_input = item.get_string("when_input", "");
        s.when_min = item.get_number("when_min", s.when_min);
        s.when_max = item.get_number("when_max", s.when_max);
        if (!s.when_input.empty() &&
            std::find(def.info.inputs.begin(), def.info.inputs.end(), s.when_input) == def.info.inputs.end()) {
          std::string all;
          for (const auto& in : def.info.inputs) all += (all.empty() ? "" : ", ") + in;
          c.error(item.at("when_input"), "'" + s.when_input + "' is not an input of '" + def.id() + "' (its inputs: " + all + ")",
                  suggest(s.when_input, def.info.inputs, ""));
          ok = false;
          continue;
        }
        std::string problem;
        auto rule = to_signal_rule(s, problem);
        if (!rule) {
          c.error(item, problem);
          ok = false;
          continue;
        }
        rule->where = item.location();
        rules.push_back(std::move(*rule));
      } catch (const Error& e) {
        c.add(e.diagnostic());
        ok = false;
      }
    }
    if (ok) def.signals = std::move(rules);
  }
}

// Every input, aggregate part and signal condition must be a board-level measure that
// a source declares, or another indicator; indicators must not depend on themselves.
void check_inputs(CompileContext& c, const std::vector<const ExpressionIndicatorSet*>& expression_sets) {
  const DeclaredData& declared = c.job.declared;
  std::vector<std::string> known = c.job.indicators.ids();
  known.insert(known.end(), declared.board_measures.begin(), declared.board_measures.end());
  std::map<std::string, std::vector<std::string>> depends;
  for (std::size_t i = 0; i < c.job.indicators.size(); ++i) {
    const IndicatorDef& def = c.job.indicators[i];
    const IndicatorProvider& provider = c.job.providers[def.provider];
    const auto* expressions = provider.plugin_id == "expression" ? expression_sets.front() : nullptr;
    std::vector<std::string> names = def.info.inputs;
    names.insert(names.end(), def.info.aggregate_numerator.begin(), def.info.aggregate_numerator.end());
    names.insert(names.end(), def.info.aggregate_denominator.begin(), def.info.aggregate_denominator.end());
    for (const auto& name : names) {
      if (c.job.indicators.find(name)) {
        depends[def.id()].push_back(name);
        continue;
      }
      if (declared.has(declared.board_measures, name)) continue;
      if (!c.names_checkable() || c.failed_indicators.count(name)) continue;  // already reported
      Diagnostic d;
      d.location = def.where;
      if (expressions) {
        const expr::Expression& e = expressions->expression(def.local);
        if (auto at = offset_of(e.root(), name)) d.location = e.location(*at);
      }
      const std::string who = expressions ? "indicator '" + def.id() + "'"
                                          : "indicator '" + def.id() + "' (plugin " + provider.plugin_id + ")";
      auto other = std::find_if(declared.other_measures.begin(), declared.other_measures.end(),
                                [&](const auto& m) { return m.first == name; });
      if (other != declared.other_measures.end()) {
        d.message = who + " needs '" + name + "' per board, but the sources declare it per " + entity_kind_name(other->second);
        d.hint = "roll it up to board level in the source's options (rollup:)";
      } else {
        d.message = who + " needs '" + name + "', which no source declares and no indicator computes";
        d.hint = suggest(name, known, "add a source that provides it, or remove the indicator's plugin from indicator_sets");
      }
      if (!declared.complete) {
        d.severity = c.job.strict ? Severity::error : Severity::warning;
        d.message += " (a source cannot list its names in advance; checked again after loading)";
      }
      c.add(std::move(d));
    }
  }
  // Cycles: depth-first over indicator -> indicator edges.
  std::map<std::string, int> state;
  std::vector<std::string> stack;
  std::function<void(const std::string&)> visit = [&](const std::string& id) {
    state[id] = 1;
    stack.push_back(id);
    for (const auto& dep : depends[id]) {
      if (state[dep] == 1) {
        std::string chain;
        for (auto it = std::find(stack.begin(), stack.end(), dep); it != stack.end(); ++it) chain += *it + " \u2192 ";
        Diagnostic d;
        d.message = "indicators depend on each other in a cycle: " + chain + dep;
        d.location = c.job.indicators[*c.job.indicators.find(dep)].where;
        d.hint = "an indicator cannot use itself, directly or through others, not even for an earlier year";
        c.add(std::move(d));
      } else if (state[dep] == 0) {
        visit(dep);
      }
    }
    stack.pop_back();
    state[id] = 2;
  };
  for (const auto& def : c.job.indicators) {
    if (state[def.id()] == 0) visit(def.id());
  }
}

}  // namespace

void compile_indicators(CompileContext& c) {
  std::vector<const ExpressionIndicatorSet*> expression_sets;
  if (const ConfigNode* list = c.root.find("indicators"); list && !list->is_null()) {
    std::vector<std::string> failed;
    CompiledExpressions compiled = compile_expression_indicators(*list, c.problems, &failed);
    c.failed_indicators.insert(failed.begin(), failed.end());
    if (compiled.set) {
      expression_sets.push_back(compiled.set.get());
      add_provider(c, IndicatorProvider{"expression", version_string, compiled.set, list->location()}, compiled.where);
    }
  }
  if (const ConfigNode* sets = c.root.find("indicator_sets"); sets && sets->is_sequence()) {
    for (const auto& entry : sets->items()) {
      const std::size_t before = c.problems.size();
      struct Mark {
        CompileContext& c;
        std::size_t before;
        ~Mark() { c.indicator_sets_failed |= c.problems.size() > before; }
      } mark{c, before};
      try {
        const host::PluginRecord* plugin = host::find_plugin(c.registry, entry.at("plugin"), "indicator", c.problems);
        if (!plugin) continue;
        IndicatorProvider provider{plugin->id, plugin->version, c.registry.create_indicator_set(*plugin), entry.location()};
        const ConfigNode options = host::plugin_options(entry);
        if (!host::configure_plugin(options, provider.set->option_specs(),
                                    [&] { return provider.set->configure(options); }, c.problems)) {
          continue;
        }
        add_provider(c, std::move(provider), {});
      } catch (const Error& e) {
        c.add(e.diagnostic());
      }
    }
  }
  apply_signal_values(c);
  check_inputs(c, expression_sets);
}

}  // namespace povo::job::detail
