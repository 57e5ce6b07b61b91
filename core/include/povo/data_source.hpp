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
  /// Where the source's relative file names start: the job's `data_dir:` when it sets one
  /// (itself resolved against the file that sets it, or the working directory for
  /// `--set data_dir=...`), else the folder of the configuration file that declares the
  /// source (for an included file, that file, not the job file).
  std::string base_dir;
  int year = 0;            ///< the report year from the config (0 if none)
  bool strict = false;     ///< --strict: data errors are fatal
};

/// An attribute a source will set, e.g. `province` on branches. `values` lists the values
/// it can take when they are known without reading data (a constant such as sector: po);
/// empty means the values come from the data.
struct POVO_SDK_API DeclaredAttribute {
  EntityKind kind = EntityKind::board;
  std::string name;
  std::vector<std::string> values;
};

/// A measure a source will store, at the level it is observed (after any roll-up it does).
struct POVO_SDK_API DeclaredMeasure {
  std::string name;
  EntityKind level = EntityKind::board;
};

/// What a configured source will put into the dataset, known without reading any data,
/// so that `povo validate` can check every name the job uses (peer-group attributes, board
/// filters, indicator inputs, report placeholders) before a file is opened.
struct POVO_SDK_API SourceDeclaration {
  std::vector<EntityKind> entities;             ///< entity kinds it adds or links to parents
  std::vector<DeclaredAttribute> attributes;
  std::vector<DeclaredMeasure> measures;
  std::vector<std::string> files;               ///< the data files it reads (resolved paths): hashed for --resume and the manifest
  /// false when the source may store names it cannot list in advance (e.g. measures named
  /// by the data itself): povo then reports unknown names after loading instead of before.
  bool complete = true;
};

/// One configured data source. The core creates one object per entry in `sources:`,
/// calls configure() and then describe() (also from `povo validate`, which must not read
/// data), then load().
/// Every call is noexcept: implementations wrap their work in povo::guard, or derive
/// from SimpleDataSource, which does that for them.
class POVO_SDK_API DataSource : public Plugin {
 public:
  ~DataSource() override;
  /// The options this source accepts under `options:`.
  virtual std::vector<OptionSpec> option_specs() const noexcept = 0;
  /// Reads and checks options; performs no I/O on data files.
  virtual Status configure(const ConfigNode& options, const SourceContext& context) noexcept = 0;
  /// After a successful configure(): what load() will provide. Performs no I/O on data files.
  virtual Status describe(SourceDeclaration& out) const noexcept = 0;
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
  Status describe(SourceDeclaration& out) const noexcept final {
    return guard([&] { out = do_describe(); });
  }
  Status load(Dataset& dataset, DiagnosticSink& diagnostics) noexcept final {
    return guard([&] { do_load(dataset, diagnostics); });
  }

 protected:
  virtual void do_configure(const ConfigNode& options, const SourceContext& context) = 0;
  virtual SourceDeclaration do_describe() const = 0;
  virtual void do_load(Dataset& dataset, DiagnosticSink& diagnostics) = 0;
};

}  // namespace povo
