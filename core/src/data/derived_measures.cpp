#include "data/derived_measures.hpp"

#include "job/derived_facts.hpp"

#include <map>

namespace povo::data {

AttributeConflicts derive_board_facts(Dataset& ds) {
  AttributeConflicts conflicts;
  const std::size_t boards = ds.entity_count(EntityKind::board);
  for (const auto& name : job::derived_board_attributes()) {
    std::vector<std::map<std::string, std::size_t>> branch_votes(boards), school_votes(boards);
    for (EntityKind kind : {EntityKind::branch, EntityKind::school}) {
      for (EntityIndex e = 0; e < ds.entity_count(kind); ++e) {
        const std::string* value = ds.attribute(kind, e, name);
        auto board = ds.board_of(kind, e);
        if (!value || value->empty() || !board) continue;
        (kind == EntityKind::branch ? branch_votes : school_votes)[*board][*value] += 1;
      }
    }
    for (EntityIndex b = 0; b < boards; ++b) {
      if (ds.attribute(EntityKind::board, b, name)) continue;
      const auto& votes = branch_votes[b].empty() ? school_votes[b] : branch_votes[b];
      if (votes.empty()) continue;
      auto best = votes.begin();
      for (auto it = votes.begin(); it != votes.end(); ++it) {
        if (it->second > best->second) best = it;
      }
      ds.set_attribute(EntityKind::board, b, name, best->first);
      if (votes.size() > 1) {
        std::string all;
        for (const auto& [value, n] : votes) all += (all.empty() ? "" : ", ") + value + " " + std::to_string(n);
        conflicts[name].emplace_back(b, all + " \u2192 " + best->first);
      }
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
  if (ds.entity_count(EntityKind::branch) > 0 && !ds.find_measure(job::branches_per_board)) {
    auto m = ds.declare_measure(job::branches_per_board, EntityKind::board);
    for (int y : years) {
      for (EntityIndex b = 0; b < boards; ++b) ds.set(m, b, y, Value::of(branches[b]));
    }
  }
  if (ds.entity_count(EntityKind::school) > 0 && !ds.find_measure(job::schools_per_board)) {
    auto m = ds.declare_measure(job::schools_per_board, EntityKind::board);
    for (int y : years) {
      for (EntityIndex b = 0; b < boards; ++b) ds.set(m, b, y, Value::of(schools[b]));
    }
  }
  return conflicts;
}

}  // namespace povo::data
