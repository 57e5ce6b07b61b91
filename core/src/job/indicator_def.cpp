#include "job/indicator_def.hpp"

#include "job/number_format.hpp"

#include <povo/config_node.hpp>

#include <algorithm>
#include <cmath>

namespace povo::job {

std::optional<std::size_t> IndicatorCatalog::find(std::string_view id) const {
  for (std::size_t i = 0; i < defs_.size(); ++i) {
    if (defs_[i].info.id == id) return i;
  }
  return std::nullopt;
}

std::vector<std::string> IndicatorCatalog::ids() const {
  std::vector<std::string> out;
  out.reserve(defs_.size());
  for (const auto& d : defs_) out.push_back(d.info.id);
  return out;
}

std::size_t IndicatorCatalog::add(IndicatorDef def) {
  defs_.push_back(std::move(def));
  return defs_.size() - 1;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z')) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::optional<SignalRule> to_signal_rule(const SignalValue& s, std::string& problem) {
  auto op = stats::to_compare(s.op);
  if (!op) {
    problem = "signal value '" + (s.id.empty() ? s.label : s.id) + "' has unknown comparison '" + s.op + "' (use <, <=, > or >=)";
    return std::nullopt;
  }
  if (!std::isfinite(s.threshold)) {
    problem = "signal value '" + (s.id.empty() ? s.label : s.id) + "' has a threshold that is not a finite number";
    return std::nullopt;
  }
  if (std::isnan(s.when_min) || std::isnan(s.when_max) || !(s.when_min < s.when_max)) {
    problem = "signal value '" + (s.id.empty() ? s.label : s.id) + "' applies to an empty range of " + s.when_input;
    return std::nullopt;
  }
  SignalRule r;
  r.id = s.id;
  r.label = s.label;
  r.rule.op = *op;
  r.rule.threshold = s.threshold;
  r.rule.conditional = !s.when_input.empty();
  r.rule.when_min = s.when_min;
  r.rule.when_max = s.when_max;
  r.when_input = s.when_input;
  return r;
}

std::vector<std::string> check_indicator(const IndicatorInfo& info, IndicatorDef& def) {
  std::vector<std::string> problems;
  if (!is_valid_id(info.id)) {
    problems.push_back("id '" + info.id + "' is not a valid indicator id (lower-case letters, digits and '_', starting with a letter)");
  }
  const int unit = static_cast<int>(info.unit);
  if (unit < static_cast<int>(Unit::ratio) || unit > static_cast<int>(Unit::number)) {
    problems.push_back("unknown unit (" + std::to_string(unit) + ")");
  }
  const int direction = static_cast<int>(info.direction);
  if (direction < static_cast<int>(Direction::higher_is_better) || direction > static_cast<int>(Direction::neutral)) {
    problems.push_back("unknown direction (" + std::to_string(direction) + ")");
  }
  if (auto style = parse_number_format(info.format)) {
    def.style = *style;
  } else {
    auto near = closest_match(info.format, number_format_names());
    std::string all;
    for (const auto& f : number_format_names()) all += (all.empty() ? "" : ", ") + f;
    problems.push_back("unknown number format '" + info.format + "' (" +
                       (near ? "did you mean '" + *near + "'?" : "use one of " + all) + ")");
  }
  switch (info.aggregation) {
    case Aggregation::median:
      if (!info.aggregate_numerator.empty() || !info.aggregate_denominator.empty()) {
        problems.push_back("declares a numerator and denominator but aggregation 'median'; set aggregation to "
                           "ratio_of_sums or drop them");
      }
      break;
    case Aggregation::sum:
      if (info.unit != Unit::count && info.unit != Unit::euro && info.unit != Unit::fte) {
        problems.push_back(std::string("aggregation 'sum' needs unit count, euro or fte, not '") + unit_name(info.unit) +
                           "': a " + unit_name(info.unit) + " does not add up across boards");
      }
      if (!info.aggregate_numerator.empty() || !info.aggregate_denominator.empty()) {
        problems.push_back("aggregation 'sum' takes no numerator or denominator");
      }
      break;
    case Aggregation::ratio_of_sums:
      if (info.aggregate_numerator.empty() || info.aggregate_denominator.empty()) {
        problems.push_back("aggregation 'ratio_of_sums' needs both aggregate_numerator and aggregate_denominator");
      }
      break;
    default:
      problems.push_back("unknown aggregation (" + std::to_string(static_cast<int>(info.aggregation)) + ")");
  }
  def.signals.clear();
  for (const auto& s : info.signals) {
    std::string problem;
    if (auto rule = to_signal_rule(s, problem)) {
      if (!rule->when_input.empty() && std::find(info.inputs.begin(), info.inputs.end(), rule->when_input) == info.inputs.end()) {
        problems.push_back("signal value '" + s.id + "' depends on '" + rule->when_input + "', which is not one of its inputs");
        continue;
      }
      def.signals.push_back(std::move(*rule));
    } else {
      problems.push_back(problem);
    }
  }
  def.info = info;
  return problems;
}

}  // namespace povo::job
