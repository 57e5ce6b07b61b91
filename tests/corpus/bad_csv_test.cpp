// Bad DUO CSV files through the real entry point: DuoCsvSource::configure + load, as
// `povo data` and `povo run` use it. Each case must end within bounded time and memory
// with a clear, located error or warning (message text asserted), never a crash.
#include "corpus_support.hpp"
#include "test_support.hpp"  // tests/plugins/duo_csv: load_source, CollectingSink, scratch_dir

#include <gtest/gtest.h>

#include <algorithm>

using namespace duo_test;
using corpus::Bounded;
using povo::EntityKind;

#define EXPECT_CONTAINS(haystack, needle) \
  EXPECT_NE(std::string(haystack).find(needle), std::string::npos) << "in: " << (haystack).substr(0, 2000)

namespace {

const std::string options = R"(options:
  file: data.csv
  entity: branch
  key: VESTIGINGSNUMMER
  parents:
    - {kind: school, key: BRIN NUMMER}
  measures: {AANTAL: leerlingen_vestiging}
  year: 2024
)";

struct CsvRun {
  Loaded result;
  std::string file;
  std::vector<std::string> messages;  // diagnostics, then the load error if any
  povo::Dataset ds;
  std::string all() const {
    std::string s;
    for (const auto& m : messages) s += m + "\n";
    return s;
  }
};

CsvRun load_bytes(const std::string& test, const std::string& bytes, const std::string& yaml = options) {
  const auto dir = scratch_dir("corpus_" + test);
  CsvRun run;
  run.file = write_file(dir, "data.csv", bytes);
  CollectingSink sink;
  run.result = load_source(yaml, run.ds, sink, dir.string());
  run.messages = sink.lines();
  if (!run.result.configured) run.messages.push_back(run.result.configured.error().str());
  else if (!run.result.loaded) run.messages.push_back(run.result.loaded.error().str());
  return run;
}

CsvRun load_corpus_file(const std::string& test, const std::string& name, const std::string& yaml = options) {
  return load_bytes(test, corpus::read_bytes(corpus::files + "/" + name), yaml);
}

std::string with_encoding(const std::string& encoding) {
  return options + "  encoding: " + encoding + "\n";
}

}  // namespace

TEST(CorpusCsv, TruncatedInsideAQuotedField) {
  Bounded bound;
  const CsvRun r = load_corpus_file("truncated", "truncated_quote.csv");
  ASSERT_FALSE(r.result.loaded);
  EXPECT_EQ(r.result.loaded.error().str(),
            r.file + ":3:6: error: unterminated quoted field: no closing '\"' before the end of the file "
                     "(a quote inside a quoted field is written as \"\")");
}

TEST(CorpusCsv, Utf8DeclaredButWindows1252Bytes) {
  Bounded bound;
  const CsvRun r = load_corpus_file("cp1252_as_utf8", "cp1252_declared_utf8.csv", with_encoding("utf-8"));
  ASSERT_FALSE(r.result.loaded);
  EXPECT_EQ(r.result.loaded.error().str(),
            r.file + ":3:9: error: byte 0xE9 is not valid UTF-8 "
                     "(if the file is windows-1252, set encoding: windows-1252 (or auto))");
  // With encoding: auto the same file is read as windows-1252.
  const CsvRun autodetected = load_corpus_file("cp1252_auto", "cp1252_declared_utf8.csv");
  EXPECT_TRUE(autodetected.result.loaded) << autodetected.all();
}

// BUG (report, not fixed here): a UTF-16 file (BOM FF FE) is "valid windows-1252", so it is
// decoded as such, NUL bytes and all, and the user sees "column 'BRIN NUMMER' is not in
// ...; its columns are: ÿþB\0R\0I\0N..." instead of a word about UTF-16. Proposed patch:
// plugins/duo_csv/text_decoding.cpp, decode_text(): reject a UTF-16/UTF-32 BOM and NUL
// bytes before detecting. Enable this test with that patch.
TEST(CorpusCsv, Utf16FileIsNamedAsSuch) {
  Bounded bound;
  const CsvRun r = load_corpus_file("utf16", "utf16le_bom.csv");
  ASSERT_FALSE(r.result.loaded);
  EXPECT_EQ(r.result.loaded.error().str(),
            r.file + ":1:1: error: the file is UTF-16 (it starts with the byte-order mark FF FE), which is not "
                     "supported (save it as UTF-8 or windows-1252)");
}

