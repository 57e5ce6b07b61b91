// Staff indicators; expected values computed by hand in the comments.
#include "../finance/fake_board_year.hpp"
#include "staff_indicators.hpp"

#include <gtest/gtest.h>

using namespace povo;
using namespace povo::testing;
using povo::staff::StaffIndicators;

namespace {

FakeBoard example_board() {
  FakeBoard b;
  b.set("fte_totaal", 250.5).set("fte_directie", 12.5).set("fte_op", 160.2).set("fte_oop", 70.3).set("fte_lio", 7.5);
  b.set("leerlingen_bestuur", 3'204).set("fte_55plus", 62.625).set("fte_vrouw", 187.875).set("fte_vast", 200.4);
  b.set("verzuim_pct", 6.3);
  return b;
}

}  // namespace

TEST(Staff, DescriptionsAreComplete) {
  StaffIndicators set;
  expect_complete_descriptions(set);  // includes: no id equals a measure name
  auto infos = set.indicators();
  ASSERT_EQ(infos.size(), 10u);
  for (const auto& i : infos) {
    EXPECT_EQ(i.theme, "personeel");
    EXPECT_TRUE(i.signals.empty());
  }
  EXPECT_EQ(info_of(set, "personeel_fte_op").inputs, std::vector<std::string>{"fte_op"});
  EXPECT_EQ(info_of(set, "personeel_fte").format, "0.0");
  EXPECT_EQ(info_of(set, "personeel_aandeel_vrouw").aggregate_numerator, std::vector<std::string>{"fte_vrouw"});
  EXPECT_EQ(info_of(set, "personeel_aandeel_vrouw").aggregate_denominator, std::vector<std::string>{"fte_totaal"});
  EXPECT_TRUE(info_of(set, "personeel_verzuim").aggregate_numerator.empty());
  EXPECT_EQ(info_of(set, "personeel_verzuim").format, "0.0%");
  EXPECT_EQ(info_of(set, "personeel_verzuim").direction, Direction::lower_is_better);
}

TEST(Staff, Values) {
  StaffIndicators set;
  FakeBoard b = example_board();
  EXPECT_TRUE(IsNumber(compute(set, "personeel_fte", b), 250.5));
  EXPECT_TRUE(IsNumber(compute(set, "personeel_fte_directie", b), 12.5));
  EXPECT_TRUE(IsNumber(compute(set, "personeel_fte_op", b), 160.2));
  EXPECT_TRUE(IsNumber(compute(set, "personeel_fte_oop", b), 70.3));
  EXPECT_TRUE(IsNumber(compute(set, "personeel_fte_lio", b), 7.5));
  EXPECT_TRUE(IsNumber(compute(set, "leerlingen_per_fte_op", b), 20));         // 3204 / 160.2
  EXPECT_TRUE(IsNumber(compute(set, "personeel_aandeel_55plus", b), 0.25));   // 62.625 / 250.5
  EXPECT_TRUE(IsNumber(compute(set, "personeel_aandeel_vrouw", b), 0.75));    // 187.875 / 250.5
  EXPECT_TRUE(IsNumber(compute(set, "personeel_aandeel_vast", b), 0.8));      // 200.4 / 250.5
  EXPECT_TRUE(IsNumber(compute(set, "personeel_verzuim", b), 0.063));         // 6.3% stored as a fraction
}

TEST(Staff, ZeroDenominators) {
  StaffIndicators set;
  FakeBoard b = example_board();
  b.set("fte_op", 0).set("fte_totaal", 0).set("fte_55plus", 0);
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_per_fte_op", b), Reason::zero_denominator));
  EXPECT_TRUE(IsMissing(compute(set, "personeel_aandeel_55plus", b), Reason::zero_denominator));
  EXPECT_TRUE(IsNumber(compute(set, "personeel_fte_op", b), 0));
}

TEST(Staff, MissingAndInvalidInputs) {
  StaffIndicators set;
  FakeBoard b = example_board();
  b.unset("fte_lio").unset("verzuim_pct").unset("fte_vast");
  EXPECT_TRUE(IsMissing(compute(set, "personeel_fte_lio", b), Reason::missing_input));
  EXPECT_TRUE(IsMissing(compute(set, "personeel_verzuim", b), Reason::missing_input));
  EXPECT_TRUE(IsMissing(compute(set, "personeel_aandeel_vast", b), Reason::missing_input));
  b.set("verzuim_pct", 130);  // not a percentage
  EXPECT_TRUE(IsMissing(compute(set, "personeel_verzuim", b), Reason::invalid));
  b.set("fte_vrouw", 260);  // more than the total
  EXPECT_TRUE(IsMissing(compute(set, "personeel_aandeel_vrouw", b), Reason::invalid));
  b.set("fte_vrouw", 250.5000001);  // rounding: counts as all
  EXPECT_TRUE(IsNumber(compute(set, "personeel_aandeel_vrouw", b), 1.0));
  b.set("fte_directie", -1);
  EXPECT_TRUE(IsMissing(compute(set, "personeel_fte_directie", b), Reason::invalid));
  b.set("leerlingen_bestuur", Value::range(3'201, 3'210));
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_per_fte_op", b), Reason::suppressed_input));
}

TEST(Staff, OptionsAreCheckedWithLocations) {
  StaffIndicators set;
  EXPECT_TRUE(set.option_specs().empty());
  EXPECT_TRUE(set.configure(ConfigNode::make_null({}, "indicators[0].options")));
  EXPECT_TRUE(set.configure(options({})));
  Status s = set.configure(options({{"signal_set", "old"}}));
  expect_located_failure(s, 11, "unknown key 'signal_set'");
  EXPECT_EQ(s.error().hint, "the staff plugin has no options");
}

TEST(Staff, ComputeNeverThrows) {
  StaffIndicators set;
  expect_total(set);
}
