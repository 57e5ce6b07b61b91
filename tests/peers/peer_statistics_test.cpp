#include "peers/peer_statistics.hpp"

#include "../support/test_job.hpp"

#include <gtest/gtest.h>

using namespace povo;

namespace {

// Six po boards and one vo board. Indicator solvabiliteit_2 in 2024:
// 0.20, 0.50, 0.60, 0.70, 0.80, missing (po) and 0.9 (vo).
struct Fixture {
  Dataset ds;
  job::Job job;
  indicators::IndicatorTable table;
  std::size_t solv = 0;
  Fixture() {
    auto ev = ds.declare_measure("eigen_vermogen", EntityKind::board);
    auto ta = ds.declare_measure("totaal_activa", EntityKind::board);
    auto baten = ds.declare_measure("totale_baten", EntityKind::board);
    const double solvency[] = {0.2, 0.5, 0.6, 0.7, 0.8, -1, 0.9};
    for (int i = 0; i < 7; ++i) {
      auto b = ds.add_entity(EntityKind::board, std::to_string(20000 + i));
      ds.set_attribute(EntityKind::board, b, "sector", i < 6 ? "po" : "vo");
      ds.set(ev, b, 2024, Value::of(solvency[i] * 100 * (i + 1)));
      ds.set(ta, b, 2024, Value::of(100.0 * (i + 1)));
      ds.set(baten, b, 2024, Value::of(i < 3 ? 2e6 : 20e6));
    }
    auto set = std::make_shared<test_support::LambdaSet>();
    IndicatorInfo& info = set->add("solvabiliteit_2", {"eigen_vermogen", "totaal_activa", "totale_baten"},
                                   [](const BoardYear&) { return Value(); });
    info.aggregation = Aggregation::ratio_of_sums;
    info.aggregate_numerator = {"eigen_vermogen"};
    info.aggregate_denominator = {"totaal_activa"};
    info.signals = {SignalValue{"s", "<", 0.30, "signaal", "", -1e300, 1e300},
                    SignalValue{"groot", "<", 0.65, "groot", "totale_baten", 12e6, 1e300}};
    test_support::add_indicator_set(job, set, "test");
    table = indicators::IndicatorTable(job.indicators, 7);
    solv = 0;
    for (EntityIndex b = 0; b < 7; ++b) {
      table.set(solv, b, 2024, solvency[b] < 0 ? Value::missing(Reason::zero_denominator) : Value::of(solvency[b]));
    }
  }
};

std::vector<peers::PeerGroupDef> sector_def(std::size_t k) {
  peers::PeerGroupDef d;
  d.id = "sector";
  d.label = "Sector";
  d.by = {"sector"};
  d.min_size = k;
  return {d};
}

}  // namespace

TEST(PeerStatistics, SummaryPositionAndSignalsComputedByHand) {
  Fixture f;
  peers::PeerGroups groups(f.ds, sector_def(2));
  peers::PeerStatistics st(f.ds, f.table, groups, 5);
  auto p = st.position(f.solv, 3, 0, 2024);  // board 20003: 0.70
  EXPECT_EQ(p.value, Value::of(0.7));
  EXPECT_EQ(p.membership.members->size(), 6u);
  EXPECT_EQ(p.peers.n, 5u);
  EXPECT_EQ(p.peers.n_missing, 1u);
  // Sorted: 0.2 0.5 0.6 0.7 0.8. Type 7: P25 at h = 1 -> 0.5; median 0.6; P75 0.7; P10 at h=0.4 -> 0.32.
  EXPECT_DOUBLE_EQ(p.peers.median.number(), 0.6);
  EXPECT_DOUBLE_EQ(p.peers.p25.number(), 0.5);
  EXPECT_DOUBLE_EQ(p.peers.p75.number(), 0.7);
  EXPECT_NEAR(p.peers.p10.number(), 0.32, 1e-12);
  EXPECT_NEAR(p.peers.mean.number(), 0.56, 1e-12);
  // Rank: 3 below, 1 tie (itself): (3 + 0.5) / 5 = 70.
  EXPECT_NEAR(p.percentile_rank.number(), 70.0, 1e-12);
  EXPECT_EQ(p.quartile, 3);  // exactly on P75 goes to the lower quartile
  EXPECT_EQ(p.beyond, (std::vector<bool>{false, false}));  // 0.70 is not below 0.65 for a large board

  auto low = st.position(f.solv, 0, 0, 2024);  // 0.20, small board
  EXPECT_EQ(low.beyond, (std::vector<bool>{true, false}));
  EXPECT_EQ(low.quartile, 1);

  auto counts = st.signal_counts(f.solv, *p.membership.members, 2024);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].n_beyond, 1u);
  EXPECT_EQ(counts[0].n_with_value, 5u);
  EXPECT_EQ(counts[1].n_beyond, 0u);  // applies to the large boards only: 0.70 and 0.80, neither below 0.65
  EXPECT_EQ(counts[1].n_with_value, 2u);

  // Ratio of sums: equity = 0.2*100 + 0.5*200 + 0.6*300 + 0.7*400 + 0.8*500 + (-1)*600 = 20+100+180+280+400-600 = 380;
  // assets = 100+200+300+400+500+600 = 2100.
  auto agg = st.aggregate(f.solv, *p.membership.members, 2024);
  ASSERT_TRUE(agg.has_value());
  EXPECT_NEAR(agg->value.number(), 380.0 / 2100.0, 1e-12);
  EXPECT_EQ(agg->n_used, 6u);
}

