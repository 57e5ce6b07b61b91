#include "indicators/indicator_engine.hpp"

#include "../support/test_job.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace povo;
using test_support::LambdaSet;

namespace {

Dataset two_boards() {
  Dataset ds;
  auto ev = ds.declare_measure("eigen_vermogen", EntityKind::board);
  auto ta = ds.declare_measure("totaal_activa", EntityKind::board);
  ds.declare_measure("leerlingen_vestiging", EntityKind::branch);
  for (const char* code : {"10001", "10002"}) ds.add_entity(EntityKind::board, code);
  ds.set(ev, 0, 2023, Value::of(30));
  ds.set(ta, 0, 2023, Value::of(100));
  ds.set(ev, 0, 2024, Value::of(45));
  ds.set(ta, 0, 2024, Value::of(150));
  ds.set(ev, 1, 2024, Value::of(-5));
  ds.set(ta, 1, 2024, Value::of(0));
  return ds;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.str());
  return out;
}

}  // namespace

TEST(IndicatorEngine, ComputesFromMeasuresOtherIndicatorsAndEarlierYears) {
  auto s = std::make_shared<LambdaSet>();
  // Declared before its input indicator: the engine orders by dependency.
  s->add("solv_change", {"solv"}, [](const BoardYear& in) { return subtract(in.input(0), in.input(0, 1)); });
  s->add("solv", {"eigen_vermogen", "totaal_activa"}, [](const BoardYear& in) { return divide(in.input(0), in.input(1)); });
  job::Job j;
  test_support::add_indicator_set(j, s, "lambda");
  std::vector<Diagnostic> problems;
  Dataset ds = two_boards();
  auto table = indicators::compute_indicators(ds, j, problems);
  EXPECT_TRUE(problems.empty()) << messages(problems).front();
  // Columns are the catalogue's order, whatever order they are computed in.
  EXPECT_EQ(table.ids(), (std::vector<std::string>{"solv_change", "solv"}));
  auto solv = *table.find("solv");
  auto change = *table.find("solv_change");
  EXPECT_EQ(solv, 1u);
  EXPECT_EQ(table.get(solv, 0, 2023), Value::of(0.3));
  EXPECT_EQ(table.get(solv, 0, 2024), Value::of(0.3));
  EXPECT_EQ(table.get(solv, 1, 2024), Value::missing(Reason::zero_denominator));
  EXPECT_EQ(table.get(solv, 1, 2023), Value::missing(Reason::missing_input));
  EXPECT_EQ(table.get(change, 0, 2024), Value::of(0.0));
  EXPECT_EQ(table.get(change, 0, 2023), Value::missing(Reason::missing_input));
  EXPECT_EQ(j.providers[table.def(solv).provider].plugin_id, "lambda");
  EXPECT_EQ(table.years(), (std::vector<int>{2023, 2024}));
}

// The compiler checks names against what sources declare; a source that could not (or
// data that lack a declared measure) leaves the indicator empty, with a message.
TEST(IndicatorEngine, InputsTheDataLacksLeaveTheIndicatorEmptyAndTheRestStillComputes) {
  auto s = std::make_shared<LambdaSet>();
  auto zero = [](const BoardYear&) { return Value::of(0); };
  s->add("ok", {"eigen_vermogen"}, [](const BoardYear& in) { return in.input(0); });
  s->add("typo", {"eigen_vermogn"}, zero);
  s->add("low_level", {"leerlingen_vestiging"}, zero);
  s->add("needs_typo", {"typo"}, zero);
  job::Job j;
  test_support::add_indicator_set(j, s, "first");
  std::vector<Diagnostic> problems;
  Dataset ds = two_boards();
  auto table = indicators::compute_indicators(ds, j, problems);
  EXPECT_EQ(messages(problems),
            (std::vector<std::string>{
                "error: indicator 'typo' (first) needs 'eigen_vermogn', which the loaded data does not have per board "
                "(it is left empty; check the sources' messages)",
                "error: indicator 'low_level' (first) needs 'leerlingen_vestiging', which the loaded data does not have "
                "per board (it is left empty; check the sources' messages)",
                "error: indicator 'needs_typo' is left empty because its input 'typo' could not be computed",
            }));
  EXPECT_EQ(table.size(), 4u);
  EXPECT_EQ(table.get(0, 0, 2024), Value::of(45));
  EXPECT_EQ(table.get(1, 0, 2024), Value::missing(Reason::not_reported));
}

// A plugin returning NaN or infinity never puts a non-number into a report.
TEST(IndicatorEngine, NonFiniteValuesFromAPluginBecomeMissingAndAreCounted) {
  auto s = std::make_shared<LambdaSet>();
  s->add("wild", {"eigen_vermogen"}, [](const BoardYear& in) {
    if (in.year() == 2024) return Value::of(std::nan(""));
    return Value::of(INFINITY);
  });
  s->add("wide", {"eigen_vermogen"}, [](const BoardYear&) { return Value::range(0, INFINITY); });
  job::Job j;
  test_support::add_indicator_set(j, s, "wild_plugin");
  std::vector<Diagnostic> problems;
  Dataset ds = two_boards();
  auto table = indicators::compute_indicators(ds, j, problems);
  EXPECT_EQ(table.get(0, 0, 2024), Value::missing(Reason::invalid));
  EXPECT_EQ(table.get(0, 1, 2023), Value::missing(Reason::invalid));
  EXPECT_EQ(table.get(1, 0, 2024), Value::missing(Reason::invalid));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].str(),
            "warning: indicator 'wild' (wild_plugin) gave 4 values that are not finite numbers (NaN or infinity) (they "
            "are treated as missing; the plugin should return a missing value instead)");
  EXPECT_EQ(problems[0].count, 4u);  // 2 boards x 2 years
  j.strict = true;
  problems.clear();
  indicators::compute_indicators(ds, j, problems);
  EXPECT_EQ(problems[0].severity, Severity::error);
}
