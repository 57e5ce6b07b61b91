// Benchmark statistics, checked against values computed by hand (Hyndman & Fan type 7,
// which is R's quantile(type = 7) and NumPy's percentile(method = "linear")).
#include "stats/stats.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using povo::Reason;
using povo::Value;
namespace st = povo::stats;

namespace {

std::vector<Value> numbers(std::initializer_list<double> xs) {
  std::vector<Value> v;
  for (double x : xs) v.push_back(Value::of(x));
  return v;
}

void expect_number(const Value& v, double x) {
  ASSERT_TRUE(v.is_number()) << v.str();
  EXPECT_DOUBLE_EQ(v.number(), x);
}

void expect_missing(const Value& v, Reason r) {
  EXPECT_TRUE(v.is_missing()) << v.str();
  EXPECT_EQ(v.reason(), r) << v.str();
}

}  // namespace

TEST(Quantile, Type7OnOneToFour) {
  std::vector<double> x = {1, 2, 3, 4};
  // h = 3p: P10 h=0.3 -> 1.3; P25 h=0.75 -> 1.75; P50 h=1.5 -> 2.5; P75 h=2.25 -> 3.25; P90 h=2.7 -> 3.7
  EXPECT_DOUBLE_EQ(st::quantile_sorted(x, 0.10), 1.3);
  EXPECT_DOUBLE_EQ(st::quantile_sorted(x, 0.25), 1.75);
  EXPECT_DOUBLE_EQ(st::quantile_sorted(x, 0.50), 2.5);
  EXPECT_DOUBLE_EQ(st::quantile_sorted(x, 0.75), 3.25);
  EXPECT_DOUBLE_EQ(st::quantile_sorted(x, 0.90), 3.7);
  EXPECT_DOUBLE_EQ(st::quantile_sorted(x, 0.0), 1);
  EXPECT_DOUBLE_EQ(st::quantile_sorted(x, 1.0), 4);
  EXPECT_TRUE(std::isnan(st::quantile_sorted({}, 0.5)));
}

TEST(Summary, KnownVectorOfFive) {
  // Unsorted input; sorted: 15 20 35 40 50, h = 4p.
  auto s = st::summarize(numbers({40, 15, 50, 20, 35}));
  EXPECT_EQ(s.n, 5u);
  EXPECT_EQ(s.n_missing, 0u);
  EXPECT_EQ(s.n_suppressed, 0u);
  expect_number(s.p10, 17);  // h=0.4: 15 + 0.4*5
  expect_number(s.p25, 20);
  expect_number(s.median, 35);
  expect_number(s.p75, 40);
  expect_number(s.p90, 46);  // h=3.6: 40 + 0.6*10
  expect_number(s.mean, 32);  // 160 / 5
  expect_number(s.min, 15);
  expect_number(s.max, 50);
}

TEST(Summary, Empty) {
  auto s = st::summarize(std::span<const Value>{});
  EXPECT_EQ(s.n, 0u);
  EXPECT_EQ(s.total(), 0u);
  for (const Value* v : {&s.mean, &s.median, &s.p10, &s.p25, &s.p75, &s.p90, &s.min, &s.max}) {
    expect_missing(*v, Reason::missing_input);
  }
}

TEST(Summary, AllMissing) {
  std::vector<Value> v = {Value::missing(), Value::missing(Reason::zero_denominator), Value::missing()};
  auto s = st::summarize(v);
  EXPECT_EQ(s.n, 0u);
  EXPECT_EQ(s.n_missing, 3u);
  expect_missing(s.median, Reason::missing_input);
  expect_missing(s.mean, Reason::missing_input);
}

TEST(Summary, SingleValue) {
  auto s = st::summarize(numbers({7.5}));
  EXPECT_EQ(s.n, 1u);
  for (const Value* v : {&s.mean, &s.median, &s.p10, &s.p25, &s.p75, &s.p90, &s.min, &s.max}) expect_number(*v, 7.5);
}

TEST(Summary, TwoValues) {
  auto s = st::summarize(numbers({10, 0}));
  expect_number(s.p10, 1);     // h=0.1
  expect_number(s.p25, 2.5);
  expect_number(s.median, 5);
  expect_number(s.p90, 9);
}

