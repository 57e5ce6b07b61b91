// Bad input (issue 3 item 6): each problem gives one clear message with its place;
// nothing crashes and no cell is silently read as 0.
#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace duo_test;
using povo::EntityKind;
using povo::Value;

namespace {

const std::string small_yaml = R"(options:
  file: data.csv
  entity: branch
  key: VESTIGINGSNUMMER
  parents:
    - {kind: school, key: BRIN NUMMER}
  measures: {AANTAL: leerlingen_vestiging}
  year: 2024
)";

}  // namespace

TEST(DuoCsvBadInput, MissingFileFailsTheLoadWithTheConfigPlace) {
  const auto dir = scratch_dir("missing_file");
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(small_yaml, ds, sink, dir.string());
  ASSERT_TRUE(r.configured);
  ASSERT_FALSE(r.loaded);
  EXPECT_EQ(r.loaded.error().str(),
            "test.yaml:2:9: error: cannot open data file '" + (dir / "data.csv").string() +
                "': No such file or directory (`file` is relative to the folder of the config file that declares "
                "the source)");
}

TEST(DuoCsvBadInput, UndecodableBytesFailWithLineAndColumn) {
  const auto dir = scratch_dir("undecodable");
  const auto file = write_file(dir, "data.csv", "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\r\n01AA;01AA00;\x81\x39\r\n");
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(small_yaml, ds, sink, dir.string());
  ASSERT_FALSE(r.loaded);
  EXPECT_EQ(r.loaded.error().str(),
            file + ":2:13: error: byte 0x81 is not defined in windows-1252 and the file is not valid UTF-8 either "
                   "(check the file's encoding and set the source's `encoding:` option)");
}

TEST(DuoCsvBadInput, AbsentColumnListsTheColumnsAndSuggestsTheNearestOne) {
  const auto dir = scratch_dir("absent_column");
  const auto file = write_file(dir, "data.csv", "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n01AA;01AA00;5\n");
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(R"(options:
  file: data.csv
  entity: branch
  key: VESTIGINGSNUMMER
  parents:
    - {kind: school, key: BRIN NUMER}
)",
                       ds, sink, dir.string());
  ASSERT_TRUE(r.configured);
  ASSERT_FALSE(r.loaded);
  EXPECT_EQ(r.loaded.error().str(),
            "test.yaml:6:27: error: options.parents[0].key: column 'BRIN NUMER' is not in " + file +
                "; its columns are: BRIN NUMMER, VESTIGINGSNUMMER, AANTAL (did you mean 'BRIN NUMMER'?)");
  EXPECT_EQ(ds.entity_count(EntityKind::branch), 0u);  // nothing read before the columns are checked
}

TEST(DuoCsvBadInput, WidePatternThatMatchesNoColumn) {
  const auto dir = scratch_dir("wide_nomatch");
  const auto file = write_file(dir, "data.csv", "VESTIGINGSCODE;LEERLINGEN 2023;LEERLINGEN 2024\n01AA00;1;2\n");
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(R"(options:
  file: data.csv
  entity: branch
  key: VESTIGINGSCODE
  wide:
    - {measure: leerlingen_vestiging, pattern: "LEERLINGEN_{year}"}
)",
                       ds, sink, dir.string());
  ASSERT_FALSE(r.loaded);
  EXPECT_EQ(r.loaded.error().str(),
            "test.yaml:6:7: error: options.wide[0]: no column of " + file +
                " matches the pattern 'LEERLINGEN_{year}'; its columns are: VESTIGINGSCODE, LEERLINGEN 2023, "
                "LEERLINGEN 2024 ({year} stands for a 4-digit year; the rest must match the header exactly (spaces "
                "included))");
}

