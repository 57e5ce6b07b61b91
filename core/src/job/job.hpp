// The compiled job: the whole configuration (sources, indicators, signal values, peer
// groups, reports with their compiled texts, output settings, locale and paths) parsed
// and checked once. `povo validate`, `povo data`, `povo run` and `povo run --dry-run`
// all start from this one object; nothing after compile_job() reads a raw configuration
// key or resolves a path.
#pragma once

#include "format/format.hpp"
#include "job/indicator_def.hpp"
#include "job/peer_group_def.hpp"
#include "job/report_spec.hpp"

#include <povo/data_source.hpp>
#include <povo/indicator.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace povo::job {

/// A configured data source: its plugin object (configured, not loaded) and what it
/// declared it will provide.
struct SourceDef {
  std::string id;
  std::string plugin_id;
  std::string plugin_version;
  std::shared_ptr<DataSource> source;
  SourceContext context;
  SourceDeclaration declared;
  SourceLocation where;
};

/// A configured indicator set: a plugin, or the job's own YAML expressions.
struct IndicatorProvider {
  std::string plugin_id;       ///< "expression" for `indicators:`
  std::string plugin_version;  ///< povo's version for expressions
  std::shared_ptr<IndicatorSet> set;
  SourceLocation where;
};

enum class OutputFormat { pdf };

struct OutputSpec {
  std::string dir;                 ///< resolved (see docs/config-reference.md, "Paths")
  std::optional<format::Date> date;  ///< printed in every report; from output.date or SOURCE_DATE_EPOCH
  std::string date_origin;         ///< "output.date" or "SOURCE_DATE_EPOCH", for messages
  std::string watermark;
  std::size_t min_group_size = 5;  ///< statistics over fewer boards with a value are withheld
  double max_missing_share = 0.2;  ///< warn when an indicator is missing for more of a report's boards
  std::vector<OutputFormat> formats = {OutputFormat::pdf};
  SourceLocation date_where;
};

/// Everything the sources declare, plus what povo derives after loading (board
/// attributes from branches, school and branch counts).
struct DeclaredData {
  std::vector<std::string> board_attributes;               ///< sorted
  std::vector<std::pair<std::string, std::vector<std::string>>> attribute_values;  ///< known values, where constant
  std::vector<std::string> board_measures;                 ///< sorted
  std::vector<std::pair<std::string, EntityKind>> other_measures;  ///< school and branch measures
  bool complete = true;                                    ///< every source listed everything
  bool has(const std::vector<std::string>& list, const std::string& name) const;
  /// The known values of a board attribute, or nullptr when they come from the data.
  const std::vector<std::string>* values_of(const std::string& attribute) const;
};

struct Job {
  std::string config_path;  ///< the job file as given on the command line
  std::string title;
  int year = 0;
  SourceLocation year_where;
  format::Locale locale = format::Locale::nl;  ///< the default for reports
  bool strict = false;
  std::vector<SourceDef> sources;
  std::vector<IndicatorProvider> providers;
  IndicatorCatalog indicators;
  std::vector<PeerGroupDef> peer_groups;
  std::vector<ReportSpec> reports;
  OutputSpec output;
  DeclaredData declared;
  std::string config_sha256;  ///< of the effective configuration (after includes and --set)

  const ReportSpec* find_report(std::string_view id) const;
};

}  // namespace povo::job
