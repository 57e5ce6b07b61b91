// Reads one DUO CSV file into the dataset as a SourceConfig describes: entities and
// their parents, attributes, measures (long or wide), joins and roll-ups. Data
// problems go to the DiagnosticSink with file:line:column; fatal problems (missing
// file, undecodable bytes, a configured column that is absent) throw povo::Error.
//
// Roll-ups use Dataset::roll_up, which carries suppression: a sum over cells that
// include "<5" is a range (each "<5" counts as 1..4), never a number.
#pragma once

#include "source_config.hpp"

#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace povo::duo_csv {

/// Codes looked up through already loaded entities (`create: false`).
struct JoinReport {
  EntityKind kind = EntityKind::school;
  std::string column;                 ///< the key column(s), joined with '+'
  std::size_t distinct_keys = 0;      ///< distinct codes in the file (rows that got this far)
  std::size_t matched_keys = 0;
  std::size_t rows = 0;
  std::size_t matched_rows = 0;
  std::vector<std::string> unmatched; ///< codes not found, sorted
};

struct LoadReport {
  std::string file;
  Encoding encoding = Encoding::utf8;
  char separator = ';';
  std::size_t rows = 0;           ///< data rows read (without the header)
  std::size_t rows_filtered = 0;  ///< left out by `filter`
  std::size_t rows_skipped = 0;   ///< not used because of a problem (reported)
  std::size_t values = 0;         ///< observations stored
  std::size_t suppressed_cells = 0;
  std::size_t empty_cells = 0;
  std::size_t invalid_cells = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::vector<JoinReport> joins;
  std::vector<std::pair<std::string, std::size_t>> rollup_orphans;  ///< target measure, values not rolled up
};

LoadReport load_duo_csv(const SourceConfig& config, Dataset& dataset, DiagnosticSink& diagnostics);

}  // namespace povo::duo_csv
