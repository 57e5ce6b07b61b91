#include "indicators/signal_overrides.hpp"

#include "stats/stats.hpp"

#include <algorithm>

namespace povo::indicators {

std::vector<OptionSpec> signal_value_specs() {
  return {OptionSpec::one_of("op", {"<", "<=", ">", ">="}, "comparison that flags a board", true),
          OptionSpec::number("threshold", "the signal value", true),
          OptionSpec::string("label", "how the report names it"),
          OptionSpec::string("id", "a short name"),
          OptionSpec::string("when_input", "apply only to boards whose input (e.g. totale_baten) is in range"),
          OptionSpec::number("when_min", "lower bound (inclusive) of when_input"),
          OptionSpec::number("when_max", "upper bound (exclusive) of when_input")};
}

void apply_signal_overrides(const ConfigNode& root, std::vector<ConfiguredSet>& sets, std::vector<Diagnostic>& problems) {
  const ConfigNode* overrides = root.find("signal_values");
  if (!overrides || overrides->is_null()) return;
  if (!overrides->is_map()) {
    problems.push_back(overrides->error("expected indicator ids with their signal values").diagnostic());
    return;
  }
  std::vector<std::string> ids;
  for (const auto& s : sets) {
    for (const auto& info : s.infos) ids.push_back(info.id);
  }
  for (const auto& entry : overrides->entries()) {
    IndicatorInfo* target = nullptr;
    for (auto& s : sets) {
      for (auto& info : s.infos) {
        if (info.id == entry.key) target = &info;
      }
    }
    if (!target) {
      Diagnostic d;
      d.message = "signal values for unknown indicator '" + entry.key + "'";
      d.location = entry.key_location;
      d.key_path = entry.value.path();
      auto near = closest_match(entry.key, ids);
      d.hint = near ? "did you mean '" + *near + "'?" : "no indicator plugin in indicator_sets provides it";
      problems.push_back(std::move(d));
      continue;
    }
    try {
      std::vector<SignalValue> signals;
      if (!entry.value.is_null()) {
        for (const auto& item : entry.value.items()) {
          auto item_problems = check_options(item, signal_value_specs());
          if (!item_problems.empty()) {
            problems.insert(problems.end(), item_problems.begin(), item_problems.end());
            continue;
          }
          SignalValue s;
          s.op = item.at("op").as_string();
          s.threshold = item.at("threshold").as_number();
          s.label = item.get_string("label", "signaleringswaarde");
          s.id = item.get_string("id", "");
          s.when_input = item.get_string("when_input", "");
          s.when_min = item.get_number("when_min", s.when_min);
          s.when_max = item.get_number("when_max", s.when_max);
          if (!s.when_input.empty() &&
              std::find(target->inputs.begin(), target->inputs.end(), s.when_input) == target->inputs.end()) {
            auto near = closest_match(s.when_input, target->inputs);
            std::string all;
            for (const auto& i : target->inputs) all += (all.empty() ? "" : ", ") + i;
            problems.push_back(item.at("when_input")
                                   .error("'" + s.when_input + "' is not an input of '" + target->id + "' (its inputs: " + all + ")",
                                          near ? "did you mean '" + *near + "'?" : std::string())
                                   .diagnostic());
            continue;
          }
          signals.push_back(std::move(s));
        }
      }
      target->signals = std::move(signals);
    } catch (const Error& e) {
      problems.push_back(e.diagnostic());
    }
  }
}

bool signal_applies(const SignalValue& signal, const Value& when) {
  if (signal.when_input.empty()) return true;
  if (!when.is_number()) return false;
  return when.number() >= signal.when_min && when.number() < signal.when_max;
}

bool beyond_signal(const SignalValue& signal, const Value& value, const Value& when) {
  if (!value.is_number() || !signal_applies(signal, when)) return false;
  // One comparison for board flags and group counts (stats::count_signal).
  return stats::beyond(value.number(), stats::parse_compare(signal.op), signal.threshold);
}

}  // namespace povo::indicators
