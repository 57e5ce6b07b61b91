#include "job/number_format.hpp"
#include "report/value_text.hpp"

#include <gtest/gtest.h>

using namespace povo;
// Indicator formats are parsed once, when the job is compiled (job/number_format.hpp).
static std::optional<povo::format::NumberStyle> style_of(const char* f) { return povo::job::parse_number_format(f); }
static format::NumberStyle style_for(const char* f) { return *style_of(f); }
using report::value_text;

TEST(ValueText, IndicatorFormatsInDutch) {
  const auto nl = format::Locale::nl;
  EXPECT_EQ(value_text(Value::of(0.7349), style_for("0.00"), nl), "0,73");
  EXPECT_EQ(value_text(Value::of(0.1234), style_for("0.0%"), nl), "12,3%");
  EXPECT_EQ(value_text(Value::of(1234567), style_for("0"), nl), "1.234.567");
  EXPECT_EQ(value_text(Value::of(1234567), style_for("eur"), nl), "\xE2\x82\xAC\xC2\xA0" "1.234.567");
  EXPECT_EQ(value_text(Value::of(1.2e6), style_for("eur_mln"), nl), "\xE2\x82\xAC\xC2\xA0" "1,2\xC2\xA0mln");
}

TEST(ValueText, DisclosureControl) {
  const auto nl = format::Locale::nl;
  EXPECT_EQ(value_text(Value::suppressed_count(), style_for("0"), nl), "<5");
  EXPECT_EQ(value_text(Value::range(0.888, 0.934), style_for("0.0%"), nl), "88,8%\xE2\x80\x93" "93,4%");
  EXPECT_EQ(value_text(Value::missing(Reason::zero_denominator), style_for("0.00"), nl), "\xE2\x80\x93");
  EXPECT_EQ(report::count_text(3, nl), "<5");
  EXPECT_EQ(report::count_text(0, nl), "0");
  EXPECT_EQ(report::count_text(5, nl), "5");
}
