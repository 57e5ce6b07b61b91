#include "report/own_story.hpp"

#include <gtest/gtest.h>

using namespace povo;

TEST(OwnStory, ThemesParagraphsAndLists) {
  auto story = report::parse_own_story(
      "Inleiding.\n\n# Financien\nWe bouwen **twee** scholen.\nDat kost *geld*.\n\n- De Linde\n- Ideeënrijk\n\n"
      "## personeel\n1. eerste\n2. tweede\n");
  ASSERT_EQ(story.themes.size(), 3u);
  ASSERT_EQ(story.themes["financien"].size(), 2u);
  auto& p = std::get<pdf::Paragraph>(story.themes["financien"][0]);
  std::string text;
  for (const auto& s : p.spans) text += s.text;
  EXPECT_EQ(text, "We bouwen twee scholen. Dat kost geld.");
  auto& list = std::get<pdf::BulletList>(story.themes["financien"][1]);
  EXPECT_EQ(list.items.size(), 2u);
  EXPECT_FALSE(list.numbered);
  EXPECT_TRUE(std::get<pdf::BulletList>(story.themes["personeel"][0]).numbered);
  EXPECT_TRUE(story.warnings.empty());
}

TEST(OwnStory, NoFileMeansNoStoryAndHugeTextsAreCut) {
  EXPECT_TRUE(report::read_own_story("/nonexistent", "12345").themes.empty());
  std::string big;
  for (int i = 0; i < 200000; ++i) big += "Een hele lange zin over het bestuur.\n";
  auto story = report::parse_own_story(big, 20000);
  ASSERT_EQ(story.warnings.size(), 1u);
  std::size_t chars = 0;
  for (const auto& span : std::get<pdf::Paragraph>(story.themes["algemeen"][0]).spans) chars += span.text.size();
  EXPECT_LE(chars, 20000u);
}
