#include "job/templates.hpp"

#include <gtest/gtest.h>

using namespace povo;
using job::ReportKind;

namespace {

// A catalogue of three indicators: a ratio with a ratio of sums, a count that adds up,
// and a percentage described by its median.
job::IndicatorCatalog catalog() {
  job::IndicatorCatalog c;
  auto add = [&](const char* id, Unit unit, const char* format, Aggregation a) {
    IndicatorInfo info;
    info.id = id;
    info.unit = unit;
    info.format = format;
    info.aggregation = a;
    if (a == Aggregation::ratio_of_sums) {
      info.aggregate_numerator = {"eigen_vermogen"};
      info.aggregate_denominator = {"totaal_activa"};
    }
    job::IndicatorDef def;
    EXPECT_TRUE(job::check_indicator(info, def).empty());
    c.add(def);
  };
  add("solvabiliteit_2", Unit::ratio, "0.00", Aggregation::ratio_of_sums);
  add("aantal_leerlingen", Unit::count, "0", Aggregation::sum);
  add("personeel_verzuim", Unit::percentage, "0.0%", Aggregation::median);
  return c;
}

const job::IndicatorCatalog& the_catalog() {
  static const job::IndicatorCatalog c = catalog();
  return c;
}

std::vector<std::string> text_problems(const std::string& text, ReportKind kind = ReportKind::sector) {
  job::TextNames names;
  names.indicators = &the_catalog();
  names.measures = {"eigen_vermogen", "leerlingen_bestuur"};
  std::vector<Diagnostic> problems;
  job::compile_text(text, SourceLocation{"r.yaml", 7, 13}, kind, names, problems);
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.str());
  return out;
}

std::vector<std::string> title_problems(const std::string& text, bool board) {
  std::vector<Diagnostic> problems;
  job::compile_title(text, SourceLocation{"r.yaml", 3, 12}, board, problems);
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.str());
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST(Templates, TitlesFillTheirFieldsAndRefuseOthers) {
  std::vector<Diagnostic> problems;
  auto t = job::compile_title("bestuur-{board}-{name}-{year} {{x}}", {}, true, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(t.fill(2024, "25244", "Stichting X"), "bestuur-25244-Stichting X-2024 {x}");
  EXPECT_EQ(title_problems("Rapport {jaar}", true),
            V{"r.yaml:3:21: error: unknown field '{jaar}' in 'Rapport {jaar}' (did you mean '{year}'?)"});
  EXPECT_EQ(title_problems("Sector {name}", false),
            V{"r.yaml:3:20: error: '{name}' is only known in a board report (a sector report's titles and file names "
              "may use {year})"});
  EXPECT_EQ(title_problems("Rapport {year", true),
            V{"r.yaml:3:20: error: unclosed '{' in 'Rapport {year' (close the field with '}', or write '{{' for a literal "
              "brace)"});
}

TEST(Templates, TextsAreCheckedNameByNameWithTheColumn) {
  EXPECT_TRUE(text_problems("In {year}: {count(boards)} besturen, {share(boards, solvabiliteit_2 < 0.3)}, "
                            "{median(personeel_verzuim)}, {ratio(solvabiliteit_2)}, {sum(aantal_leerlingen)}.")
                  .empty());
  EXPECT_EQ(text_problems("In {jaar}"), V{"r.yaml:7:17: error: unknown name 'jaar' (did you mean 'year'?)"});
  EXPECT_EQ(text_problems("De mediaan {mediaan(solvabiliteit_2)}"),
            V{"r.yaml:7:25: error: unknown function 'mediaan' in 'mediaan(solvabiliteit_2)' (did you mean 'median'?)"});
  EXPECT_EQ(text_problems("{median(solvabiliteit_2}"),
            V{"r.yaml:7:36: error: expected ',' or ')' in the call of 'median', found the end of the expression in "
              "'median(solvabiliteit_2'"});
  EXPECT_EQ(text_problems("Solvabiliteit {solvabiliteit_2}"),
            V{"r.yaml:7:28: error: 'solvabiliteit_2' has no single value in a sector report (use a "
              "statistic over the boards, e.g. median(solvabiliteit_2) or ratio(solvabiliteit_2))"});
  EXPECT_TRUE(text_problems("Uw solvabiliteit {solvabiliteit_2}", ReportKind::board).empty());
  EXPECT_EQ(text_problems("{share(boards)}"),
            V{"r.yaml:7:14: error: wrong number of arguments for share: 1 given, 2 expected in 'share(boards)' (write "
              "share(boards, condition))"});
  EXPECT_EQ(text_problems("{ratio(personeel_verzuim)}"),
            V{"r.yaml:7:20: error: indicator 'personeel_verzuim' has no ratio of sums (its aggregation is 'median') in "
              "'ratio(personeel_verzuim)' (use median(personeel_verzuim))"});
  EXPECT_EQ(text_problems("{sum(solvabiliteit_2)}"),
            V{"r.yaml:7:18: error: sum() adds up counts and amounts; indicator 'solvabiliteit_2' has aggregation "
              "'ratio_of_sums' in 'sum(solvabiliteit_2)' (use ratio(solvabiliteit_2))"});
  EXPECT_EQ(text_problems("{median(median(solvabiliteit_2))}"),
            V{"r.yaml:7:21: error: 'median()' cannot be used inside another statistic in 'median(median(solvabiliteit_2))' "
              "(a statistic's argument is evaluated for each board)"});
  EXPECT_EQ(text_problems("{count(solvabiliteit_2)}"),
            V{"r.yaml:7:20: error: the first argument of count() is the set of boards in 'count(solvabiliteit_2)' (write "
              "count(boards); 'boards' is the sector, or in a board report its comparison group)"});
  EXPECT_EQ(text_problems("{boards}"),
            V{"r.yaml:7:14: error: 'boards' is the set of boards (use it as the first argument of count() or "
              "share(), e.g. count(boards))"});
}

TEST(Templates, EachPlaceholderKnowsHowItPrints) {
  job::TextNames names;
  names.indicators = &the_catalog();
  std::vector<Diagnostic> problems;
  auto t = job::compile_text("{year} {share(boards, solvabiliteit_2 < 0.3)} {count(boards)} {median(personeel_verzuim)} {1 + 1}",
                             {}, ReportKind::sector, names, problems);
  ASSERT_TRUE(problems.empty()) << problems.front().str();
  using F = job::PlaceholderFormat::Kind;
  std::vector<std::pair<F, format::NumberKind>> got;
  for (std::size_t i = 0; i < t.parts.size(); ++i) {
    if (t.parts[i].expression) got.emplace_back(t.formats[i].kind, t.formats[i].style.kind);
  }
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(got[0].first, F::year);
  EXPECT_EQ(got[1], std::make_pair(F::style, format::NumberKind::percent_of_fraction));
  EXPECT_EQ(got[2], std::make_pair(F::style, format::NumberKind::integer));
  EXPECT_EQ(got[3], std::make_pair(F::style, format::NumberKind::percent_of_fraction));
  EXPECT_EQ(got[4].first, F::plain);
}
