// Option specs, their checking, and "did you mean" suggestions.
#include <povo/config_node.hpp>

#include <algorithm>
#include <numeric>

namespace povo {

// Optimal string alignment distance: Levenshtein plus the swap of two neighbouring
// characters as one edit, the most common typo ("fiel" for "file", "yaer" for "year").
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), row(b.size() + 1), next(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    next[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) next[j] = std::min(next[j], before[j - 2] + 1);
    }
    std::swap(before, row);
    std::swap(row, next);
  }
  return row[b.size()];
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Allow roughly one typo per three characters, as Ninja's spell checker does.
  std::size_t best = std::max<std::size_t>(1, word.size() / 3) + 1;
  std::optional<std::string> match;
  for (const auto& c : candidates) {
    // The distance is at least the difference in length: skip hopeless (e.g. 10 MB) candidates.
    if ((word.size() > c.size() ? word.size() - c.size() : c.size() - word.size()) >= best) continue;
    std::size_t d = edit_distance(word, c);
    if (d < best) {
      best = d;
      match = c;
    }
  }
  return match;
}

namespace {
OptionSpec make(std::string name, OptionSpec::Type t, std::string description, bool required) {
  OptionSpec s;
  s.name = std::move(name);
  s.type = t;
  s.description = std::move(description);
  s.required = required;
  return s;
}
}  // namespace

OptionSpec OptionSpec::string(std::string n, std::string d, bool r) { return make(std::move(n), Type::string, std::move(d), r); }
OptionSpec OptionSpec::number(std::string n, std::string d, bool r) { return make(std::move(n), Type::number, std::move(d), r); }
OptionSpec OptionSpec::integer(std::string n, std::string d, bool r) { return make(std::move(n), Type::integer, std::move(d), r); }
OptionSpec OptionSpec::boolean(std::string n, std::string d) { return make(std::move(n), Type::boolean, std::move(d), false); }
OptionSpec OptionSpec::strings(std::string n, std::string d, bool r) { return make(std::move(n), Type::string_list, std::move(d), r); }
OptionSpec OptionSpec::one_of(std::string n, std::vector<std::string> choices, std::string d, bool r) {
  OptionSpec s = make(std::move(n), Type::string, std::move(d), r);
  s.choices = std::move(choices);
  return s;
}
OptionSpec OptionSpec::map(std::string n, std::vector<OptionSpec> keys, std::string d, bool r) {
  OptionSpec s = make(std::move(n), Type::map, std::move(d), r);
  s.children = std::move(keys);
  return s;
}
OptionSpec OptionSpec::free_map(std::string n, std::string d, bool r) {
  OptionSpec s = make(std::move(n), Type::map, std::move(d), r);
  s.open_keys = true;
  return s;
}
OptionSpec OptionSpec::list_of(std::string n, std::vector<OptionSpec> item_keys, std::string d, bool r) {
  OptionSpec s = make(std::move(n), Type::list, std::move(d), r);
  s.children = std::move(item_keys);
  return s;
}
OptionSpec OptionSpec::anything(std::string n, std::string d, bool r) { return make(std::move(n), Type::any, std::move(d), r); }

OptionSpec OptionSpec::with_default(std::string text) const {
  OptionSpec s = *this;
  s.default_value = std::move(text);
  return s;
}

OptionSpec OptionSpec::with_example(std::string yaml) const {
  OptionSpec s = *this;
  s.example = std::move(yaml);
  return s;
}

namespace {

Diagnostic located(const ConfigNode& node, std::string message, std::string hint = {}) {
  Diagnostic d;
  d.message = std::move(message);
  d.location = node.location();
  d.key_path = node.path();
  d.hint = std::move(hint);
  return d;
}

void check_map(const ConfigNode& node, const std::vector<OptionSpec>& specs, std::vector<Diagnostic>& out);

void check_value(const ConfigNode& v, const OptionSpec& spec, std::vector<Diagnostic>& out) {
  using T = OptionSpec::Type;
  try {
    switch (spec.type) {
      case T::any: return;
      case T::string:
        v.as_string();
        if (!spec.choices.empty() &&
            std::find(spec.choices.begin(), spec.choices.end(), v.scalar()) == spec.choices.end()) {
          std::string all;
          for (const auto& c : spec.choices) all += (all.empty() ? "" : ", ") + c;
          auto near = closest_match(v.scalar(), spec.choices);
          out.push_back(located(v, "'" + v.scalar() + "' is not one of: " + all,
                                near ? "did you mean '" + *near + "'?" : std::string()));
        }
        return;
      case T::number: v.as_number(); return;
      case T::integer: v.as_integer(); return;
      case T::boolean: v.as_bool(); return;
      case T::string_list: v.as_string_list(); return;
      case T::map:
        if (!v.is_map()) {
          out.push_back(located(v, "expected a map of keys for '" + spec.name + "'"));
        } else if (!spec.open_keys) {
          check_map(v, spec.children, out);
        }
        return;
      case T::list:
        if (!v.is_sequence()) {
          out.push_back(located(v, "expected a list for '" + spec.name + "'", "start each item with '- '"));
          return;
        }
        for (const auto& item : v.items()) {
          if (!spec.children.empty()) check_map(item, spec.children, out);
        }
        return;
    }
  } catch (const Error& e) {
    out.push_back(e.diagnostic());
  }
}

void check_map(const ConfigNode& node, const std::vector<OptionSpec>& specs, std::vector<Diagnostic>& out) {
  if (!node.is_map()) {
    out.push_back(located(node, "expected a map of keys"));
    return;
  }
  std::vector<std::string> names;
  for (const auto& s : specs) names.push_back(s.name);
  std::vector<std::string> suggested;  // a misspelt key is not also reported as missing
  for (const auto& e : node.entries()) {
    auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == e.key; });
    if (spec == specs.end()) {
      Diagnostic d;
      d.message = "unknown key '" + e.key + "'";
      d.location = e.key_location;
      d.key_path = e.value.path();
      if (auto near = closest_match(e.key, names)) {
        d.hint = "did you mean '" + *near + "'?";
        suggested.push_back(*near);
      } else {
        std::string all;
        for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
        d.hint = all.empty() ? "no keys are allowed here" : "allowed keys: " + all;
      }
      out.push_back(std::move(d));
      continue;
    }
    check_value(e.value, *spec, out);
  }
  for (const auto& s : specs) {
    if (s.required && !node.find(s.name) && std::find(suggested.begin(), suggested.end(), s.name) == suggested.end()) {
      out.push_back(located(node, "missing required key '" + s.name + "'",
                            s.description.empty() ? std::string() : s.name + ": " + s.description));
    }
  }
}

}  // namespace

std::vector<Diagnostic> check_options(const ConfigNode& node, const std::vector<OptionSpec>& specs) {
  std::vector<Diagnostic> out;
  if (node.is_null()) {
    for (const auto& s : specs) {
      if (s.required) out.push_back(located(node, "missing required key '" + s.name + "'"));
    }
    return out;
  }
  check_map(node, specs, out);
  return out;
}

}  // namespace povo
