#include "job/own_story_files.hpp"

#include <gtest/gtest.h>

using namespace povo::job;

TEST(OwnStoryFiles, ThemesMatchWhateverTheAccentsAndCapitals) {
  EXPECT_EQ(theme_key("financien"), "financien");
  EXPECT_EQ(theme_key("Financi\xC3\xABn"), "financien");
  EXPECT_EQ(theme_key("  FINANCI\xC3\x8BN "), "financien");
  EXPECT_EQ(theme_key("Eigen  verhaal"), "eigen_verhaal");
  EXPECT_EQ(theme_key("onderwijs-resultaten"), "onderwijs_resultaten");
  EXPECT_EQ(theme_key("\xC4\xB2sselmeer"), "ijsselmeer");
}

TEST(OwnStoryFiles, OutlineFindsHeadingsTheirPlaceAndStrayText) {
  const auto o = outline_story(without_bom("\xEF\xBB\xBFVooraf.\n\n#  Financi\xC3\xABn\ntekst\n## personeel \r\n"));
  ASSERT_EQ(o.headings.size(), 2u);
  EXPECT_EQ(o.headings[0].key, "financien");
  EXPECT_EQ(o.headings[0].line, 3);
  EXPECT_EQ(o.headings[0].column, 4);
  EXPECT_EQ(o.headings[1].text, "personeel");
  EXPECT_EQ(o.headings[1].column, 4);
  EXPECT_EQ(o.text_before_heading, 1);
}

TEST(OwnStoryFiles, StoryFilesAreBoardNumbers) {
  EXPECT_EQ(story_board("25244.md"), "25244");
  EXPECT_EQ(story_board("25244.txt"), "25244");
  EXPECT_FALSE(story_board("README.md"));
  EXPECT_FALSE(story_board("25244.md.bak"));
  EXPECT_FALSE(story_board(".md"));
  EXPECT_EQ(first_invalid_utf8("ok\ncaf\xE9"), std::make_pair(2, 4));
  EXPECT_FALSE(first_invalid_utf8("caf\xC3\xA9"));
}
