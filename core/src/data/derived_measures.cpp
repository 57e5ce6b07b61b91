#include "data/derived_measures.hpp"

#include <map>

namespace povo::data {

const std::vector<std::string>& default_derived_attributes() {
  static const std::vector<std::string> list = {"sector", "province", "denomination", "rpa_region", "municipality"};
  return list;
}

void derive_board_facts(Dataset& ds, const std::vector<std::string>& attributes) {
  const std::size_t boards = ds.entity_count(EntityKind::board);
  for (const auto& name : attributes) {
    std::vector<std::map<std::string, std::size_t>> votes(boards);
    for (EntityKind kind : {EntityKind::branch, EntityKind::school}) {
      for (EntityIndex e = 0; e < ds.entity_count(kind); ++e) {
        const std::string* value = ds.attribute(kind, e, name);
        auto board = ds.board_of(kind, e);
        if (!value || value->empty() || !board) continue;
        // Branch votes first; schools only count for boards without branch data.
        votes[*board][*value] += kind == EntityKind::branch ? 1000000 : 1;
      }
    }
    for (EntityIndex b = 0; b < boards; ++b) {
      if (ds.attribute(EntityKind::board, b, name) || votes[b].empty()) continue;
      auto best = votes[b].begin();
      for (auto it = votes[b].begin(); it != votes[b].end(); ++it) {
        if (it->second > best->second) best = it;
      }
      ds.set_attribute(EntityKind::board, b, name, best->first);
    }
  }

  std::vector<double> branches(boards, 0), schools(boards, 0);
  for (EntityIndex e = 0; e < ds.entity_count(EntityKind::branch); ++e) {
    if (auto b = ds.board_of(EntityKind::branch, e)) branches[*b] += 1;
  }
  for (EntityIndex e = 0; e < ds.entity_count(EntityKind::school); ++e) {
    if (auto b = ds.board_of(EntityKind::school, e)) schools[*b] += 1;
  }
  const std::vector<int> years = ds.years();
  if (ds.entity_count(EntityKind::branch) > 0 && !ds.find_measure("vestigingen_bestuur")) {
    auto m = ds.declare_measure("vestigingen_bestuur", EntityKind::board);
    for (int y : years) {
      for (EntityIndex b = 0; b < boards; ++b) ds.set(m, b, y, Value::of(branches[b]));
    }
  }
  if (ds.entity_count(EntityKind::school) > 0 && !ds.find_measure("scholen_bestuur")) {
    auto m = ds.declare_measure("scholen_bestuur", EntityKind::board);
    for (int y : years) {
      for (EntityIndex b = 0; b < boards; ++b) ds.set(m, b, y, Value::of(schools[b]));
    }
  }
}

}  // namespace povo::data
