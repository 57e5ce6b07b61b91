// Computed indicators: one value per (indicator, board, year). Column i is indicator i of
// the job's catalogue (job::IndicatorCatalog), so a report's IndicatorRef indexes it
// directly. This is what peer statistics and reports read.
#pragma once

#include "job/indicator_def.hpp"

#include <povo/dataset.hpp>
#include <povo/indicator.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace povo::indicators {

class IndicatorTable {
 public:
  IndicatorTable() = default;
  /// One empty column per catalogue entry. The catalogue must outlive the table.
  IndicatorTable(const job::IndicatorCatalog& catalog, std::size_t board_count);

  std::size_t size() const { return columns_.size(); }
  const job::IndicatorDef& def(std::size_t i) const { return (*catalog_)[i]; }
  const IndicatorInfo& info(std::size_t i) const { return def(i).info; }
  std::optional<std::size_t> find(std::string_view id) const;
  std::vector<std::string> ids() const;

  void set(std::size_t indicator, EntityIndex board, int year, Value v);
  /// The value, or missing(not_reported) for a year that was not computed.
  Value get(std::size_t indicator, EntityIndex board, int year) const;
  std::vector<int> years() const;

 private:
  const job::IndicatorCatalog* catalog_ = nullptr;
  std::size_t board_count_ = 0;
  std::vector<std::map<int, std::vector<Value>>> columns_;
};

}  // namespace povo::indicators
