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

// Everything here follows from the options alone: the entity and its parents with their
// attributes (constants with their values), each measure at the entity's level and each
// roll-up at its target level.
SourceDeclaration DuoCsvSource::do_describe() const {
  if (!config_) throw Error("duo_csv: describe() called before a successful configure()");
  SourceDeclaration d;
  d.files.push_back(config_->file);
  auto add_entity = [&](const EntitySpec& e) {
    d.entities.push_back(e.kind);
    for (const auto& [column, name] : e.attributes.from_columns) d.attributes.push_back({e.kind, name, {}});
    for (const auto& [name, value] : e.attributes.constants) d.attributes.push_back({e.kind, name, {value}});
  };
  add_entity(config_->entity);
  for (const auto& p : config_->parents) add_entity(p);
  for (const auto& m : config_->measures) d.measures.push_back({m.measure, config_->entity.kind});
  for (const auto& r : config_->rollups) d.measures.push_back({r.as, r.to});
  return d;
}

void DuoCsvSource::do_load(Dataset& dataset, DiagnosticSink& diagnostics) {
  if (!config_) throw Error("duo_csv: load() called before a successful configure()");
  report_ = LoadReport{};
  report_ = load_duo_csv(*config_, dataset, diagnostics);
}

}  // namespace povo::duo_csv
