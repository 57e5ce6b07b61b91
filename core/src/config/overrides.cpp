#include "config/overrides.hpp"

#include "config/yaml_loader.hpp"

#include <string>
#include <vector>

namespace povo::config {
namespace {

struct Step {
  std::string key;   // map key, or empty for an index
  long index = -1;   // list index
};

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
      std::string digits(path.substr(i + 1, close - i - 1));
      if (digits.find_first_not_of("0123456789") != std::string::npos) throw fail("list index must be a number");
      if (digits.size() > 9) throw fail("list index is too large");  // std::stol would throw out_of_range
      steps.push_back(Step{"", std::stol(digits)});
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
      continue;
    }
    std::size_t end = path.find_first_of(".[", i);
    if (end == std::string_view::npos) end = path.size();
    if (end == i) throw fail("empty key");
    steps.push_back(Step{std::string(path.substr(i, end - i)), -1});
    i = end;
    if (i < path.size() && path[i] == '.') {
      ++i;
      if (i == path.size()) throw fail("ends with '.'");
    }
  }
  if (steps.empty()) throw fail("empty key");
  return steps;
}

}  // namespace

void apply_override(ConfigNode& root, std::string_view assignment) {
  const SourceLocation where{"--set " + std::string(assignment), 0, 0};
  std::size_t eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    throw Error("--set needs key=value, got '" + std::string(assignment) + "'", {}, "for example --set year=2023");
  }
  std::vector<Step> steps = parse_path(assignment.substr(0, eq), where);
  ConfigNode value = load_yaml_string(std::string(assignment.substr(eq + 1)), where.file);

  // Walk down, rebuilding on the way back up: ConfigNode hands out const children.
  std::vector<ConfigNode> chain{root};
  for (std::size_t s = 0; s + 1 < steps.size(); ++s) {
    const ConfigNode& here = chain.back();
    const Step& step = steps[s];
    if (step.index >= 0) {
      if (!here.is_sequence() || static_cast<std::size_t>(step.index) >= here.items().size()) {
        throw Error("--set: '" + here.path() + "' has no item [" + std::to_string(step.index) + "]", where);
      }
      chain.push_back(here.items()[static_cast<std::size_t>(step.index)]);
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
  // Assign the value at the last step, then fold the chain back into the root.
  ConfigNode current = std::move(value);
  for (std::size_t s = steps.size(); s-- > 0;) {
    ConfigNode parent = chain[s];
    const Step& step = steps[s];
    if (step.index >= 0) {
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
