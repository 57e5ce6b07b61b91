// Indicators defined in YAML with no code, as expressions over measures and other
// indicators, so staff can add "reserves per pupil" without a build:
//
//   indicators:
//     - id: reserves_per_leerling
//       label: Reserves per leerling
//       unit: euro                  # ratio | percentage | euro | fte | count | number
//       format: eur
//       direction: neutral          # higher_is_better | lower_is_better | neutral
//       theme: financien
//       definition: Eigen vermogen gedeeld door het aantal leerlingen op 1 oktober.
//       expression: eigen_vermogen / leerlingen_bestuur
//       aggregate: {numerator: [eigen_vermogen], denominator: [leerlingen_bestuur]}
//       signals: [{op: "<", threshold: 0}]
#pragma once

#include "expr/expression.hpp"

#include <povo/indicator.hpp>

#include <optional>
#include <vector>

namespace povo::indicators {

/// The option specs of one entry under `indicators:`.
std::vector<OptionSpec> expression_indicator_specs();

/// An IndicatorSet built into the core, whose indicators are expressions.
class ExpressionIndicatorSet final : public IndicatorSet {
 public:
  std::vector<OptionSpec> option_specs() const noexcept override;
  /// `options` is the `indicators:` list. Syntax errors are located at the offending token.
  Status configure(const ConfigNode& options) noexcept override;
  std::vector<IndicatorInfo> indicators() const noexcept override { return infos_; }
  Value compute(std::size_t indicator, const BoardYear& in) const noexcept override;

  /// Located errors for names that are neither a known measure nor an indicator,
  /// with "did you mean". Run once the data is loaded.
  std::vector<Diagnostic> check_names(const std::vector<std::string>& known) const;

 private:
  std::vector<IndicatorInfo> infos_;
  std::vector<expr::Expression> expressions_;
};

}  // namespace povo::indicators
