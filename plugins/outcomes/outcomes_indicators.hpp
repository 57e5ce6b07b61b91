// Outcome indicators of a school board: po reference levels (doorstroomtoets) and vo
// pass rates, aware of DUO's "<5" suppression. See docs/indicators.md.
#pragma once

#include <povo/indicator.hpp>

#include <cstddef>
#include <vector>

namespace povo::outcomes {

struct Options {
  /// Signal value for the share at 1F: the Inspectie's 85% (domain-research §3.5).
  double signal_1f = 0.85;
  /// Signal value for the share at 2F/1S. The Inspectie's value depends on the
  /// school's schoolweging, which we do not have; default: the 65% ambition.
  double signal_2f1s = 0.65;
  /// Widest range (as a fraction, 0.05 = 5 percentage points) returned for a share
  /// whose counts include "<5" cells; wider ranges give missing(suppressed_input).
  double max_range_width = 0.05;
};

enum Index : std::size_t {
  aandeel_1f,
  aandeel_2f1s,
  slaagpercentage_vmbo,
  slaagpercentage_havo,
  slaagpercentage_vwo,
  indicator_count
};

/// Reads and checks the plugin options; throws povo::Error located at the bad key.
Options parse_options(const ConfigNode& node);

class OutcomesIndicators final : public IndicatorSet {
 public:
  std::vector<OptionSpec> option_specs() const noexcept override;
  Status configure(const ConfigNode& options) noexcept override;
  std::vector<IndicatorInfo> indicators() const noexcept override;
  Value compute(std::size_t indicator, const BoardYear& in) const noexcept override;

  const Options& options() const noexcept { return opt_; }

 private:
  Options opt_;
};

}  // namespace povo::outcomes
