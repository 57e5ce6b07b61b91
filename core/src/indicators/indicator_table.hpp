// Computed indicators: one value per (indicator, board, year), with each
// indicator's metadata. This is what peer statistics and reports read.
#pragma once

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
  /// Adds an indicator column; returns its index.
  std::size_t add(IndicatorInfo info, std::string provider, std::size_t board_count);
  std::size_t size() const { return columns_.size(); }
  const IndicatorInfo& info(std::size_t i) const { return columns_.at(i).info; }
  /// The plugin id (or "expression") that computed indicator i.
  const std::string& provider(std::size_t i) const { return columns_.at(i).provider; }
  std::optional<std::size_t> find(std::string_view id) const;
  std::vector<std::string> ids() const;

  void set(std::size_t indicator, EntityIndex board, int year, Value v);
  /// The value, or missing(not_reported) for a year that was not computed.
  Value get(std::size_t indicator, EntityIndex board, int year) const;
  std::vector<int> years() const;

 private:
  struct Column {
    IndicatorInfo info;
    std::string provider;
    std::size_t board_count = 0;
    std::map<int, std::vector<Value>> years;
  };
  std::vector<Column> columns_;
};

}  // namespace povo::indicators
