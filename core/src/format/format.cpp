#include "format/format.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace povo::format {
namespace {

struct Separators {
  std::string_view thousands;
  std::string_view decimal;
};

Separators separators(Locale locale) {
  return locale == Locale::nl ? Separators{".", ","} : Separators{",", "."};
}

// Decimal rounding, half away from zero, of |value| to `decimals` places, from the
// 15-significant-digit decimal representation. Returns the digits (integer part, fraction).
struct Digits {
  bool negative = false;
  std::string integer;   // no leading zeros except "0"
  std::string fraction;  // exactly `decimals` digits
};

Digits round_decimal(double value, int decimals) {
  if (decimals < 0 || decimals > 12) throw std::invalid_argument("decimals must be 0..12");
  if (!std::isfinite(value)) throw std::invalid_argument("cannot format a non-finite number");
  Digits out;
  out.negative = std::signbit(value);
  double mag = std::fabs(value);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.14e", mag);  // d.dddddddddddddde[+-]XX
  std::string mant;
  mant.push_back(buf[0]);
  mant.append(buf + 2, buf + 16);
  int exp = std::atoi(buf + 17);
  // digits[i] has place value 10^(exp - i)
  // Build a fixed-point digit string covering from max(exp,0) down to -(decimals+1).
  int hi = std::max(exp, 0);
  int lo = -(decimals + 1);
  std::string fixed;  // place values hi..lo
  for (int p = hi; p >= lo; --p) {
    int idx = exp - p;
    fixed.push_back(idx >= 0 && idx < static_cast<int>(mant.size()) ? mant[idx] : '0');
  }
  // Round on the last digit (place -(decimals+1)); a digit beyond it cannot matter for
  // "half" because the 15-digit form is the intended decimal value.
  bool up = fixed.back() >= '5';
  fixed.pop_back();
  if (up) {
    int i = static_cast<int>(fixed.size()) - 1;
    while (i >= 0 && fixed[i] == '9') fixed[i--] = '0';
    if (i >= 0) ++fixed[i]; else fixed.insert(fixed.begin(), '1');
  }
  std::size_t int_len = fixed.size() - static_cast<std::size_t>(decimals);
  out.integer = fixed.substr(0, int_len);
  out.fraction = fixed.substr(int_len);
  std::size_t nz = out.integer.find_first_not_of('0');
  out.integer = nz == std::string::npos ? "0" : out.integer.substr(nz);
  if (out.integer == "0" && out.fraction.find_first_not_of('0') == std::string::npos)
    out.negative = false;
  return out;
}

std::string group(const std::string& integer, std::string_view sep) {
  std::string out;
  int n = static_cast<int>(integer.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += sep;
    out.push_back(integer[i]);
  }
  return out;
}

std::string unsigned_number(const Digits& d, Locale locale) {
  auto s = separators(locale);
  std::string out = group(d.integer, s.thousands);
  if (!d.fraction.empty()) {
    out += s.decimal;
    out += d.fraction;
  }
  return out;
}

std::string signed_number(const Digits& d, Locale locale) {
  std::string out = d.negative ? std::string(kMinus) : std::string();
  return out + unsigned_number(d, locale);
}

constexpr std::array<std::string_view, 12> kMonthsNl = {
    "januari", "februari", "maart",     "april",   "mei",      "juni",
    "juli",    "augustus", "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

Locale parse_locale(std::string_view name) {
  std::string_view base = name.substr(0, name.find_first_of("-_"));
  if (base == "nl" || base == "NL") return Locale::nl;
  if (base == "en" || base == "EN") return Locale::en;
  throw std::invalid_argument("unknown locale '" + std::string(name) + "' (use nl or en)");
}

std::string_view locale_name(Locale locale) { return locale == Locale::nl ? "nl" : "en"; }

std::string format_integer(std::int64_t value, Locale locale) {
  bool neg = value < 0;
  // magnitude without overflow for INT64_MIN
  std::uint64_t mag = neg ? std::uint64_t(0) - static_cast<std::uint64_t>(value)
                          : static_cast<std::uint64_t>(value);
  std::string out = neg ? std::string(kMinus) : std::string();
  return out + group(std::to_string(mag), separators(locale).thousands);
}

std::string format_integer(double value, Locale locale) {
  return signed_number(round_decimal(value, 0), locale);
}

std::string format_decimal(double value, int decimals, Locale locale) {
  return signed_number(round_decimal(value, decimals), locale);
}

std::string format_percent_points(double percent, int decimals, Locale locale) {
  return format_decimal(percent, decimals, locale) + "%";
}

std::string format_percent_of_fraction(double fraction, int decimals, Locale locale) {
  // Scale in decimal, not binary: 0.123 * 100 must be 12.3 exactly for rounding.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.14e", fraction);
  std::string s(buf);
  std::size_t e = s.find('e');
  int exp = std::atoi(s.c_str() + e + 1) + 2;
  std::snprintf(buf, sizeof buf, "%se%d", s.substr(0, e).c_str(), exp);
  return format_percent_points(std::strtod(buf, nullptr), decimals, locale);
}

std::string format_euro(double amount, int decimals, Locale locale) {
  return "€" + std::string(kNbsp) + format_decimal(amount, decimals, locale);
}

std::string format_euro_millions(double amount, int decimals, Locale locale) {
  std::string unit = locale == Locale::nl ? "mln" : "m";
  return "€" + std::string(kNbsp) + format_decimal(amount / 1e6, decimals, locale) +
         std::string(kNbsp) + unit;
}

std::string format_euro_compact(double amount, Locale locale) {
  double mag = std::fabs(amount);
  if (mag >= 999.95e6)
    return "€" + std::string(kNbsp) + format_decimal(amount / 1e9, 1, locale) +
           std::string(kNbsp) + (locale == Locale::nl ? "mld" : "bn");
  if (mag >= 999.5e3) return format_euro_millions(amount, 1, locale);
  return format_euro(amount, 0, locale);
}

std::string format_value(double value, NumberStyle style, Locale locale) {
  switch (style.kind) {
    case NumberKind::integer: return format_integer(value, locale);
    case NumberKind::decimal: return format_decimal(value, style.decimals, locale);
    case NumberKind::percent_of_fraction: return format_percent_of_fraction(value, style.decimals, locale);
    case NumberKind::percent_points: return format_percent_points(value, style.decimals, locale);
    case NumberKind::euro: return format_euro(value, style.decimals, locale);
    case NumberKind::euro_millions: return format_euro_millions(value, style.decimals, locale);
    case NumberKind::euro_compact: return format_euro_compact(value, locale);
  }
  return format_decimal(value, style.decimals, locale);
}

bool is_valid_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

std::string_view month_name(int month, Locale locale) {
  if (month < 1 || month > 12) throw std::invalid_argument("month must be 1..12");
  return locale == Locale::nl ? kMonthsNl[month - 1] : kMonthsEn[month - 1];
}

std::string format_date(int year, int month, int day, Locale locale) {
  if (!is_valid_date(year, month, day))
    throw std::invalid_argument("invalid date " + std::to_string(year) + "-" +
                                std::to_string(month) + "-" + std::to_string(day));
  return std::to_string(day) + " " + std::string(month_name(month, locale)) + " " +
         std::to_string(year);
}

Date date_from_unix_seconds(std::int64_t seconds) {
  // Howard Hinnant's civil_from_days.
  std::int64_t z = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  auto doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date parse_iso_date(std::string_view t) {
  auto bad = [&] { return std::invalid_argument("invalid date '" + std::string(t) + "' (want YYYY-MM-DD)"); };
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') throw bad();
  auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (t[i] < '0' || t[i] > '9') throw bad();
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (!is_valid_date(d.year, d.month, d.day)) throw bad();
  return d;
}

}  // namespace povo::format