TEST(CorpusCsv, BinaryGarbageGivesLocatedErrorsNotACrash) {
  Bounded bound;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    SCOPED_TRACE(seed);
    const std::string bytes = corpus::garbage(64 * 1024, seed * 0x9E3779B97F4A7C15ull);
    const CsvRun r = load_bytes("garbage", bytes);
    ASSERT_FALSE(r.messages.empty());
    EXPECT_FALSE(r.result.loaded && r.ds.entity_count(EntityKind::branch) > 0) << r.all();
    // Every message names the file (a located error), whatever the bytes were.
    for (const auto& m : r.messages) EXPECT_CONTAINS(m, r.file);
  }
  // Garbage after a good header: rows of the wrong length or invalid cells, counted.
  const CsvRun r = load_bytes("garbage_rows", "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n" +
                                                corpus::garbage(256 * 1024, 42) + "\n");
  EXPECT_GT(r.result.report.errors + r.messages.size(), 0u) << r.all();
}

// Took 46 s (Debug+ASan): the "did you mean" search ran an edit distance against the
// 10 MB column name; fixed in core/sdk/options.cpp (closest_match skips by length).
TEST(CorpusCsv, TenMegabyteLineWithoutNewline) {
  Bounded bound(15);
  // As the data row: one field where three are expected.
  std::string bytes = "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n";
  bytes.append(10 * 1024 * 1024, 'x');
  const CsvRun r = load_bytes("long_row", bytes);
  ASSERT_TRUE(r.result.loaded) << r.all().substr(0, 500);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0], r.file + ":2: error: row has 1 fields but the header has 3 "
                                    "(check for a ';' inside an unquoted field)");
  // As the header: the configured columns are missing.
  const CsvRun h = load_bytes("long_header", std::string(10 * 1024 * 1024, 'y'));
  ASSERT_FALSE(h.result.loaded);
  EXPECT_CONTAINS(h.result.loaded.error().str(), "column 'VESTIGINGSNUMMER' is not in " + h.file);
}

TEST(CorpusCsv, TenMegabyteHeaderOfSeparators) {
  Bounded bound(30);
  // Five million empty columns, then the real ones: duplicate detection must not be quadratic.
  const CsvRun r = load_bytes("many_columns", std::string(5 * 1024 * 1024, ';') +
                                               "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n01AA;01AA00;5\n");
  ASSERT_TRUE(r.result.loaded) << r.all().substr(0, 500);
  ASSERT_FALSE(r.messages.empty());
  EXPECT_CONTAINS(r.messages[0], "row has 3 fields but the header has");
}

TEST(CorpusCsv, DuplicatedHeader) {
  Bounded bound;
  const CsvRun r = load_corpus_file("dup_header", "duplicate_headers.csv");
  ASSERT_TRUE(r.result.loaded) << r.all();
  ASSERT_EQ(r.messages.size(), 1u) << r.all();
  EXPECT_EQ(r.messages[0], r.file + ":1:37: warning: column 'AANTAL' appears twice in the header; the first is used");
  EXPECT_EQ(value(r.ds, "leerlingen_vestiging", EntityKind::branch, "01AA00", 2024), povo::Value::of(5));
}

