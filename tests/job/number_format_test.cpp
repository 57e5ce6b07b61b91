#include "job/number_format.hpp"

#include <gtest/gtest.h>

using namespace povo;
using K = format::NumberKind;

TEST(NumberFormat, EveryAcceptedSpellingAndItsStyle) {
  auto is = [](const char* text, K kind, int decimals) {
    auto s = job::parse_number_format(text);
    return s && s->kind == kind && s->decimals == decimals;
  };
  EXPECT_TRUE(is("0", K::integer, 0));
  EXPECT_TRUE(is("0.0", K::decimal, 1));
  EXPECT_TRUE(is("0.000000", K::decimal, 6));
  EXPECT_TRUE(is("0%", K::percent_of_fraction, 0));
  EXPECT_TRUE(is("0.00%", K::percent_of_fraction, 2));
  EXPECT_TRUE(is("eur", K::euro, 0));
  EXPECT_TRUE(is("eur_mln", K::euro_millions, 1));
  EXPECT_TRUE(is("eur_compact", K::euro_compact, 1));
  for (const auto& name : job::number_format_names()) {
    auto s = job::parse_number_format(name);
    ASSERT_TRUE(s) << name;
    EXPECT_EQ(job::number_format_name(*s), name);
  }
}

// A format that does not exist is refused, never read as "two decimals" (as before).
TEST(NumberFormat, AnythingElseIsRefused) {
  for (const char* bad : {"", "eur_mlj", "0,00", "0.0000000", "#.##", "0.0 %", "%", "0.", ".0", "00", "EUR", "0.05"}) {
    EXPECT_FALSE(job::parse_number_format(bad).has_value()) << bad;
  }
}
