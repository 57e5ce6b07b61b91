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
//       aggregate: {numerator: [eigen_vermogen], denominator: [leerlingen_bestuur]}   # or sum, or median
//       signals: [{op: "<", threshold: 0}]
//
// The job compiles them into one IndicatorSet built into the core.
#pragma once

#include "expr/expression.hpp"

#include <povo/config_node.hpp>
#include <povo/indicator.hpp>

#include <memory>
#include <vector>

namespace povo::job {

class ExpressionIndicatorSet final : public IndicatorSet {
 public:
  ExpressionIndicatorSet(std::vector<IndicatorInfo> infos, std::vector<expr::Expression> expressions);
  std::vector<OptionSpec> option_specs() const noexcept override { return {}; }
  Status configure(const ConfigNode&) noexcept override { return Status::ok(); }
  std::vector<IndicatorInfo> indicators() const noexcept override;
  /// Never throws; a failed or non-finite evaluation is missing(invalid).
  Value compute(std::size_t indicator, const BoardYear& in) const noexcept override;

  const expr::Expression& expression(std::size_t i) const { return expressions_.at(i); }

 private:
  std::vector<IndicatorInfo> infos_;
  std::vector<expr::Expression> expressions_;
};

struct CompiledExpressions {
  std::shared_ptr<ExpressionIndicatorSet> set;  ///< null when `indicators:` is absent or empty
  std::vector<SourceLocation> where;            ///< per indicator: its entry
};

/// Compiles the entries of `indicators:`. Every problem is appended, located at the
/// offending key or, inside an expression, at the offending character; an entry with a
/// problem is left out.
/// `failed`, when given, receives the ids of the entries left out.
CompiledExpressions compile_expression_indicators(const ConfigNode& list, std::vector<Diagnostic>& problems,
                                                  std::vector<std::string>* failed = nullptr);

}  // namespace povo::job
