#pragma once
// Dutch (default) and English formatting of numbers, money, percentages and dates, in one
// place. All functions return UTF-8.
//
// Conventions (decided here, used everywhere):
// * Rounding is half away from zero on the *decimal* value as written with 15 significant
//   digits, so 2.675 -> "2,68" and -0.5 -> "−1" (not binary-float artefacts).
// * Negative numbers use the real minus sign U+2212 ("−1.234"), never a hyphen. A value
//   that rounds to zero has no sign.
// * Between "€" and the amount, and between a number and "mln"/"mld"/"m"/"bn", there is a
//   NO-BREAK SPACE (U+00A0) so a line never breaks inside an amount. The PDF renderer draws
//   U+00A0 as an ordinary space, so pdftotext gives back "€ 1.234".
// * Percent functions say in their name what they take: format_percent_of_fraction(0.123)
//   and format_percent_points(12.3) both give "12,3%" (no space before %, as in Dutch
//   journalism and the CBS style; en gives "12.3%").
#include <cstdint>
#include <string>
#include <string_view>

namespace povo::format {

enum class Locale { nl, en };

/// "nl", "nl-NL", "nl_NL" -> nl; "en", "en-GB", "en_US" -> en. Throws std::invalid_argument.
Locale parse_locale(std::string_view name);
std::string_view locale_name(Locale locale);

inline constexpr std::string_view kMinus = "\xE2\x88\x92";   // U+2212
inline constexpr std::string_view kNbsp = "\xC2\xA0";        // U+00A0

/// 1234567 -> "1.234.567" (nl) / "1,234,567" (en).
std::string format_integer(std::int64_t value, Locale locale = Locale::nl);
/// Rounds to an integer first: 1234.5 -> "1.235".
std::string format_integer(double value, Locale locale = Locale::nl);
/// 0.73, 2 -> "0,73"; 1234.5, 1 -> "1.234,5" (thousands are grouped).
std::string format_decimal(double value, int decimals, Locale locale = Locale::nl);
/// 0.123, 1 -> "12,3%".
std::string format_percent_of_fraction(double fraction, int decimals = 1, Locale locale = Locale::nl);
/// 12.3, 1 -> "12,3%".
std::string format_percent_points(double percent, int decimals = 1, Locale locale = Locale::nl);
/// 1234.5 -> "€ 1.235"; 1234.5, 2 -> "€ 1.234,50"; -5 -> "€ −5".
std::string format_euro(double amount, int decimals = 0, Locale locale = Locale::nl);
/// 1.2e6 -> "€ 1,2 mln" (nl) / "€ 1.2 m" (en).
std::string format_euro_millions(double amount, int decimals = 1, Locale locale = Locale::nl);
/// Picks the unit: >= 1e9 "€ 1,2 mld"/"€ 1.2 bn", >= 1e6 millions, else whole euros.
std::string format_euro_compact(double amount, Locale locale = Locale::nl);

/// How a value is shown, shared by tables and chart axes.
enum class NumberKind : std::uint8_t {
  integer,             // 1.234.567
  decimal,             // 0,73
  percent_of_fraction, // 0.123 -> 12,3%
  percent_points,      // 12.3 -> 12,3%
  euro,                // € 1.235
  euro_millions,       // € 1,2 mln
  euro_compact,        // € 845.000 / € 1,2 mln / € 2,5 mld
};
struct NumberStyle {
  NumberKind kind = NumberKind::decimal;
  int decimals = 1;
};
std::string format_value(double value, NumberStyle style, Locale locale = Locale::nl);

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend bool operator==(const Date&, const Date&) = default;
};
/// UTC calendar date of a Unix time (seconds), e.g. for SOURCE_DATE_EPOCH.
Date date_from_unix_seconds(std::int64_t seconds);
/// "YYYY-MM-DD" -> Date. Throws std::invalid_argument on a malformed or impossible date.
Date parse_iso_date(std::string_view text);
bool is_valid_date(int year, int month, int day);
/// 2026, 11, 23 -> "23 november 2026" (nl) / "23 November 2026" (en). Throws on invalid.
std::string format_date(int year, int month, int day, Locale locale = Locale::nl);
inline std::string format_date(const Date& d, Locale locale = Locale::nl) {
  return format_date(d.year, d.month, d.day, locale);
}
/// Month name: 11 -> "november" / "November".
std::string_view month_name(int month, Locale locale = Locale::nl);

}  // namespace povo::format
