// The indicator contract: what a plugin or a YAML indicator may declare, checked once.
#include "job/indicator_def.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace povo;

namespace {

IndicatorInfo valid() {
  IndicatorInfo i;
  i.id = "solvabiliteit_2";
  i.unit = Unit::ratio;
  i.format = "0.00";
  i.inputs = {"eigen_vermogen", "totaal_activa", "totale_baten"};
  i.aggregation = Aggregation::ratio_of_sums;
  i.aggregate_numerator = {"eigen_vermogen"};
  i.aggregate_denominator = {"totaal_activa"};
  return i;
}

std::vector<std::string> problems(const IndicatorInfo& info) {
  job::IndicatorDef def;
  return job::check_indicator(info, def);
}

}  // namespace

TEST(IndicatorContract, AValidDeclarationGivesTypes) {
  IndicatorInfo info = valid();
  SignalValue s;
  s.id = "klein";
  s.op = "<=";
  s.threshold = 1.5;
  s.when_input = "totale_baten";
  s.when_max = 3e6;
  info.signals = {s};
  job::IndicatorDef def;
  EXPECT_TRUE(job::check_indicator(info, def).empty());
  EXPECT_EQ(def.style.kind, format::NumberKind::decimal);
  EXPECT_EQ(def.style.decimals, 2);
  ASSERT_EQ(def.signals.size(), 1u);
  EXPECT_EQ(def.signals[0].rule.op, stats::Compare::le);
  EXPECT_TRUE(def.signals[0].rule.conditional);
  EXPECT_TRUE(def.signals[0].rule.flags(Value::of(1.5), Value::of(2e6)));
  EXPECT_FALSE(def.signals[0].rule.flags(Value::of(1.5), Value::of(3e6)));  // when_max is exclusive
}

TEST(IndicatorContract, EveryBrokenDeclarationIsNamed) {
  using V = std::vector<std::string>;
  IndicatorInfo bad_format = valid();
  bad_format.format = "eur_mlj";
  EXPECT_EQ(problems(bad_format), V{"unknown number format 'eur_mlj' (did you mean 'eur_mln'?)"});

  IndicatorInfo bad_op = valid();
  SignalValue s;
  s.id = "s";
  s.op = "=>";
  bad_op.signals = {s};
  EXPECT_EQ(problems(bad_op), V{"signal value 's' has unknown comparison '=>' (use <, <=, > or >=)"});

  IndicatorInfo nan_threshold = valid();
  s.op = "<";
  s.threshold = std::nan("");
  nan_threshold.signals = {s};
  EXPECT_EQ(problems(nan_threshold), V{"signal value 's' has a threshold that is not a finite number"});

  IndicatorInfo foreign_condition = valid();
  s.threshold = 1;
  s.when_input = "leerlingen_bestuur";
  foreign_condition.signals = {s};
  EXPECT_EQ(problems(foreign_condition),
            V{"signal value 's' depends on 'leerlingen_bestuur', which is not one of its inputs"});

  IndicatorInfo summed_ratio = valid();
  summed_ratio.aggregation = Aggregation::sum;
  summed_ratio.aggregate_numerator.clear();
  summed_ratio.aggregate_denominator.clear();
  EXPECT_EQ(problems(summed_ratio),
            V{"aggregation 'sum' needs unit count, euro or fte, not 'ratio': a ratio does not add up across boards"});

  IndicatorInfo half_ratio = valid();
  half_ratio.aggregate_denominator.clear();
  EXPECT_EQ(problems(half_ratio), V{"aggregation 'ratio_of_sums' needs both aggregate_numerator and aggregate_denominator"});

  IndicatorInfo median_with_parts = valid();
  median_with_parts.aggregation = Aggregation::median;
  EXPECT_EQ(problems(median_with_parts),
            V{"declares a numerator and denominator but aggregation 'median'; set aggregation to ratio_of_sums or drop "
              "them"});

  IndicatorInfo bad_id = valid();
  bad_id.id = "Evil Id/../x";
  EXPECT_EQ(problems(bad_id),
            V{"id 'Evil Id/../x' is not a valid indicator id (lower-case letters, digits and '_', starting with a letter)"});

  IndicatorInfo bad_unit = valid();
  bad_unit.unit = static_cast<Unit>(42);
  EXPECT_EQ(problems(bad_unit).front(), "unknown unit (42)");
}