TEST(PeerStatistics, FewerThanKValuesAreWithheld) {
  Fixture f;
  peers::PeerGroups groups(f.ds, sector_def(1));
  peers::PeerStatistics st(f.ds, f.table, groups, 5);
  auto vo = st.position(f.solv, 6, 0, 2024);
  EXPECT_TRUE(vo.peers.withheld);
  EXPECT_EQ(vo.percentile_rank, Value::missing(Reason::too_few_peers));
  EXPECT_FALSE(vo.quartile.has_value());
}

// The group figure is formed as the indicator declares: here a ratio of sums, over the
// boards with both parts, withheld below k boards.
TEST(PeerStatistics, GroupFigureFollowsTheDeclaredAggregation) {
  Fixture f;
  peers::PeerGroups groups(f.ds, sector_def(2));
  peers::PeerStatistics st(f.ds, f.table, groups, 5);
  std::vector<EntityIndex> po = {0, 1, 2, 3, 4, 5};
  auto fig = st.figure(f.solv, po, 2024);
  EXPECT_EQ(fig.how, Aggregation::ratio_of_sums);
  EXPECT_NEAR(fig.value.number(), 380.0 / 2100.0, 1e-12);
  EXPECT_EQ(fig.n_used, 6u);
  EXPECT_EQ(fig.n_total, 6u);
  EXPECT_FALSE(fig.withheld);
  auto few = st.figure(f.solv, std::vector<EntityIndex>{0, 1, 2, 3}, 2024);
  EXPECT_TRUE(few.withheld);
  EXPECT_EQ(few.value, Value::missing(Reason::too_few_peers));
}

TEST(PeerStatistics, SumsAddUpAndMediansDoNot) {
  Dataset ds;
  job::Job j;
  auto set = std::make_shared<test_support::LambdaSet>();
  IndicatorInfo& pupils = set->add("pupils", {}, [](const BoardYear&) { return Value(); });
  pupils.unit = Unit::count;
  pupils.format = "0";
  pupils.aggregation = Aggregation::sum;
  IndicatorInfo& per_pupil = set->add("per_pupil", {}, [](const BoardYear&) { return Value(); });
  per_pupil.unit = Unit::euro;
  per_pupil.format = "eur";
  test_support::add_indicator_set(j, set, "test");
  for (int i = 0; i < 6; ++i) ds.add_entity(EntityKind::board, std::to_string(30000 + i));
  indicators::IndicatorTable table(j.indicators, 6);
  // pupils 100..500 and one "<5"; per pupil 10, 20, ..., 60.
  for (EntityIndex b = 0; b < 6; ++b) {
    table.set(0, b, 2024, b == 5 ? Value::suppressed_count() : Value::of(100.0 * (b + 1)));
    table.set(1, b, 2024, Value::of(10.0 * (b + 1)));
  }
  peers::PeerGroups groups(ds, sector_def(1));
  peers::PeerStatistics st(ds, table, groups, 5);
  std::vector<EntityIndex> all = {0, 1, 2, 3, 4, 5};
  auto total = st.figure(0, all, 2024);
  EXPECT_EQ(total.how, Aggregation::sum);
  EXPECT_EQ(total.value, Value::range(1501, 1504));  // 1500 + a count of 1 to 4
  EXPECT_EQ(total.n_used, 6u);
  auto median = st.figure(1, all, 2024);
  EXPECT_EQ(median.how, Aggregation::median);
  EXPECT_DOUBLE_EQ(median.value.number(), 35.0);  // never 210, the sum of the ratios
}
