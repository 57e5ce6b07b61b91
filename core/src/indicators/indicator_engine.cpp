#include "indicators/indicator_engine.hpp"

#include "indicators/expression_indicators.hpp"
#include "plugin_host/plugin_config.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace povo::indicators {

std::vector<ConfiguredSet> configure_indicator_sets(const ConfigNode& root, const host::PluginRegistry& registry,
                                                    std::vector<Diagnostic>& problems) {
  std::vector<ConfiguredSet> out;
  if (const ConfigNode* expressions = root.find("indicators"); expressions && !expressions->is_null()) {
    auto set = std::make_shared<ExpressionIndicatorSet>();
    Status status = set->configure(*expressions);
    if (status) out.push_back(ConfiguredSet{"expression", set, set->indicators()});
    else problems.push_back(status.error());
  }
  const ConfigNode* sets = root.find("indicator_sets");
  if (!sets || !sets->is_sequence()) return out;
  for (const auto& entry : sets->items()) {
    try {
      const host::PluginRecord* plugin = host::find_plugin(registry, entry.at("plugin"), "indicator", problems);
      if (!plugin) continue;
      ConfiguredSet configured{plugin->id, registry.create_indicator_set(*plugin), {}};
      const ConfigNode options = host::plugin_options(entry);
      if (!host::configure_plugin(options, configured.set->option_specs(),
                                  [&] { return configured.set->configure(options); }, problems)) {
        continue;
      }
      configured.infos = configured.set->indicators();
      out.push_back(std::move(configured));
    } catch (const Error& e) {
      problems.push_back(e.diagnostic());
    }
  }
  return out;
}

namespace {

struct Input {
  bool is_indicator = false;
  std::size_t id = 0;  // MeasureId, or index into `items` until columns exist
};

struct Item {
  std::size_t set = 0;
  std::size_t local = 0;
  const IndicatorInfo* info = nullptr;
  std::vector<Input> inputs;
  bool usable = true;
  std::size_t column = 0;
};

class BoardYearView final : public BoardYear {
 public:
  BoardYearView(const Dataset& ds, const IndicatorTable& table, const std::vector<Item>& items, const Item& item)
      : ds_(ds), table_(table), items_(items), item_(item) {}
  void at(EntityIndex board, int year) {
    board_ = board;
    year_ = year;
  }
  int year() const noexcept override { return year_; }
  Value input(std::size_t i, int years_back) const noexcept override {
    if (i >= item_.inputs.size()) return Value::missing(Reason::missing_input);
    const Input& in = item_.inputs[i];
    const int year = year_ - years_back;
    if (in.is_indicator) return table_.get(items_[in.id].column, board_, year);
    return ds_.get(static_cast<MeasureId>(in.id), board_, year);
  }

 private:
  const Dataset& ds_;
  const IndicatorTable& table_;
  const std::vector<Item>& items_;
  const Item& item_;
  EntityIndex board_ = 0;
  int year_ = 0;
};

Diagnostic problem(const std::string& message, const std::string& hint = {}) {
  Diagnostic d;
  d.message = message;
  d.hint = hint;
  return d;
}

}  // namespace

IndicatorTable compute_indicators(const Dataset& dataset, const std::vector<ConfiguredSet>& sets,
                                  std::vector<Diagnostic>& problems) {
  std::vector<Item> items;
  std::map<std::string, std::size_t> by_id;
  for (std::size_t s = 0; s < sets.size(); ++s) {
    for (std::size_t l = 0; l < sets[s].infos.size(); ++l) {
      const IndicatorInfo& info = sets[s].infos[l];
      if (auto it = by_id.find(info.id); it != by_id.end()) {
        problems.push_back(problem("indicator '" + info.id + "' from plugin '" + sets[s].plugin_id +
                                       "' is also provided by plugin '" + sets[items[it->second].set].plugin_id + "'",
                                   "the first one is used; remove one of the plugins from indicator_sets"));
        continue;
      }
      by_id[info.id] = items.size();
      items.push_back(Item{s, l, &info, {}, true, 0});
    }
  }

  // Resolve every input name to a board-level measure or another indicator.
  std::vector<std::string> known;
  for (MeasureId m = 0; m < dataset.measure_count(); ++m) known.push_back(dataset.measure_name(m));
  for (const auto& [id, index] : by_id) known.push_back(id);
  for (auto& item : items) {
    for (const auto& name : item.info->inputs) {
      if (auto it = by_id.find(name); it != by_id.end()) {
        item.inputs.push_back(Input{true, it->second});
      } else if (auto m = dataset.find_measure(name); m && dataset.measure_level(*m) == EntityKind::board) {
        item.inputs.push_back(Input{false, *m});
      } else {
        item.usable = false;
        std::string where = "indicator '" + item.info->id + "' (plugin " + sets[item.set].plugin_id + ")";
        if (m) {
          problems.push_back(problem(where + " needs '" + name + "' at board level, but it is a " +
                                         entity_kind_name(dataset.measure_level(*m)) + "-level measure",
                                     "roll it up to board level in the source's options"));
        } else {
          auto near = closest_match(name, known);
          problems.push_back(problem(where + " needs input '" + name + "', which no source provides and no indicator computes",
                                     near ? "did you mean '" + *near + "'?" : "add a source that provides it"));
        }
      }
    }
  }

  // Order indicators after the indicators they read; a cycle disables its members.
  std::vector<std::size_t> order;
  std::vector<int> state(items.size(), 0);  // 0 new, 1 on the stack, 2 done
  std::vector<std::size_t> stack;
  std::function<bool(std::size_t)> visit = [&](std::size_t i) -> bool {
    if (state[i] == 2) return items[i].usable;
    if (state[i] == 1) {
      std::string chain;
      auto from = std::find(stack.begin(), stack.end(), i);
      for (auto it = from; it != stack.end(); ++it) chain += items[*it].info->id + " -> ";
      problems.push_back(problem("indicators depend on each other in a cycle: " + chain + items[i].info->id,
                                 "an indicator cannot use itself, directly or through others"));
      for (auto it = from; it != stack.end(); ++it) items[*it].usable = false;
      return false;
    }
    state[i] = 1;
    stack.push_back(i);
    for (const auto& in : items[i].inputs) {
      if (in.is_indicator && !visit(in.id) && items[i].usable) {
        items[i].usable = false;
        problems.push_back(problem("indicator '" + items[i].info->id + "' is left out because its input '" +
                                   items[in.id].info->id + "' could not be computed"));
      }
    }
    stack.pop_back();
    state[i] = 2;
    order.push_back(i);
    return items[i].usable;
  };
  for (std::size_t i = 0; i < items.size(); ++i) visit(i);

  IndicatorTable table;
  const std::size_t boards = dataset.entity_count(EntityKind::board);
  const std::vector<int> years = dataset.years();
  for (std::size_t i : order) {
    Item& item = items[i];
    if (!item.usable) continue;
    item.column = table.add(*item.info, sets[item.set].plugin_id, boards);
    BoardYearView view(dataset, table, items, item);
    const IndicatorSet& set = *sets[item.set].set;
    for (int year : years) {
      for (EntityIndex b = 0; b < boards; ++b) {
        view.at(b, year);
        table.set(item.column, b, year, set.compute(item.local, view));
      }
    }
  }
  return table;
}

}  // namespace povo::indicators
