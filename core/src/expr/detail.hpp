// Internals shared by the expression sources; not for use outside core/src/expr.
#pragma once

#include "expr/expression.hpp"

namespace povo::expr {

struct Expression::Impl {
  std::string text;
  TextOrigin origin;
  Node root;
  std::vector<Input> inputs;
  std::vector<std::string> functions;
};

namespace detail {
/// "'<text>'" for messages; long text is cut to a window around `offset`, newlines shown as spaces.
std::string quote(std::string_view text, std::size_t offset);
ExprError make_error(std::string_view text, const TextOrigin& origin, std::size_t offset,
                     std::size_t length, const std::string& message, const std::string& hint);
/// A "did you mean" hint for an unknown function, from candidates and common synonyms.
std::string function_hint(std::string_view word, const std::vector<std::string>& candidates);
}  // namespace detail

}  // namespace povo::expr
