#include "indicators/expression_indicators.hpp"
#include "indicators/indicator_engine.hpp"

#include "config/yaml_loader.hpp"

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
  host::PluginRegistry registry;
  std::vector<Diagnostic> problems;
  auto sets = indicators::configure_indicator_sets(root, registry, problems);
  ASSERT_TRUE(problems.empty()) << problems.front().str();
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0].infos[0].format, "eur");
  EXPECT_EQ(sets[0].infos[1].format, "0.0%");
  Dataset ds = pupils_and_equity();
  auto table = indicators::compute_indicators(ds, sets, problems);
  ASSERT_TRUE(problems.empty()) << problems.front().str();
  auto rpl = *table.find("reserves_per_leerling");
  auto growth = *table.find("groei_reserves");
  EXPECT_EQ(table.get(rpl, 0, 2023), Value::of(2000));
  // 2024 pupils are "<5": never divided by as if a number.
  EXPECT_EQ(table.get(rpl, 0, 2024), Value::missing(Reason::suppressed_input));
  EXPECT_NEAR(table.get(growth, 0, 2024).number(), 0.125, 1e-12);
  EXPECT_EQ(table.get(growth, 0, 2023), Value::missing(Reason::missing_input));
  EXPECT_EQ(table.provider(rpl), "expression");
}

TEST(ExpressionIndicators, ErrorsPointIntoTheExpression) {
  auto root = config::load_yaml_string(
      "indicators:\n"
      "  - id: x\n"
      "    label: X\n"
      "    unit: ratio\n"
      "    expression: eigen_vermogen / / 2\n",
      "job.yaml");
  host::PluginRegistry registry;
  std::vector<Diagnostic> problems;
  indicators::configure_indicator_sets(root, registry, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].location.str(), "job.yaml:5:34");
  auto names = config::load_yaml_string(
      "indicators:\n  - id: y\n    label: Y\n    unit: ratio\n    expression: eigen_vermogn * 2\n", "job.yaml");
  indicators::ExpressionIndicatorSet set;
  ASSERT_TRUE(set.configure(*names.find("indicators")).is_ok());
  auto unknown = set.check_names({"eigen_vermogen", "leerlingen_bestuur"});
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].location.str(), "job.yaml:5:17");
  EXPECT_EQ(unknown[0].hint, "did you mean 'eigen_vermogen'?");
}
