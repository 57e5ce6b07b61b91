#include "indicators/indicator_engine.hpp"

#include <gtest/gtest.h>

#include <functional>

using namespace povo;
using indicators::ConfiguredSet;

namespace {

// An in-process indicator set whose indicators are lambdas over their inputs.
class LambdaSet final : public IndicatorSet {
 public:
  using Fn = std::function<Value(const BoardYear&)>;
  void add(std::string id, std::vector<std::string> inputs, Fn fn) {
    IndicatorInfo info;
    info.id = std::move(id);
    info.inputs = std::move(inputs);
    infos_.push_back(info);
    fns_.push_back(std::move(fn));
  }
  std::vector<OptionSpec> option_specs() const noexcept override { return {}; }
  Status configure(const ConfigNode&) noexcept override { return Status::ok(); }
  std::vector<IndicatorInfo> indicators() const noexcept override { return infos_; }
  Value compute(std::size_t i, const BoardYear& in) const noexcept override { return fns_[i](in); }

 private:
  std::vector<IndicatorInfo> infos_;
  std::vector<Fn> fns_;
};

ConfiguredSet wrap(std::shared_ptr<LambdaSet> s, std::string id) {
  return ConfiguredSet{std::move(id), s, s->indicators()};
}

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
  std::vector<Diagnostic> problems;
  Dataset ds = two_boards();
  auto table = indicators::compute_indicators(ds, {wrap(s, "lambda")}, problems);
  EXPECT_TRUE(problems.empty()) << messages(problems).front();
  auto solv = *table.find("solv");
  auto change = *table.find("solv_change");
  EXPECT_EQ(table.get(solv, 0, 2023), Value::of(0.3));
  EXPECT_EQ(table.get(solv, 0, 2024), Value::of(0.3));
  EXPECT_EQ(table.get(solv, 1, 2024), Value::missing(Reason::zero_denominator));
  EXPECT_EQ(table.get(solv, 1, 2023), Value::missing(Reason::missing_input));
  EXPECT_EQ(table.get(change, 0, 2024), Value::of(0.0));
  EXPECT_EQ(table.get(change, 0, 2023), Value::missing(Reason::missing_input));
  EXPECT_EQ(table.provider(solv), "lambda");
  EXPECT_EQ(table.years(), (std::vector<int>{2023, 2024}));
}

TEST(IndicatorEngine, UnknownInputsAndCyclesAreReportedAndTheRestStillComputes) {
  auto s = std::make_shared<LambdaSet>();
  auto zero = [](const BoardYear&) { return Value::of(0); };
  s->add("ok", {"eigen_vermogen"}, [](const BoardYear& in) { return in.input(0); });
  s->add("typo", {"eigen_vermogn"}, zero);
  s->add("low_level", {"leerlingen_vestiging"}, zero);
  s->add("a", {"b"}, zero);
  s->add("b", {"a"}, zero);
  s->add("needs_typo", {"typo"}, zero);
  auto dup = std::make_shared<LambdaSet>();
  dup->add("ok", {}, zero);
  std::vector<Diagnostic> problems;
  Dataset ds = two_boards();
  auto table = indicators::compute_indicators(ds, {wrap(s, "first"), wrap(dup, "second")}, problems);
  EXPECT_EQ(messages(problems),
            (std::vector<std::string>{
                "error: indicator 'ok' from plugin 'second' is also provided by plugin 'first' (the first one is used; "
                "remove one of the plugins from indicator_sets)",
                "error: indicator 'typo' (plugin first) needs input 'eigen_vermogn', which no source provides and no "
                "indicator computes (did you mean 'eigen_vermogen'?)",
                "error: indicator 'low_level' (plugin first) needs 'leerlingen_vestiging' at board level, but it is a "
                "branch-level measure (roll it up to board level in the source's options)",
                "error: indicators depend on each other in a cycle: a -> b -> a (an indicator cannot use itself, "
                "directly or through others)",
                "error: indicator 'needs_typo' is left out because its input 'typo' could not be computed",
            }));
  EXPECT_EQ(table.ids(), std::vector<std::string>{"ok"});
  EXPECT_EQ(table.get(0, 0, 2024), Value::of(45));
}

#include "config/yaml_loader.hpp"
#include "indicators/signal_overrides.hpp"

TEST(SignalOverrides, ReplaceDefaultsAndCheckIdsAndInputs) {
  auto s = std::make_shared<LambdaSet>();
  s->add("liquiditeit", {"vlottende_activa", "kortlopende_schulden", "totale_baten"}, [](const BoardYear&) { return Value(); });
  std::vector<ConfiguredSet> sets{wrap(s, "finance")};
  sets[0].infos[0].signals = {SignalValue{"default", "<", 0.5, "oud", "", -1e300, 1e300}};
  auto root = config::load_yaml_string(
      "signal_values:\n"
      "  liquiditeit:\n"
      "    - {op: '<', threshold: 1.5, when_input: totale_baten, when_max: 3000000}\n"
      "    - {op: '<', threshold: 0.75, when_input: totale_batn, when_min: 12000000}\n"
      "  liquiditiet: []\n",
      "job.yaml");
  std::vector<Diagnostic> problems;
  indicators::apply_signal_overrides(root, sets, problems);
  EXPECT_EQ(messages(problems),
            (std::vector<std::string>{
                "job.yaml:4:46: error: signal_values.liquiditeit[1].when_input: 'totale_batn' is not an input of "
                "'liquiditeit' (its inputs: vlottende_activa, kortlopende_schulden, totale_baten) (did you mean "
                "'totale_baten'?)",
                "job.yaml:5:3: error: signal_values.liquiditiet: signal values for unknown indicator 'liquiditiet' "
                "(did you mean 'liquiditeit'?)"}));
  ASSERT_EQ(sets[0].infos[0].signals.size(), 1u);
  const SignalValue& small = sets[0].infos[0].signals[0];
  EXPECT_EQ(small.threshold, 1.5);
  EXPECT_TRUE(indicators::beyond_signal(small, Value::of(1.2), Value::of(2'000'000)));
  EXPECT_FALSE(indicators::beyond_signal(small, Value::of(1.2), Value::of(3'000'000)));  // when_max is exclusive
  EXPECT_FALSE(indicators::beyond_signal(small, Value::of(1.5), Value::of(100)));
  EXPECT_FALSE(indicators::beyond_signal(small, Value::missing(), Value::of(100)));
  EXPECT_FALSE(indicators::beyond_signal(small, Value::of(1.0), Value::missing()));
}
