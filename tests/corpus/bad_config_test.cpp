// Bad configurations through the config loader (load_yaml_file / load_yaml_string) and
// --set overrides: a clear, located error within bounded time and memory.
#include "corpus_support.hpp"

#include "config/overrides.hpp"
#include "config/yaml_loader.hpp"

#include <povo/diagnostics.hpp>

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using corpus::Bounded;
namespace cfg = povo::config;

namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const povo::Error& e) {
    return e.diagnostic().str();
  }
  return "<no error>";
}

}  // namespace

TEST(CorpusConfig, AliasBomb) {
  Bounded bound(60);  // about 1 s in a release build; ConfigNode::set_path makes conversion O(nodes x depth)
  const std::string file = corpus::files + "/alias_bomb.yaml";
  const std::string msg = error_of([&] { cfg::load_yaml_file(file); });
  EXPECT_EQ(msg, file + ":1:56: error: configuration expands to more than 200000 values (check for YAML aliases "
                        "(*name) that repeat large parts of the file)");
}

// A YAML alias inside its own anchor ("a: &a [1, *a]") makes yaml-cpp build a cyclic node.
// Converting it recursed 200000 levels deep and overflowed the stack (found by fuzz_config);
// fixed in core/src/config/yaml_loader.cpp with a depth limit.
TEST(CorpusConfig, RecursiveAliasIsAnErrorNotAStackOverflow) {
  Bounded bound;
  const std::string file = corpus::files + "/recursive_alias.yaml";
  const std::string msg = error_of([&] { cfg::load_yaml_file(file); });
  EXPECT_NE(msg.find(file + ":1:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("nested more than"), std::string::npos) << msg;
}

TEST(CorpusConfig, DeepNestingIsAnErrorNotAStackOverflow) {
  Bounded bound;
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string msg = error_of([&] { cfg::load_yaml_string(deep, "deep.yaml"); });
  EXPECT_EQ(msg.substr(0, 10), "deep.yaml:") << msg;
}

TEST(CorpusConfig, IncludeCycle) {
  Bounded bound;
  const std::string file = corpus::files + "/cycle_a.yaml";
  EXPECT_EQ(error_of([&] { cfg::load_yaml_file(file); }),
            corpus::files + "/cycle_b.yaml:1:10: error: include cycle: cycle_a.yaml -> cycle_b.yaml -> cycle_a.yaml "
                            "(remove one of these includes)");
}

TEST(CorpusConfig, FileIncludingItself) {
  Bounded bound;
  const std::string file = corpus::files + "/self_include.yaml";
  EXPECT_EQ(error_of([&] { cfg::load_yaml_file(file); }),
            file + ":1:10: error: include cycle: self_include.yaml -> self_include.yaml (remove one of these includes)");
}

TEST(CorpusConfig, IncludeCycleFromAString) {
  Bounded bound;
  EXPECT_EQ(error_of([&] { cfg::load_yaml_string("include: cycle_a.yaml\n", "job.yaml", corpus::files); }),
            corpus::files + "/cycle_b.yaml:1:10: error: include cycle: cycle_a.yaml -> cycle_b.yaml -> cycle_a.yaml "
                            "(remove one of these includes)");
}

// std::stol threw std::out_of_range (not a povo::Error) for a list index beyond long
// (found by fuzz_config); fixed in core/src/config/overrides.cpp.
TEST(CorpusConfig, OverrideWithAHugeListIndex) {
  Bounded bound;
  povo::ConfigNode root = cfg::load_yaml_string("sources: [{id: a}]\n", "job.yaml");
  EXPECT_EQ(error_of([&] { cfg::apply_override(root, "sources[99999999999999999999999].id=b"); }),
            "--set sources[99999999999999999999999].id=b: error: invalid key path "
            "'sources[99999999999999999999999].id': list index is too large (write it like "
            "'reports.board.year' or 'sources[0].options.file')");
}

TEST(CorpusConfig, BinaryGarbage) {
  Bounded bound;
  for (std::uint64_t seed = 1; seed <= 50; ++seed) {
    const std::string msg = error_of([&] { cfg::load_yaml_string(corpus::garbage(4096, seed * 7919), "junk.yaml"); });
    // Garbage may happen to be one valid (odd) scalar; otherwise a located error.
    if (msg != "<no error>") {
      EXPECT_EQ(msg.substr(0, 10), "junk.yaml:") << msg;
    }
  }
}

// std::filesystem::weakly_canonical threw filesystem_error ("File name too long") out of
// the loader for an include name longer than the file system allows (found by
// fuzz_config); fixed in core/src/config/yaml_loader.cpp with the error_code overload.
TEST(CorpusConfig, IncludeNameTooLongForTheFileSystem) {
  Bounded bound;
  const std::string name(300, 'a');
  const std::string msg = error_of([&] { cfg::load_yaml_string("include:\n  - " + name + ".yaml\n", "job.yaml", "/tmp"); });
  EXPECT_EQ(msg, "job.yaml:2:5: error: include[0]: cannot read configuration file '/tmp/" + name +
                     ".yaml' (the path is relative to the including file)");
}

// A map of a million keys took minutes: the duplicate-key check and ConfigNode::set
// searched the keys one by one (quadratic), and yaml-cpp's node graph alone took most of
// ten seconds and a gigabyte. Fixed in core/src/config/yaml_loader.cpp (a tree built from
// parse events) and core/sdk/config_node.cpp (a hash index over large maps). About 6 s
// and 470 MB in a RelWithDebInfo build, most of it yaml-cpp's scanner; about 40 s and
// 1.1 GB with ASan and UBSan, hence the generous bounds (the quadratic version took hours).
TEST(CorpusConfig, MapOfAMillionKeys) {
  const std::string file =
      (std::filesystem::temp_directory_path() / ("povo-million-keys-" + std::to_string(::getpid()) + ".yaml")).string();
  {
    std::ofstream out(file, std::ios::binary);
    char line[64];
    for (int i = 0; i < 1000000; ++i) {
      const int n = std::snprintf(line, sizeof line, "key%07d: value %d\n", i, i);
      out.write(line, n);
    }
  }
  {
    Bounded bound(120, 2048);
    const povo::ConfigNode root = cfg::load_yaml_file(file);
    ASSERT_EQ(root.entries().size(), 1000000u);
    EXPECT_EQ(root.at("key0999999").as_string(), "value 999999");
    EXPECT_EQ(root.at("key0500000").location().str(), file + ":500001:13");
    EXPECT_EQ(root.entries()[123456].key_location.str(), file + ":123457:1");
    EXPECT_EQ(root.find("key1000000"), nullptr);
  }
  std::filesystem::remove(file);
}

TEST(CorpusConfig, DuplicateKeyAtTheEndOfALargeMap) {
  Bounded bound;
  std::string yaml;
  for (int i = 0; i < 100000; ++i) yaml += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  yaml += "k77777: again\n";
  EXPECT_EQ(error_of([&] { cfg::load_yaml_string(yaml, "big.yaml"); }),
            "big.yaml:100001:1: error: duplicate key 'k77777' (it is already set at line 77778; remove one of them)");
}
