// peer_groups: -> PeerGroupDefs: unique ids, attributes and size measures that the
// sources declare, ascending bounds with one label more than bounds, fallbacks that
// exist and do not form a cycle.
#include "job/compile_context.hpp"
#include "job/schema.hpp"

#include <algorithm>
#include <set>

namespace povo::job::detail {
namespace {

void check_attribute(CompileContext& c, const ConfigNode& at, const std::string& attribute, const std::string& what) {
  const DeclaredData& d = c.job.declared;
  if (d.has(d.board_attributes, attribute) || !c.names_checkable()) return;
  const std::string message = what + " uses board attribute '" + attribute + "', which no source declares";
  std::string all;
  for (const auto& a : d.board_attributes) all += (all.empty() ? "" : ", ") + a;
  const std::string hint = suggest(attribute, d.board_attributes, all.empty() ? "no source declares board attributes"
                                                                              : "the sources declare: " + all);
  if (d.complete) c.error(at, message, hint);
  else c.warning(at, message + " (checked again after loading)", hint);
}

}  // namespace

void compile_peer_groups(CompileContext& c) {
  const ConfigNode* list = c.root.find("peer_groups");
  if (!list || !list->is_sequence()) return;
  std::vector<std::pair<const ConfigNode*, std::string>> fallbacks;  // entry, fallback id
  std::set<std::string> ids;
  for (const auto& entry : list->items()) {
    const std::size_t before = c.problems.size();
    struct Mark {
      CompileContext& c;
      const ConfigNode& entry;
      std::size_t before;
      ~Mark() {
        const ConfigNode* id = entry.is_map() ? entry.find("id") : nullptr;
        if (c.problems.size() > before && id && id->is_scalar()) c.failed_peer_groups.insert(id->scalar());
      }
    } mark{c, entry, before};
    try {
      PeerGroupDef d;
      d.where = entry.location();
      d.by_where = d.where;
      d.boards_where = d.where;
      const ConfigNode& id = entry.at("id");
      d.id = id.as_string();
      if (!ids.insert(d.id).second) {
        c.error(id, "duplicate peer group id '" + d.id + "'", "give each group definition its own id");
        continue;
      }
      d.label = entry.get_string("label", d.id);
      if (const ConfigNode* by = entry.find("by")) {
        d.by = by->as_string_list();
        d.by_where = by->location();
        const std::vector<ConfigNode> items = by->is_sequence() ? by->items() : std::vector<ConfigNode>{*by};
        for (const auto& a : items) check_attribute(c, a, a.as_string(), "peer group '" + d.id + "'");
      }
      if (const ConfigNode* boards = entry.find("boards")) {
        d.boards = boards->as_string_list();
        d.boards_where = boards->location();
        if (d.boards.empty()) c.error(*boards, "an explicit list of boards must name at least one board");
        if (!d.by.empty() || entry.find("size")) {
          c.error(*boards, "peer group '" + d.id + "' has both an explicit list of boards and 'by' or 'size'",
                  "a list names the boards itself; remove by and size, or the list");
        }
      }
      if (const ConfigNode* size = entry.find("size")) {
        SizeClasses s;
        const ConfigNode& measure = size->at("measure");
        s.measure = measure.as_string();
        const DeclaredData& declared = c.job.declared;
        if (!declared.has(declared.board_measures, s.measure) && c.names_checkable()) {
          const std::string message = "size measure '" + s.measure + "' is not a board-level measure any source declares";
          const std::string hint = suggest(s.measure, declared.board_measures, "e.g. leerlingen_bestuur or totale_baten");
          if (declared.complete) c.error(measure, message, hint);
          else c.warning(measure, message + " (checked again after loading)", hint);
        }
        const ConfigNode& bounds = size->at("bounds");
        if (!bounds.is_sequence()) {
          c.error(bounds, "bounds is a list of numbers", "e.g. [400, 800, 1500]");
          continue;
        }
        for (const auto& b : bounds.items()) s.bounds.push_back(b.as_number());
        s.labels = size->at("labels").as_string_list();
        if (!std::is_sorted(s.bounds.begin(), s.bounds.end()) ||
            std::adjacent_find(s.bounds.begin(), s.bounds.end()) != s.bounds.end()) {
          c.error(bounds, "size bounds must be strictly ascending");
          continue;
        }
        if (s.labels.size() != s.bounds.size() + 1) {
          c.error(size->at("labels"), "expected " + std::to_string(s.bounds.size() + 1) + " labels for " +
                                          std::to_string(s.bounds.size()) + " bounds, got " + std::to_string(s.labels.size()),
                  "there is one class below the first bound and one above the last");
          continue;
        }
        d.size = std::move(s);
      }
      const long long k = entry.get_integer("min_size", 5);
      if (k < 1) {
        c.error(entry.at("min_size"), "min_size must be at least 1");
        continue;
      }
      d.min_size = static_cast<std::size_t>(k);
      if (const ConfigNode* f = entry.find("fallback")) fallbacks.emplace_back(&entry, f->as_string());
      c.job.peer_groups.push_back(std::move(d));
    } catch (const Error& e) {
      c.add(e.diagnostic());
    }
  }
  auto index_of = [&](const std::string& id) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < c.job.peer_groups.size(); ++i) {
      if (c.job.peer_groups[i].id == id) return i;
    }
    return std::nullopt;
  };
  std::vector<std::string> all(ids.begin(), ids.end());
  for (const auto& [entry, fallback] : fallbacks) {
    auto self = index_of(entry->at("id").as_string());
    auto target = index_of(fallback);
    if (!self) continue;
    if (!target) {
      c.error(entry->at("fallback"), "unknown peer group '" + fallback + "'",
              suggest(fallback, all, "fallback names another group's id"));
      continue;
    }
    c.job.peer_groups[*self].fallback = *target;
  }
  // Follow each fallback chain; coming back to where it started is a cycle.
  for (const auto& [entry, fallback] : fallbacks) {
    auto self = index_of(entry->at("id").as_string());
    if (!self) continue;
    auto at = c.job.peer_groups[*self].fallback;
    for (std::size_t steps = 0; at; ++steps) {
      if (*at == *self || steps > c.job.peer_groups.size()) {
        c.error(entry->at("fallback"), "peer group fallbacks form a cycle through '" + c.job.peer_groups[*self].id + "'",
                "a fallback must be a broader group that does not fall back to this one");
        c.job.peer_groups[*self].fallback.reset();
        break;
      }
      at = c.job.peer_groups[*at].fallback;
    }
  }
}

}  // namespace povo::job::detail
