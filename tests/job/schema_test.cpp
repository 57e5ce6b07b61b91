#include "job/schema.hpp"
#include "config/yaml_loader.hpp"

#include <gtest/gtest.h>

TEST(JobSchema, MisspeltTopLevelKeyGetsLocationAndSuggestion) {
  auto root = povo::config::load_yaml_string(
      "title: Sector po\nyear: 2024\nsources: []\nindicator_setz:\n  - plugin: finance\n", "sector.yaml");
  auto problems = povo::job::check_job_keys(root);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].str(), "sector.yaml:4:1: error: unknown key 'indicator_setz' (did you mean 'indicator_sets'?)");
}

TEST(JobSchema, NestedKeysTypesAndChoicesAreChecked) {
  auto root = povo::config::load_yaml_string(
      "year: twee\nlocale: de\nsources:\n  - id: a\n    plugn: duo_csv\n", "job.yaml");
  auto problems = povo::job::check_job_keys(root);
  std::vector<std::string> lines;
  for (const auto& p : problems) lines.push_back(p.str());
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "job.yaml:1:7: error: year: expected a whole number, got 'twee'",
                       "job.yaml:2:9: error: locale: 'de' is not one of: nl, en",
                       // misspelt, so not also reported as missing
                       "job.yaml:5:5: error: sources[0].plugn: unknown key 'plugn' (did you mean 'plugin'?)",
                   }));
}

TEST(JobSchema, EmptyConfigurationIsAnError) {
  auto root = povo::config::load_yaml_string("", "empty.yaml");
  auto problems = povo::job::check_job_keys(root);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "the configuration is empty");
}
