// Staff indicators of a school board: fte by function group, pupils per teacher fte,
// composition shares and absence. Ids start with "personeel_" where the plain name
// would equal a measure name (fte_totaal, fte_op, ...). See docs/indicators.md.
#pragma once

#include <povo/indicator.hpp>

#include <cstddef>
#include <vector>

namespace povo::staff {

enum Index : std::size_t {
  personeel_fte,
  personeel_fte_directie,
  personeel_fte_op,
  personeel_fte_oop,
  personeel_fte_lio,
  leerlingen_per_fte_op,
  personeel_aandeel_55plus,
  personeel_aandeel_vrouw,
  personeel_aandeel_vast,
  personeel_verzuim,
  indicator_count
};

/// The staff plugin has no options; configure() rejects any key.
class StaffIndicators final : public IndicatorSet {
 public:
  std::vector<OptionSpec> option_specs() const noexcept override;
  Status configure(const ConfigNode& options) noexcept override;
  std::vector<IndicatorInfo> indicators() const noexcept override;
  Value compute(std::size_t indicator, const BoardYear& in) const noexcept override;
};

}  // namespace povo::staff
