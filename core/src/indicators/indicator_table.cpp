#include "indicators/indicator_table.hpp"

#include <set>

namespace povo::indicators {

IndicatorTable::IndicatorTable(const job::IndicatorCatalog& catalog, std::size_t board_count)
    : catalog_(&catalog), board_count_(board_count), columns_(catalog.size()) {}

std::optional<std::size_t> IndicatorTable::find(std::string_view id) const {
  if (!catalog_) return std::nullopt;
  return catalog_->find(id);
}

std::vector<std::string> IndicatorTable::ids() const { return catalog_ ? catalog_->ids() : std::vector<std::string>{}; }

void IndicatorTable::set(std::size_t indicator, EntityIndex board, int year, Value v) {
  std::vector<Value>& column = columns_.at(indicator)[year];
  if (column.size() < board_count_) column.resize(board_count_);
  column.at(board) = v;
}

Value IndicatorTable::get(std::size_t indicator, EntityIndex board, int year) const {
  const auto& c = columns_.at(indicator);
  auto it = c.find(year);
  if (it == c.end() || board >= it->second.size()) return Value::missing(Reason::not_reported);
  return it->second[board];
}

std::vector<int> IndicatorTable::years() const {
  std::set<int> all;
  for (const auto& c : columns_) {
    for (const auto& [year, values] : c) all.insert(year);
  }
  return {all.begin(), all.end()};
}

}  // namespace povo::indicators
