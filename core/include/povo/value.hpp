// One observed or computed value: a number, missing (with a reason), suppressed
// (DUO's "<5": a count from 1 to 4) or a range (a sum over suppressed cells).
#pragma once

#include <povo/export.hpp>

#include <cstdint>
#include <string>

namespace povo {

/// Why a value is not a number. Kept as a small code so that millions of
/// observations stay compact; the detail goes to the data-quality log.
enum class Reason : std::uint8_t {
  none = 0,
  not_reported,       ///< the source has no value for this entity and year
  suppressed_input,   ///< derived from a suppressed ("<5") input
  zero_denominator,   ///< a ratio whose denominator is 0
  missing_input,      ///< derived from a missing input
  invalid,            ///< the source text was not a number (reported with file:line:col)
  not_applicable,     ///< the measure does not apply (e.g. no exam candidates)
  too_few_peers,      ///< a statistic over fewer boards than the disclosure minimum
};

POVO_SDK_API const char* reason_text(Reason r) noexcept;  ///< Dutch-neutral code, e.g. "zero_denominator"

class POVO_SDK_API Value {
 public:
  enum class Kind : std::uint8_t { missing, number, suppressed, range };

  /// Default: missing, not reported.
  constexpr Value() = default;
  static constexpr Value of(double x) { return Value(Kind::number, Reason::none, x, x); }
  static constexpr Value missing(Reason why = Reason::not_reported) { return Value(Kind::missing, why, 0, 0); }
  /// DUO's "<5": a count of 1, 2, 3 or 4. Never 0 and never 5.
  static constexpr Value suppressed_count() { return Value(Kind::suppressed, Reason::none, 1, 4); }
  /// A value known only to lie in [low, high], e.g. a sum over cells that include "<5".
  static constexpr Value range(double low, double high) { return Value(Kind::range, Reason::none, low, high); }

  constexpr Kind kind() const noexcept { return kind_; }
  constexpr Reason reason() const noexcept { return reason_; }
  constexpr bool is_number() const noexcept { return kind_ == Kind::number; }
  constexpr bool is_missing() const noexcept { return kind_ == Kind::missing; }
  constexpr bool is_suppressed() const noexcept { return kind_ == Kind::suppressed; }
  constexpr bool is_range() const noexcept { return kind_ == Kind::range; }
  /// True for numbers, suppressed counts and ranges: something is known.
  constexpr bool has_bounds() const noexcept { return kind_ != Kind::missing; }
  /// The number. Only meaningful when is_number(); callers must check first.
  constexpr double number() const noexcept { return low_; }
  constexpr double low() const noexcept { return low_; }
  constexpr double high() const noexcept { return high_; }

  /// Text for CSV output and logs: "12.5", "<5", "[6;9]", "missing:zero_denominator".
  std::string str() const;

  friend constexpr bool operator==(const Value&, const Value&) = default;

 private:
  constexpr Value(Kind k, Reason r, double lo, double hi) : kind_(k), reason_(r), low_(lo), high_(hi) {}
  Kind kind_ = Kind::missing;
  Reason reason_ = Reason::not_reported;
  double low_ = 0;
  double high_ = 0;
};

/// Sum that carries suppression: number + "<5" = range; anything + missing = missing.
POVO_SDK_API Value add(const Value& a, const Value& b) noexcept;

}  // namespace povo

namespace povo {
// Arithmetic for indicators. Missing or suppressed inputs give a missing result with
// the matching reason; a zero denominator gives Reason::zero_denominator. A suppressed
// count is never used as a number.
POVO_SDK_API Value subtract(const Value& a, const Value& b) noexcept;
POVO_SDK_API Value multiply(const Value& a, const Value& b) noexcept;
POVO_SDK_API Value divide(const Value& a, const Value& b) noexcept;
/// The reason a derived value is missing when `v` is not a number.
POVO_SDK_API Reason reason_for_input(const Value& v) noexcept;
}  // namespace povo