TEST(DuoCsvBadInput, NotANumberIsReportedWithFileLineColumnAndRawText) {
  const auto dir = scratch_dir("not_a_number");
  const auto file = write_file(dir, "data.csv",
                               "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n01AA;01AA00;12x\n01AA;01AA01;NaN\n01AA;01AA02;7\n");
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(small_yaml, ds, sink, dir.string());
  ASSERT_TRUE(r.loaded) << r.loaded.error().str();
  ASSERT_EQ(sink.all.size(), 2u);
  EXPECT_EQ(sink.lines()[0], file + ":2:13: error: not a number: '12x' in column 'AANTAL' (expected a number with a "
                                    "decimal comma (e.g. 12,5 or ,25), an empty cell, '<5')");
  EXPECT_EQ(sink.all[1].location.str(), file + ":3:13");
  // Stored as invalid, never as 0; the good row is read.
  EXPECT_EQ(value(ds, "leerlingen_vestiging", EntityKind::branch, "01AA00", 2024), Value::missing(povo::Reason::invalid));
  EXPECT_EQ(value(ds, "leerlingen_vestiging", EntityKind::branch, "01AA02", 2024), Value::of(7));
  EXPECT_EQ(r.report.invalid_cells, 2u);
}

TEST(DuoCsvBadInput, StrictModeMakesDataErrorsFatal) {
  const auto dir = scratch_dir("strict");
  const auto file = write_file(dir, "data.csv", "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n01AA;01AA00;12x\n");
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(small_yaml, ds, sink, dir.string(), /*strict=*/true);
  ASSERT_FALSE(r.loaded);
  EXPECT_EQ(r.loaded.error().str(), "test.yaml:2:9: error: " + file +
                                        ": 1 data error(s); nothing stored (--strict) (fix the data or run without "
                                        "--strict to load it with these values marked invalid)");
  EXPECT_EQ(sink.all.size(), 1u);  // the error itself was reported too
  EXPECT_FALSE(ds.find_measure("leerlingen_vestiging") && ds.observation_count() > 0);
}

TEST(DuoCsvBadInput, DuplicateKeysAreReportedAndTheFirstRowKept) {
  const auto dir = scratch_dir("duplicate");
  const auto file = write_file(dir, "data.csv",
                               "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n01AA;01AA00;5\n01AA;01AA01;6\n01AA;01AA00;9\n");
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(small_yaml, ds, sink, dir.string());
  ASSERT_TRUE(r.loaded);
  ASSERT_EQ(sink.all.size(), 1u);
  EXPECT_EQ(sink.lines()[0], file + ":4:6: error: duplicate key '01AA00' in column 'VESTIGINGSNUMMER' (first on line "
                                    "2); this row is skipped (set `duplicates: sum` if rows with one key "
                                    "should be added up)");
  EXPECT_EQ(value(ds, "leerlingen_vestiging", EntityKind::branch, "01AA00", 2024), Value::of(5));
}

TEST(DuoCsvBadInput, ValueAlreadyLoadedByAnotherSourceIsADuplicateToo) {
  const auto dir = scratch_dir("duplicate_across");
  const auto file = write_file(dir, "data.csv", "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n01AA;01AA00;5\n");
  povo::Dataset ds;
  CollectingSink sink;
  ASSERT_TRUE(load_source(small_yaml, ds, sink, dir.string()).loaded);
  auto r = load_source(small_yaml, ds, sink, dir.string());
  ASSERT_TRUE(r.loaded);
  ASSERT_EQ(sink.all.size(), 1u);
  EXPECT_EQ(sink.lines()[0], file + ":2: error: measure 'leerlingen_vestiging' of branch '01AA00' in 2024 was already "
                                    "loaded by another source; this value is not stored");
}

TEST(DuoCsvBadInput, BranchWhoseParentIsUnknown) {
  const auto dir = scratch_dir("unknown_parent");
  const auto file = write_file(dir, "data.csv",
                               "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n01AA;01AA00;5\n99ZZ;99ZZ00;<5\n01AA;01AA01;\n");
  povo::Dataset ds;
  ds.add_entity(EntityKind::school, "01AA");
  CollectingSink sink;
  auto r = load_source(R"(options:
  file: data.csv
  entity: branch
  key: VESTIGINGSNUMMER
  parents:
    - {kind: school, key: BRIN NUMMER, create: false}
  measures: {AANTAL: leerlingen_vestiging}
  year: 2024
  rollup:
    - {measure: leerlingen_vestiging, to: school}
)",
                       ds, sink, dir.string());
  ASSERT_TRUE(r.loaded);
  ASSERT_EQ(sink.all.size(), 2u);
  EXPECT_EQ(sink.lines()[0], file + ": warning: 1 of 2 school codes in column 'BRIN NUMMER' are not among the loaded "
                                    "schools: match rate 1/2 = 50.0% of codes, 2/3 = 66.7% of rows; unmatched: 99ZZ "
                                    "(line 3) (load the source that defines these schools first, or set `create: "
                                    "true`)");
  EXPECT_EQ(sink.lines()[1], "test.yaml:10:7: warning: 1 values of 'leerlingen_vestiging' are not in 'leerlingen': "
                             "their branch has no school (see the unmatched codes reported for this source)");
  EXPECT_EQ(value(ds, "leerlingen", EntityKind::school, "01AA", 2024), Value::of(5));  // empty cell: not reported
  // With `unmatched: error` and --strict the same file fails.
}