TEST(Summary, SuppressedAndMissingAreCountedNotUsed) {
  std::vector<Value> v = {Value::of(5), Value::missing(), Value::suppressed_count(), Value::range(6, 9), Value::of(1)};
  auto s = st::summarize(v);
  EXPECT_EQ(s.n, 2u);
  EXPECT_EQ(s.n_missing, 1u);
  EXPECT_EQ(s.n_suppressed, 2u);
  EXPECT_EQ(s.total(), 5u);
  expect_number(s.mean, 3);
  expect_number(s.median, 3);
  expect_number(s.p10, 1.4);  // h=0.1: 1 + 0.1*4
  expect_number(s.p90, 4.6);
  expect_number(s.min, 1);
  expect_number(s.max, 5);
}

TEST(Summary, Ties) {
  auto s = st::summarize(numbers({2, 5, 2, 2}));  // sorted 2 2 2 5, h = 3p
  expect_number(s.p10, 2);
  expect_number(s.p25, 2);
  expect_number(s.median, 2);
  expect_number(s.p75, 2.75);  // h=2.25: 2 + 0.25*3
  expect_number(s.p90, 4.1);   // h=2.7: 2 + 0.7*3
  expect_number(s.mean, 2.75);
}

TEST(Summary, NegativeValues) {
  auto s = st::summarize(numbers({10, -1, 2, -3, 0}));  // sorted -3 -1 0 2 10
  expect_number(s.p10, -2.2);  // h=0.4: -3 + 0.4*2
  expect_number(s.p25, -1);
  expect_number(s.median, 0);
  expect_number(s.p75, 2);
  expect_number(s.p90, 6.8);   // h=3.6: 2 + 0.6*8
  expect_number(s.mean, 1.6);
  expect_number(s.min, -3);
}

TEST(Summary, MinimumK) {
  auto s = st::summarize(numbers({1, 2, 3}));
  EXPECT_TRUE(st::enough_peers(s, 3));
  EXPECT_FALSE(st::enough_peers(s, 4));
  auto same = st::apply_minimum_k(s, 3);
  EXPECT_FALSE(same.withheld);
  expect_number(same.median, 2);
  auto hidden = st::apply_minimum_k(s, 5);
  EXPECT_TRUE(hidden.withheld);
  EXPECT_EQ(hidden.n, 3u);
  for (const Value* v : {&hidden.mean, &hidden.median, &hidden.p10, &hidden.p25, &hidden.p75, &hidden.p90,
                         &hidden.min, &hidden.max}) {
    expect_missing(*v, Reason::too_few_peers);
  }
}

TEST(Summary, DistributionGivesTheSameSummary) {
  std::mt19937 rng(42);
  std::vector<double> scratch;
  st::Distribution d;
  for (int round = 0; round < 2000; ++round) {
    std::size_t n = rng() % 40;
    std::vector<Value> v;
    for (std::size_t i = 0; i < n; ++i) {
      unsigned r = rng() % 20;
      if (r == 0) v.push_back(Value::missing());
      else if (r == 1) v.push_back(Value::suppressed_count());
      else v.push_back(Value::of(static_cast<double>(rng() % 15) / 4.0 - 1.0));  // many ties
    }
    auto a = st::summarize(v, scratch);
    d.assign(v);
    auto b = d.summary();
    ASSERT_EQ(a.n, b.n);
    ASSERT_EQ(a.n_missing, b.n_missing);
    ASSERT_EQ(a.n_suppressed, b.n_suppressed);
    EXPECT_EQ(a.mean, b.mean);
    EXPECT_EQ(a.median, b.median);
    EXPECT_EQ(a.p10, b.p10);
    EXPECT_EQ(a.p25, b.p25);
    EXPECT_EQ(a.p75, b.p75);
    EXPECT_EQ(a.p90, b.p90);
    EXPECT_EQ(a.min, b.min);
    EXPECT_EQ(a.max, b.max);
    std::vector<Value> ranks(v.size());
    st::percentile_ranks(v, ranks);
    for (std::size_t i = 0; i < v.size(); ++i) {
      EXPECT_EQ(d.percentile_rank(v[i]), st::percentile_rank(v[i], v));
      EXPECT_EQ(ranks[i], d.percentile_rank(v[i]));
    }
  }
}

