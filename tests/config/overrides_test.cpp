#include "config/overrides.hpp"
#include "config/yaml_loader.hpp"

#include <gtest/gtest.h>

using povo::config::apply_override;
using povo::config::load_yaml_string;

TEST(Overrides, ReplacesAScalar) {
  auto root = load_yaml_string("year: 2024\ntitle: Sector\n", "job.yaml");
  apply_override(root, "year=2023");
  EXPECT_EQ(root.at("year").as_integer(), 2023);
  EXPECT_EQ(root.at("title").as_string(), "Sector");
  EXPECT_EQ(root.at("year").location().file, "--set year=2023");
}

TEST(Overrides, ReachesIntoListsAndCreatesMissingKeys) {
  auto root = load_yaml_string("sources:\n  - id: a\n    options:\n      file: x.csv\n", "job.yaml");
  apply_override(root, "sources[0].options.file=y.csv");
  apply_override(root, "sources[0].options.separator=';'");
  const auto& options = root.at("sources").items()[0].at("options");
  EXPECT_EQ(options.at("file").as_string(), "y.csv");
  EXPECT_EQ(options.at("separator").as_string(), ";");
  EXPECT_EQ(options.at("file").path(), "sources[0].options.file");
}

TEST(Overrides, ValueIsReadAsYaml) {
  auto root = load_yaml_string("a: 1\n", "job.yaml");
  apply_override(root, "bounds=[500, 2000]");
  ASSERT_TRUE(root.at("bounds").is_sequence());
  EXPECT_EQ(root.at("bounds").items()[1].as_integer(), 2000);
}

TEST(Overrides, Errors) {
  auto root = load_yaml_string("sources:\n  - id: a\n", "job.yaml");
  EXPECT_THROW(apply_override(root, "year"), povo::Error);
  EXPECT_THROW(apply_override(root, "sources[3].id=b"), povo::Error);
  EXPECT_THROW(apply_override(root, "sources..id=b"), povo::Error);
  EXPECT_THROW(apply_override(root, "sources[0].id.x=b"), povo::Error);
}
