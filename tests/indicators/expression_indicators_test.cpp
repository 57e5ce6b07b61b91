#include "job/expression_indicators.hpp"
#include "indicators/indicator_engine.hpp"

#include "config/yaml_loader.hpp"
#include "../support/test_job.hpp"

#include <gtest/gtest.h>

using namespace povo;

namespace {
Dataset pupils_and_equity() {
  Dataset ds;
  auto ev = ds.declare_measure("eigen_vermogen", EntityKind::board);
  auto ll = ds.declare_measure("leerlingen_bestuur", EntityKind::board);
  auto b = ds.add_entity(EntityKind::board, "10001");
  ds.set(ev, b, 2023, Value::of(800000));
  ds.set(ll, b, 2023, Value::of(400));
  ds.set(ev, b, 2024, Value::of(900000));
  ds.set(ll, b, 2024, Value::suppressed_count());
  return ds;
}
}  // namespace

TEST(ExpressionIndicators, DefinedInYamlAndComputedLikePluginIndicators) {
  auto root = config::load_yaml_string(
      "indicators:\n"
      "  - id: reserves_per_leerling\n"
      "    label: Reserves per leerling\n"
      "    unit: euro\n"
      "    expression: eigen_vermogen / leerlingen_bestuur\n"
      "    aggregate: {numerator: [eigen_vermogen], denominator: [leerlingen_bestuur]}\n"
      "  - id: groei_reserves\n"
      "    label: Groei reserves\n"
      "    unit: percentage\n"
      "    expression: eigen_vermogen / prev(eigen_vermogen) - 1\n",
      "job.yaml");
  std::vector<Diagnostic> problems;
  auto compiled = job::compile_expression_indicators(*root.find("indicators"), problems);
  ASSERT_TRUE(problems.empty()) << problems.front().str();
  ASSERT_TRUE(compiled.set);
  const auto infos = compiled.set->indicators();
  EXPECT_EQ(infos[0].format, "eur");
  EXPECT_EQ(infos[0].aggregation, Aggregation::ratio_of_sums);
  EXPECT_EQ(infos[1].format, "0.0%");
  EXPECT_EQ(infos[1].aggregation, Aggregation::median);  // declared by default, never inferred from the unit
  job::Job j;
  test_support::add_indicator_set(j, compiled.set, "expression");
  Dataset ds = pupils_and_equity();
  auto table = indicators::compute_indicators(ds, j, problems);
  ASSERT_TRUE(problems.empty()) << problems.front().str();
  auto rpl = *table.find("reserves_per_leerling");
  auto growth = *table.find("groei_reserves");
  EXPECT_EQ(table.get(rpl, 0, 2023), Value::of(2000));
  // 2024 pupils are "<5": never divided by as if a number.
  EXPECT_EQ(table.get(rpl, 0, 2024), Value::missing(Reason::suppressed_input));
  EXPECT_NEAR(table.get(growth, 0, 2024).number(), 0.125, 1e-12);
  EXPECT_EQ(table.get(growth, 0, 2023), Value::missing(Reason::missing_input));
}

TEST(ExpressionIndicators, ErrorsPointIntoTheExpression) {
  auto root = config::load_yaml_string(
      "indicators:\n"
      "  - id: x\n"
      "    label: X\n"
      "    unit: ratio\n"
      "    expression: eigen_vermogen / / 2\n"
      "  - id: y\n"
      "    label: Y\n"
      "    unit: count\n"
      "    expression: gemiddelde(leerlingen_bestuur)\n"
      "  - id: z\n"
      "    label: Z\n"
      "    unit: ratio\n"
      "    expression: leerlingen_bestuur\n"
      "    aggregate: total\n",
      "job.yaml");
  std::vector<Diagnostic> problems;
  job::compile_expression_indicators(*root.find("indicators"), problems);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].location.str(), "job.yaml:5:34");
  EXPECT_EQ(problems[1].str(),
            "job.yaml:9:17: error: unknown function 'gemiddelde' in 'gemiddelde(leerlingen_bestuur)' (indicators may "
            "use min, max, abs, if, prev, lag, sum_years and avg_years)");
  EXPECT_EQ(problems[2].str(),
            "job.yaml:14:16: error: indicators[2].aggregate: unknown aggregation 'total' (use median, sum, or "
            "{numerator: [...], denominator: [...]})");
}
