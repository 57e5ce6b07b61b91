#include "peers/peer_groups.hpp"

#include <algorithm>

namespace povo::peers {

PeerGroups::PeerGroups(const Dataset& dataset, std::vector<PeerGroupDef> definitions)
    : dataset_(dataset), defs_(std::move(definitions)) {}

std::optional<std::size_t> PeerGroups::find(std::string_view id) const {
  for (std::size_t i = 0; i < defs_.size(); ++i) {
    if (defs_[i].id == id) return i;
  }
  return std::nullopt;
}

std::string PeerGroups::key_of(const PeerGroupDef& d, EntityIndex board, int year) const {
  if (!d.boards.empty()) {
    const std::string& code = dataset_.entity_code(EntityKind::board, board);
    return std::find(d.boards.begin(), d.boards.end(), code) != d.boards.end() ? "list" : "";
  }
  std::string key;
  for (const auto& attribute : d.by) {
    const std::string* value = dataset_.attribute(EntityKind::board, board, attribute);
    if (!value || value->empty()) return "";
    key += (key.empty() ? "" : "|") + *value;
  }
  if (d.size) {
    auto m = dataset_.find_measure(d.size->measure);
    if (!m || dataset_.measure_level(*m) != EntityKind::board) return "";
    Value v = dataset_.get(*m, board, year);
    // A range (sum over "<5" cells) is classed by its midpoint: the classes are far
    // wider than the 3 counts of uncertainty.
    if (!v.has_bounds()) return "";
    key += (key.empty() ? "" : "|") + d.size->label_for((v.low() + v.high()) / 2);
  }
  return key.empty() ? "*" : key;
}

const std::map<std::string, std::vector<EntityIndex>>& PeerGroups::partition(std::size_t def, int year) const {
  std::lock_guard lock(mutex_);
  auto slot = partitions_.find({def, year});
  if (slot != partitions_.end()) return slot->second;
  std::map<std::string, std::vector<EntityIndex>> groups;
  for (EntityIndex b = 0; b < dataset_.entity_count(EntityKind::board); ++b) {
    groups[key_of(defs_.at(def), b, year)].push_back(b);
  }
  return partitions_.emplace(std::make_pair(def, year), std::move(groups)).first->second;
}

Membership PeerGroups::membership(std::size_t def, EntityIndex board, int year) const {
  Membership m;
  std::size_t at = def;
  std::string why;
  for (;;) {
    const PeerGroupDef& d = defs_.at(at);
    const auto& groups = partition(at, year);
    const std::string key = key_of(d, board, year);
    const auto it = groups.find(key);
    const std::size_t n = key.empty() || it == groups.end() ? 0 : it->second.size();
    m.definition = at;
    m.key = key;
    m.members = n ? &it->second : nullptr;
    m.label = d.label + (key.empty() || key == "*" || key == "list" ? "" : " (" + key + ")");
    for (char& c : m.label) {
      if (c == '|') c = ',';
    }
    if (n >= d.min_size) break;
    why = key.empty() ? "this board could not be placed in '" + d.label + "' (a characteristic or the size is missing)"
                      : "'" + m.label + "' has " + std::to_string(n) + (n == 1 ? " board" : " boards") +
                            ", fewer than the minimum of " + std::to_string(d.min_size);
    if (!d.fallback) {
      m.too_small = true;
      m.note = why + "; no statistics are shown";
      return m;
    }
    m.fallback_used = true;
    at = *d.fallback;
    m.note = why + "; compared with '" + defs_.at(at).label + "' instead";
  }
  if (m.fallback_used && m.note.empty()) m.note = why;
  return m;
}

}  // namespace povo::peers
