// ConfigNode::location_at: the file:line:column of each byte of a scalar, for every YAML
// scalar style, read from real files.
#include "config/overrides.hpp"
#include "config/yaml_loader.hpp"

#include "temp_dir.hpp"

#include <gtest/gtest.h>

using povo::ConfigNode;
using povo::config::load_yaml_file;

namespace {

// "line:column" of byte `offset` of the scalar at `key` (a top-level key).
std::string at(const ConfigNode& root, const std::string& key, std::size_t offset) {
  const povo::SourceLocation loc = root.at(key).location_at(offset);
  return std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

}  // namespace

TEST(ConfigLocationAt, PlainScalarOnOneLine) {
  TempDir dir;
  const std::string file = dir.write("job.yaml", "title: Benchmark po&vo\n");
  const ConfigNode root = load_yaml_file(file);
  EXPECT_EQ(root.at("title").location_at(10).str(), file + ":1:18");  // 'p' of po&vo
  EXPECT_EQ(at(root, "title", 0), "1:8");
}

TEST(ConfigLocationAt, PlainScalarOverSeveralLinesFoldsLineBreaksToSpaces) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "text: eerste regel\n    tweede regel   \n\n  derde\nnext: 1\n"));
  ASSERT_EQ(root.at("text").scalar(), "eerste regel tweede regel\nderde");
  EXPECT_EQ(at(root, "text", 7), "1:14");   // 'r' of regel
  EXPECT_EQ(at(root, "text", 12), "1:19");  // the folded space: the line break after 'regel'
  EXPECT_EQ(at(root, "text", 13), "2:5");   // 't' of tweede
  EXPECT_EQ(at(root, "text", 25), "3:1");   // the '\n' an empty line keeps: that line's break
  EXPECT_EQ(at(root, "text", 26), "4:3");   // 'd' of derde
}

TEST(ConfigLocationAt, SingleQuotedWithEscapedQuoteOverTwoLines) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "name: 'it''s\n  fine'\n"));
  ASSERT_EQ(root.at("name").scalar(), "it's fine");
  EXPECT_EQ(at(root, "name", 0), "1:8");
  EXPECT_EQ(at(root, "name", 2), "1:10");  // the quote '' stands for: its first quote
  EXPECT_EQ(at(root, "name", 3), "1:12");
  EXPECT_EQ(at(root, "name", 4), "1:13");  // folded line break
  EXPECT_EQ(at(root, "name", 5), "2:3");
}

TEST(ConfigLocationAt, DoubleQuotedEscapesAreAtTheirBackslash) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", R"(msg: "caf\u00e9 \"x\"\n\tend")" "\n"));
  ASSERT_EQ(root.at("msg").scalar(), "caf\xC3\xA9 \"x\"\n\tend");
  EXPECT_EQ(at(root, "msg", 2), "1:9");    // 'f'
  EXPECT_EQ(at(root, "msg", 3), "1:10");   // both bytes of é: the backslash of \u00e9
  EXPECT_EQ(at(root, "msg", 4), "1:10");
  EXPECT_EQ(at(root, "msg", 5), "1:16");   // the space after \u00e9
  EXPECT_EQ(at(root, "msg", 6), "1:17");   // \"
  EXPECT_EQ(at(root, "msg", 7), "1:19");   // x
  EXPECT_EQ(at(root, "msg", 9), "1:22");   // \n
  EXPECT_EQ(at(root, "msg", 10), "1:24");  // \t
  EXPECT_EQ(at(root, "msg", 11), "1:26");  // 'e' of end
}

TEST(ConfigLocationAt, DoubleQuotedOverSeveralLinesWithAnEscapedLineBreak) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "msg: \"een \\\n    twee\n  drie\"\n"));
  ASSERT_EQ(root.at("msg").scalar(), "een twee drie");
  EXPECT_EQ(at(root, "msg", 3), "1:10");  // the space before the backslash stays
  EXPECT_EQ(at(root, "msg", 4), "2:5");   // 't': the escaped break and the indentation vanish
  EXPECT_EQ(at(root, "msg", 8), "2:9");   // folded line break
  EXPECT_EQ(at(root, "msg", 9), "3:3");
}

TEST(ConfigLocationAt, LiteralBlockWithIndentationIndicatorAndStrip) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "code: |2-\n    indented\n  plain\n\nnext: 1\n"));
  ASSERT_EQ(root.at("code").scalar(), "  indented\nplain");
  EXPECT_EQ(at(root, "code", 0), "2:3");  // indentation beyond the indicator's is content
  EXPECT_EQ(at(root, "code", 2), "2:5");
  EXPECT_EQ(at(root, "code", 10), "2:13");  // the line break
  EXPECT_EQ(at(root, "code", 11), "3:3");
}

