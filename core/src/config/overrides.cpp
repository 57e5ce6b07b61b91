#include "config/overrides.hpp"

#include "config/yaml_loader.hpp"

#include <string>
#include <vector>

namespace povo::config {
namespace {

struct Step {
  std::string key;     // map key, or empty for a list item
  long index = -1;     // list index (for an item by id: once found)
  std::string id;      // list item by its `id:`, when the brackets hold no number
  bool by_id = false;
};

const char* type_word(const ConfigNode& n) {
  switch (n.type()) {
    case ConfigNode::Type::null: return "nothing";
    case ConfigNode::Type::scalar: return "a single value";
    case ConfigNode::Type::sequence: return "a list";
    case ConfigNode::Type::map: return "a map of keys";
  }
  return "?";
}

std::vector<Step> parse_path(std::string_view path, const SourceLocation& where) {
  std::vector<Step> steps;
  std::size_t i = 0;
  auto fail = [&](const std::string& why) -> Error {
    return Error("invalid key path '" + std::string(path) + "': " + why, where, "write it like 'reports.board.year' or 'sources[0].options.file'");
  };
  while (i < path.size()) {
    if (path[i] == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos || close == i + 1) throw fail("unclosed or empty '['");
      std::string inside(path.substr(i + 1, close - i - 1));
      if (inside.find_first_not_of("0123456789") != std::string::npos) {
        steps.push_back(Step{"", -1, std::move(inside), true});  // reports[bestuur_po]: the item with that id
      } else {
        if (inside.size() > 9) throw fail("list index is too large");  // std::stol would throw out_of_range
        steps.push_back(Step{"", std::stol(inside), {}, false});
      }
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
      continue;
    }
    std::size_t end = path.find_first_of(".[", i);
    if (end == std::string_view::npos) end = path.size();
    if (end == i) throw fail("empty key");
    steps.push_back(Step{std::string(path.substr(i, end - i)), -1, {}, false});
    i = end;
    if (i < path.size() && path[i] == '.') {
      ++i;
      if (i == path.size()) throw fail("ends with '.'");
    }
  }
  if (steps.empty()) throw fail("empty key");
  return steps;
}

// The position of the item a list step names in `list`, with a located error if none.
std::size_t find_item(const ConfigNode& list, Step& step, const SourceLocation& where) {
  if (!step.by_id) {
    if (!list.is_sequence() || static_cast<std::size_t>(step.index) >= list.items().size()) {
      throw Error("--set: '" + list.path() + "' has no item [" + std::to_string(step.index) + "]", where);
    }
    return static_cast<std::size_t>(step.index);
  }
  if (!list.is_sequence()) {
    throw Error("--set: '" + list.path() + "' is " + type_word(list) + ", not a list, so it has no item with id '" +
                    step.id + "'",
                where);
  }
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < list.items().size(); ++i) {
    const ConfigNode* id = list.items()[i].find("id");
    if (!id || !id->is_scalar()) continue;
    if (id->scalar() == step.id) {
      step.index = static_cast<long>(i);
      return i;
    }
    ids.push_back(id->scalar());
  }
  std::string hint;
  if (auto near = closest_match(step.id, ids)) {
    hint = "did you mean '" + *near + "'?";
  } else if (ids.empty()) {
    hint = "no item of '" + list.path() + "' has an 'id:'";
  } else {
    hint = "the ids are:";
    for (std::size_t i = 0; i < ids.size(); ++i) hint += (i ? ", " : " ") + ids[i];
  }
  throw Error("--set: '" + list.path() + "' has no item with id '" + step.id + "'", where, hint);
}

}  // namespace

void apply_override(ConfigNode& root, std::string_view assignment) {
  const SourceLocation where{"--set " + std::string(assignment), 0, 0};
  std::size_t eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    throw Error("--set needs key=value, got '" + std::string(assignment) + "'", {}, "for example --set year=2023");
  }
  // KEY+=VALUE appends to the list KEY.
  const bool append = eq > 0 && assignment[eq - 1] == '+';
  const std::string_view key_path = assignment.substr(0, append ? eq - 1 : eq);
  std::vector<Step> steps = parse_path(key_path, where);
  ConfigNode value = load_yaml_string(std::string(assignment.substr(eq + 1)), where.file);

  // Walk down, rebuilding on the way back up: ConfigNode hands out const children.
  std::vector<ConfigNode> chain{root};
  for (std::size_t s = 0; s + 1 < steps.size(); ++s) {
    const ConfigNode& here = chain.back();
    Step& step = steps[s];
    if (step.key.empty()) {
      const std::size_t i = find_item(here, step, where);
      chain.push_back(here.items()[i]);
    } else {
      if (here.is_null()) {
        chain.back() = ConfigNode::make_map(here.location(), here.path());
      } else if (!here.is_map()) {
        throw Error("--set: '" + here.path() + "' is not a map, so it has no key '" + step.key + "'", where);
      }
      const ConfigNode* child = chain.back().find(step.key);
      chain.push_back(child ? *child : ConfigNode::make_null(where, ""));
    }
  }
  Step& last = steps.back();
  if (last.by_id) find_item(chain.back(), last, where);
  if (append) {
    const ConfigNode& parent = chain.back();
    const ConfigNode* target = nullptr;
    if (last.key.empty()) {
      const std::size_t i = find_item(parent, last, where);
      target = &parent.items()[i];
    } else if (parent.is_map()) {
      target = parent.find(last.key);
    }
    ConfigNode list = target && !target->is_null() ? *target : ConfigNode::make_sequence(value.location(), "");
    if (!list.is_sequence()) {
      throw Error("--set: cannot append to '" + target->path() + "': it is " + type_word(*target) + ", not a list", where,
                  "--set " + std::string(key_path) + "=VALUE replaces it");
    }
    if (value.is_sequence()) {
      for (const auto& item : value.items()) list.append(item);
    } else {
      list.append(std::move(value));
    }
    value = std::move(list);
  }
  // Assign the value at the last step, then fold the chain back into the root.
  ConfigNode current = std::move(value);
  for (std::size_t s = steps.size(); s-- > 0;) {
    ConfigNode parent = chain[s];
    const Step& step = steps[s];
    if (step.key.empty()) {
      if (!parent.is_sequence() || static_cast<std::size_t>(step.index) >= parent.items().size()) {
        throw Error("--set: '" + parent.path() + "' has no item [" + std::to_string(step.index) + "]", where);
      }
      ConfigNode rebuilt = ConfigNode::make_sequence(parent.location(), parent.path());
      for (std::size_t i = 0; i < parent.items().size(); ++i) {
        rebuilt.append(i == static_cast<std::size_t>(step.index) ? current : parent.items()[i]);
      }
      current = std::move(rebuilt);
    } else {
      if (parent.is_null()) parent = ConfigNode::make_map(where, parent.path());
      if (!parent.is_map()) {
        throw Error("--set: '" + parent.path() + "' is not a map, so it has no key '" + step.key + "'", where);
      }
      parent.set(step.key, where, std::move(current));
      current = std::move(parent);
    }
  }
  root = std::move(current);
  root.set_path("");
}

}  // namespace povo::config
