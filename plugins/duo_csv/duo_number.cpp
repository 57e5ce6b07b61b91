#include "duo_number.hpp"

#include <charconv>

namespace povo::duo_csv {

NumberResult parse_duo_number(std::string_view t, const NumberFormat& fmt) noexcept {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  if (t.empty()) return {true, Value::missing(Reason::not_reported)};
  for (const auto& s : fmt.suppressed) {
    if (t == s) return {true, Value::suppressed_count()};
  }
  for (const auto& m : fmt.missing) {
    if (t == m) return {true, Value::missing(Reason::not_reported)};
  }
  // Normalise into a small buffer: [-]digits[.digits]
  char buf[64];
  std::size_t len = 0;
  std::size_t i = 0;
  if (t[0] == '-' || t[0] == '+') {
    if (t[0] == '-') buf[len++] = '-';
    i = 1;
  }
  std::size_t int_digits = 0, group_digits = 0, frac_digits = 0;
  bool seen_thousands = false, seen_decimal = false;
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9') {
      if (len + 2 >= sizeof buf) return {};
      buf[len++] = c;
      if (seen_decimal) {
        ++frac_digits;
      } else {
        ++int_digits;
        ++group_digits;
        if (seen_thousands && group_digits > 3) return {};
      }
    } else if (c == fmt.decimal && !seen_decimal) {
      if (seen_thousands && group_digits != 3) return {};
      seen_decimal = true;
      if (int_digits == 0) buf[len++] = '0';  // ",25" -> 0.25
      buf[len++] = '.';
    } else if (fmt.thousands != 0 && c == fmt.thousands && !seen_decimal) {
      // 1.234.567: the first group has 1-3 digits, every later group exactly 3.
      if (group_digits == 0 || group_digits > 3 || (seen_thousands && group_digits != 3)) return {};
      seen_thousands = true;
      group_digits = 0;
    } else {
      return {};
    }
  }
  if (int_digits + frac_digits == 0) return {};
  if (seen_thousands && !seen_decimal && group_digits != 3) return {};
  if (seen_decimal && frac_digits == 0) return {};
  double x = 0;
  const auto r = std::from_chars(buf, buf + len, x);
  if (r.ec != std::errc() || r.ptr != buf + len) return {};
  return {true, Value::of(x == 0 ? 0.0 : x)};
}

std::string describe_number_format(const NumberFormat& fmt) {
  std::string s = "a number with a decimal ";
  s += fmt.decimal == ',' ? "comma (e.g. 12,5 or ,25)" : "dot (e.g. 12.5 or .25)";
  if (fmt.thousands != 0) {
    s += ", thousands separated by '";
    s += fmt.thousands;
    s += "'";
  }
  s += ", an empty cell";
  for (const auto& sup : fmt.suppressed) s += ", '" + sup + "'";
  for (const auto& m : fmt.missing) s += ", '" + m + "'";
  return s;
}

}  // namespace povo::duo_csv
