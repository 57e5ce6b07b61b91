#include "duo_csv_source.hpp"

namespace povo::duo_csv {

std::vector<OptionSpec> DuoCsvSource::option_specs() const noexcept {
  try {
    return duo_csv_option_specs();
  } catch (...) {
    return {};
  }
}

void DuoCsvSource::do_configure(const ConfigNode& options, const SourceContext& context) {
  config_.reset();
  config_ = parse_source_config(options, context);
}

void DuoCsvSource::do_load(Dataset& dataset, DiagnosticSink& diagnostics) {
  if (!config_) throw Error("duo_csv: load() called before a successful configure()");
  report_ = LoadReport{};
  report_ = load_duo_csv(*config_, dataset, diagnostics);
}

}  // namespace povo::duo_csv