TEST(PercentileRank, DistinctValues) {
  st::Distribution d(numbers({40, 15, 50, 20, 35}));
  expect_number(d.percentile_rank(Value::of(15)), 10);  // (0 + 0.5) / 5
  expect_number(d.percentile_rank(Value::of(20)), 30);
  expect_number(d.percentile_rank(Value::of(35)), 50);
  expect_number(d.percentile_rank(Value::of(40)), 70);
  expect_number(d.percentile_rank(Value::of(50)), 90);
  expect_number(d.percentile_rank(Value::of(30)), 40);  // not a peer: 2 below
  expect_number(d.percentile_rank(Value::of(99)), 100);
  expect_number(d.percentile_rank(Value::of(-1)), 0);
}

TEST(PercentileRank, TiesAndNonNumbers) {
  auto v = numbers({2, 5, 2, 2});
  v.push_back(Value::missing());
  st::Distribution d(v);
  expect_number(d.percentile_rank(Value::of(2)), 37.5);  // (0 + 1.5) / 4
  expect_number(d.percentile_rank(Value::of(5)), 87.5);  // (3 + 0.5) / 4
  expect_missing(d.percentile_rank(Value::missing()), Reason::missing_input);
  expect_missing(d.percentile_rank(Value::suppressed_count()), Reason::suppressed_input);
  expect_number(st::percentile_rank(Value::of(2), v), 37.5);
  std::vector<Value> all(v.size());
  st::percentile_ranks(v, all);
  expect_number(all[0], 37.5);
  expect_number(all[1], 87.5);
  expect_number(all[3], 37.5);
  expect_missing(all[4], Reason::missing_input);
  EXPECT_THROW(st::percentile_ranks(v, std::span<Value>(all).first(2)), std::invalid_argument);
  st::Distribution all_same(numbers({3, 3, 3}));
  expect_number(all_same.percentile_rank(Value::of(3)), 50);
  st::Distribution empty;
  expect_missing(empty.percentile_rank(Value::of(1)), Reason::missing_input);
  expect_missing(st::percentile_rank(Value::of(1), {}), Reason::missing_input);
}

TEST(Quartile, BoundariesBelongToTheLowerQuartile) {
  st::Distribution d(numbers({40, 15, 50, 20, 35}));  // P25 = 20, P50 = 35, P75 = 40
  EXPECT_EQ(d.quartile(Value::of(15)), 1);
  EXPECT_EQ(d.quartile(Value::of(20)), 1);  // exactly P25
  EXPECT_EQ(d.quartile(Value::of(20.0001)), 2);
  EXPECT_EQ(d.quartile(Value::of(35)), 2);  // exactly the median
  EXPECT_EQ(d.quartile(Value::of(36)), 3);
  EXPECT_EQ(d.quartile(Value::of(40)), 3);  // exactly P75
  EXPECT_EQ(d.quartile(Value::of(50)), 4);
  EXPECT_EQ(d.quartile(Value::missing()), std::nullopt);
  EXPECT_EQ(st::Distribution{}.quartile(Value::of(1)), std::nullopt);
}

TEST(Quartile, InterpolatedBoundaries) {
  st::Distribution d(numbers({1, 2, 3, 4}));  // P25 = 1.75, P50 = 2.5, P75 = 3.25
  EXPECT_EQ(d.quartile(Value::of(1)), 1);
  EXPECT_EQ(d.quartile(Value::of(1.75)), 1);
  EXPECT_EQ(d.quartile(Value::of(2)), 2);
  EXPECT_EQ(d.quartile(Value::of(3)), 3);
  EXPECT_EQ(d.quartile(Value::of(3.25)), 3);
  EXPECT_EQ(d.quartile(Value::of(4)), 4);
  st::Distribution one(numbers({-2}));
  EXPECT_EQ(one.quartile(Value::of(-2)), 1);
  EXPECT_EQ(one.quartile(Value::of(-1)), 4);
}

TEST(RatioOfSums, SkipsBoardsWithoutBoth) {
  std::vector<Value> num = {Value::of(10), Value::of(20), Value::missing(), Value::of(5)};
  std::vector<Value> den = {Value::of(100), Value::of(300), Value::of(50), Value::suppressed_count()};
  auto r = st::ratio_of_sums(num, den);
  expect_number(r.value, 0.075);  // 30 / 400
  EXPECT_DOUBLE_EQ(r.numerator, 30);
  EXPECT_DOUBLE_EQ(r.denominator, 400);
  EXPECT_EQ(r.n_used, 2u);
  EXPECT_EQ(r.n_skipped, 2u);
}

