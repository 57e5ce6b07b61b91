// An example indicator plugin: the growth of a board measure over the previous year.
// See docs/plugin-guide.md.
#include <povo/indicator.hpp>

namespace {

class ExampleGrowth final : public povo::IndicatorSet {
 public:
  std::vector<povo::OptionSpec> option_specs() const noexcept override {
    return {povo::OptionSpec::string("measure", "the measure to follow (default leerlingen_bestuur)")};
  }
  // povo::guard turns an exception into a failed Status inside the plugin.
  povo::Status configure(const povo::ConfigNode& options) noexcept override {
    return povo::guard([&] { measure_ = options.get_string("measure", "leerlingen_bestuur"); });
  }
  std::vector<povo::IndicatorInfo> indicators() const noexcept override {
    povo::IndicatorInfo info;
    info.id = "example_groei";
    info.theme = "leerlingen";
    info.label_nl = "Groei ten opzichte van vorig jaar";
    info.label_en = "Growth over the previous year";
    info.unit = povo::Unit::percentage;
    info.format = "0.0%";
    info.direction = povo::Direction::neutral;
    info.aggregation = povo::Aggregation::median;  // a growth rate does not add up across boards
    info.definition_nl = "De waarde van dit jaar gedeeld door die van vorig jaar, min 1.";
    info.inputs = {measure_};
    return {info};
  }
  // Input 0 this year and one year back; missing or suppressed inputs and a zero
  // denominator give a missing value with the reason, never an exception.
  povo::Value compute(std::size_t, const povo::BoardYear& in) const noexcept override {
    return povo::subtract(povo::divide(in.input(0), in.input(0, 1)), povo::Value::of(1));
  }

 private:
  std::string measure_ = "leerlingen_bestuur";
};

}  // namespace

POVO_INDICATOR_PLUGIN(ExampleGrowth, "example_growth", "1.0.0", "Growth of a measure over the previous year",
                      "example_groei")
