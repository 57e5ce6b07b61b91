#include "wide_pattern.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace povo::duo_csv;

TEST(DuoWidePattern, PlaceholdersGiveTheSchoolYearsEndYear) {
  auto p = WidePattern::placeholders("EXAMENKANDIDATEN SCHOOLJAAR {year_from}-{year} - TOTAAL");
  EXPECT_EQ(p.match("EXAMENKANDIDATEN SCHOOLJAAR 2023-2024 - TOTAAL"), 2024);
  EXPECT_EQ(p.match("EXAMENKANDIDATEN SCHOOLJAAR 2023-2024 - MAN"), std::nullopt);
  EXPECT_EQ(p.match("GESLAAGDEN SCHOOLJAAR 2023-2024 - TOTAAL"), std::nullopt);
}

TEST(DuoWidePattern, OnlyYearFrom) {
  auto p = WidePattern::placeholders("SLAAG% {year_from}");
  EXPECT_EQ(p.match("SLAAG% 2019"), 2020);
  EXPECT_EQ(p.match("SLAAG% 19"), std::nullopt);
}

TEST(DuoWidePattern, RegexWithNamedGroups) {
  auto p = WidePattern::regex("^FTE'S (?<year>\\d{4})$");
  EXPECT_EQ(p.match("FTE'S 2021"), 2021);
  EXPECT_EQ(p.match("FTE'S MANNEN 2021"), std::nullopt);
  auto q = WidePattern::regex("^(SLAAG%|SLAAGPERC) SCHOOLJAAR (?<year_from>[0-9]{4})-[0-9]{4}$");
  EXPECT_EQ(q.match("SLAAGPERC SCHOOLJAAR 2019-2020"), 2020);
}

TEST(DuoWidePattern, BadPatternsAreExplained) {
  EXPECT_THROW(WidePattern::placeholders("NO YEAR"), std::invalid_argument);
  EXPECT_THROW(WidePattern::placeholders("X {jaar}"), std::invalid_argument);
  EXPECT_THROW(WidePattern::regex("X (\\d{4})"), std::invalid_argument);
  EXPECT_THROW(WidePattern::regex("X (?<year>\\d{4}"), std::invalid_argument);
}
