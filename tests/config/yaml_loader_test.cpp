#include "config/yaml_loader.hpp"

#include "temp_dir.hpp"

#include <gtest/gtest.h>

using povo::ConfigNode;
using povo::config::load_yaml_file;
using povo::config::load_yaml_string;

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

TEST(YamlLoader, KeepsLineAndColumnOfEveryNodeAndKey) {
  ConfigNode root = load_yaml_string("year: 2024\nsources:\n  - id: po\n    plugin: duo_csv\n", "job.yaml");
  const ConfigNode& plugin = root.at("sources").items()[0].at("plugin");
  EXPECT_EQ(plugin.as_string(), "duo_csv");
  EXPECT_EQ(plugin.location().str(), "job.yaml:4:13");
  EXPECT_EQ(plugin.path(), "sources[0].plugin");
  EXPECT_EQ(root.at("sources").items()[0].entries()[1].key_location.str(), "job.yaml:4:5");
  EXPECT_EQ(root.at("year").as_integer(), 2024);
}

TEST(YamlLoader, SyntaxErrorIsLocated) {
  EXPECT_EQ(error_of([] { load_yaml_string("a: [1, 2\nb: 3\n", "bad.yaml"); }),
            "bad.yaml:2:2: error: YAML syntax error: end of sequence flow not found "
            "(check indentation and quoting near this place)");
}

TEST(YamlLoader, DuplicateKeyIsAnError) {
  EXPECT_EQ(error_of([] { load_yaml_string("year: 2023\ntitle: x\nyear: 2024\n", "dup.yaml"); }),
            "dup.yaml:3:1: error: duplicate key 'year' (it is already set at line 1; remove one of them)");
}

TEST(YamlLoader, IncludeIsRelativeToTheIncludingFileAndLocalKeysWin) {
  TempDir dir;
  dir.write("common/base.yaml", "year: 2022\ntitle: Basis\nlocale: nl\n");
  std::string main = dir.write("jobs/sector.yaml", "include: ../common/base.yaml\nyear: 2024\n");
  ConfigNode root = load_yaml_file(main);
  EXPECT_EQ(root.at("year").as_integer(), 2024);
  EXPECT_EQ(root.at("title").as_string(), "Basis");
  EXPECT_EQ(root.at("title").location().line, 2);
  EXPECT_NE(root.at("title").location().file.find("base.yaml"), std::string::npos);
  EXPECT_EQ(root.find("include"), nullptr);
}

TEST(YamlLoader, IncludeCycleIsAnErrorNamingTheChain) {
  TempDir dir;
  std::string a = dir.write("a.yaml", "include: b.yaml\nyear: 1\n");
  dir.write("b.yaml", "title: B\ninclude: a.yaml\n");
  std::string message = error_of([&] { load_yaml_file(a); });
  EXPECT_NE(message.find("b.yaml:2:10: error: include cycle: a.yaml -> b.yaml -> a.yaml (remove one of these includes)"), std::string::npos)
      << message;
}

TEST(YamlLoader, MissingIncludeNamesTheIncludingLine) {
  TempDir dir;
  std::string a = dir.write("a.yaml", "year: 1\ninclude: nowhere.yaml\n");
  std::string message = error_of([&] { load_yaml_file(a); });
  EXPECT_NE(message.find("a.yaml:2:10: error: include: cannot read configuration file"), std::string::npos) << message;
}

TEST(YamlLoader, AliasBombStopsWithAnError) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }
  std::string message = error_of([&] { load_yaml_string(bomb, "bomb.yaml"); });
  EXPECT_NE(message.find("configuration expands to more than 200000 values"), std::string::npos) << message;
}

TEST(YamlLoader, MissingFileIsAClearError) {
  EXPECT_EQ(error_of([] { load_yaml_file("/no/such/job.yaml"); }),
            "/no/such/job.yaml: error: cannot read configuration file '/no/such/job.yaml' (check the path)");
}
