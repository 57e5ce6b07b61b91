// The expression language of expression indicators (issue 4) and report texts (issue 6).
//
//   expr    := or
//   or      := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | cmp
//   cmp     := sum (('<'|'<='|'>'|'>='|'=='|'!=') sum)?      -- a < b < c is an error
//   sum     := product (('+'|'-') product)*
//   product := unary (('*'|'/') unary)*
//   unary   := '-' unary | primary
//   primary := number | name ('[' '-'? integer ']')? | name '(' (expr (',' expr)*)? ')' | '(' expr ')'
//   number  := digits ('.' digits)? (('e'|'E') ('+'|'-')? digits)?      -- finite doubles only
//   name    := [a-z_][a-z0-9_]*   (except the keywords and, or, not)
//
// Built-in functions: min(a, ...), max(a, ...), abs(x), if(cond, a, b), prev(x) (= x one
// year earlier; works on any subexpression), lag(x, n) (n years earlier; n a literal
// 0..50), x[-n] (same as lag(x, n), names only), sum_years(x, n) and avg_years(x, n)
// (over this year and the n-1 years before; n a literal 1..50). Any other function is
// resolved by Environment::call, which gets its arguments unevaluated.
//
// Values: arithmetic uses povo::add/subtract/multiply/divide, so missing and suppressed
// inputs propagate with their reason and x / 0 is missing(zero_denominator); a
// non-finite result is missing(invalid). Comparisons give 1 or 0; they use the bounds of
// suppressed values and ranges when those decide ("<5" < 10 is 1), else they are
// missing(suppressed_input). 'and', 'or', 'not' and if() treat non-zero as true and use
// three-valued logic: false and missing = 0, true or missing = 1. min/max/abs of a
// non-number are missing with povo::reason_for_input.
#pragma once

#include "expr/ast.hpp"

#include <povo/diagnostics.hpp>
#include <povo/value.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace povo::expr {

/// Limits that keep pathological input from overflowing the stack.
inline constexpr int max_nesting = 100;          ///< parentheses, unary operators, call arguments
inline constexpr std::uint32_t max_height = 1000;  ///< depth of the tree, e.g. a + a + ... + a
inline constexpr int max_years_back = 50;        ///< n in lag, x[-n], sum_years, avg_years

/// A located error in an expression. Its diagnostic's location is the offending token:
/// column = origin column + offset (for multi-line text: line and column within it).
class ExprError : public povo::Error {
 public:
  ExprError(Diagnostic d, std::string text, std::size_t offset, std::size_t length);
  std::size_t offset() const noexcept { return offset_; }  ///< 0-based, into text()
  std::size_t length() const noexcept { return length_; }
  const std::string& text() const noexcept { return text_; }  ///< the whole expression
  /// Two lines: the expression (the line holding the error) and a caret under it:
  ///   avrage(x, 3)
  ///   ^~~~~~
  std::string excerpt() const;

 private:
  std::string text_;
  std::size_t offset_;
  std::size_t length_;
};

/// An identifier an expression reads, and how far back in time it reads it.
struct Input {
  std::string name;
  int max_years_back = 0;  ///< e.g. 2 for sum_years(x, 3) or prev(prev(x))
};

/// Where a text came from: the location of its first byte and, when known, an exact map
/// from byte offsets to file locations. A YAML block scalar (`text: >-`) folds lines and
/// strips indentation, so "start column + offset" would point at the wrong character.
struct TextOrigin {
  SourceLocation start;
  std::function<SourceLocation(std::size_t offset)> exact;  ///< empty: derived from `start`

  TextOrigin() = default;
  TextOrigin(SourceLocation s) : start(std::move(s)) {}  // NOLINT: a plain location is an origin
  TextOrigin(SourceLocation s, std::function<SourceLocation(std::size_t)> map)
      : start(std::move(s)), exact(std::move(map)) {}
  /// The location of byte `offset` of `text`.
  SourceLocation at(std::string_view text, std::size_t offset) const;
  /// The origin of the part of `text` that starts at byte `offset`.
  TextOrigin from(std::string_view text, std::size_t offset) const;
};

class Expression;
class Environment;

/// An argument of an external function, unevaluated, so an aggregate such as
/// share(boards, solvabiliteit_2 < 0.30) can evaluate the condition once per board.
class Argument {
 public:
  Argument(const Node& node, const Expression& expr) : node_(&node), expr_(&expr) {}
  const Node& node() const noexcept { return *node_; }
  const Expression& expression() const noexcept { return *expr_; }
  /// The argument's source text, e.g. "solvabiliteit_2 < 0.30".
  std::string_view text() const noexcept;
  /// The name if the argument is a bare name such as `boards`.
  std::optional<std::string_view> name() const noexcept;
  /// Evaluates the argument in `env` (e.g. one board's environment).
  Value evaluate(const Environment& env, int years_back = 0) const;
  SourceLocation location() const;
  /// Throws an ExprError located at this argument.
  [[noreturn]] void fail(const std::string& message, const std::string& hint = {}) const;

 private:
  const Node* node_;
  const Expression* expr_;
};

/// Where an expression gets its values. Implemented by the core (indicators) and the
/// report stage (aggregates over boards).
class Environment {
 public:
  virtual ~Environment();
  /// The value of `name`, `years_back` years before the current year. `input` is the
  /// index of the name in Expression::inputs(), for a fast lookup.
  virtual Value variable(std::string_view name, std::size_t input, int years_back) const = 0;
  /// A function that is not built in. Return std::nullopt if unknown (evaluation then
  /// throws an ExprError at the call). `years_back` is non-zero inside prev()/lag().
  virtual std::optional<Value> call(std::string_view function, std::span<const Argument> args,
                                    int years_back) const;
};

/// A compiled expression. Cheap to copy (shares the immutable tree); thread-safe to evaluate.
class Expression {
 public:
  const std::string& text() const noexcept;
  const SourceLocation& origin() const noexcept;
  const TextOrigin& text_origin() const noexcept;
  const Node& root() const noexcept;
  /// Distinct names in order of first use, with the furthest year each needs.
  const std::vector<Input>& inputs() const noexcept;
  /// Distinct external (not built-in) functions called, in order of first use.
  const std::vector<std::string>& functions() const noexcept;

  Value evaluate(const Environment& env, int years_back = 0) const;
  /// Evaluates a node of this expression (e.g. an Argument's) in `env`.
  Value evaluate(const Node& node, const Environment& env, int years_back = 0) const;

  /// The location of a byte offset of text().
  SourceLocation location(std::size_t offset) const;
  /// An ExprError at [offset, offset + length) of text(): "<message> in '<text>'".
  ExprError error(std::size_t offset, std::size_t length, const std::string& message,
                  const std::string& hint = {}) const;

  struct Impl;

 private:
  friend Expression compile(std::string_view, const TextOrigin&);
  explicit Expression(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

/// Parses `text`. `origin` is where the text starts (file, line, column of its first
/// character). Throws ExprError for syntax errors, wrong built-in arity, bad year counts,
/// out-of-range numbers and nesting beyond the limits. Unknown names and functions are
/// not errors here: check them with validate() (expr/analysis.hpp).
Expression compile(std::string_view text, const TextOrigin& origin = {});

/// The built-in function names, sorted.
const std::vector<std::string>& builtin_functions();

/// The location of byte `offset` of `text`, which starts at `origin`. Lines after the
/// first count columns from 1 (the indentation of a YAML block scalar is not known).
SourceLocation locate(const SourceLocation& origin, std::string_view text, std::size_t offset);

}  // namespace povo::expr
