// The options of a duo_csv source, read from its `options:` map and checked without
// touching the data file. See README.md in this folder for the schema.
#pragma once

#include "duo_number.hpp"
#include "text_decoding.hpp"
#include "wide_pattern.hpp"

#include <povo/config_node.hpp>
#include <povo/data_source.hpp>
#include <povo/dataset.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace povo::duo_csv {

/// A reference to one or more columns in the data file, with the config place that named it.
struct ColumnRef {
  std::vector<std::string> columns;  ///< several columns are joined into one key
  SourceLocation at;                 ///< where in the config
  std::string path;                  ///< config key path, e.g. "sources[0].options.key"
};

struct FilterRule {
  ColumnRef column;
  std::vector<std::string> values;  ///< the row is kept when the cell equals one of these
};

struct AttributeMap {
  std::vector<std::pair<ColumnRef, std::string>> from_columns;  ///< column -> attribute name
  std::vector<std::pair<std::string, std::string>> constants;   ///< attribute name -> value
};

struct EntitySpec {
  EntityKind kind = EntityKind::branch;
  ColumnRef key;
  bool create = true;  ///< false: a join; the entity must already be loaded
  AttributeMap attributes;
  SourceLocation at;
  std::string path;
};

struct MeasureSpec {
  std::string measure;
  std::optional<ColumnRef> column;  ///< long layout: one column, year from year/year_column
  std::optional<WidePattern> wide;  ///< wide layout: one column per year
  std::vector<FilterRule> filter;   ///< extra row filter for this measure only
  SourceLocation at;
  std::string path;
};

struct RollupSpec {
  std::string measure;
  EntityKind to = EntityKind::board;
  std::string as;
  SourceLocation at;
};

enum class DuplicatePolicy { error, sum, first };

struct SourceConfig {
  std::string file;        ///< resolved against SourceContext::base_dir
  SourceLocation file_at;
  std::string file_path;   ///< config key path of `file`
  Encoding encoding = Encoding::auto_detect;
  char separator = ';';    ///< 0 = sniff from the header line
  bool trim = true;
  NumberFormat number;
  EntitySpec entity;
  std::vector<EntitySpec> parents;  ///< each links the previous entity to the next level up
  std::vector<FilterRule> filter;
  std::optional<int> year;
  std::optional<ColumnRef> year_column;
  std::vector<MeasureSpec> measures;
  DuplicatePolicy duplicates = DuplicatePolicy::error;
  bool unmatched_is_error = false;
  std::vector<RollupSpec> rollups;
  std::size_t max_messages = 20;  ///< per kind of data problem; the rest are counted
  bool strict = false;
  std::string source_id;
};

std::vector<OptionSpec> duo_csv_option_specs();

/// Checks the options (check_options plus the rules the schema cannot express) and
/// builds the config. Throws povo::Error located at the offending option.
SourceConfig parse_source_config(const ConfigNode& options, const SourceContext& context);

/// Default roll-up name: "leerlingen_vestiging" -> "leerlingen" (school) or
/// "leerlingen_bestuur" (board); "geslaagden_havo" -> "geslaagden_havo_bestuur".
std::string default_rollup_name(const std::string& measure, EntityKind to);

}  // namespace povo::duo_csv
