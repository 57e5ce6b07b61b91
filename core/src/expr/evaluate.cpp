// Evaluation of a compiled expression over povo::Value.
#include "expr/detail.hpp"

#include <algorithm>
#include <cmath>

namespace povo::expr {

Environment::~Environment() = default;

std::optional<Value> Environment::call(std::string_view, std::span<const Argument>, int) const { return std::nullopt; }

std::string_view Argument::text() const noexcept {
  return std::string_view(expr_->text()).substr(node_->offset, node_->length);
}

std::optional<std::string_view> Argument::name() const noexcept {
  if (node_->kind == NodeKind::name && node_->years_back == 0) return std::string_view(node_->name);
  return std::nullopt;
}

Value Argument::evaluate(const Environment& env, int years_back) const { return expr_->evaluate(*node_, env, years_back); }

SourceLocation Argument::location() const { return expr_->location(node_->offset); }

void Argument::fail(const std::string& message, const std::string& hint) const {
  throw expr_->error(node_->offset, std::max<std::size_t>(node_->length, 1), message, hint);
}

namespace {

enum class Truth { no, yes, unknown };

Value finite(Value v) {
  if (v.is_number() && !std::isfinite(v.number())) return Value::missing(Reason::invalid);
  return v;
}

Value boolean(bool b) { return Value::of(b ? 1.0 : 0.0); }

// Truth of a value: non-zero is true. A suppressed count (1..4) is true; a range is
// decided when it excludes 0 or is exactly 0.
Truth truth(const Value& v) {
  if (v.is_missing()) return Truth::unknown;
  if (v.low() > 0 || v.high() < 0) return Truth::yes;
  if (v.low() == 0 && v.high() == 0) return Truth::no;
  return Truth::unknown;
}

// A comparison over bounds: decided when the intervals [low, high] decide it.
Value compare(Op op, const Value& a, const Value& b) {
  if (!a.has_bounds()) return Value::missing(reason_for_input(a));
  if (!b.has_bounds()) return Value::missing(reason_for_input(b));
  Truth t = Truth::unknown;
  auto decide = [&](bool sure_yes, bool sure_no) { t = sure_yes ? Truth::yes : sure_no ? Truth::no : Truth::unknown; };
  switch (op) {
    case Op::lt: decide(a.high() < b.low(), a.low() >= b.high()); break;
    case Op::le: decide(a.high() <= b.low(), a.low() > b.high()); break;
    case Op::gt: decide(a.low() > b.high(), a.high() <= b.low()); break;
    case Op::ge: decide(a.low() >= b.high(), a.high() < b.low()); break;
    case Op::eq:
      decide(a.low() == a.high() && b.low() == b.high() && a.low() == b.low(), a.high() < b.low() || b.high() < a.low());
      break;
    case Op::ne:
      decide(a.high() < b.low() || b.high() < a.low(), a.low() == a.high() && b.low() == b.high() && a.low() == b.low());
      break;
    default: break;
  }
  if (t == Truth::unknown) return Value::missing(Reason::suppressed_input);
  return boolean(t == Truth::yes);
}

Value not_number(const Value& v) { return Value::missing(reason_for_input(v)); }

class Evaluator {
 public:
  Evaluator(const Expression& expr, const Environment& env) : expr_(expr), env_(env) {}

  Value eval(const Node& node, int yb) const {
    switch (node.kind) {
      case NodeKind::number: return Value::of(node.number);
      case NodeKind::name: return env_.variable(node.name, node.input, yb + node.years_back);
      case NodeKind::unary: {
        Value v = eval(node.args[0], yb);
        if (node.op == Op::neg) return v.is_number() ? Value::of(-v.number()) : not_number(v);
        switch (truth(v)) {
          case Truth::yes: return boolean(false);
          case Truth::no: return boolean(true);
          case Truth::unknown: break;
        }
        return v.is_missing() ? not_number(v) : Value::missing(Reason::suppressed_input);
      }
      case NodeKind::binary: return binary(node, yb);
      case NodeKind::call: return call(node, yb);
    }
    return Value::missing(Reason::invalid);
  }

 private:
  Value binary(const Node& node, int yb) const {
    if (node.op == Op::and_ || node.op == Op::or_) {
      // Three-valued: false and x = false, true or x = true, without evaluating x.
      const bool is_and = node.op == Op::and_;
      Value a = eval(node.args[0], yb);
      Truth ta = truth(a);
      if (ta == (is_and ? Truth::no : Truth::yes)) return boolean(!is_and);
      Value b = eval(node.args[1], yb);
      Truth tb = truth(b);
      if (tb == (is_and ? Truth::no : Truth::yes)) return boolean(!is_and);
      if (ta != Truth::unknown && tb != Truth::unknown) return boolean(is_and);
      const Value& unknown = ta == Truth::unknown ? a : b;
      return unknown.is_missing() ? not_number(unknown) : Value::missing(Reason::suppressed_input);
    }
    Value a = eval(node.args[0], yb);
    Value b = eval(node.args[1], yb);
    switch (node.op) {
      case Op::add: return finite(add(a, b));
      case Op::sub: return finite(subtract(a, b));
      case Op::mul: return finite(multiply(a, b));
      case Op::div: return finite(divide(a, b));
      default: return compare(node.op, a, b);
    }
  }

  Value call(const Node& node, int yb) const {
    const auto& args = node.args;
    switch (node.builtin) {
      case Builtin::min:
      case Builtin::max: {
        Value best;
        for (std::size_t i = 0; i < args.size(); ++i) {
          Value v = eval(args[i], yb);
          if (!v.is_number()) return not_number(v);
          if (i == 0 || (node.builtin == Builtin::min ? v.number() < best.number() : v.number() > best.number())) {
            best = v;
          }
        }
        return best;
      }
      case Builtin::abs: {
        Value v = eval(args[0], yb);
        return v.is_number() ? Value::of(std::fabs(v.number())) : not_number(v);
      }
      case Builtin::prev: return eval(args[0], yb + 1);
      case Builtin::lag: return eval(args[0], yb + node.years_back);
      case Builtin::sum_years:
      case Builtin::avg_years: {
        Value sum = eval(args[0], yb);
        for (int k = 1; k < node.years_back; ++k) sum = add(sum, eval(args[0], yb + k));
        if (node.builtin == Builtin::avg_years) sum = divide(sum, Value::of(node.years_back));
        return finite(sum);
      }
      case Builtin::if_: {
        Value c = eval(args[0], yb);
        switch (truth(c)) {
          case Truth::yes: return eval(args[1], yb);
          case Truth::no: return eval(args[2], yb);
          case Truth::unknown: break;
        }
        return c.is_missing() ? not_number(c) : Value::missing(Reason::suppressed_input);
      }
      case Builtin::external: break;
    }
    std::vector<Argument> list;
    list.reserve(args.size());
    for (const auto& a : args) list.emplace_back(a, expr_);
    if (auto v = env_.call(node.name, list, yb)) return *v;
    throw expr_.error(node.op_offset, node.name.size(), "unknown function '" + node.name + "'",
                      detail::function_hint(node.name, builtin_functions()));
  }

  const Expression& expr_;
  const Environment& env_;
};

}  // namespace

Value Expression::evaluate(const Environment& env, int years_back) const { return evaluate(root(), env, years_back); }

Value Expression::evaluate(const Node& node, const Environment& env, int years_back) const {
  return Evaluator(*this, env).eval(node, years_back);
}

}  // namespace povo::expr
