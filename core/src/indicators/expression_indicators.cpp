#include "indicators/expression_indicators.hpp"

#include "expr/analysis.hpp"

namespace povo::indicators {

std::vector<OptionSpec> expression_indicator_specs() {
  return {
      OptionSpec::string("id", "a unique indicator id, e.g. reserves_per_leerling", true),
      OptionSpec::string("label", "the Dutch label", true),
      OptionSpec::string("label_en", "the English label"),
      OptionSpec::one_of("unit", {"ratio", "percentage", "euro", "fte", "count", "number"}, "the unit", true),
      OptionSpec::string("format", "number format, e.g. 0.00, 0.0%, eur, eur_mln"),
      OptionSpec::one_of("direction", {"higher_is_better", "lower_is_better", "neutral"}, "which way is better"),
      OptionSpec::string("theme", "financien, huisvesting, personeel, leerlingen or resultaten"),
      OptionSpec::string("definition", "one paragraph for the report's appendix"),
      OptionSpec::string("definition_en", "the definition in English"),
      OptionSpec::string("expression", "the formula over measures and indicators", true),
      OptionSpec::map("aggregate",
                      {OptionSpec::strings("numerator", "inputs summed above the line", true),
                       OptionSpec::strings("denominator", "inputs summed below the line", true)},
                      "how a group's figure is computed as a ratio of sums"),
      OptionSpec::anything("signals", "signal values: a list of {op, threshold, label, when_input, when_min, when_max}"),
  };
}

std::vector<OptionSpec> ExpressionIndicatorSet::option_specs() const noexcept { return {}; }

namespace {

Unit parse_unit(const std::string& s) {
  if (s == "percentage") return Unit::percentage;
  if (s == "euro") return Unit::euro;
  if (s == "fte") return Unit::fte;
  if (s == "count") return Unit::count;
  if (s == "number") return Unit::number;
  return Unit::ratio;
}

Direction parse_direction(const std::string& s) {
  if (s == "higher_is_better") return Direction::higher_is_better;
  if (s == "lower_is_better") return Direction::lower_is_better;
  return Direction::neutral;
}

const char* default_format(Unit u) {
  switch (u) {
    case Unit::ratio: return "0.00";
    case Unit::percentage: return "0.0%";
    case Unit::euro: return "eur";
    case Unit::fte: return "0.0";
    case Unit::count: return "0";
    case Unit::number: return "0.00";
  }
  return "0.00";
}

// Indicators see their inputs through BoardYear, by position in Expression::inputs().
class BoardYearEnvironment final : public expr::Environment {
 public:
  explicit BoardYearEnvironment(const BoardYear& in) : in_(in) {}
  Value variable(std::string_view, std::size_t input, int years_back) const override {
    return in_.input(input, years_back);
  }

 private:
  const BoardYear& in_;
};

}  // namespace

Status ExpressionIndicatorSet::configure(const ConfigNode& options) noexcept {
  return guard([&] {
    infos_.clear();
    expressions_.clear();
    if (options.is_null()) return;
    for (const auto& entry : options.items()) {
      auto problems = check_options(entry, expression_indicator_specs());
      if (!problems.empty()) throw Error(problems.front());
      IndicatorInfo info;
      info.id = entry.at("id").as_string();
      info.label_nl = entry.at("label").as_string();
      info.label_en = entry.get_string("label_en", info.label_nl);
      info.unit = parse_unit(entry.at("unit").as_string());
      info.format = entry.get_string("format", default_format(info.unit));
      info.direction = parse_direction(entry.get_string("direction", "neutral"));
      info.theme = entry.get_string("theme", "");
      info.definition_nl = entry.get_string("definition", "");
      info.definition_en = entry.get_string("definition_en", info.definition_nl);
      const ConfigNode& text = entry.at("expression");
      expr::Expression e = expr::compile(text.as_string(), text.location());
      if (!e.functions().empty()) {
        throw text.error("unknown function '" + e.functions().front() + "' in '" + text.as_string() + "'",
                         "indicators may use min, max, abs, if, prev, lag, sum_years and avg_years");
      }
      for (const auto& in : e.inputs()) info.inputs.push_back(in.name);
      if (const ConfigNode* agg = entry.find("aggregate")) {
        info.aggregate_numerator = agg->at("numerator").as_string_list();
        info.aggregate_denominator = agg->at("denominator").as_string_list();
      }
      if (const ConfigNode* signals = entry.find("signals")) {
        for (const auto& s : signals->items()) {
          SignalValue v;
          v.op = s.at("op").as_string();
          if (v.op != "<" && v.op != "<=" && v.op != ">" && v.op != ">=") {
            throw s.at("op").error("unknown comparison '" + v.op + "'", "use <, <=, > or >=");
          }
          v.threshold = s.at("threshold").as_number();
          v.label = s.get_string("label", "signaleringswaarde");
          v.when_input = s.get_string("when_input", "");
          v.when_min = s.get_number("when_min", v.when_min);
          v.when_max = s.get_number("when_max", v.when_max);
          if (!v.when_input.empty()) info.inputs.push_back(v.when_input);
          info.signals.push_back(v);
        }
      }
      infos_.push_back(std::move(info));
      expressions_.push_back(std::move(e));
    }
  });
}

Value ExpressionIndicatorSet::compute(std::size_t indicator, const BoardYear& in) const noexcept {
  try {
    BoardYearEnvironment env(in);
    return expressions_.at(indicator).evaluate(env);
  } catch (...) {
    return Value::missing(Reason::invalid);
  }
}

std::vector<Diagnostic> ExpressionIndicatorSet::check_names(const std::vector<std::string>& known) const {
  std::vector<Diagnostic> out;
  for (const auto& e : expressions_) {
    auto problems = expr::validate(e, known);
    out.insert(out.end(), problems.begin(), problems.end());
  }
  return out;
}

}  // namespace povo::indicators
