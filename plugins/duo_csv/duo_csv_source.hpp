// The duo_csv data source: a DUO open-data CSV file read as its options describe.
#pragma once

#include "loader.hpp"
#include "source_config.hpp"

#include <povo/data_source.hpp>

#include <optional>

namespace povo::duo_csv {

class DuoCsvSource final : public SimpleDataSource {
 public:
  std::vector<OptionSpec> option_specs() const noexcept override;
  /// What the last load() read: counts, match rates, unmatched codes.
  const LoadReport& last_report() const noexcept { return report_; }
  const SourceConfig* config() const noexcept { return config_ ? &*config_ : nullptr; }

 protected:
  void do_configure(const ConfigNode& options, const SourceContext& context) override;
  SourceDeclaration do_describe() const override;
  void do_load(Dataset& dataset, DiagnosticSink& diagnostics) override;

 private:
  std::optional<SourceConfig> config_;
  LoadReport report_;
};

}  // namespace povo::duo_csv
