#include <povo/config_node.hpp>

#include <gtest/gtest.h>

using povo::ConfigNode;
using povo::OptionSpec;

TEST(EditDistance, Basics) {
  EXPECT_EQ(povo::edit_distance("indicatorz", "indicators"), 1u);
  EXPECT_EQ(povo::edit_distance("", "abc"), 3u);
  EXPECT_EQ(povo::closest_match("plugn", {"plugin", "options", "id"}), "plugin");
  EXPECT_FALSE(povo::closest_match("zzzzzz", {"plugin", "options", "id"}).has_value());
  // Two neighbouring letters swapped is one typo, not two.
  EXPECT_EQ(povo::edit_distance("fiel", "file"), 1u);
  EXPECT_EQ(povo::edit_distance("omvnag", "omvang"), 1u);
  EXPECT_EQ(povo::closest_match("yaer", {"title", "year", "locale"}), "year");
  EXPECT_EQ(povo::edit_distance("ab", "ba"), 1u);
  EXPECT_EQ(povo::edit_distance("abc", "ca"), 3u);
}

// A misspelt required key is reported once, as misspelt, not also as missing.
TEST(CheckOptions, AMisspeltRequiredKeyIsNotAlsoMissing) {
  ConfigNode opts = ConfigNode::make_map({"j.yaml", 3, 5}, "o");
  opts.set("fiel", {"j.yaml", 3, 5}, ConfigNode::make_scalar("x.csv", {"j.yaml", 3, 11}, ""));
  auto problems = povo::check_options(opts, {OptionSpec::string("file", "the CSV file", true)});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].str(), "j.yaml:3:5: error: o.fiel: unknown key 'fiel' (did you mean 'file'?)");
}

TEST(CheckOptions, ListsEveryProblemWithLocation) {
  ConfigNode opts = ConfigNode::make_map({"j.yaml", 3, 5}, "o");
  opts.set("separatr", {"j.yaml", 3, 5}, ConfigNode::make_scalar(";", {"j.yaml", 3, 15}, ""));
  opts.set("decimal", {"j.yaml", 4, 5}, ConfigNode::make_scalar("comma ", {"j.yaml", 4, 14}, ""));
  std::vector<OptionSpec> specs = {OptionSpec::string("file", "the CSV file", true),
                                   OptionSpec::string("separator", "field separator"),
                                   OptionSpec::one_of("decimal", {"comma", "dot"}, "decimal mark")};
  auto problems = povo::check_options(opts, specs);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].str(), "j.yaml:3:5: error: o.separatr: unknown key 'separatr' (did you mean 'separator'?)");
  EXPECT_EQ(problems[1].str(), "j.yaml:4:14: error: o.decimal: 'comma ' is not one of: comma, dot (did you mean 'comma'?)");
  EXPECT_EQ(problems[2].str(), "j.yaml:3:5: error: o: missing required key 'file' (file: the CSV file)");
}
