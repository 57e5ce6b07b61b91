#include "duo_number.hpp"

#include <gtest/gtest.h>

using namespace povo::duo_csv;
using povo::Value;

namespace {
Value parse(std::string_view t, char dec = ',', char th = 0) {
  NumberFormat f;
  f.decimal = dec;
  f.thousands = th;
  auto r = parse_duo_number(t, f);
  EXPECT_TRUE(r.ok) << "'" << t << "'";
  return r.value;
}
bool bad(std::string_view t, char dec = ',', char th = 0) {
  NumberFormat f;
  f.decimal = dec;
  f.thousands = th;
  return !parse_duo_number(t, f).ok;
}
}  // namespace

TEST(DuoNumber, DecimalCommaAndDot) {
  EXPECT_EQ(parse("12,5"), Value::of(12.5));
  EXPECT_EQ(parse("90.9", '.'), Value::of(90.9));
  EXPECT_EQ(parse("100", '.'), Value::of(100));
  EXPECT_EQ(parse("-3,25"), Value::of(-3.25));
  EXPECT_TRUE(bad("90.9"));          // a dot when the file uses a decimal comma
  EXPECT_TRUE(bad("12,5", '.'));     // and the other way round
}

TEST(DuoNumber, LeadingZeroLeftOut) {
  EXPECT_EQ(parse(",25"), Value::of(0.25));
  EXPECT_EQ(parse("-,25"), Value::of(-0.25));
  EXPECT_EQ(parse(".5", '.'), Value::of(0.5));
  EXPECT_TRUE(bad(","));
  EXPECT_TRUE(bad("-"));
  EXPECT_TRUE(bad("12,"));
}

TEST(DuoNumber, ThousandsSeparators) {
  EXPECT_EQ(parse("1.234.567,89", ',', '.'), Value::of(1234567.89));
  EXPECT_EQ(parse("1,234.5", '.', ','), Value::of(1234.5));
  EXPECT_EQ(parse("-12 345", ',', ' '), Value::of(-12345));
  EXPECT_EQ(parse("999", ',', '.'), Value::of(999));
  EXPECT_TRUE(bad("1.23", ',', '.'));     // groups after the first have 3 digits
  EXPECT_TRUE(bad("1234.567", ',', '.'));
  EXPECT_TRUE(bad("1.234"));              // no thousands separator configured
}

TEST(DuoNumber, PaddingSuppressionAndEmpty) {
  EXPECT_EQ(parse("  42  "), Value::of(42));
  EXPECT_EQ(parse("<5"), Value::suppressed_count());
  EXPECT_EQ(parse(" <5 "), Value::suppressed_count());
  EXPECT_EQ(parse(""), Value::missing(povo::Reason::not_reported));
  EXPECT_EQ(parse("   "), Value::missing(povo::Reason::not_reported));
  NumberFormat f;
  f.suppressed = {"<5", "*"};
  f.missing = {"-"};
  EXPECT_EQ(parse_duo_number("*", f).value, Value::suppressed_count());
  EXPECT_EQ(parse_duo_number("-", f).value, Value::missing(povo::Reason::not_reported));
}

TEST(DuoNumber, NeverSilentlyZero) {
  for (const char* t : {"abc", "NaN", "nan", "inf", "-inf", "Infinity", "1e5", "0x10", "12a", "<6", "5<", "1 2",
                        "1,2,3", "--1", "+-1"}) {
    EXPECT_TRUE(bad(t)) << t;
    EXPECT_TRUE(bad(t, '.')) << t;
  }
  EXPECT_EQ(parse("0"), Value::of(0));
  EXPECT_EQ(parse("-0"), Value::of(0));
}