TEST(ConfigLocationAt, FoldedBlockOfThreeLinesGivesTheWordsLineAndColumn) {
  TempDir dir;
  const std::string file = dir.write("reports.yaml",
                                     "blocks:\n"
                                     "  - text: >-\n"
                                     "      In {year} telde het primair onderwijs\n"
                                     "      {count(boards)} besturen met samen\n"
                                     "      {sum(aantal_leerlingen)} leerlingen.\n"
                                     "  - trend: x\n");
  const ConfigNode root = load_yaml_file(file);
  const ConfigNode& text = root.at("blocks").items()[0].at("text");
  ASSERT_EQ(text.scalar(),
            "In {year} telde het primair onderwijs {count(boards)} besturen met samen {sum(aantal_leerlingen)} "
            "leerlingen.");
  EXPECT_EQ(text.location().str(), file + ":2:11");
  EXPECT_EQ(text.location_at(text.scalar().find("{sum")).str(), file + ":5:7");
  EXPECT_EQ(text.location_at(text.scalar().find("aantal")).str(), file + ":5:12");
  EXPECT_EQ(text.location_at(text.scalar().find("leerlingen.")).str(), file + ":5:32");
  EXPECT_EQ(text.location_at(text.scalar().find("{count")).str(), file + ":4:7");
  EXPECT_EQ(text.location_at(text.scalar().find("In")).str(), file + ":3:7");
  // A located error, as a caller would make it for the unknown name 'aantal_leerlingen'.
  povo::Diagnostic d;
  d.message = "unknown name 'aantal_leerlingen'";
  d.location = text.location_at(text.scalar().find("aantal"));
  d.hint = "did you mean 'aantal_leerlingen_po'?";
  EXPECT_EQ(d.str(), file + ":5:12: error: unknown name 'aantal_leerlingen' (did you mean 'aantal_leerlingen_po'?)");
}

TEST(ConfigLocationAt, FoldedBlockWithMoreIndentedAndEmptyLinesAndKeep) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "f: >+\n  a\n  b\n\n   more\n  c\n\n\nx: 1\n"));
  ASSERT_EQ(root.at("f").scalar(), "a b\n\n more\nc\n\n");
  EXPECT_EQ(at(root, "f", 0), "2:3");
  EXPECT_EQ(at(root, "f", 1), "2:4");   // folded: the line break after 'a'
  EXPECT_EQ(at(root, "f", 2), "3:3");
  EXPECT_EQ(at(root, "f", 3), "3:4");   // kept next to a more-indented line: the break after 'b'
  EXPECT_EQ(at(root, "f", 4), "4:1");   // the empty line
  EXPECT_EQ(at(root, "f", 5), "5:3");   // the extra indentation of ' more' is content
  EXPECT_EQ(at(root, "f", 6), "5:4");
  EXPECT_EQ(at(root, "f", 10), "5:8");  // the break after 'more'
  EXPECT_EQ(at(root, "f", 11), "6:3");
  EXPECT_EQ(at(root, "f", 12), "6:4");  // the final line break: after 'c'
  EXPECT_EQ(at(root, "f", 13), "7:1");  // kept (+): an empty line (yaml-cpp keeps one of the two)
}

TEST(ConfigLocationAt, LiteralBlockWithEmptyLinesAndClip) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "l: |\n  een\n\n  drie\n\n\nx: 1\n"));
  ASSERT_EQ(root.at("l").scalar(), "een\n\ndrie\n");
  EXPECT_EQ(at(root, "l", 3), "2:6");
  EXPECT_EQ(at(root, "l", 4), "3:1");
  EXPECT_EQ(at(root, "l", 5), "4:3");
  EXPECT_EQ(at(root, "l", 9), "4:7");  // clip keeps the last text line's own break
}

TEST(ConfigLocationAt, CrlfFile) {
  TempDir dir;
  const ConfigNode root =
      load_yaml_file(dir.write("job.yaml", "a: een\r\n  twee\r\nb: >-\r\n  drie\r\n  vier\r\nc: \"x\r\n  y\"\r\n"));
  ASSERT_EQ(root.at("a").scalar(), "een twee");
  EXPECT_EQ(at(root, "a", 3), "1:7");  // the folded break: its '\r'
  EXPECT_EQ(at(root, "a", 4), "2:3");
  ASSERT_EQ(root.at("b").scalar(), "drie vier");
  EXPECT_EQ(at(root, "b", 4), "4:7");
  EXPECT_EQ(at(root, "b", 5), "5:3");
  ASSERT_EQ(root.at("c").scalar(), "x y");
  EXPECT_EQ(at(root, "c", 2), "7:3");
}

