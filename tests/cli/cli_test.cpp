// End-to-end tests of the povo command line, run as a separate process.
#include "run_povo.hpp"

#include "../config/temp_dir.hpp"

#include <povo/version.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

namespace {
const std::string good = std::string("--plugin-path ") + FIXTURE_GOOD_DIR;
const std::string all = good + " --plugin-path " + FIXTURE_ALL_DIR;
}  // namespace

TEST(Cli, HelpAndVersion) {
  auto help = run_povo("--help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Exit codes: 0 success; 1 data or report errors; 2 usage or configuration error (nothing was "
                          "run);\n130 interrupted"),
            std::string::npos)
      << help.out;
  auto version = run_povo("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("(plugin API " + std::to_string(POVO_API_VERSION_MAJOR) + "." +
                             std::to_string(POVO_API_VERSION_MINOR) + ")"),
            std::string::npos)
      << version.out;
}

TEST(Cli, UnknownCommandAndOptionGetSuggestions) {
  auto r = run_povo("valdate x.yaml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "povo: error: unknown command 'valdate' (did you mean 'validate'?)\n");
  r = run_povo("plugins --plugin-paht x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "povo: error: unknown option '--plugin-paht' for 'povo plugins' (did you mean '--plugin-path'?)\n");
}

TEST(Cli, PluginsListsGoodPluginsAndWarnsAboutEachRejection) {
  auto r = run_povo("plugins " + all);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("fixture_good    indicator    1.2.3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fixture_source  data-source  0.3.0"), std::string::npos) << r.out;
  for (const auto& [file, reason] : std::vector<std::pair<std::string, std::string>>{
           {"libpovo_not_elf.so", "not a shared library (no ELF header)"},
           {"libpovo_empty.so", "empty file, not a shared library"},
           {"libpovo_fixture_no_manifest.so", "no povo manifest"},
           {"libpovo_fixture_wrong_api.so", "incompatible plugin API version 99.0"},
           {"libpovo_fixture_throws.so", "factory failed: cannot connect to the board warehouse"},
           {"libpovo_fixture_dup_b.so", "duplicate plugin id 'fixture_dup'"}}) {
    // One message format everywhere: "file: severity: message".
    EXPECT_NE(r.err.find(std::string(FIXTURE_ALL_DIR) + "/" + file + ": warning: plugin rejected: " + reason),
              std::string::npos)
        << reason << "\n" << r.err;
  }
}

TEST(Cli, StrictMakesRejectionsFatal) {
  auto r = run_povo("plugins --strict " + all);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(": error: plugin rejected: "), std::string::npos);
}

TEST(Cli, PluginPathFromEnvironment) {
  auto r = run_povo("plugins", std::string("POVO_PLUGIN_PATH=/nowhere:") + FIXTURE_GOOD_DIR);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("fixture_source"), std::string::npos);
}

TEST(Cli, ValidateReportsMisspeltKeyWithFileLineColumnAndSuggestion) {
  TempDir dir;
  std::string config = dir.write("sector.yaml",
                                 "title: Sectorrapportage po\n"
                                 "year: 2024\n"
                                 "sources:\n"
                                 "  - id: demo\n"
                                 "    plugin: fixture_source\n"
                                 "    options:\n"
                                 "      boards: 3\n"
                                 "indicator_setz:\n"
                                 "  - plugin: fixture_good\n");
  auto r = run_povo("validate " + config + " " + good);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, config + ":8:1: error: unknown key 'indicator_setz' (did you mean 'indicator_sets'?)\n" + config +
                       ": 1 problem found; nothing was run\n");
}

TEST(Cli, ValidateChecksPluginNamesAndPluginOptions) {
  TempDir dir;
  std::string config = dir.write("job.yaml",
                                 "sources:\n"
                                 "  - id: a\n"
                                 "    plugin: fixture_sorce\n"
                                 "  - id: b\n"
                                 "    plugin: fixture_source\n"
                                 "    options:\n"
                                 "      bords: 3\n"
                                 "  - id: c\n"
                                 "    plugin: fixture_source\n"
                                 "    options:\n"
                                 "      boards: -1\n");
  auto r = run_povo("validate " + config + " " + good);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, config + ":3:13: error: sources[0].plugin: unknown data-source plugin 'fixture_sorce' (did you mean 'fixture_source'?)\n" +
                       config + ":7:7: error: sources[1].options.bords: unknown key 'bords' (did you mean 'boards'?)\n" +
                       config + ":11:15: error: sources[2].options.boards: boards must not be negative\n" +
                       "note: names that depend on the sources with problems above were not checked; fix those first\n" +
                       config + ": 3 problems found; nothing was run\n");
}

