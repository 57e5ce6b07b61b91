#include "job/expression_indicators.hpp"

#include "job/number_format.hpp"
#include "job/scalar_origin.hpp"
#include "job/schema.hpp"

#include <cmath>

namespace povo::job {

ExpressionIndicatorSet::ExpressionIndicatorSet(std::vector<IndicatorInfo> infos, std::vector<expr::Expression> expressions)
    : infos_(std::move(infos)), expressions_(std::move(expressions)) {}

std::vector<IndicatorInfo> ExpressionIndicatorSet::indicators() const noexcept {
  try {
    return infos_;
  } catch (...) {
    return {};
  }
}

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

// `aggregate:` is median, sum, or {numerator: [...], denominator: [...]}.
void read_aggregate(const ConfigNode& n, IndicatorInfo& info) {
  if (n.is_scalar()) {
    const std::string a = n.scalar();
    if (a == "median") info.aggregation = Aggregation::median;
    else if (a == "sum") info.aggregation = Aggregation::sum;
    else {
      auto near = closest_match(a, {"median", "sum", "ratio_of_sums"});
      throw n.error("unknown aggregation '" + a + "'",
                    near && *near != "ratio_of_sums" ? "did you mean '" + *near + "'?"
                                                     : "use median, sum, or {numerator: [...], denominator: [...]}");
    }
    return;
  }
  auto problems = check_options(n, {OptionSpec::strings("numerator", "inputs summed above the line", true),
                                    OptionSpec::strings("denominator", "inputs summed below the line", true)});
  if (!problems.empty()) throw Error(problems.front());
  info.aggregation = Aggregation::ratio_of_sums;
  info.aggregate_numerator = n.at("numerator").as_string_list();
  info.aggregate_denominator = n.at("denominator").as_string_list();
  if (info.aggregate_numerator.empty()) throw n.at("numerator").error("name at least one input above the line");
  if (info.aggregate_denominator.empty()) throw n.at("denominator").error("name at least one input below the line");
}

}  // namespace

Value ExpressionIndicatorSet::compute(std::size_t indicator, const BoardYear& in) const noexcept {
  try {
    BoardYearEnvironment env(in);
    Value v = expressions_.at(indicator).evaluate(env);
    if (v.has_bounds() && (!std::isfinite(v.low()) || !std::isfinite(v.high()))) return Value::missing(Reason::invalid);
    return v;
  } catch (...) {
    return Value::missing(Reason::invalid);
  }
}

CompiledExpressions compile_expression_indicators(const ConfigNode& list, std::vector<Diagnostic>& problems,
                                                  std::vector<std::string>* failed) {
  CompiledExpressions out;
  if (list.is_null() || !list.is_sequence()) return out;
  std::vector<IndicatorInfo> infos;
  std::vector<expr::Expression> expressions;
  for (const auto& entry : list.items()) {
    auto left_out = [&] {
      const ConfigNode* id = entry.is_map() ? entry.find("id") : nullptr;
      if (failed && id && id->is_scalar()) failed->push_back(id->scalar());
    };
    try {
      auto keys = check_options(entry, expression_indicator_specs());
      if (!keys.empty()) {
        problems.insert(problems.end(), keys.begin(), keys.end());
        left_out();
        continue;
      }
      IndicatorInfo info;
      info.id = entry.at("id").as_string();
      info.label_nl = entry.at("label").as_string();
      info.label_en = entry.get_string("label_en", info.label_nl);
      info.unit = parse_unit(entry.at("unit").as_string());
      info.format = entry.get_string("format", default_format(info.unit));
      if (const ConfigNode* f = entry.find("format"); f && !parse_number_format(info.format)) {
        auto near = closest_match(info.format, number_format_names());
        std::string all;
        for (const auto& name : number_format_names()) all += (all.empty() ? "" : ", ") + name;
        throw f->error("unknown number format '" + info.format + "'",
                       near ? "did you mean '" + *near + "'?" : "use one of " + all);
      }
      info.direction = parse_direction(entry.get_string("direction", "neutral"));
      info.theme = entry.get_string("theme", "");
      info.definition_nl = entry.get_string("definition", "");
      info.definition_en = entry.get_string("definition_en", info.definition_nl);
      const ConfigNode& text = entry.at("expression");
      expr::Expression e = expr::compile(text.as_string(), scalar_origin(text));
      if (!e.functions().empty()) {
        // Located at the call: the first external function in the text.
        const std::string& fn = e.functions().front();
        const std::size_t at = e.text().find(fn);
        throw e.error(at == std::string::npos ? 0 : at, fn.size(), "unknown function '" + fn + "'",
                      "indicators may use min, max, abs, if, prev, lag, sum_years and avg_years");
      }
      for (const auto& in : e.inputs()) info.inputs.push_back(in.name);
      if (const ConfigNode* agg = entry.find("aggregate")) read_aggregate(*agg, info);
      if (const ConfigNode* signals = entry.find("signals")) {
        for (const auto& s : signals->items()) {
          auto keys = check_options(s, signal_value_specs());
          if (!keys.empty()) throw Error(keys.front());
          SignalValue v;
          v.op = s.at("op").as_string();
          v.threshold = s.at("threshold").as_number();
          v.label = s.get_string("label", "signaleringswaarde");
          v.id = s.get_string("id", "");
          v.when_input = s.get_string("when_input", "");
          v.when_min = s.get_number("when_min", v.when_min);
          v.when_max = s.get_number("when_max", v.when_max);
          if (!v.when_input.empty() &&
              std::find(info.inputs.begin(), info.inputs.end(), v.when_input) == info.inputs.end()) {
            info.inputs.push_back(v.when_input);
          }
          info.signals.push_back(v);
        }
      }
      infos.push_back(std::move(info));
      expressions.push_back(std::move(e));
      out.where.push_back(entry.location());
    } catch (const Error& e) {
      problems.push_back(e.diagnostic());
      left_out();
    }
  }
  if (!infos.empty()) out.set = std::make_shared<ExpressionIndicatorSet>(std::move(infos), std::move(expressions));
  return out;
}

}  // namespace povo::job
