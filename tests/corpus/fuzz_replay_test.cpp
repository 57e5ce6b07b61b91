// Replays every fuzz input kept in the repository through the fuzz targets' own entry
// points (tests/fuzz/*.cpp, compiled here without libFuzzer): the seed corpora in
// tests/fuzz/corpus/<target>/ and the reproducers of fixed bugs in
// tests/corpus/regressions/<target>/. A crash, sanitizer report or trap fails the test.
#include "corpus_support.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

extern "C" int fuzz_duo_csv_one_input(const std::uint8_t*, std::size_t);
extern "C" int fuzz_config_one_input(const std::uint8_t*, std::size_t);
extern "C" int fuzz_expr_one_input(const std::uint8_t*, std::size_t);
extern "C" int fuzz_text_one_input(const std::uint8_t*, std::size_t);
extern "C" int fuzz_own_story_one_input(const std::uint8_t*, std::size_t);

namespace {

using Entry = int (*)(const std::uint8_t*, std::size_t);

std::size_t replay(const std::string& target, Entry entry) {
  std::size_t n = 0;
  for (const std::string& dir : {std::string(POVO_SOURCE_DIR) + "/tests/fuzz/corpus/" + target,
                                std::string(POVO_SOURCE_DIR) + "/tests/corpus/regressions/" + target}) {
    if (!std::filesystem::is_directory(dir)) continue;
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir)) paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      SCOPED_TRACE(p.string());
      corpus::Bounded bound(20);
      const std::string bytes = corpus::read_bytes(p.string());
      EXPECT_EQ(entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
      ++n;
    }
  }
  return n;
}

}  // namespace

TEST(FuzzReplay, DuoCsv) { EXPECT_GT(replay("fuzz_duo_csv", fuzz_duo_csv_one_input), 0u); }
TEST(FuzzReplay, Config) { EXPECT_GT(replay("fuzz_config", fuzz_config_one_input), 0u); }
TEST(FuzzReplay, Expr) { EXPECT_GT(replay("fuzz_expr", fuzz_expr_one_input), 0u); }
TEST(FuzzReplay, Text) { EXPECT_GT(replay("fuzz_text", fuzz_text_one_input), 0u); }
TEST(FuzzReplay, OwnStory) { EXPECT_GT(replay("fuzz_own_story", fuzz_own_story_one_input), 0u); }
