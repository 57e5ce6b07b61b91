#include <povo/value.hpp>

#include <gtest/gtest.h>

using povo::Reason;
using povo::Value;

TEST(Value, SuppressedCountIsOneToFourAndNeverANumber) {
  Value s = Value::suppressed_count();
  EXPECT_FALSE(s.is_number());
  EXPECT_EQ(s.low(), 1);
  EXPECT_EQ(s.high(), 4);
  EXPECT_EQ(s.str(), "<5");
}

TEST(Value, AdditionCarriesSuppressionAsARange) {
  EXPECT_EQ(povo::add(Value::of(10), Value::of(5)), Value::of(15));
  EXPECT_EQ(povo::add(Value::of(10), Value::suppressed_count()), Value::range(11, 14));
  EXPECT_EQ(povo::add(Value::suppressed_count(), Value::suppressed_count()), Value::range(2, 8));
  EXPECT_EQ(povo::add(Value::range(2, 8), Value::of(1)).str(), "[3;9]");
  EXPECT_EQ(povo::add(Value::of(1), Value::missing()), Value::missing(Reason::missing_input));
}

TEST(Value, RatiosNeverUseSuppressedCounts) {
  EXPECT_EQ(povo::divide(Value::of(3), Value::of(4)), Value::of(0.75));
  EXPECT_EQ(povo::divide(Value::of(3), Value::of(0)), Value::missing(Reason::zero_denominator));
  EXPECT_EQ(povo::divide(Value::suppressed_count(), Value::of(10)), Value::missing(Reason::suppressed_input));
  EXPECT_EQ(povo::divide(Value::of(10), Value::range(11, 14)), Value::missing(Reason::suppressed_input));
  EXPECT_EQ(povo::subtract(Value::missing(), Value::of(1)), Value::missing(Reason::missing_input));
  EXPECT_EQ(povo::multiply(Value::of(-2), Value::of(0.5)), Value::of(-1));
}

TEST(Value, TextRoundTripsDoubles) {
  EXPECT_EQ(Value::of(0.1).str(), "0.1");
  EXPECT_EQ(Value::of(1234567).str(), "1234567");
  EXPECT_EQ(Value::of(-0.73).str(), "-0.73");
  EXPECT_EQ(Value::of(2.0 / 3.0).str(), "0.6666666666666666");
  EXPECT_EQ(Value::of(470).str(), "470");
  EXPECT_EQ(Value::of(1e20).str(), "100000000000000000000");
  EXPECT_EQ(Value::of(0.0001).str(), "0.0001");
  EXPECT_EQ(Value::missing(Reason::zero_denominator).str(), "missing:zero_denominator");
}
