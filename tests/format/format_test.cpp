#include "format/format.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace povo::format;

namespace {
const std::string M = "\xE2\x88\x92";  // U+2212 minus
const std::string NB = "\xC2\xA0";     // no-break space
}  // namespace

TEST(FormatInteger, GroupsThousandsPerLocale) {
  EXPECT_EQ(format_integer(std::int64_t{0}), "0");
  EXPECT_EQ(format_integer(std::int64_t{999}), "999");
  EXPECT_EQ(format_integer(std::int64_t{1000}), "1.000");
  EXPECT_EQ(format_integer(std::int64_t{1234567}), "1.234.567");
  EXPECT_EQ(format_integer(std::int64_t{1234567}, Locale::en), "1,234,567");
  EXPECT_EQ(format_integer(std::int64_t{-1234}), M + "1.234");
  EXPECT_EQ(format_integer(INT64_MIN), M + "9.223.372.036.854.775.808");
}

TEST(FormatInteger, DoubleRoundsHalfAwayFromZero) {
  EXPECT_EQ(format_integer(1234.5), "1.235");
  EXPECT_EQ(format_integer(-1234.5), M + "1.235");
  EXPECT_EQ(format_integer(0.5), "1");
  EXPECT_EQ(format_integer(-0.4), "0");  // no "−0"
  EXPECT_EQ(format_integer(999999.5), "1.000.000");
}

TEST(FormatDecimal, DutchAndEnglish) {
  EXPECT_EQ(format_decimal(0.73, 2), "0,73");
  EXPECT_EQ(format_decimal(0.73, 2, Locale::en), "0.73");
  EXPECT_EQ(format_decimal(1234.5, 1), "1.234,5");
  EXPECT_EQ(format_decimal(1234.5, 1, Locale::en), "1,234.5");
  EXPECT_EQ(format_decimal(2.675, 2), "2,68");  // decimal, not binary, rounding
  EXPECT_EQ(format_decimal(1.005, 2), "1,01");
  EXPECT_EQ(format_decimal(-0.125, 2), M + "0,13");
  EXPECT_EQ(format_decimal(-0.001, 2), "0,00");
  EXPECT_EQ(format_decimal(9.995, 2), "10,00");
  EXPECT_EQ(format_decimal(3.0, 0), "3");
  EXPECT_EQ(format_decimal(1e-7, 3), "0,000");
  EXPECT_EQ(format_decimal(123456789.125, 2), "123.456.789,13");
  EXPECT_THROW(format_decimal(1.0 / 0.0, 1), std::invalid_argument);
}

TEST(FormatPercent, FractionAndPointsAreExplicit) {
  EXPECT_EQ(format_percent_of_fraction(0.123, 1), "12,3%");
  EXPECT_EQ(format_percent_of_fraction(0.123, 1, Locale::en), "12.3%");
  EXPECT_EQ(format_percent_of_fraction(0.0005, 1), "0,1%");  // 0.05 -> half away
  EXPECT_EQ(format_percent_of_fraction(-0.25, 0), M + "25%");
  EXPECT_EQ(format_percent_of_fraction(1.0, 0), "100%");
  EXPECT_EQ(format_percent_points(12.3, 1), "12,3%");
  EXPECT_EQ(format_percent_points(12.25, 1), "12,3%");
}

TEST(FormatEuro, AmountsAndMillions) {
  EXPECT_EQ(format_euro(1234.5), "€" + NB + "1.235");
  EXPECT_EQ(format_euro(1234.5, 2), "€" + NB + "1.234,50");
  EXPECT_EQ(format_euro(1234.5, 2, Locale::en), "€" + NB + "1,234.50");
  EXPECT_EQ(format_euro(-5), "€" + NB + M + "5");
  EXPECT_EQ(format_euro_millions(1.2e6), "€" + NB + "1,2" + NB + "mln");
  EXPECT_EQ(format_euro_millions(1.2e6, 1, Locale::en), "€" + NB + "1.2" + NB + "m");
  EXPECT_EQ(format_euro_millions(1.25e6), "€" + NB + "1,3" + NB + "mln");
  EXPECT_EQ(format_euro_compact(845000), "€" + NB + "845.000");
  EXPECT_EQ(format_euro_compact(12.34e6), "€" + NB + "12,3" + NB + "mln");
  EXPECT_EQ(format_euro_compact(2.5e9), "€" + NB + "2,5" + NB + "mld");
  EXPECT_EQ(format_euro_compact(-2.5e9, Locale::en), "€" + NB + M + "2.5" + NB + "bn");
}

TEST(FormatDate, DutchMonthNamesLowercase) {
  EXPECT_EQ(format_date(2026, 11, 23), "23 november 2026");
  EXPECT_EQ(format_date(2026, 11, 23, Locale::en), "23 November 2026");
  EXPECT_EQ(format_date(2024, 2, 29), "29 februari 2024");
  EXPECT_EQ(format_date(Date{2025, 3, 1}), "1 maart 2025");
  EXPECT_THROW(format_date(2025, 2, 29), std::invalid_argument);
  EXPECT_THROW(format_date(2025, 13, 1), std::invalid_argument);
}

TEST(FormatDate, UnixSecondsAndIso) {
  EXPECT_EQ(date_from_unix_seconds(0), (Date{1970, 1, 1}));
  EXPECT_EQ(date_from_unix_seconds(1795392000), (Date{2026, 11, 23}));  // 2026-11-23T00:00Z
  EXPECT_EQ(date_from_unix_seconds(1795392000 + 86399), (Date{2026, 11, 23}));
  EXPECT_EQ(date_from_unix_seconds(951782400), (Date{2000, 2, 29}));
  EXPECT_EQ(date_from_unix_seconds(-1), (Date{1969, 12, 31}));
  EXPECT_EQ(parse_iso_date("2026-11-23"), (Date{2026, 11, 23}));
  EXPECT_THROW(parse_iso_date("2026-11-31"), std::invalid_argument);
  EXPECT_THROW(parse_iso_date("23-11-2026"), std::invalid_argument);
}

TEST(FormatLocale, Parse) {
  EXPECT_EQ(parse_locale("nl"), Locale::nl);
  EXPECT_EQ(parse_locale("nl-NL"), Locale::nl);
  EXPECT_EQ(parse_locale("en_GB"), Locale::en);
  EXPECT_THROW(parse_locale("de"), std::invalid_argument);
  EXPECT_EQ(locale_name(Locale::en), "en");
}

TEST(FormatValue, DispatchesOnStyle) {
  EXPECT_EQ(format_value(1234567, {NumberKind::integer, 0}), "1.234.567");
  EXPECT_EQ(format_value(0.734, {NumberKind::decimal, 2}), "0,73");
  EXPECT_EQ(format_value(0.123, {NumberKind::percent_of_fraction, 1}), "12,3%");
  EXPECT_EQ(format_value(12.3, {NumberKind::percent_points, 1}, Locale::en), "12.3%");
  EXPECT_EQ(format_value(1234.5, {NumberKind::euro, 2}), "€" + NB + "1.234,50");
  EXPECT_EQ(format_value(1.2e6, {NumberKind::euro_millions, 1}), "€" + NB + "1,2" + NB + "mln");
  EXPECT_EQ(format_value(2.5e9, {NumberKind::euro_compact, 0}), "€" + NB + "2,5" + NB + "mld");
}
