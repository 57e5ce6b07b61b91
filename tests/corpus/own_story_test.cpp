// Bad board texts through parse_own_story / read_own_story.
#include "corpus_support.hpp"

#include "report/own_story.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using corpus::Bounded;
namespace report = povo::report;

TEST(CorpusOwnStory, SeveralMegabytesAreCutOffWithAWarning) {
  Bounded bound;
  std::string text = "# financien\n";
  while (text.size() < 8 * 1024 * 1024) text += "Onze reserves zijn **bewust** hoog.\n\n- punt\n";
  const report::OwnStory story = report::parse_own_story(text);
  ASSERT_EQ(story.warnings.size(), 1u);
  EXPECT_EQ(story.warnings[0], "the board's own text is longer than 20000 bytes; only the first part is shown");
  ASSERT_EQ(story.themes.count("financien"), 1u);
  EXPECT_LT(story.themes.at("financien").size(), 1000u);
}

TEST(CorpusOwnStory, SeveralMegabytesOnOneLine) {
  Bounded bound;
  const report::OwnStory story = report::parse_own_story(std::string(6 * 1024 * 1024, 'w'));
  ASSERT_EQ(story.warnings.size(), 1u);
  EXPECT_EQ(story.warnings[0], "the board's own text is longer than 20000 bytes; only the first part is shown");
  EXPECT_TRUE(story.themes.empty());
}

TEST(CorpusOwnStory, SeveralMegabyteFileIsReadOnlyInPart) {
  Bounded bound;
  const auto dir = std::filesystem::path(POVO_BINARY_DIR) / "corpus_own_story";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "12345.md", std::ios::binary);
    for (int i = 0; i < 200000; ++i) out << "Regel " << i << " van een veel te lang verhaal.\n";
  }
  const report::OwnStory story = report::read_own_story(dir.string(), "12345");
  ASSERT_EQ(story.warnings.size(), 1u);
  EXPECT_EQ(story.warnings[0], "the board's own text is longer than 20000 bytes; only the first part is shown");
}

// A heading line of only '#' made line.substr(npos) throw std::out_of_range out of
// parse_own_story (found by fuzz_own_story); fixed in core/src/report/own_story.cpp.
TEST(CorpusOwnStory, HeadingOfOnlyHashes) {
  Bounded bound;
  const report::OwnStory story = report::parse_own_story(corpus::read_bytes(corpus::files + "/heading_only_hashes.md"));
  EXPECT_TRUE(story.warnings.empty());
  ASSERT_EQ(story.themes.count("financien"), 1u);
  EXPECT_EQ(story.themes.at("financien").size(), 1u);
}

TEST(CorpusOwnStory, BinaryGarbage) {
  Bounded bound;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const report::OwnStory story = report::parse_own_story(corpus::garbage(16384, seed));
    (void)story;
  }
}
