// The interface of data-source plugins: they read files or databases into a Dataset.
#pragma once

#include <povo/config_node.hpp>
#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>
#include <povo/plugin.hpp>

#include <string>
#include <vector>

namespace povo {

/// What the core tells a source about the run it is part of.
struct POVO_SDK_API SourceContext {
  std::string source_id;   ///< the id this source has in the config
  std::string base_dir;    ///< directory of the config file that declared it; relative paths start here
  int year = 0;            ///< the report year from the config (0 if none)
  bool strict = false;     ///< --strict: data errors are fatal
};

/// One configured data source. The core creates one object per entry in `sources:`,
/// calls configure() (also from `povo validate`, which must not read data), then load().
/// Every call is noexcept: implementations wrap their work in povo::guard, or derive
/// from SimpleDataSource, which does that for them.
class POVO_SDK_API DataSource : public Plugin {
 public:
  ~DataSource() override;
  /// The options this source accepts under `options:`.
  virtual std::vector<OptionSpec> option_specs() const noexcept = 0;
  /// Reads and checks options; performs no I/O on data files.
  virtual Status configure(const ConfigNode& options, const SourceContext& context) noexcept = 0;
  /// Reads the data into the dataset. Data-quality problems go to `diagnostics`;
  /// a failed Status means the source could not be loaded at all.
  virtual Status load(Dataset& dataset, DiagnosticSink& diagnostics) noexcept = 0;
};

/// Convenience base: implement do_configure and do_load and throw povo::Error on
/// failure; the exception is turned into a Status inside the plugin.
class SimpleDataSource : public DataSource {
 public:
  Status configure(const ConfigNode& options, const SourceContext& context) noexcept final {
    return guard([&] { do_configure(options, context); });
  }
  Status load(Dataset& dataset, DiagnosticSink& diagnostics) noexcept final {
    return guard([&] { do_load(dataset, diagnostics); });
  }

 protected:
  virtual void do_configure(const ConfigNode& options, const SourceContext& context) = 0;
  virtual void do_load(Dataset& dataset, DiagnosticSink& diagnostics) = 0;
};

}  // namespace povo
