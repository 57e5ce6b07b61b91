// Finance indicators: every value below is computed by hand in the comments.
#include "fake_board_year.hpp"
#include "finance_indicators.hpp"

#include <gtest/gtest.h>

using namespace povo;
using namespace povo::testing;
using povo::finance::FinanceIndicators;

namespace {

// A board with B = totale + financiële baten = 5,940,000 + 60,000 = 6,000,000 this year.
FakeBoard example_board() {
  FakeBoard b;
  b.set("eigen_vermogen", 1'200'000)
      .set("totaal_activa", 3'000'000)
      .set("voorzieningen", 300'000)
      .set("vlottende_activa", 1'800'000)
      .set("kortlopende_schulden", 1'200'000)
      .set("resultaat", -90'000)
      .set("totale_baten", 5'940'000)
      .set("financiele_baten", 60'000)
      .set("huisvestingslasten", 480'000)
      .set("totale_lasten", 5'970'000)
      .set("financiele_lasten", 30'000)
      .set("personeelslasten", 4'776'000)
      .set("leerlingen_bestuur", 1'200)
      .set("liquide_middelen", 1'234'567)
      .set("gebouwen_aanschafwaarde", 4'000'000)
      .set("materiele_vaste_activa", 3'000'000)
      .set("gebouwen_boekwaarde", 2'000'000);
  // Previous year: 180,000 / (5,900,000 + 100,000) = 0.03.
  b.set("resultaat", 180'000, 1).set("totale_baten", 5'900'000, 1).set("financiele_baten", 100'000, 1);
  // Two years back: -250,000 / (4,990,000 + 10,000) = -0.05.
  b.set("resultaat", -250'000, 2).set("totale_baten", 4'990'000, 2).set("financiele_baten", 10'000, 2);
  return b;
}

}  // namespace

TEST(Finance, DescriptionsAreComplete) {
  FinanceIndicators set;
  expect_complete_descriptions(set);
  auto infos = set.indicators();
  ASSERT_EQ(infos.size(), static_cast<std::size_t>(finance::indicator_count));
  const char* ids[] = {"solvabiliteit_1",        "solvabiliteit_2",       "liquiditeit",
                       "rentabiliteit",          "rentabiliteit_2j",      "rentabiliteit_3j",
                       "weerstandsvermogen",     "huisvestingsratio",     "personeelslasten_ratio",
                       "baten_per_leerling",     "liquide_middelen_absoluut", "normatief_publiek_ev",
                       "ratio_bovenmatig_ev",    "mogelijk_bovenmatig_ev"};
  for (std::size_t i = 0; i < infos.size(); ++i) EXPECT_EQ(infos[i].id, ids[i]);
  EXPECT_EQ(info_of(set, "huisvestingsratio").theme, "huisvesting");
  EXPECT_EQ(info_of(set, "solvabiliteit_2").theme, "financien");
  EXPECT_EQ(info_of(set, "rentabiliteit").format, "0.0%");
  EXPECT_EQ(info_of(set, "normatief_publiek_ev").unit, Unit::euro);
  EXPECT_EQ(info_of(set, "huisvestingsratio").direction, Direction::lower_is_better);

  // Sector aggregates as a ratio of sums, only where the indicator is one sum over another.
  auto solv2 = info_of(set, "solvabiliteit_2");
  EXPECT_EQ(solv2.aggregate_numerator, (std::vector<std::string>{"eigen_vermogen", "voorzieningen"}));
  EXPECT_EQ(solv2.aggregate_denominator, (std::vector<std::string>{"totaal_activa"}));
  EXPECT_EQ(info_of(set, "rentabiliteit").aggregate_denominator,
            (std::vector<std::string>{"totale_baten", "financiele_baten"}));
  for (const char* id : {"rentabiliteit_2j", "rentabiliteit_3j", "liquide_middelen_absoluut", "normatief_publiek_ev",
                         "ratio_bovenmatig_ev", "mogelijk_bovenmatig_ev"}) {
    EXPECT_TRUE(info_of(set, id).aggregate_numerator.empty()) << id;
  }

  // The vocabulary the id and input checks use is read from docs/measures.md.
  auto measures = documented_measures();
  for (const char* m : {"liquide_middelen", "leerlingen", "leerlingen_bestuur", "geslaagden_havo_bestuur",
                        "fte_op", "prive_vermogen", "zittenblijvers_bestuur"}) {
    EXPECT_TRUE(measures.count(m)) << m;
  }
}

TEST(Finance, SingleYearRatios) {
  FinanceIndicators set;
  FakeBoard b = example_board();
  EXPECT_TRUE(IsNumber(compute(set, "solvabiliteit_1", b), 0.4));    // 1.2m / 3m
  EXPECT_TRUE(IsNumber(compute(set, "solvabiliteit_2", b), 0.5));    // (1.2m + 0.3m) / 3m
  EXPECT_TRUE(IsNumber(compute(set, "liquiditeit", b), 1.5));        // 1.8m / 1.2m
  EXPECT_TRUE(IsNumber(compute(set, "rentabiliteit", b), -0.015));   // -90k / 6m
  EXPECT_TRUE(IsNumber(compute(set, "weerstandsvermogen", b), 0.2)); // 1.2m / 6m
  EXPECT_TRUE(IsNumber(compute(set, "huisvestingsratio", b), 0.08)); // 480k / (5.97m + 30k)
  EXPECT_TRUE(IsNumber(compute(set, "personeelslasten_ratio", b), 0.8));  // 4.776m / 5.97m
  EXPECT_TRUE(IsNumber(compute(set, "baten_per_leerling", b), 4'950));    // 5.94m / 1200
  EXPECT_TRUE(IsNumber(compute(set, "liquide_middelen_absoluut", b), 1'234'567));
}

TEST(Finance, MultiYearRentabiliteitIsTheMeanOfYearlyRatios) {
  FinanceIndicators set;
  FakeBoard b = example_board();
  // (-0.015 + 0.03) / 2 = 0.0075
  EXPECT_TRUE(IsNumber(compute(set, "rentabiliteit_2j", b), 0.0075));
  // (-0.015 + 0.03 - 0.05) / 3 = -0.035 / 3
  EXPECT_TRUE(IsNumber(compute(set, "rentabiliteit_3j", b), -0.035 / 3));
  // Not the ratio of sums: (-90k + 180k - 250k) / (6m + 6m + 5m) = -160k / 17m = -0.009412
  EXPECT_FALSE(IsNumber(compute(set, "rentabiliteit_3j", b), -160'000.0 / 17'000'000, 1e-6));

  // The years read are t, t-1 (and t-2), nothing else.
  auto info = info_of(set, "rentabiliteit_3j");
  FakeBoardYear in(b, info);
  set.compute(finance::rentabiliteit_3j, in);
  std::set<int> years;
  for (const auto& r : in.reads) years.insert(r.second);
  EXPECT_EQ(years, (std::set<int>{0, 1, 2}));
}

TEST(Finance, MultiYearRentabiliteitWithAMissingYear) {
  FinanceIndicators set;
  FakeBoard b = example_board();
  b.unset("resultaat", 1);  // no annual report the previous year
  EXPECT_TRUE(IsNumber(compute(set, "rentabiliteit", b), -0.015));
  EXPECT_TRUE(IsMissing(compute(set, "rentabiliteit_2j", b), Reason::missing_input));
  EXPECT_TRUE(IsMissing(compute(set, "rentabiliteit_3j", b), Reason::missing_input));

  FakeBoard c = example_board();
  c.unset("resultaat", 2);  // two years back missing: the 2-year mean is still known
  EXPECT_TRUE(IsNumber(compute(set, "rentabiliteit_2j", c), 0.0075));
  EXPECT_TRUE(IsMissing(compute(set, "rentabiliteit_3j", c), Reason::missing_input));

  FakeBoard d = example_board();
  d.set("totale_baten", 0, 2).set("financiele_baten", 0, 2);  // no income two years back
  EXPECT_TRUE(IsMissing(compute(set, "rentabiliteit_3j", d), Reason::zero_denominator));
}

TEST(Finance, ZeroDenominators) {
  FinanceIndicators set;
  FakeBoard b = example_board();
  b.set("totaal_activa", 0).set("kortlopende_schulden", 0).set("totale_baten", 0).set("financiele_baten", 0);
  b.set("totale_lasten", 0).set("financiele_lasten", 0).set("leerlingen_bestuur", 0);
  for (const char* id : {"solvabiliteit_1", "solvabiliteit_2", "liquiditeit", "rentabiliteit", "rentabiliteit_2j",
                         "weerstandsvermogen", "huisvestingsratio", "personeelslasten_ratio", "baten_per_leerling"}) {
    EXPECT_TRUE(IsMissing(compute(set, id, b), Reason::zero_denominator)) << id;
  }
  // B = 0 is below band_low: normatief = 2,540,000 + 1,000,000 + 300,000 = 3,840,000.
  EXPECT_TRUE(IsNumber(compute(set, "normatief_publiek_ev", b), 3'840'000));
}

TEST(Finance, NegativeEquity) {
  FinanceIndicators set;
  FakeBoard b = example_board();
  b.set("eigen_vermogen", -500'000).set("voorzieningen", 200'000).set("totaal_activa", 4'000'000);
  EXPECT_TRUE(IsNumber(compute(set, "solvabiliteit_1", b), -0.125));           // -500k / 4m
  EXPECT_TRUE(IsNumber(compute(set, "solvabiliteit_2", b), -0.075));           // -300k / 4m
  EXPECT_TRUE(IsNumber(compute(set, "weerstandsvermogen", b), -500'000.0 / 6e6));
  // feitelijk -500,000 / normatief 3,990,000 (B = 6m, see below)
  EXPECT_TRUE(IsNumber(compute(set, "ratio_bovenmatig_ev", b), -500'000.0 / 3'990'000));
  EXPECT_TRUE(IsNumber(compute(set, "mogelijk_bovenmatig_ev", b), 0));
}

TEST(Finance, MissingAndSuppressedInputs) {
  FinanceIndicators set;
  FakeBoard b = example_board();
  b.unset("voorzieningen");
  EXPECT_TRUE(IsMissing(compute(set, "solvabiliteit_2", b), Reason::missing_input));
  EXPECT_TRUE(IsNumber(compute(set, "solvabiliteit_1", b), 0.4));
  b.unset("liquide_middelen");
  EXPECT_TRUE(IsMissing(compute(set, "liquide_middelen_absoluut", b), Reason::missing_input));
  b.unset("financiele_baten");
  EXPECT_TRUE(IsMissing(compute(set, "rentabiliteit", b), Reason::missing_input));
  EXPECT_TRUE(IsMissing(compute(set, "normatief_publiek_ev", b), Reason::missing_input));

  FakeBoard s = example_board();
  s.set("leerlingen_bestuur", Value::range(1'195, 1'210));  // a board sum over cells with "<5"
  EXPECT_TRUE(IsMissing(compute(set, "baten_per_leerling", s), Reason::suppressed_input));
  s.set("leerlingen_bestuur", Value::suppressed_count());
  EXPECT_TRUE(IsMissing(compute(set, "baten_per_leerling", s), Reason::suppressed_input));

  // A number that is not finite gives an invalid result, never NaN or a clamped 0.
  FakeBoard n = example_board();
  n.set("eigen_vermogen", Value::of(NAN));
  for (const char* id : {"solvabiliteit_1", "ratio_bovenmatig_ev", "mogelijk_bovenmatig_ev"}) {
    EXPECT_TRUE(IsMissing(compute(set, id, n), Reason::invalid)) << id;
  }
}

// Normatief publiek EV with gebouwen_aanschafwaarde 4,000,000, materiele_vaste_activa
// 3,000,000 and gebouwen_boekwaarde 2,000,000:
//   buildings  0.5 × 4,000,000 × 1.27       = 2,540,000
//   other MVA  3,000,000 − 2,000,000        = 1,000,000   → 3,540,000 before the buffer
//   B = €2m:  B < €3m, fixed buffer         =   300,000   → 3,840,000
//   B = €3m:  p = 10% (band start)          =   300,000   → 3,840,000
//   B = €6m:  p = 0.05 + 0.05 × ln(6/12) / ln(3/12) = 0.05 + 0.05 × 0.5 = 7.5%
//             buffer = 0.075 × 6,000,000    =   450,000   → 3,990,000
//   B = €12m: p = 5%                        =   600,000   → 4,140,000
//   B = €20m: p = 5%                        = 1,000,000   → 4,540,000
TEST(Finance, NormatiefPubliekEigenVermogenAcrossTheBand) {
  FinanceIndicators set;
  const std::pair<double, double> cases[] = {
      {2e6, 3'840'000}, {3e6, 3'840'000}, {6e6, 3'990'000}, {12e6, 4'140'000}, {20e6, 4'540'000}};
  for (auto [B, expected] : cases) {
    FakeBoard b = example_board();
    b.set("totale_baten", B - 50'000).set("financiele_baten", 50'000);
    EXPECT_TRUE(IsNumber(compute(set, "normatief_publiek_ev", b), expected, 1e-6)) << "B = " << B;
  }
  finance::Options o;
  EXPECT_DOUBLE_EQ(finance::risicobuffer(2e6, o), 300'000);
  EXPECT_DOUBLE_EQ(finance::risicobuffer(3e6, o), 300'000);
  EXPECT_NEAR(finance::risicobuffer(6e6, o), 450'000, 1e-6);
  EXPECT_DOUBLE_EQ(finance::risicobuffer(12e6, o), 600'000);
  EXPECT_DOUBLE_EQ(finance::risicobuffer(20e6, o), 1'000'000);
  // The share falls monotonically inside the band and the buffer is continuous at both ends.
  EXPECT_NEAR(finance::risicobuffer(3e6 - 1e-3, o), finance::risicobuffer(3e6, o), 1e-2);
  EXPECT_NEAR(finance::risicobuffer(12e6 - 1e-3, o), finance::risicobuffer(12e6, o), 1e-2);
  double last = 1;
  for (double B = 3e6; B < 12e6; B += 5e5) {
    double p = finance::risicobuffer(B, o) / B;
    EXPECT_LE(p, last);
    last = p;
  }
}

TEST(Finance, NormatiefParametersFromOptions) {
  FinanceIndicators set;
  ASSERT_TRUE(set.configure(options({{"gebouwen_factor", "0.4"},
                                     {"bouwkostenindex", "1.0"},
                                     {"buffer_small_fixed", "250000"},
                                     {"buffer_pct_low", "0.08"},
                                     {"buffer_pct_high", "0.04"},
                                     {"band_low", "1000000"},
                                     {"band_high", "4000000"}})));
  // buildings 0.4 × 4,000,000 × 1.0 = 1,600,000; other MVA 1,000,000.
  // B = 2m: p = 0.04 + 0.04 × ln(2/4) / ln(1/4) = 0.04 + 0.02 = 6% → 120,000 → 2,720,000
  FakeBoard b = example_board();
  b.set("totale_baten", 1'950'000).set("financiele_baten", 50'000);
  EXPECT_TRUE(IsNumber(compute(set, "normatief_publiek_ev", b), 2'720'000, 1e-6));
  // B = 0.5m: fixed 250,000 → 2,850,000
  b.set("totale_baten", 450'000);
  EXPECT_TRUE(IsNumber(compute(set, "normatief_publiek_ev", b), 2'850'000, 1e-6));
  // B = 5m: 4% → 200,000 → 2,800,000
  b.set("totale_baten", 4'950'000);
  EXPECT_TRUE(IsNumber(compute(set, "normatief_publiek_ev", b), 2'800'000, 1e-6));
}

TEST(Finance, BovenmatigEigenVermogen) {
  FinanceIndicators set;
  FakeBoard b = example_board();  // B = 6m: normatief 3,990,000
  b.set("eigen_vermogen", 5'000'000).set("prive_vermogen", 210'000);
  // feitelijk = 5,000,000 − 210,000 = 4,790,000; ratio 4.79m / 3.99m; excess 800,000
  EXPECT_TRUE(IsNumber(compute(set, "ratio_bovenmatig_ev", b), 4'790'000.0 / 3'990'000));
  EXPECT_TRUE(IsNumber(compute(set, "mogelijk_bovenmatig_ev", b), 800'000, 1e-6));

  // Below the norm: 1,200,000 / 3,990,000 and no excess.
  FakeBoard c = example_board();
  EXPECT_TRUE(IsNumber(compute(set, "ratio_bovenmatig_ev", c), 1'200'000.0 / 3'990'000));
  EXPECT_TRUE(IsNumber(compute(set, "mogelijk_bovenmatig_ev", c), 0));

  // A missing prive_vermogen counts as 0 unless the option says otherwise.
  ASSERT_TRUE(set.configure(options({{"prive_vermogen_missing_as_zero", "false"}})));
  EXPECT_TRUE(IsMissing(compute(set, "ratio_bovenmatig_ev", c), Reason::missing_input));
  EXPECT_TRUE(IsMissing(compute(set, "mogelijk_bovenmatig_ev", c), Reason::missing_input));
  c.set("prive_vermogen", 0);
  EXPECT_TRUE(IsNumber(compute(set, "mogelijk_bovenmatig_ev", c), 0));

  // A zero norm (all parameters 0) is a zero denominator.
  ASSERT_TRUE(set.configure(options({{"gebouwen_factor", "0"}, {"buffer_small_fixed", "0"}})));
  FakeBoard z = example_board();
  z.set("materiele_vaste_activa", 2'000'000).set("totale_baten", 1'000'000);
  EXPECT_TRUE(IsMissing(compute(set, "ratio_bovenmatig_ev", z), Reason::zero_denominator));
}

TEST(Finance, CurrentSignalSet) {
  FinanceIndicators set;
  auto s2 = info_of(set, "solvabiliteit_2").signals;
  ASSERT_EQ(s2.size(), 1u);
  EXPECT_EQ(s2[0].op, "<");
  EXPECT_DOUBLE_EQ(s2[0].threshold, 0.30);
  EXPECT_EQ(s2[0].id, "inspectie_2021");

  auto liq = info_of(set, "liquiditeit").signals;
  ASSERT_EQ(liq.size(), 3u);
  const double bounds[][3] = {{-INFINITY, 3e6, 1.5}, {3e6, 12e6, 1.0}, {12e6, INFINITY, 0.75}};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(liq[i].when_input, "totale_baten");
    EXPECT_EQ(liq[i].when_min, bounds[i][0]);
    EXPECT_EQ(liq[i].when_max, bounds[i][1]);
    EXPECT_DOUBLE_EQ(liq[i].threshold, bounds[i][2]);
    EXPECT_EQ(liq[i].op, "<");
  }
  auto cash = info_of(set, "liquide_middelen_absoluut").signals;
  ASSERT_EQ(cash.size(), 1u);
  EXPECT_DOUBLE_EQ(cash[0].threshold, 100'000);
  auto ratio = info_of(set, "ratio_bovenmatig_ev").signals;
  ASSERT_EQ(ratio.size(), 1u);
  EXPECT_EQ(ratio[0].op, ">");
  EXPECT_DOUBLE_EQ(ratio[0].threshold, 1.0);
  for (const char* id : {"solvabiliteit_1", "rentabiliteit", "rentabiliteit_2j", "rentabiliteit_3j",
                         "weerstandsvermogen", "huisvestingsratio", "normatief_publiek_ev"}) {
    EXPECT_TRUE(info_of(set, id).signals.empty()) << id;
  }

  ASSERT_TRUE(set.configure(options({{"liquiditeit_05_boven_25m", "true"}})));
  liq = info_of(set, "liquiditeit").signals;
  ASSERT_EQ(liq.size(), 4u);
  EXPECT_EQ(liq[2].when_max, 25e6);
  EXPECT_EQ(liq[3].when_min, 25e6);
  EXPECT_DOUBLE_EQ(liq[3].threshold, 0.5);
}

TEST(Finance, OldSignalSet) {
  FinanceIndicators set;
  ASSERT_TRUE(set.configure(options({{"signal_set", "old"}})));
  auto only = [&](const char* id, const char* op, double threshold) {
    auto s = info_of(set, id).signals;
    ASSERT_EQ(s.size(), 1u) << id;
    EXPECT_EQ(s[0].op, op) << id;
    EXPECT_DOUBLE_EQ(s[0].threshold, threshold) << id;
    EXPECT_EQ(s[0].id, "inspectie_oud");
    EXPECT_TRUE(s[0].when_input.empty());
  };
  only("solvabiliteit_2", "<", 0.30);
  only("liquiditeit", "<", 0.75);
  only("rentabiliteit", "<", -0.10);
  only("rentabiliteit_2j", "<", -0.05);
  only("rentabiliteit_3j", "<", 0.0);
  only("huisvestingsratio", ">", 0.10);
  only("weerstandsvermogen", "<", 0.05);
  for (const char* id : {"liquide_middelen_absoluut", "ratio_bovenmatig_ev", "solvabiliteit_1"}) {
    EXPECT_TRUE(info_of(set, id).signals.empty()) << id;
  }
  expect_complete_descriptions(set);
}

TEST(Finance, OptionsAreCheckedWithLocations) {
  FinanceIndicators set;
  EXPECT_TRUE(set.configure(ConfigNode::make_null({}, "indicators[0].options")));
  EXPECT_TRUE(set.configure(options({})));

  auto bad_choice = std::vector<std::pair<std::string, std::string>>{{"signal_set", "olde"}};
  Status s = set.configure(options(bad_choice));
  expect_located_failure(s, 11, "'olde' is not one of: current, old");
  EXPECT_EQ(s.error().hint, "did you mean 'old'?");

  auto not_a_number = std::vector<std::pair<std::string, std::string>>{{"signal_set", "old"}, {"bouwkostenindex", "1,27"}};
  s = set.configure(options(not_a_number));
  expect_located_failure(s, 12, "expected a number");
  EXPECT_EQ(s.error().key_path, "indicators[0].options.bouwkostenindex");

  s = set.configure(options({{"bouwkostenindx", "1.3"}}));
  expect_located_failure(s, 11, "unknown key 'bouwkostenindx'");
  EXPECT_EQ(s.error().hint, "did you mean 'bouwkostenindex'?");

  s = set.configure(options({{"band_low", "12000000"}, {"band_high", "3000000"}}));
  expect_located_failure(s, 12, "band_high");

  s = set.configure(options({{"buffer_pct_low", "10"}}));
  expect_located_failure(s, 11, "at most 1");

  s = set.configure(options({{"bouwkostenindex", "-1"}}));
  expect_located_failure(s, 11, "greater than 0");

  s = set.configure(options({{"prive_vermogen_missing_as_zero", "maybe"}}));
  expect_located_failure(s, 11, "expected true or false");

  // A failed configure leaves the previous options in place.
  EXPECT_EQ(set.options().signal_set, finance::SignalSet::current);
  EXPECT_DOUBLE_EQ(set.options().bouwkostenindex, 1.27);
}

TEST(Finance, OptionSpecsDescribeEveryOption) {
  FinanceIndicators set;
  auto specs = set.option_specs();
  std::set<std::string> names;
  for (const auto& s : specs) {
    names.insert(s.name);
    EXPECT_FALSE(s.description.empty()) << s.name;
    EXPECT_FALSE(s.required) << s.name;
  }
  EXPECT_EQ(names, (std::set<std::string>{"signal_set", "liquiditeit_05_boven_25m", "gebouwen_factor",
                                          "bouwkostenindex", "buffer_small_fixed", "buffer_pct_low",
                                          "buffer_pct_high", "band_low", "band_high",
                                          "prive_vermogen_missing_as_zero"}));
}

TEST(Finance, ComputeNeverThrows) {
  FinanceIndicators set;
  expect_total(set);
  ASSERT_TRUE(set.configure(options({{"signal_set", "old"}, {"prive_vermogen_missing_as_zero", "false"}})));
  expect_total(set, 500);
}