TEST(RatioOfSums, EdgeCases) {
  expect_missing(st::ratio_of_sums({}, {}).value, Reason::missing_input);
  auto zero = st::ratio_of_sums(numbers({1, -1}), numbers({2, -2}));
  expect_missing(zero.value, Reason::zero_denominator);
  EXPECT_EQ(zero.n_used, 2u);
  auto neg = st::ratio_of_sums(numbers({-50, 10}), numbers({100, 100}));
  expect_number(neg.value, -0.2);
  EXPECT_THROW(st::ratio_of_sums(numbers({1}), numbers({1, 2})), std::invalid_argument);
}

TEST(Signals, CountBeyondEachOperator) {
  auto v = numbers({0.2, 0.35, 0.30});
  v.push_back(Value::missing());
  v.push_back(Value::of(0.1));
  v.push_back(Value::suppressed_count());
  auto lt = st::count_beyond(v, st::Compare::lt, 0.30);
  EXPECT_EQ(lt.n_beyond, 2u);
  EXPECT_EQ(lt.n_with_value, 4u);
  expect_number(lt.share, 0.5);
  auto le = st::count_beyond(v, st::parse_compare("<="), 0.30);
  EXPECT_EQ(le.n_beyond, 3u);
  expect_number(le.share, 0.75);
  EXPECT_EQ(st::count_beyond(v, st::parse_compare(">"), 0.30).n_beyond, 1u);
  EXPECT_EQ(st::count_beyond(v, st::parse_compare(">="), 0.30).n_beyond, 2u);
  expect_missing(st::count_beyond({}, st::Compare::lt, 1).share, Reason::missing_input);
  EXPECT_THROW(st::parse_compare("=<"), povo::Error);
  EXPECT_FALSE(st::to_compare("=>").has_value());
  EXPECT_EQ(st::to_compare(">="), st::Compare::ge);
  EXPECT_STREQ(st::compare_text(st::Compare::le), "<=");
}

TEST(Signals, ConditionalSignal) {
  st::Threshold s;
  s.op = st::Compare::lt;
  s.threshold = 0.2;
  s.conditional = true;
  s.when_min = 0;
  s.when_max = 1e7;
  auto v = numbers({0.1, 0.1, 0.1, 0.5, 0.1});
  std::vector<Value> when = {Value::of(1e6), Value::of(5e6), Value::of(2e7), Value::of(1e6), Value::missing()};
  auto c = st::count_signal(v, s, when);
  EXPECT_EQ(c.n_beyond, 2u);
  EXPECT_EQ(c.n_with_value, 3u);
  expect_number(c.share, 2.0 / 3.0);
  auto boundary = when;
  boundary[0] = Value::of(1e7);  // when_max is exclusive
  EXPECT_EQ(st::count_signal(v, s, boundary).n_with_value, 2u);
  EXPECT_THROW(st::count_signal(v, s, {}), std::invalid_argument);
  s.conditional = false;
  EXPECT_EQ(st::count_signal(v, s).n_beyond, 4u);
  EXPECT_TRUE(s.flags(Value::of(0.1), Value::missing()));
  s.conditional = true;
  EXPECT_FALSE(s.flags(Value::of(0.1), Value::missing()));  // the condition is unknown: not flagged
  EXPECT_TRUE(s.flags(Value::of(0.1), Value::of(0)));        // when_min is inclusive
}


TEST(Summary, NaNCountsAsMissing) {
  auto v = numbers({1, std::nan(""), 3});
  auto s = st::summarize(v);
  EXPECT_EQ(s.n, 2u);
  EXPECT_EQ(s.n_missing, 1u);
  expect_number(s.median, 2);
  st::Distribution d(v);
  EXPECT_EQ(d.n(), 2u);
  expect_missing(d.percentile_rank(v[1]), Reason::invalid);
  std::vector<Value> ranks(3);
  st::percentile_ranks(v, ranks);
  expect_number(ranks[0], 25);
  expect_missing(ranks[1], Reason::invalid);
  EXPECT_EQ(st::count_beyond(v, st::Compare::lt, 10).n_with_value, 2u);
}