TEST(DuoCsvBadInput, RowWithTheWrongNumberOfFields) {
  const auto dir = scratch_dir("row_length");
  const auto file = write_file(dir, "data.csv", "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n01AA;01AA00;5;6\n");
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(small_yaml, ds, sink, dir.string());
  ASSERT_TRUE(r.loaded);
  ASSERT_EQ(sink.all.size(), 1u);
  EXPECT_EQ(sink.lines()[0], file + ":2: error: row has 4 fields but the header has 3 (check for a ';' inside an "
                                    "unquoted field)");
}

TEST(DuoCsvBadInput, ManyErrorsAreCappedThenCounted) {
  const auto dir = scratch_dir("many");
  std::string text = "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n";
  for (int i = 0; i < 30; ++i) text += "01AA;01AA" + std::to_string(10 + i) + ";x\n";
  const auto file = write_file(dir, "data.csv", text);
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(small_yaml, ds, sink, dir.string());
  ASSERT_TRUE(r.loaded);
  ASSERT_EQ(sink.all.size(), 21u);
  // The summary is an error like the ones it stands for, and counts them (Diagnostic::count),
  // so the run's totals say 30 errors, not 20.
  EXPECT_EQ(sink.lines()[20], file + ": error: 10 more not a number problems not shown (30 in all)");
  EXPECT_EQ(sink.all[20].count, 10u);
}

TEST(DuoCsvBadInput, ConfigMistakesAreFoundByConfigure) {
  auto configure = [](const std::string& yaml) {
    const auto root = duo_test::load_yaml_string(yaml, "test.yaml");
    povo::duo_csv::DuoCsvSource source;
    povo::SourceContext ctx;
    return source.configure(root.at("options"), ctx).error().str();
  };
  EXPECT_EQ(configure("options: {file: a.csv, entity: school, key: BRIN, encodng: utf-8}\n"),
            "test.yaml:1:51: error: options.encodng: unknown key 'encodng' (did you mean 'encoding'?)");
  EXPECT_EQ(configure("options: {file: a.csv, entity: school, key: BRIN, decimal: komma}\n"),
            "test.yaml:1:60: error: options.decimal: 'komma' is not one of: comma, dot (did you mean 'comma'?)");
  EXPECT_EQ(configure("options:\n  file: a.csv\n  entity: branch\n  key: X\n  parents:\n    - {kind: board, key: B}\n"),
            "test.yaml:6:14: error: options.parents[0].kind: a branch's parent must be a school (list parents from the "
            "level just above `entity` upward)");
  EXPECT_EQ(configure("options:\n  file: a.csv\n  entity: school\n  key: X\n  measures: {A: a}\n"),
            "test.yaml:5:13: error: options.measures: `measures` needs the year of its values (add `year: 2024` or "
            "`year_column: JAAR`)");
  EXPECT_EQ(configure("options:\n  file: a.csv\n  entity: branch\n  key: X\n  wide:\n    - {measure: m, pattern: \"A {jaar}\"}\n"),
            "test.yaml:6:29: error: options.wide[0].pattern: unknown or repeated placeholder '{jaar}': use {year} and {year_from}");
  EXPECT_EQ(configure("options:\n  file: a.csv\n  entity: branch\n  key: X\n  year: 2024\n  measures: {A: aantal}\n"
                      "  rollup:\n    - {measure: aantl}\n"),
            "test.yaml:8:17: error: options.rollup[0].measure: 'aantl' is not a measure of this source (did you mean "
            "'aantal'?)");
}
