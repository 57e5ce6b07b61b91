// The syntax tree of an expression: what compile() produces and evaluate() walks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace povo::expr {

enum class NodeKind : std::uint8_t {
  number,  ///< a literal: `0.30`, `12`, `1e6`
  name,    ///< a measure or indicator: `eigen_vermogen`, `eigen_vermogen[-1]`
  unary,   ///< `-x`, `not x`
  binary,  ///< `a + b`, `a < b`, `a and b`, ...
  call,    ///< `min(a, b)`, `share(boards, x < 0.3)`
};

enum class Op : std::uint8_t {
  none,
  neg, not_,                 // unary
  add, sub, mul, div,        // arithmetic
  lt, le, gt, ge, eq, ne,    // comparisons (not chainable)
  and_, or_,                 // three-valued logic
};

/// Functions the language itself knows. Any other call is `external` and resolved by
/// the Environment at evaluation time (aggregates such as count, share, median).
enum class Builtin : std::uint8_t { external, min, max, abs, prev, lag, sum_years, avg_years, if_ };

/// Text of an operator as written, e.g. "<=" or "and".
const char* op_text(Op op) noexcept;
/// Name of a built-in function, e.g. "avg_years"; "" for external.
const char* builtin_name(Builtin b) noexcept;

struct Node {
  NodeKind kind = NodeKind::number;
  Op op = Op::none;                      ///< unary and binary
  Builtin builtin = Builtin::external;   ///< call
  int years_back = 0;  ///< name: n of `x[-n]`; lag/sum_years/avg_years: their literal year count
  std::uint32_t height = 1;              ///< 1 for a leaf; bounded by the parser
  double number = 0;                     ///< number
  std::string name;                      ///< name, or the function of a call
  std::size_t input = 0;                 ///< name: index into Expression::inputs()
  std::size_t offset = 0;                ///< start of this subexpression in the text (0-based bytes)
  std::size_t length = 0;                ///< its length in the text (calls: through the ')')
  std::size_t op_offset = 0;             ///< unary/binary: the operator; call: the function name
  std::vector<Node> args;                ///< operands or call arguments, in order
};

}  // namespace povo::expr
