// The interface of indicator plugins: key figures (kengetallen) per board and year.
#pragma once

#include <povo/config_node.hpp>
#include <povo/diagnostics.hpp>
#include <povo/plugin.hpp>
#include <povo/value.hpp>

#include <limits>
#include <string>
#include <vector>

namespace povo {

enum class Unit { ratio, percentage, euro, fte, count, number };
enum class Direction { higher_is_better, lower_is_better, neutral };
/// How a figure for a whole group or sector is formed from the boards' values. Declared
/// by every indicator, never inferred from its unit: a ratio such as "income per pupil"
/// (unit euro) summed over boards is nonsense.
enum class Aggregation {
  median,         ///< only the boards' median (and quartiles) describe the group
  sum,            ///< counts and amounts: the total over the boards
  ratio_of_sums,  ///< Σ aggregate_numerator / Σ aggregate_denominator over the boards
};
POVO_SDK_API const char* unit_name(Unit u) noexcept;
POVO_SDK_API const char* direction_name(Direction d) noexcept;
POVO_SDK_API const char* aggregation_name(Aggregation a) noexcept;  ///< "median", "sum", "ratio_of_sums"

/// A signal value (signaleringswaarde): the indicator is flagged when
/// `value <op> threshold`, optionally only for boards whose `when_input` (an input
/// of the indicator, e.g. totale baten) lies in [when_min, when_max).
struct POVO_SDK_API SignalValue {
  std::string id;          ///< e.g. "inspectie_2021"
  std::string op = "<";    ///< "<", "<=", ">" or ">="; povo refuses a plugin declaring another
  double threshold = 0;
  std::string label;       ///< e.g. "signaleringswaarde Inspectie"
  std::string when_input;  ///< empty: always applies
  double when_min = -std::numeric_limits<double>::infinity();
  double when_max = std::numeric_limits<double>::infinity();
};

struct POVO_SDK_API IndicatorInfo {
  std::string id;             ///< e.g. "solvabiliteit_2"
  std::string theme;          ///< "financien", "leerlingen", "personeel", "huisvesting", "resultaten"
  std::string label_nl;
  std::string label_en;
  Unit unit = Unit::ratio;
  /// Number format: "0", "0.0", "0.00" (decimals), "0%", "0.0%" (a fraction shown as a
  /// percentage), "eur", "eur_mln", "eur_compact". povo refuses a plugin declaring another.
  std::string format;
  Direction direction = Direction::neutral;
  std::string definition_nl;  ///< one paragraph for the report's appendix
  std::string definition_en;
  std::vector<std::string> inputs;      ///< measures or other indicators, by name
  std::vector<SignalValue> signals;     ///< defaults; the config may replace them
  /// How a group's figure is formed (see Aggregation). `sum` needs unit count, euro or
  /// fte; ratio_of_sums needs both lists below. povo refuses a plugin that breaks this.
  Aggregation aggregation = Aggregation::median;
  /// For ratio_of_sums: the inputs added up above and below the line, so a sector figure
  /// is Σ equity / Σ assets and not an average of the boards' ratios. Empty otherwise.
  std::vector<std::string> aggregate_numerator;
  std::vector<std::string> aggregate_denominator;
};

/// One board in one year, as seen by an indicator: its inputs, by position in
/// IndicatorInfo::inputs, in this or an earlier year. Implemented by the core.
class POVO_SDK_API BoardYear {
 public:
  virtual ~BoardYear();
  virtual int year() const noexcept = 0;
  /// Input `i` of the indicator being computed, `years_back` years before year().
  virtual Value input(std::size_t i, int years_back = 0) const noexcept = 0;
};

/// A set of indicators from one plugin. compute() must not throw: return
/// Value::missing(reason) for anything it cannot compute.
class POVO_SDK_API IndicatorSet : public Plugin {
 public:
  ~IndicatorSet() override;
  virtual std::vector<OptionSpec> option_specs() const noexcept = 0;
  virtual Status configure(const ConfigNode& options) noexcept = 0;
  virtual std::vector<IndicatorInfo> indicators() const noexcept = 0;
  virtual Value compute(std::size_t indicator, const BoardYear& in) const noexcept = 0;
};

}  // namespace povo
