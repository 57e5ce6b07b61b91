// Key functions of the plugin interfaces: defining the first virtual function here
// puts each vtable and type_info in libpovo_sdk.so, shared by the core and plugins.
#include <povo/data_source.hpp>
#include <povo/indicator.hpp>
#include <povo/plugin.hpp>

namespace povo {

Plugin::~Plugin() = default;
DataSource::~DataSource() = default;
IndicatorSet::~IndicatorSet() = default;
BoardYear::~BoardYear() = default;

const char* unit_name(Unit u) noexcept {
  switch (u) {
    case Unit::ratio: return "ratio";
    case Unit::percentage: return "percentage";
    case Unit::euro: return "euro";
    case Unit::fte: return "fte";
    case Unit::count: return "count";
    case Unit::number: return "number";
  }
  return "?";
}

const char* direction_name(Direction d) noexcept {
  switch (d) {
    case Direction::higher_is_better: return "higher_is_better";
    case Direction::lower_is_better: return "lower_is_better";
    case Direction::neutral: return "neutral";
  }
  return "?";
}

const char* aggregation_name(Aggregation a) noexcept {
  switch (a) {
    case Aggregation::median: return "median";
    case Aggregation::sum: return "sum";
    case Aggregation::ratio_of_sums: return "ratio_of_sums";
  }
  return "?";
}

}  // namespace povo