TEST(ConfigLocationAt, AnchorsTagsFlowListsAndAliases) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(
      dir.write("job.yaml", "v: &a !!str  hello\nlist: [een\n  twee, drie]\nw: *a\nq: &q \"x\\ty\"\nr: *q\n"));
  EXPECT_EQ(root.at("v").location().str().substr(root.at("v").location().str().size() - 4), ":1:4");
  EXPECT_EQ(at(root, "v", 0), "1:14");  // past the anchor and the tag
  const ConfigNode& first = root.at("list").items()[0];
  ASSERT_EQ(first.scalar(), "een twee");
  EXPECT_EQ(first.location_at(4).line, 3);
  EXPECT_EQ(first.location_at(4).column, 3);
  EXPECT_EQ(at(root, "w", 1), "1:15");  // an alias is where its anchor's value was written
  EXPECT_EQ(at(root, "r", 2), "5:11");
}

TEST(ConfigLocationAt, TaggedBlockScalarsAndUnterminatedQuotes) {
  TempDir dir;
  // `!>` is the tag `!` followed by a folded block scalar.
  const ConfigNode tagged = load_yaml_file(dir.write("tagged.yaml", "a: !>\n  een\n  twee\nb: x\n"));
  ASSERT_EQ(tagged.at("a").scalar(), "een twee\n");
  EXPECT_EQ(tagged.at("a").location().str(), (dir.path() / "tagged.yaml").string() + ":1:4");
  EXPECT_EQ(at(tagged, "a", 4), "3:3");
  EXPECT_EQ(at(tagged, "a", 8), "3:7");
  // yaml-cpp ends a quote left open at the end of the text after a line break.
  const ConfigNode open = load_yaml_file(dir.write("open.yaml", "a: 'een\n  twee\n"));
  ASSERT_EQ(open.at("a").scalar(), "een twee ");
  EXPECT_EQ(at(open, "a", 4), "2:3");
}

TEST(ConfigLocationAt, OffsetPastTheEndIsOneColumnAfterTheLastByte) {
  TempDir dir;
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "a: \"abc\"\nb: xyz\n"));
  EXPECT_EQ(at(root, "a", 3), "1:8");
  EXPECT_EQ(at(root, "a", 99), "1:8");
  EXPECT_EQ(at(root, "b", 3), "2:7");
}

TEST(ConfigLocationAt, WithoutSpansCountsColumnsFromTheStart) {
  const ConfigNode n = ConfigNode::make_scalar("abc def", {"x.yaml", 3, 5}, "k");
  EXPECT_EQ(n.location_at(4).str(), "x.yaml:3:9");
  const ConfigNode unknown = ConfigNode::make_scalar("abc", {"x.yaml", 0, 0}, "k");
  EXPECT_EQ(unknown.location_at(2).str(), "x.yaml");
  const ConfigNode map = ConfigNode::make_map({"x.yaml", 2, 1}, "");
  EXPECT_EQ(map.location_at(5).str(), "x.yaml:2:1");
  ConfigNode spanned = ConfigNode::make_scalar("ab\ncd", {"x.yaml", 1, 4}, "k");
  spanned.set_scalar_spans({{0, 1, 5}, {3, 2, 3}});
  EXPECT_EQ(spanned.location_at(1).str(), "x.yaml:1:6");
  EXPECT_EQ(spanned.location_at(4).str(), "x.yaml:2:4");
}

TEST(ConfigLocationAt, ByteOrderMarkIsNotAColumn) {
  TempDir dir;
  const std::string file = dir.write("job.yaml", "\xEF\xBB\xBFtitle: \"x y\"\n");
  const ConfigNode root = load_yaml_file(file);
  EXPECT_EQ(root.at("title").location().str(), file + ":1:8");
  EXPECT_EQ(at(root, "title", 2), "1:11");
}

TEST(ConfigLocationAt, SetValuesAreLocatedInTheValueText) {
  ConfigNode root = povo::config::load_yaml_string("title: x\n", "job.yaml");
  povo::config::apply_override(root, R"(title="a\"b c")");
  ASSERT_EQ(root.at("title").scalar(), "a\"b c");
  EXPECT_EQ(root.at("title").location_at(1).str(), "--set title=\"a\\\"b c\":1:3");
  EXPECT_EQ(root.at("title").location_at(4).str(), "--set title=\"a\\\"b c\":1:7");
  povo::config::apply_override(root, "bounds=[500, 2000]");
  EXPECT_EQ(root.at("bounds").items()[1].location_at(2).str(), "--set bounds=[500, 2000]:1:9");
}

TEST(ConfigLocationAt, CopiesAndMergesKeepSpans) {
  TempDir dir;
  dir.write("base.yaml", "text: >-\n  een\n  twee\n");
  const ConfigNode root = load_yaml_file(dir.write("job.yaml", "include: base.yaml\nyear: 2024\n"));
  const ConfigNode copy = root.at("text");
  EXPECT_EQ(copy.location_at(4).line, 3);
  EXPECT_NE(copy.location_at(4).file.find("base.yaml"), std::string::npos);
}
