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

namespace {
std::string override_error(povo::ConfigNode& root, const std::string& assignment) {
  try {
    apply_override(root, assignment);
  } catch (const povo::Error& e) {
    return e.diagnostic().str();
  }
  return "<no error>";
}
}  // namespace

TEST(Overrides, ExistingMessagesAreUnchanged) {
  auto root = load_yaml_string("sources:\n  - id: a\ntitle: T\n", "job.yaml");
  EXPECT_EQ(override_error(root, "sources[3].id=b"), "--set sources[3].id=b: error: --set: 'sources' has no item [3]");
  EXPECT_EQ(override_error(root, "title.x=1"), "--set title.x=1: error: --set: 'title' is not a map, so it has no key 'x'");
  EXPECT_EQ(override_error(root, "sources..id=b"),
            "--set sources..id=b: error: invalid key path 'sources..id': empty key (write it like "
            "'reports.board.year' or 'sources[0].options.file')");
  EXPECT_EQ(override_error(root, "year"), "error: --set needs key=value, got 'year' (for example --set year=2023)");
}

TEST(Overrides, AppendAddsOneItemOrTheItemsOfAList) {
  auto root = load_yaml_string("sources:\n  - id: a\nbounds: [1, 2]\n", "job.yaml");
  apply_override(root, "sources+={id: b, plugin: mine}");
  apply_override(root, "bounds+=[3, 4]");
  apply_override(root, "extra+=x");
  ASSERT_EQ(root.at("sources").items().size(), 2u);
  EXPECT_EQ(root.at("sources").items()[1].at("plugin").as_string(), "mine");
  EXPECT_EQ(root.at("sources").items()[1].at("plugin").path(), "sources[1].plugin");
  EXPECT_EQ(root.at("sources").items()[1].location().file, "--set sources+={id: b, plugin: mine}");
  EXPECT_EQ(root.at("sources").items()[0].location().str(), "job.yaml:2:5");
  EXPECT_EQ(root.at("bounds").as_string_list(), (std::vector<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(root.at("extra").as_string_list(), (std::vector<std::string>{"x"}));
  apply_override(root, "bounds+=[[5, 6]]");  // a list as one item
  EXPECT_TRUE(root.at("bounds").items()[4].is_sequence());
}

TEST(Overrides, AppendNeedsAList) {
  auto root = load_yaml_string("title: T\n", "job.yaml");
  EXPECT_EQ(override_error(root, "title+=x"),
            "--set title+=x: error: --set: cannot append to 'title': it is a single value, not a list "
            "(--set title=VALUE replaces it)");
}

TEST(Overrides, ItemById) {
  auto root = load_yaml_string(
      "reports:\n  - id: sector_po\n    locale: nl\n  - id: bestuur_po\n    chapters: [{title: Een}]\n", "job.yaml");
  apply_override(root, "reports[bestuur_po].locale=en");
  apply_override(root, "reports[bestuur_po].chapters+={title: Twee}");
  const auto& board = root.at("reports").items()[1];
  EXPECT_EQ(board.at("locale").as_string(), "en");
  EXPECT_EQ(board.at("locale").path(), "reports[1].locale");
  EXPECT_EQ(board.at("chapters").items()[1].at("title").path(), "reports[1].chapters[1].title");
  EXPECT_EQ(root.at("reports").items()[0].at("locale").as_string(), "nl");
  apply_override(root, "reports[sector_po]={id: sector_po, title: Nieuw}");
  EXPECT_EQ(root.at("reports").items()[0].at("title").as_string(), "Nieuw");
  EXPECT_EQ(root.at("reports").items()[0].find("locale"), nullptr);
}

TEST(Overrides, UnknownItemIdSuggestsTheClosest) {
  auto root = load_yaml_string("reports:\n  - id: sector_po\n  - id: bestuur_po\noutput: {dir: x}\n", "job.yaml");
  EXPECT_EQ(override_error(root, "reports[bestuur_pp].subtitle=x"),
            "--set reports[bestuur_pp].subtitle=x: error: --set: 'reports' has no item with id 'bestuur_pp' (did you "
            "mean 'bestuur_po'?)");
  EXPECT_EQ(override_error(root, "reports[jaarverslag].subtitle=x"),
            "--set reports[jaarverslag].subtitle=x: error: --set: 'reports' has no item with id 'jaarverslag' (the ids "
            "are: sector_po, bestuur_po)");
  EXPECT_EQ(override_error(root, "output[x].dir=y"),
            "--set output[x].dir=y: error: --set: 'output' is a map of keys, not a list, so it has no item with id "
            "'x'");
}
