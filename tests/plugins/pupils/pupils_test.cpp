// Pupil indicators; expected values computed by hand in the comments.
#include "../finance/fake_board_year.hpp"
#include "pupils_indicators.hpp"

#include <gtest/gtest.h>

using namespace povo;
using namespace povo::testing;
using povo::pupils::PupilsIndicators;

namespace {

FakeBoard example_board() {
  FakeBoard b;
  b.set("leerlingen_bestuur", 1'200).set("vestigingen_bestuur", 6).set("zittenblijvers_bestuur", 36);
  b.set("leerlingen_bestuur", 1'150, 1).set("leerlingen_bestuur", 1'100, 2).set("leerlingen_bestuur", 1'050, 3);
  b.set("leerlingen_bestuur", 1'000, 4).set("leerlingen_bestuur", 900, 5);
  return b;
}

}  // namespace

TEST(Pupils, DescriptionsAreComplete) {
  PupilsIndicators set;
  // vestigingen_bestuur is a measure this plugin asks the core for (docs/indicators.md).
  expect_complete_descriptions(set, {"vestigingen_bestuur"});
  auto infos = set.indicators();
  ASSERT_EQ(infos.size(), 5u);
  const char* ids[] = {"aantal_leerlingen", "leerlingen_groei_1j", "leerlingen_groei_5j", "leerlingen_per_vestiging",
                       "zittenblijvers_pct"};
  for (std::size_t i = 0; i < infos.size(); ++i) {
    EXPECT_EQ(infos[i].id, ids[i]);
    EXPECT_EQ(infos[i].theme, "leerlingen");
    EXPECT_TRUE(infos[i].signals.empty());
  }
  EXPECT_EQ(infos[0].unit, Unit::count);
  EXPECT_EQ(infos[4].aggregate_numerator, std::vector<std::string>{"zittenblijvers_bestuur"});
  EXPECT_EQ(infos[4].aggregate_denominator, std::vector<std::string>{"leerlingen_bestuur"});
  EXPECT_TRUE(infos[1].aggregate_numerator.empty());
  EXPECT_EQ(infos[0].format, "0");
}

TEST(Pupils, Values) {
  PupilsIndicators set;
  FakeBoard b = example_board();
  EXPECT_TRUE(IsNumber(compute(set, "aantal_leerlingen", b), 1'200));
  EXPECT_TRUE(IsNumber(compute(set, "leerlingen_groei_1j", b), 1'200.0 / 1'150 - 1));  // +4.35%
  EXPECT_TRUE(IsNumber(compute(set, "leerlingen_groei_5j", b), 0.2));                  // 1200 / 1000 - 1
  EXPECT_TRUE(IsNumber(compute(set, "leerlingen_per_vestiging", b), 200));             // 1200 / 6
  EXPECT_TRUE(IsNumber(compute(set, "zittenblijvers_pct", b), 0.03));                  // 36 / 1200
  b.set("leerlingen_bestuur", 1'500, 1);
  EXPECT_TRUE(IsNumber(compute(set, "leerlingen_groei_1j", b), -0.2));  // 1200 / 1500 - 1
}

TEST(Pupils, FiveYearGrowthComparesWithFourYearsBack) {
  PupilsIndicators set;
  FakeBoard b = example_board();
  auto info = info_of(set, "leerlingen_groei_5j");
  FakeBoardYear in(b, info);
  set.compute(pupils::leerlingen_groei_5j, in);
  EXPECT_EQ(in.reads, (std::set<std::pair<std::size_t, int>>{{0, 0}, {0, 4}}));
  // Years in between do not matter; the year four back does.
  b.unset("leerlingen_bestuur", 2);
  EXPECT_TRUE(IsNumber(compute(set, "leerlingen_groei_5j", b), 0.2));
  b.unset("leerlingen_bestuur", 4);
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_groei_5j", b), Reason::missing_input));
  b.unset("leerlingen_bestuur", 1);
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_groei_1j", b), Reason::missing_input));
}

TEST(Pupils, ZeroDenominators) {
  PupilsIndicators set;
  FakeBoard b = example_board();
  b.set("leerlingen_bestuur", 0, 1).set("leerlingen_bestuur", 0, 4).set("vestigingen_bestuur", 0);
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_groei_1j", b), Reason::zero_denominator));  // new board
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_groei_5j", b), Reason::zero_denominator));
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_per_vestiging", b), Reason::zero_denominator));
  b.set("leerlingen_bestuur", 0).set("zittenblijvers_bestuur", 0);
  EXPECT_TRUE(IsMissing(compute(set, "zittenblijvers_pct", b), Reason::zero_denominator));
  EXPECT_TRUE(IsNumber(compute(set, "aantal_leerlingen", b), 0));
}

TEST(Pupils, MissingSuppressedAndInvalidInputs) {
  PupilsIndicators set;
  FakeBoard b = example_board();
  b.unset("zittenblijvers_bestuur");  // a po board has no repeaters measure
  EXPECT_TRUE(IsMissing(compute(set, "zittenblijvers_pct", b), Reason::missing_input));
  b.unset("vestigingen_bestuur");
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_per_vestiging", b), Reason::missing_input));

  FakeBoard s = example_board();
  s.set("zittenblijvers_bestuur", Value::suppressed_count());
  EXPECT_TRUE(IsMissing(compute(set, "zittenblijvers_pct", s), Reason::suppressed_input));
  // Repeaters summed over branches with "<5": [33, 42] of 1200 → [0.0275, 0.035].
  s.set("zittenblijvers_bestuur", Value::range(33, 42));
  EXPECT_TRUE(IsRange(compute(set, "zittenblijvers_pct", s), 0.0275, 0.035));
  ASSERT_TRUE(set.configure(options({{"max_range_width", "0.005"}})));  // 0.75 points is too wide now
  EXPECT_TRUE(IsMissing(compute(set, "zittenblijvers_pct", s), Reason::suppressed_input));
  // A pupil count that is a range is passed on as is, but no growth is computed from it.
  s.set("leerlingen_bestuur", Value::range(1'201, 1'204));
  EXPECT_TRUE(IsRange(compute(set, "aantal_leerlingen", s), 1'201, 1'204));
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_groei_1j", s), Reason::suppressed_input));
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_per_vestiging", s), Reason::suppressed_input));
  s.set("leerlingen_bestuur", -5);
  EXPECT_TRUE(IsMissing(compute(set, "aantal_leerlingen", s), Reason::invalid));
  EXPECT_TRUE(IsMissing(compute(set, "leerlingen_groei_1j", s), Reason::invalid));
}

TEST(Pupils, OptionsAreCheckedWithLocations) {
  PupilsIndicators set;
  EXPECT_TRUE(set.configure(ConfigNode::make_null({}, "indicators[0].options")));
  EXPECT_TRUE(set.configure(options({{"max_range_width", "0.1"}})));
  Status s = set.configure(options({{"max_range_width", "5"}}));
  expect_located_failure(s, 11, "fraction");
  s = set.configure(options({{"max_range_width", "0.1"}, {"max_range_widht", "0.1"}}));
  expect_located_failure(s, 12, "unknown key 'max_range_widht'");
  s = set.configure(options({{"max_range_width", "breed"}}));
  expect_located_failure(s, 11, "expected a number");
  EXPECT_DOUBLE_EQ(set.options().max_range_width, 0.1);
}

TEST(Pupils, ComputeNeverThrows) {
  PupilsIndicators set;
  expect_total(set);
}