// Was quadratic (5e9 comparisons and as many uncapped warnings, each scanning the line);
// fixed in plugins/duo_csv/loader.cpp: a hash set and the per-kind message cap.
TEST(CorpusCsv, HundredThousandDuplicatedHeadersAreBoundedAndCapped) {
  Bounded bound(20);
  std::string header;
  for (int i = 0; i < 100000; ++i) header += "X;";
  const CsvRun r = load_bytes("dup_many", header + "BRIN NUMMER;VESTIGINGSNUMMER;AANTAL\n");
  ASSERT_TRUE(r.result.loaded) << r.all().substr(0, 500);
  EXPECT_LE(r.messages.size(), 30u);  // max_messages (20) per kind, then one note
  EXPECT_CONTAINS(r.all(), "column 'X' appears twice in the header; the first is used");
}

// BUG (report): a negative count is stored without a word (DUO never publishes negative
// pupil counts; it is a broken export). See the report for the proposed `min:` option.
TEST(CorpusCsv, NegativeCountsAreStoredSilentlyToday) {
  Bounded bound;
  const CsvRun r = load_corpus_file("negative", "negative_counts.csv");
  ASSERT_TRUE(r.result.loaded) << r.all();
  EXPECT_TRUE(r.messages.empty()) << r.all();
  EXPECT_EQ(value(r.ds, "leerlingen_vestiging", EntityKind::branch, "01AA00", 2024), povo::Value::of(-5));
  EXPECT_EQ(value(r.ds, "leerlingen_vestiging", EntityKind::branch, "01AA01", 2024), povo::Value::of(-0.25));
}

TEST(CorpusCsv, EnormousNumbers) {
  Bounded bound;
  const CsvRun r = load_corpus_file("enormous", "enormous_numbers.csv");
  ASSERT_TRUE(r.result.loaded) << r.all();
  ASSERT_EQ(r.messages.size(), 2u) << r.all();
  EXPECT_CONTAINS(r.messages[0], r.file + ":2:13: error: not a number: '1e400' in column 'AANTAL' (expected a number "
                                 "with a decimal comma (e.g. 12,5 or ,25), an empty cell, '<5')");
  EXPECT_CONTAINS(r.messages[1], r.file + ":4:13: error: not a number: '" + std::string(80, '9') + "'");
  EXPECT_EQ(value(r.ds, "leerlingen_vestiging", EntityKind::branch, "01AA00", 2024),
            povo::Value::missing(povo::Reason::invalid));
  // 23 digits fit a double (rounded): stored, not an error.
  EXPECT_EQ(value(r.ds, "leerlingen_vestiging", EntityKind::branch, "01AA01", 2024), povo::Value::of(1e23));
}

TEST(CorpusCsv, NaNAndInfAsText) {
  Bounded bound;
  const CsvRun r = load_corpus_file("nan_inf", "nan_inf.csv");
  ASSERT_TRUE(r.result.loaded) << r.all();
  ASSERT_EQ(r.messages.size(), 3u) << r.all();
  EXPECT_CONTAINS(r.messages[0], r.file + ":2:13: error: not a number: 'NaN' in column 'AANTAL'");
  EXPECT_CONTAINS(r.messages[1], r.file + ":3:13: error: not a number: 'inf' in column 'AANTAL'");
  EXPECT_CONTAINS(r.messages[2], r.file + ":4:13: error: not a number: '-Infinity' in column 'AANTAL'");
  EXPECT_EQ(r.result.report.invalid_cells, 3u);
}

TEST(CorpusCsv, EmptyFile) {
  Bounded bound;
  const CsvRun r = load_corpus_file("empty", "empty.csv");
  ASSERT_FALSE(r.result.loaded);
  EXPECT_EQ(r.result.loaded.error().str(), "test.yaml:2:9: error: data file '" + r.file + "' is empty: it has no header line");
}

TEST(CorpusCsv, HeaderOnly) {
  Bounded bound;
  const CsvRun r = load_corpus_file("header_only", "header_only.csv");
  ASSERT_TRUE(r.result.loaded) << r.all();
  EXPECT_EQ(r.result.report.rows, 0u);
  EXPECT_EQ(r.ds.entity_count(EntityKind::branch), 0u);
}