TEST(Cli, ValidDataPrintsCsvAndSetOverridesYear) {
  TempDir dir;
  std::string config = dir.write("job.yaml",
                                 "year: 2024\n"
                                 "sources:\n"
                                 "  - id: demo\n"
                                 "    plugin: fixture_source\n"
                                 "    options: {boards: 2, value: 0.5}\n");
  auto v = run_povo("validate " + config + " " + good);
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_EQ(v.out, config + ": valid (1 source, 0 indicators, 0 reports)\n");
  auto r = run_povo("data " + config + " " + good + " --set year=2023");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "entity_kind,entity,year,measure,value,status\n"
            "board,10000,2023,x,0,ok\n"
            "board,10001,2023,x,0.5,ok\n");
  auto one = run_povo("data " + config + " " + good + " --board 10001");
  EXPECT_EQ(one.out, "entity_kind,entity,year,measure,value,status\nboard,10001,2024,x,0.5,ok\n");
  auto unknown = run_povo("data " + config + " " + good + " --board 99999");
  EXPECT_EQ(unknown.exit_code, 2);
}

TEST(Cli, BrokenYamlIsAUsageErrorNotACrash) {
  TempDir dir;
  std::string config = dir.write("bad.yaml", "sources: [\n");
  auto r = run_povo("validate " + config + " " + good);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(config + ":2:1: error: YAML syntax error"), std::string::npos) << r.err;
}

TEST(Cli, DataPrintsIndicatorsPeerGroupsAndStatistics) {
  TempDir dir;
  std::string config = dir.write("job.yaml",
                                 "year: 2024\n"
                                 "sources:\n"
                                 "  - id: demo\n"
                                 "    plugin: fixture_source\n"
                                 "    options: {boards: 6, value: 1}\n"
                                 "indicator_sets:\n"
                                 "  - plugin: fixture_good\n"
                                 "    options: {factor: 10}\n"
                                 "indicators:\n"
                                 "  - {id: plus_one, label: Plus een, unit: number, expression: doubled + 1}\n"
                                 "peer_groups:\n"
                                 "  - {id: alle, label: Alle besturen, min_size: 5}\n");
  auto values = run_povo("data " + config + " " + good + " --board 10003");
  EXPECT_EQ(values.exit_code, 0) << values.err;
  EXPECT_EQ(values.out,
            "entity_kind,entity,year,measure,value,status\n"
            "board,10003,2024,x,3,ok\n"
            "board,10003,2024,plus_one,31,ok\n"
            "board,10003,2024,doubled,30,ok\n");
  auto peers = run_povo("data " + config + " " + good + " --table peers --board 10000");
  EXPECT_EQ(peers.out,
            "board,year,peer_group,used_group,key,group,members,fallback,note\n10000,2024,alle,alle,*,Alle besturen,6,no,\n");
  auto stats = run_povo("data " + config + " " + good + " --table stats");
  // doubled = 0, 10, 20, 30, 40, 50: median 25, P10 at h = 0.5 -> 5, P25 at h = 1.25 -> 12.5.
  // The group figure follows the declared aggregation (the fixture declares none: the median).
  EXPECT_NE(stats.out.find("doubled,alle,*,2024,6,0,0,25,25,5,12.5,37.5,45,0,50,median,25,6,no,\n"), std::string::npos)
      << stats.out;
  auto bad = run_povo("data " + config + " " + good + " --table everything");
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(Cli, RelativePathsStartAtTheFileThatDeclaresTheSource) {
  TempDir dir;
  dir.write("sources/sqlite.yaml",
            "sources:\n  - id: w\n    plugin: fixture_source\n    options: {boards: 1}\n");
  std::string job = dir.write("jobs/job.yaml", "include: ../sources/sqlite.yaml\nyear: 2024\n");
  auto r = run_povo("validate " + job + " " + good);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}
