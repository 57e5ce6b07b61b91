// Outcome indicators; expected values computed by hand in the comments.
#include "../finance/fake_board_year.hpp"
#include "count_share.hpp"
#include "outcomes_indicators.hpp"

#include <gtest/gtest.h>

using namespace povo;
using namespace povo::testing;
using povo::outcomes::OutcomesIndicators;

namespace {

FakeBoard example_board() {
  FakeBoard b;
  b.set("ref_leerlingen_bestuur", 500).set("ref_1f_bestuur", 470).set("ref_2f1s_bestuur", 290);
  b.set("examenkandidaten_vmbo_bestuur", 200).set("geslaagden_vmbo_bestuur", 188);
  b.set("examenkandidaten_havo_bestuur", 180).set("geslaagden_havo_bestuur", 171);
  b.set("examenkandidaten_vwo_bestuur", 120).set("geslaagden_vwo_bestuur", 114);
  return b;
}

}  // namespace

TEST(Outcomes, DescriptionsAreComplete) {
  OutcomesIndicators set;
  expect_complete_descriptions(set);
  auto infos = set.indicators();
  ASSERT_EQ(infos.size(), 5u);
  EXPECT_EQ(infos[0].id, "aandeel_1f");
  EXPECT_EQ(infos[1].id, "aandeel_2f1s");
  EXPECT_EQ(infos[2].id, "slaagpercentage_vmbo");
  EXPECT_EQ(infos[3].id, "slaagpercentage_havo");
  EXPECT_EQ(infos[4].id, "slaagpercentage_vwo");
  EXPECT_EQ(infos[3].inputs, (std::vector<std::string>{"geslaagden_havo_bestuur", "examenkandidaten_havo_bestuur"}));
  EXPECT_EQ(infos[3].aggregate_numerator, std::vector<std::string>{"geslaagden_havo_bestuur"});
  EXPECT_EQ(infos[3].aggregate_denominator, std::vector<std::string>{"examenkandidaten_havo_bestuur"});
  for (const auto& i : infos) {
    EXPECT_EQ(i.theme, "resultaten");
    EXPECT_EQ(i.format, "0.0%");
  }
}

TEST(Outcomes, Shares) {
  OutcomesIndicators set;
  FakeBoard b = example_board();
  EXPECT_TRUE(IsNumber(compute(set, "aandeel_1f", b), 0.94));            // 470 / 500
  EXPECT_TRUE(IsNumber(compute(set, "aandeel_2f1s", b), 0.58));          // 290 / 500
  EXPECT_TRUE(IsNumber(compute(set, "slaagpercentage_vmbo", b), 0.94));  // 188 / 200
  EXPECT_TRUE(IsNumber(compute(set, "slaagpercentage_havo", b), 0.95));  // 171 / 180
  EXPECT_TRUE(IsNumber(compute(set, "slaagpercentage_vwo", b), 0.95));   // 114 / 120
  b.set("geslaagden_vwo_bestuur", 0);
  EXPECT_TRUE(IsNumber(compute(set, "slaagpercentage_vwo", b), 0));
}

TEST(Outcomes, ZeroCandidatesIsNotApplicable) {
  OutcomesIndicators set;
  FakeBoard b = example_board();
  b.set("examenkandidaten_havo_bestuur", 0).set("geslaagden_havo_bestuur", 0);
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_havo", b), Reason::not_applicable));
  b.set("ref_leerlingen_bestuur", 0).set("ref_1f_bestuur", 0);
  EXPECT_TRUE(IsMissing(compute(set, "aandeel_1f", b), Reason::not_applicable));
  // Passed without candidates, or more passed than candidates: the data are wrong.
  b.set("geslaagden_havo_bestuur", 3);
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_havo", b), Reason::invalid));
  b.set("examenkandidaten_vwo_bestuur", 120).set("geslaagden_vwo_bestuur", 121);
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_vwo", b), Reason::invalid));
  b.set("geslaagden_vwo_bestuur", -1);
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_vwo", b), Reason::invalid));
}

TEST(Outcomes, MissingInputs) {
  OutcomesIndicators set;
  FakeBoard b = example_board();
  // No row at all for vmbo: the board has no vmbo, so the share does not apply (it is
  // no gap in the data, and not counted as one).
  b.unset("examenkandidaten_vmbo_bestuur").unset("geslaagden_vmbo_bestuur");
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_vmbo", b), Reason::not_applicable));
  // Candidates but no count of passes: that is a gap.
  b.unset("geslaagden_havo_bestuur");
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_havo", b), Reason::missing_input));
  b.unset("ref_2f1s_bestuur");
  EXPECT_TRUE(IsMissing(compute(set, "aandeel_2f1s", b), Reason::missing_input));
  EXPECT_TRUE(IsNumber(compute(set, "aandeel_1f", b), 0.94));
}

TEST(Outcomes, SuppressedCountsAreNeverUsedAsNumbers) {
  OutcomesIndicators set;
  FakeBoard b = example_board();
  b.set("examenkandidaten_vwo_bestuur", Value::suppressed_count()).set("geslaagden_vwo_bestuur", Value::suppressed_count());
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_vwo", b), Reason::suppressed_input));
  b.set("geslaagden_havo_bestuur", Value::suppressed_count());  // "<5" of 180 passed
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_havo", b), Reason::suppressed_input));
  b.set("ref_leerlingen_bestuur", Value::suppressed_count()).set("ref_1f_bestuur", 3);
  EXPECT_TRUE(IsMissing(compute(set, "aandeel_1f", b), Reason::suppressed_input));
}

