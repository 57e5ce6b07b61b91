// Pupil indicators of a school board: size, growth, pupils per branch, repeaters.
// See docs/indicators.md.
#pragma once

#include <povo/indicator.hpp>

#include <cstddef>
#include <vector>

namespace povo::pupils {

struct Options {
  /// Widest range (a fraction) returned for zittenblijvers_pct when its counts include
  /// "<5" cells; wider ranges give missing(suppressed_input). As in the outcomes plugin.
  double max_range_width = 0.05;
};

enum Index : std::size_t {
  aantal_leerlingen,
  leerlingen_groei_1j,
  leerlingen_groei_5j,
  leerlingen_per_vestiging,
  zittenblijvers_pct,
  indicator_count
};

/// Reads and checks the plugin options; throws povo::Error located at the bad key.
Options parse_options(const ConfigNode& node);

class PupilsIndicators final : public IndicatorSet {
 public:
  std::vector<OptionSpec> option_specs() const noexcept override;
  Status configure(const ConfigNode& options) noexcept override;
  std::vector<IndicatorInfo> indicators() const noexcept override;
  Value compute(std::size_t indicator, const BoardYear& in) const noexcept override;

  const Options& options() const noexcept { return opt_; }

 private:
  Options opt_;
};

}  // namespace povo::pupils
