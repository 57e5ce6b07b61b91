// Checks over compiled expressions: unknown names and functions, and cycles between
// expression indicators.
#pragma once

#include "expr/expression.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace povo::expr {

/// Every unknown name and unknown function in `expr`, located at the offending token,
/// with a "did you mean" hint (povo::closest_match over the known names, or over the
/// built-ins plus `known_functions` and some common synonyms such as "average").
/// A known function used without parentheses, or a known name called as a function,
/// is reported as such.
std::vector<Diagnostic> validate(const Expression& expr, const std::vector<std::string>& known_names,
                                 const std::vector<std::string>& known_functions = {});

/// Like validate(), but throws the first problem as an ExprError.
void check(const Expression& expr, const std::vector<std::string>& known_names,
           const std::vector<std::string>& known_functions = {});

/// A dependency cycle, e.g. {"a", "b", "a"}.
struct Cycle {
  std::vector<std::string> path;  ///< first == last
  /// "a → b → a"
  std::string str() const;
};

/// Finds a cycle in a dependency graph (name → names it reads). Names that are not keys
/// (measures, plugin indicators) are leaves. Any reference counts, whatever its year
/// offset: `a = prev(a) + x` is a cycle. Deterministic: the first cycle in key order.
std::optional<Cycle> find_cycle(const std::map<std::string, std::vector<std::string>>& depends_on);
/// The same over expression indicators: edges are Expression::inputs().
std::optional<Cycle> find_cycle(const std::map<std::string, Expression>& indicators);

/// The keys in an order where every indicator comes after those it reads. Throws
/// povo::Error "expression indicators depend on each other: a → b → a" (located at the
/// first indicator's expression when known) if there is a cycle.
std::vector<std::string> evaluation_order(const std::map<std::string, Expression>& indicators);

}  // namespace povo::expr