TEST(Outcomes, RangesFromSumsWithSuppressedCells) {
  OutcomesIndicators set;
  FakeBoard b = example_board();
  // Three locations: 190 of 200 passed exactly, one location with "<5" of "<5":
  // passed in [191, 194], candidates in [201, 204]; the true share lies in
  // [191 / 204, 194 / 201] = [0.93627, 0.96517], 2.9 points wide.
  b.set("geslaagden_vmbo_bestuur", Value::range(191, 194)).set("examenkandidaten_vmbo_bestuur", Value::range(201, 204));
  EXPECT_TRUE(IsRange(compute(set, "slaagpercentage_vmbo", b), 191.0 / 204, 194.0 / 201));
  // Only the candidates are a range (no one passed at the small location): [190 / 204, 190 / 201].
  b.set("geslaagden_vmbo_bestuur", 190);
  EXPECT_TRUE(IsRange(compute(set, "slaagpercentage_vmbo", b), 190.0 / 204, 190.0 / 201));
  // A small board: passed [11, 14] of [13, 16]: [11 / 16, min(1, 14 / 13)] = [0.6875, 1],
  // 31 points wide: too vague, missing.
  b.set("geslaagden_havo_bestuur", Value::range(11, 14)).set("examenkandidaten_havo_bestuur", Value::range(13, 16));
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_havo", b), Reason::suppressed_input));
  // A denominator that may be 0 cannot bound the share.
  b.set("ref_1f_bestuur", Value::range(0, 4)).set("ref_leerlingen_bestuur", Value::range(0, 4));
  EXPECT_TRUE(IsMissing(compute(set, "aandeel_1f", b), Reason::suppressed_input));
  // More passed than candidates for sure.
  b.set("geslaagden_vwo_bestuur", Value::range(130, 133)).set("examenkandidaten_vwo_bestuur", Value::range(121, 124));
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_vwo", b), Reason::invalid));

  // The widest range shown is an option.
  ASSERT_TRUE(set.configure(options({{"max_range_width", "1"}})));
  EXPECT_TRUE(IsRange(compute(set, "slaagpercentage_havo", b), 0.6875, 1.0));
  ASSERT_TRUE(set.configure(options({{"max_range_width", "0"}})));
  b.set("geslaagden_vmbo_bestuur", Value::range(191, 194));
  EXPECT_TRUE(IsMissing(compute(set, "slaagpercentage_vmbo", b), Reason::suppressed_input));
}

TEST(Outcomes, CountShareDirectly) {
  using outcomes::count_share;
  const auto na = Reason::not_applicable;
  EXPECT_TRUE(IsNumber(count_share(Value::of(3), Value::of(12), 0.05, na), 0.25));
  EXPECT_TRUE(IsMissing(count_share(Value::of(NAN), Value::of(12), 0.05, na), Reason::invalid));
  EXPECT_TRUE(IsMissing(count_share(Value::of(1), Value::of(INFINITY), 0.05, na), Reason::invalid));
  EXPECT_TRUE(IsMissing(count_share(Value::missing(Reason::invalid), Value::of(12), 0.05, na), Reason::missing_input));
  EXPECT_TRUE(IsMissing(count_share(Value::of(0), Value::of(0), 0.05, Reason::zero_denominator), Reason::zero_denominator));
}

TEST(Outcomes, Signals) {
  OutcomesIndicators set;
  auto s = info_of(set, "aandeel_1f").signals;
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].op, "<");
  EXPECT_DOUBLE_EQ(s[0].threshold, 0.85);
  s = info_of(set, "aandeel_2f1s").signals;
  ASSERT_EQ(s.size(), 1u);
  EXPECT_DOUBLE_EQ(s[0].threshold, 0.65);
  EXPECT_TRUE(info_of(set, "slaagpercentage_havo").signals.empty());

  ASSERT_TRUE(set.configure(options({{"signal_1f", "0.9"}, {"signal_2f1s", "0.55"}})));
  EXPECT_DOUBLE_EQ(info_of(set, "aandeel_1f").signals.at(0).threshold, 0.9);
  EXPECT_DOUBLE_EQ(info_of(set, "aandeel_2f1s").signals.at(0).threshold, 0.55);
}

TEST(Outcomes, OptionsAreCheckedWithLocations) {
  OutcomesIndicators set;
  EXPECT_TRUE(set.configure(ConfigNode::make_null({}, "indicators[0].options")));
  Status s = set.configure(options({{"signal_1f", "85"}}));
  expect_located_failure(s, 11, "fraction");
  EXPECT_EQ(s.error().hint, "write 85% as 0.85");
  s = set.configure(options({{"signal_1f", "0.85"}, {"signal_2f1s", "veel"}}));
  expect_located_failure(s, 12, "expected a number, got 'veel'");
  s = set.configure(options({{"signal_1F", "0.8"}}));
  expect_located_failure(s, 11, "unknown key 'signal_1F'");
  EXPECT_EQ(s.error().hint, "did you mean 'signal_1f'?");
  s = set.configure(options({{"max_range_width", "-0.1"}}));
  expect_located_failure(s, 11, "max_range_width");
  EXPECT_DOUBLE_EQ(set.options().signal_1f, 0.85);
  EXPECT_DOUBLE_EQ(set.options().max_range_width, 0.05);
}

TEST(Outcomes, ComputeNeverThrows) {
  OutcomesIndicators set;
  expect_total(set);
  ASSERT_TRUE(set.configure(options({{"max_range_width", "1"}})));
  expect_total(set, 1000);
}
