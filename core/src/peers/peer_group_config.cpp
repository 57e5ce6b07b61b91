#include "peers/peer_group_config.hpp"

#include <algorithm>
#include <set>

namespace povo::peers {

std::string SizeClasses::label_for(double value) const {
  std::size_t i = 0;
  while (i < bounds.size() && value >= bounds[i]) ++i;
  return labels.at(i);
}

std::vector<OptionSpec> peer_group_specs() {
  return {
      OptionSpec::string("id", "a short name for the group definition", true),
      OptionSpec::string("label", "how reports name the group, e.g. 'Besturen van vergelijkbare omvang'"),
      OptionSpec::strings("by", "board attributes that must be equal: sector, province, denomination, rpa_region, ..."),
      OptionSpec::map("size",
                      {OptionSpec::string("measure", "board-level measure that sets the size", true),
                       OptionSpec::anything("bounds", "ascending class boundaries", true),
                       OptionSpec::strings("labels", "one label per class (one more than bounds)", true)},
                      "size classes"),
      OptionSpec::strings("boards", "an explicit list of board numbers"),
      OptionSpec::integer("min_size", "the minimum number of boards (k, default 5)"),
      OptionSpec::string("fallback", "the id of a broader group to use when this one is too small"),
  };
}

std::vector<PeerGroupDef> parse_peer_groups(const ConfigNode& root) {
  std::vector<PeerGroupDef> defs;
  const ConfigNode* list = root.find("peer_groups");
  if (!list || list->is_null()) return defs;
  std::set<std::string> ids;
  for (const auto& entry : list->items()) {
    PeerGroupDef d;
    d.where = entry.location();
    d.id = entry.at("id").as_string();
    if (!ids.insert(d.id).second) throw entry.at("id").error("duplicate peer group id '" + d.id + "'");
    d.label = entry.get_string("label", d.id);
    if (const ConfigNode* by = entry.find("by")) d.by = by->as_string_list();
    if (const ConfigNode* boards = entry.find("boards")) d.boards = boards->as_string_list();
    if (const ConfigNode* size = entry.find("size")) {
      SizeClasses s;
      s.measure = size->at("measure").as_string();
      for (const auto& b : size->at("bounds").items()) s.bounds.push_back(b.as_number());
      s.labels = size->at("labels").as_string_list();
      if (!std::is_sorted(s.bounds.begin(), s.bounds.end()) ||
          std::adjacent_find(s.bounds.begin(), s.bounds.end()) != s.bounds.end()) {
        throw size->at("bounds").error("size bounds must be strictly ascending");
      }
      if (s.labels.size() != s.bounds.size() + 1) {
        throw size->at("labels").error("expected " + std::to_string(s.bounds.size() + 1) + " labels for " +
                                       std::to_string(s.bounds.size()) + " bounds, got " + std::to_string(s.labels.size()),
                                       "there is one class below the first bound and one above the last");
      }
      d.size = std::move(s);
    }
    long long k = entry.get_integer("min_size", 5);
    if (k < 1) throw entry.at("min_size").error("min_size must be at least 1");
    d.min_size = static_cast<std::size_t>(k);
    d.fallback = entry.get_string("fallback", "");
    defs.push_back(std::move(d));
  }
  std::vector<std::string> all(ids.begin(), ids.end());
  for (std::size_t i = 0; i < defs.size(); ++i) {
    const auto& entry = list->items()[i];
    if (!defs[i].fallback.empty() && !ids.count(defs[i].fallback)) {
      auto near = closest_match(defs[i].fallback, all);
      throw entry.at("fallback").error("unknown peer group '" + defs[i].fallback + "'",
                                       near ? "did you mean '" + *near + "'?" : "fallback names another group's id");
    }
    // Follow the fallback chain; coming back to where we started is a cycle.
    std::string at = defs[i].fallback;
    for (std::size_t steps = 0; !at.empty(); ++steps) {
      if (at == defs[i].id || steps > defs.size()) {
        throw entry.at("fallback").error("peer group fallbacks form a cycle through '" + defs[i].id + "'");
      }
      auto next = std::find_if(defs.begin(), defs.end(), [&](const PeerGroupDef& d) { return d.id == at; });
      at = next->fallback;
    }
  }
  return defs;
}

}  // namespace povo::peers
