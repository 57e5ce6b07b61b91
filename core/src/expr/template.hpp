// Report texts with placeholders (issue 6):
//   "In {year} telde het po {count(boards)} besturen; {{letterlijk}}"
// "{{" and "}}" stand for literal braces. Each placeholder is compiled with its own
// location, so errors point into the text.
#pragma once

#include "expr/expression.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace povo::expr {

struct TemplatePart {
  std::string literal;                    ///< text, with {{ and }} already unescaped
  std::optional<Expression> expression;   ///< set for a placeholder (literal is then empty)
};

/// Splits `text` into literal and placeholder parts; consecutive literal text is one
/// part. Throws ExprError for an unclosed '{', a lone '}', an empty placeholder, or any
/// error in a placeholder's expression (located within `text`).
std::vector<TemplatePart> parse_template(std::string_view text, const TextOrigin& origin = {});

/// Joins the parts, evaluating placeholders in `env` and formatting them with `format`
/// (the report stage knows units and number formats).
std::string render(std::span<const TemplatePart> parts, const Environment& env,
                   const std::function<std::string(const Value&, const Expression&)>& format);

}  // namespace povo::expr
