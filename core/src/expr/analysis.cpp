#include "expr/analysis.hpp"

#include "expr/detail.hpp"

#include <povo/config_node.hpp>

#include <algorithm>
#include <unordered_map>

namespace povo::expr {

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void walk(const Expression& expr, const Node& node, const std::vector<std::string>& names,
          const std::vector<std::string>& functions, const std::vector<std::string>& all_functions,
          std::vector<ExprError>& out) {
  const auto& text = expr.text();
  auto report = [&](std::size_t offset, std::size_t length, const std::string& message, const std::string& hint) {
    out.push_back(detail::make_error(text, expr.text_origin(), offset, length, message, hint));
  };
  if (node.kind == NodeKind::name && !contains(names, node.name)) {
    if (contains(all_functions, node.name)) {
      report(node.offset, node.name.size(), "'" + node.name + "' is a function",
             "call it, e.g. " + node.name + "(...)");
    } else {
      auto near = closest_match(node.name, names);
      report(node.offset, node.name.size(), "unknown name '" + node.name + "'",
             near ? "did you mean '" + *near + "'?" : "");
    }
  }
  if (node.kind == NodeKind::call && node.builtin == Builtin::external && !contains(functions, node.name)) {
    if (contains(names, node.name)) {
      report(node.op_offset, node.name.size(), "'" + node.name + "' is not a function", "");
    } else {
      report(node.op_offset, node.name.size(), "unknown function '" + node.name + "'",
             detail::function_hint(node.name, all_functions));
    }
  }
  for (const auto& a : node.args) walk(expr, a, names, functions, all_functions, out);
}

std::vector<ExprError> problems(const Expression& expr, const std::vector<std::string>& known_names,
                                const std::vector<std::string>& known_functions) {
  std::vector<std::string> all = builtin_functions();
  all.insert(all.end(), known_functions.begin(), known_functions.end());
  std::vector<ExprError> out;
  walk(expr, expr.root(), known_names, known_functions, all, out);
  return out;
}

}  // namespace

std::vector<Diagnostic> validate(const Expression& expr, const std::vector<std::string>& known_names,
                                 const std::vector<std::string>& known_functions) {
  std::vector<Diagnostic> out;
  for (const auto& e : problems(expr, known_names, known_functions)) out.push_back(e.diagnostic());
  return out;
}

void check(const Expression& expr, const std::vector<std::string>& known_names,
           const std::vector<std::string>& known_functions) {
  auto found = problems(expr, known_names, known_functions);
  if (!found.empty()) throw found.front();
}

std::string Cycle::str() const {
  std::string s;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i > 0) s += " \u2192 ";
    s += path[i];
  }
  return s;
}

namespace {
std::map<std::string, std::vector<std::string>> graph(const std::map<std::string, Expression>& indicators) {
  std::map<std::string, std::vector<std::string>> g;
  for (const auto& [name, expr] : indicators) {
    auto& deps = g[name];
    for (const auto& in : expr.inputs()) deps.push_back(in.name);
  }
  return g;
}

std::optional<std::size_t> name_offset(const Node& node, const std::string& name) {
  if (node.kind == NodeKind::name && node.name == name) return node.offset;
  for (const auto& a : node.args) {
    if (auto o = name_offset(a, name)) return o;
  }
  return std::nullopt;
}

// Iterative depth-first search; `order` receives nodes in post-order (dependencies first).
std::optional<Cycle> search(const std::map<std::string, std::vector<std::string>>& g, std::vector<std::string>* order) {
  enum class Mark : unsigned char { none, active, done };
  std::unordered_map<std::string, Mark> mark;
  struct Frame {
    const std::string* name;
    const std::vector<std::string>* deps;
    std::size_t next;
  };
  for (const auto& [start, start_deps] : g) {
    if (mark[start] != Mark::none) continue;
    std::vector<Frame> stack{{&start, &start_deps, 0}};
    mark[start] = Mark::active;
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next == f.deps->size()) {
        mark[*f.name] = Mark::done;
        if (order) order->push_back(*f.name);
        stack.pop_back();
        continue;
      }
      const std::string& dep = (*f.deps)[f.next++];
      auto it = g.find(dep);
      if (it == g.end()) continue;  // a measure or plugin indicator
      Mark& m = mark[dep];
      if (m == Mark::done) continue;
      if (m == Mark::active) {
        Cycle c;
        auto from = std::find_if(stack.begin(), stack.end(), [&](const Frame& fr) { return *fr.name == dep; });
        for (auto i = from; i != stack.end(); ++i) c.path.push_back(*i->name);
        c.path.push_back(dep);
        return c;
      }
      m = Mark::active;
      stack.push_back({&it->first, &it->second, 0});
    }
  }
  return std::nullopt;
}
}  // namespace

std::optional<Cycle> find_cycle(const std::map<std::string, std::vector<std::string>>& depends_on) {
  return search(depends_on, nullptr);
}

std::optional<Cycle> find_cycle(const std::map<std::string, Expression>& indicators) {
  return search(graph(indicators), nullptr);
}

std::vector<std::string> evaluation_order(const std::map<std::string, Expression>& indicators) {
  std::vector<std::string> order;
  if (auto c = search(graph(indicators), &order)) {
    const Expression& first = indicators.at(c->path.front());
    const std::string& next = c->path.size() > 1 ? c->path[1] : c->path.front();
    std::size_t offset = name_offset(first.root(), next).value_or(0);
    Diagnostic d;
    d.message = "expression indicators depend on each other: " + c->str();
    d.location = first.location(offset);
    if (!first.origin().known()) d.location = {};
    d.hint = "an indicator cannot use itself, not even for an earlier year";
    throw Error(std::move(d));
  }
  return order;
}

}  // namespace povo::expr
