// The documentation povo prints is the documentation in the repository: the
// configuration reference is generated from the schema, and every command explains each
// of its options.
#include "run_povo.hpp"

#include <gtest/gtest.h>

#include <regex>

TEST(Help, ConfigReferenceInTheRepositoryIsWhatPovoPrints) {
  auto r = run_povo("help config");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string file = slurp(POVO_SOURCE_DIR "/docs/config-reference.md");
  EXPECT_EQ(file, r.out) << "docs/config-reference.md is out of date; regenerate it with\n"
                            "  build/.../bin/povo help config > docs/config-reference.md";
  // It covers every top-level key, every block type and every placeholder function.
  for (const char* word : {"`sources`", "`indicator_sets`", "`indicators`", "`peer_groups`", "`reports`", "`output`",
                           "`signal_values`", "`data_dir`", "`min_group_size`", "`max_missing_share`", "`breakdown`",
                           "`own_story`", "`share(boards, condition)`", "`ratio(indicator)`", "`eur_mln`", "{year}"}) {
    EXPECT_NE(r.out.find(word), std::string::npos) << word;
  }
}

TEST(Help, OneTopicAndAnUnknownTopic) {
  auto blocks = run_povo("help config blocks");
  EXPECT_EQ(blocks.exit_code, 0);
  EXPECT_EQ(blocks.out.rfind("## Blocks", 0), 0u) << blocks.out;
  auto typo = run_povo("help config blokcs");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.err, "povo: error: no configuration topic 'blokcs' (did you mean 'blocks'?)\n");
}

// Every option a command accepts appears in its --help with a sentence of explanation.
TEST(Help, EveryCommandExplainsEveryOption) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"validate", {"--data", "--plugin-path", "--set", "--strict"}},
      {"data", {"--board", "--year", "--table", "--plugin-path", "--set", "--strict"}},
      {"run", {"--report", "--board", "--boards-file", "--jobs", "--dry-run", "--resume", "--out", "--plugin-path", "--set",
               "--strict"}},
      {"plugins", {"--plugin-path", "--strict"}},
      {"demo-data", {"--out", "--seed"}},
  };
  for (const auto& [command, options] : commands) {
    auto r = run_povo(command + " --help");
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find("Exit codes: 0 success"), std::string::npos) << command;
    for (const auto& option : options) {
      // "  --option ARG   explanation of at least a few words"
      const std::regex line("\\n  (-[a-z] \\[ )?" + option + "( \\])?( [A-Z=]+)? +[^\\n]{20,}");
      EXPECT_TRUE(std::regex_search(r.out, line)) << command << " " << option << "\n" << r.out;
    }
  }
  auto help_run = run_povo("help run");
  EXPECT_EQ(help_run.exit_code, 0);
  EXPECT_NE(help_run.out.find("--resume"), std::string::npos);
}
