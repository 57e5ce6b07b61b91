#include "indicators/indicator_engine.hpp"

#include <cmath>
#include <functional>

namespace povo::indicators {
namespace {

struct Input {
  bool is_indicator = false;
  std::size_t id = 0;  // MeasureId, or catalogue index
};

class BoardYearView final : public BoardYear {
 public:
  BoardYearView(const Dataset& ds, const IndicatorTable& table, const std::vector<Input>& inputs)
      : ds_(ds), table_(table), inputs_(inputs) {}
  void at(EntityIndex board, int year) {
    board_ = board;
    year_ = year;
  }
  int year() const noexcept override { return year_; }
  Value input(std::size_t i, int years_back) const noexcept override {
    if (i >= inputs_.size()) return Value::missing(Reason::missing_input);
    const Input& in = inputs_[i];
    const int year = year_ - years_back;
    if (in.is_indicator) return table_.get(in.id, board_, year);
    return ds_.get(static_cast<MeasureId>(in.id), board_, year);
  }

 private:
  const Dataset& ds_;
  const IndicatorTable& table_;
  const std::vector<Input>& inputs_;
  EntityIndex board_ = 0;
  int year_ = 0;
};

Diagnostic problem(Severity severity, std::string message, SourceLocation where, std::string hint = {}) {
  Diagnostic d;
  d.severity = severity;
  d.message = std::move(message);
  d.location = std::move(where);
  d.hint = std::move(hint);
  return d;
}

}  // namespace

IndicatorTable compute_indicators(const Dataset& dataset, const job::Job& job, std::vector<Diagnostic>& problems) {
  const job::IndicatorCatalog& catalog = job.indicators;
  const std::size_t boards = dataset.entity_count(EntityKind::board);
  IndicatorTable table(catalog, boards);
  const std::vector<int> years = dataset.years();

  // Resolve inputs against what was actually loaded.
  std::vector<std::vector<Input>> inputs(catalog.size());
  std::vector<bool> usable(catalog.size(), true);
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    const auto& def = catalog[i];
    for (const auto& name : def.info.inputs) {
      if (auto other = catalog.find(name)) {
        inputs[i].push_back(Input{true, *other});
      } else if (auto m = dataset.find_measure(name); m && dataset.measure_level(*m) == EntityKind::board) {
        inputs[i].push_back(Input{false, *m});
      } else {
        usable[i] = false;
        problems.push_back(problem(Severity::error,
                                   "indicator '" + def.id() + "' (" + job.providers[def.provider].plugin_id +
                                       ") needs '" + name + "', which the loaded data does not have per board",
                                   def.where, "it is left empty; check the sources' messages"));
      }
    }
  }

  // Dependencies first. The compiler has refused cycles, so this always terminates.
  std::vector<int> state(catalog.size(), 0);
  std::vector<std::size_t> order;
  std::function<void(std::size_t)> visit = [&](std::size_t i) {
    if (state[i] != 0) return;
    state[i] = 1;
    for (const auto& in : inputs[i]) {
      if (in.is_indicator) {
        visit(in.id);
        if (!usable[in.id] && usable[i]) {
          usable[i] = false;
          problems.push_back(problem(Severity::error,
                                     "indicator '" + catalog[i].id() + "' is left empty because its input '" +
                                         catalog[in.id].id() + "' could not be computed",
                                     catalog[i].where));
        }
      }
    }
    state[i] = 2;
    order.push_back(i);
  };
  for (std::size_t i = 0; i < catalog.size(); ++i) visit(i);

  for (std::size_t i : order) {
    if (!usable[i]) continue;
    const auto& def = catalog[i];
    const IndicatorSet& set = *job.providers[def.provider].set;
    BoardYearView view(dataset, table, inputs[i]);
    std::size_t non_finite = 0;
    for (int year : years) {
      for (EntityIndex b = 0; b < boards; ++b) {
        view.at(b, year);
        Value v = set.compute(def.local, view);
        // A plugin's NaN or infinity is never a number in a report.
        if (v.has_bounds() && (!std::isfinite(v.low()) || !std::isfinite(v.high()) || v.low() > v.high())) {
          ++non_finite;
          v = Value::missing(Reason::invalid);
        }
        table.set(i, b, year, v);
      }
    }
    if (non_finite > 0) {
      Diagnostic d = problem(job.strict ? Severity::error : Severity::warning,
                             "indicator '" + def.id() + "' (" + job.providers[def.provider].plugin_id + ") gave " +
                                 std::to_string(non_finite) + " values that are not finite numbers (NaN or infinity)",
                             def.where, "they are treated as missing; the plugin should return a missing value instead");
      d.count = non_finite;
      problems.push_back(std::move(d));
    }
  }
  return table;
}

}  // namespace povo::indicators
