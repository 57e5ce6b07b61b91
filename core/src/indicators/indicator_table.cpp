#include "indicators/indicator_table.hpp"

#include <set>

namespace povo::indicators {

std::size_t IndicatorTable::add(IndicatorInfo info, std::string provider, std::size_t board_count) {
  columns_.push_back(Column{std::move(info), std::move(provider), board_count, {}});
  return columns_.size() - 1;
}

std::optional<std::size_t> IndicatorTable::find(std::string_view id) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].info.id == id) return i;
  }
  return std::nullopt;
}

std::vector<std::string> IndicatorTable::ids() const {
  std::vector<std::string> out;
  for (const auto& c : columns_) out.push_back(c.info.id);
  return out;
}

void IndicatorTable::set(std::size_t indicator, EntityIndex board, int year, Value v) {
  Column& c = columns_.at(indicator);
  std::vector<Value>& column = c.years[year];
  if (column.size() < c.board_count) column.resize(c.board_count);
  column.at(board) = v;
}

Value IndicatorTable::get(std::size_t indicator, EntityIndex board, int year) const {
  const Column& c = columns_.at(indicator);
  auto it = c.years.find(year);
  if (it == c.years.end() || board >= it->second.size()) return Value::missing(Reason::not_reported);
  return it->second[board];
}

std::vector<int> IndicatorTable::years() const {
  std::set<int> all;
  for (const auto& c : columns_) {
    for (const auto& [year, values] : c.years) all.insert(year);
  }
  return {all.begin(), all.end()};
}

}  // namespace povo::indicators
