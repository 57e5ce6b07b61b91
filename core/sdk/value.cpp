#include <povo/value.hpp>

#include <cmath>
#include <charconv>
#include <string>

namespace povo {

const char* reason_text(Reason r) noexcept {
  switch (r) {
    case Reason::none: return "none";
    case Reason::not_reported: return "not_reported";
    case Reason::suppressed_input: return "suppressed_input";
    case Reason::zero_denominator: return "zero_denominator";
    case Reason::missing_input: return "missing_input";
    case Reason::invalid: return "invalid";
    case Reason::not_applicable: return "not_applicable";
    case Reason::too_few_peers: return "too_few_peers";
  }
  return "unknown";
}

namespace {
// The shortest text that reads back to the same double, in plain (never scientific)
// notation, so CSV output round-trips and reads like the source files: 470, 0.1.
std::string number_text(double x) {
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed);
  if (ec != std::errc()) return std::to_string(x);
  return std::string(buf, end);
}
}  // namespace

std::string Value::str() const {
  switch (kind_) {
    case Kind::number: return number_text(low_);
    case Kind::suppressed: return "<5";
    case Kind::range: return "[" + number_text(low_) + ";" + number_text(high_) + "]";
    case Kind::missing: break;
  }
  return std::string("missing:") + reason_text(reason_);
}

Reason reason_for_input(const Value& v) noexcept {
  switch (v.kind()) {
    case Value::Kind::number: return Reason::none;
    case Value::Kind::suppressed:
    case Value::Kind::range: return Reason::suppressed_input;
    case Value::Kind::missing: break;
  }
  return Reason::missing_input;
}

Value add(const Value& a, const Value& b) noexcept {
  if (a.is_missing() || b.is_missing()) {
    return Value::missing(a.is_missing() ? reason_for_input(a) : reason_for_input(b));
  }
  if (a.is_number() && b.is_number()) return Value::of(a.number() + b.number());
  return Value::range(a.low() + b.low(), a.high() + b.high());
}

namespace {
// Binary operations other than addition are not carried through suppression: the
// result is missing with the reason of the first non-number input.
bool both_numbers(const Value& a, const Value& b, Value& out) noexcept {
  if (!a.is_number()) {
    out = Value::missing(reason_for_input(a));
    return false;
  }
  if (!b.is_number()) {
    out = Value::missing(reason_for_input(b));
    return false;
  }
  return true;
}
}  // namespace

Value subtract(const Value& a, const Value& b) noexcept {
  Value out;
  if (!both_numbers(a, b, out)) return out;
  return Value::of(a.number() - b.number());
}

Value multiply(const Value& a, const Value& b) noexcept {
  Value out;
  if (!both_numbers(a, b, out)) return out;
  return Value::of(a.number() * b.number());
}

Value divide(const Value& a, const Value& b) noexcept {
  Value out;
  if (!both_numbers(a, b, out)) return out;
  if (b.number() == 0.0) return Value::missing(Reason::zero_denominator);
  double q = a.number() / b.number();
  if (!std::isfinite(q)) return Value::missing(Reason::invalid);
  return Value::of(q);
}

}  // namespace povo
