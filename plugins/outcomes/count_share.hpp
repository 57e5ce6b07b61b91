// The share of a count in another count (passed / candidates, 1F / tested pupils,
// repeaters / pupils), aware of DUO's suppression. Shared by the outcomes and pupils
// plugins (pupils adds this folder to its include path).
//
// Rules (docs/indicators.md, "Suppressed counts"):
//  * a missing input gives missing(missing_input);
//  * a bare "<5" numerator or denominator gives missing(suppressed_input): a count of
//    1-4 is never used as a number, and a share of at most 4 is not published anyway;
//  * two numbers: a zero denominator (with a zero numerator) gives missing(zero_reason);
//    a numerator above the denominator, a negative or a non-finite count gives
//    missing(invalid);
//  * a range (a board sum over cells that include "<5") in either place gives the
//    range of every ratio the true counts allow, [num.low / den.high,
//    min(1, num.high / den.low)], because the numerator never exceeds the denominator
//    in any cell. When that range is wider than max_range_width, or the denominator
//    may be 0, the result is missing(suppressed_input) instead: too vague to show.
#pragma once

#include <povo/value.hpp>

#include <algorithm>
#include <cmath>

namespace povo::outcomes {

inline Value count_share(const Value& num, const Value& den, double max_range_width, Reason zero_reason) noexcept {
  if (num.is_missing() || den.is_missing()) {
    return Value::missing(reason_for_input(num.is_missing() ? num : den));
  }
  if (num.is_suppressed() || den.is_suppressed()) return Value::missing(Reason::suppressed_input);
  for (double x : {num.low(), num.high(), den.low(), den.high()}) {
    if (!std::isfinite(x) || x < 0) return Value::missing(Reason::invalid);
  }
  if (num.low() > num.high() || den.low() > den.high()) return Value::missing(Reason::invalid);
  if (num.is_number() && den.is_number()) {
    if (den.number() == 0) return Value::missing(num.number() == 0 ? zero_reason : Reason::invalid);
    if (num.number() > den.number()) return Value::missing(Reason::invalid);
    return Value::of(num.number() / den.number());
  }
  // At least one range.
  if (num.low() > den.high()) return Value::missing(Reason::invalid);  // more passed than candidates
  if (den.low() <= 0) return Value::missing(Reason::suppressed_input);
  double low = num.low() / den.high();
  double high = std::min(1.0, num.high() / den.low());
  if (!std::isfinite(low) || !std::isfinite(high) || low > high) return Value::missing(Reason::invalid);
  if (high - low > max_range_width) return Value::missing(Reason::suppressed_input);
  return Value::range(low, high);
}

}  // namespace povo::outcomes
