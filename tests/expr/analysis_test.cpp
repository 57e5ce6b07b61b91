// Cycles between expression indicators, and their evaluation order.
#include "expr/analysis.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace ex = povo::expr;

namespace {
std::map<std::string, ex::Expression> indicators(std::initializer_list<std::pair<const char*, const char*>> defs) {
  std::map<std::string, ex::Expression> m;
  int line = 1;
  for (const auto& [name, text] : defs) m.emplace(name, ex::compile(text, povo::SourceLocation{"sector.yaml", line++, 11}));
  return m;
}
}  // namespace

TEST(Cycles, ThreeIndicators) {
  auto m = indicators({{"a", "b + 1"}, {"b", "c * 2"}, {"c", "a + eigen_vermogen"}});
  auto c = ex::find_cycle(m);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->path, (std::vector<std::string>{"a", "b", "c", "a"}));
  EXPECT_EQ(c->str(), "a \u2192 b \u2192 c \u2192 a");
}

TEST(Cycles, SelfReferenceEvenForEarlierYears) {
  auto c = ex::find_cycle(indicators({{"reserves", "prev(reserves) + resultaat"}}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->str(), "reserves \u2192 reserves");
}

TEST(Cycles, CycleNotStartingAtTheFirstKey) {
  auto c = ex::find_cycle(std::map<std::string, std::vector<std::string>>{
      {"a", {"x"}}, {"b", {"a", "c"}}, {"c", {"d"}}, {"d", {"c"}}});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->str(), "c \u2192 d \u2192 c");
}

TEST(Cycles, DiamondIsNotACycle) {
  EXPECT_FALSE(ex::find_cycle(std::map<std::string, std::vector<std::string>>{
      {"a", {"b", "c"}}, {"b", {"d"}}, {"c", {"d"}}, {"d", {"measure"}}}));
  EXPECT_FALSE(ex::find_cycle(std::map<std::string, ex::Expression>{}));
}

TEST(Cycles, EvaluationOrder) {
  auto order = ex::evaluation_order(indicators({{"a", "b + x"}, {"b", "y"}, {"c", "a + b"}}));
  EXPECT_EQ(order, (std::vector<std::string>{"b", "a", "c"}));
}

TEST(Cycles, EvaluationOrderReportsTheCycle) {
  auto m = indicators({{"a", "1 + b"}, {"b", "a / 2"}});
  try {
    ex::evaluation_order(m);
    FAIL() << "no error";
  } catch (const povo::Error& e) {
    // 'a' is on line 1 of sector.yaml at column 11; 'b' is at offset 4 of its expression.
    EXPECT_EQ(std::string(e.what()),
              "sector.yaml:1:15: error: expression indicators depend on each other: a \u2192 b \u2192 a (an indicator "
              "cannot use itself, not even for an earlier year)");
  }
}

TEST(Cycles, LongChainDoesNotOverflow) {
  std::map<std::string, std::vector<std::string>> g;
  for (int i = 0; i < 100000; ++i) g["n" + std::to_string(i)] = {"n" + std::to_string(i + 1)};
  EXPECT_FALSE(ex::find_cycle(g));
  g["n100000"] = {"n0"};
  auto c = ex::find_cycle(g);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->path.size(), 100002u);
}
