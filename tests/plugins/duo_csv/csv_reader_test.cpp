#include "csv_reader.hpp"

#include <povo/diagnostics.hpp>

#include <gtest/gtest.h>

using namespace povo::duo_csv;

namespace {
std::vector<std::vector<std::string>> read_all(std::string_view text, char sep = ';', bool trim = true) {
  CsvReader r(text, sep, trim, "t.csv");
  std::vector<CsvField> row;
  std::vector<std::vector<std::string>> out;
  while (r.next_row(row)) {
    out.emplace_back();
    for (const auto& f : row) out.back().emplace_back(f.text);
  }
  return out;
}
using Rows = std::vector<std::vector<std::string>>;
}  // namespace

TEST(DuoCsvReader, CrlfAndLfAndBlankLines) {
  EXPECT_EQ(read_all("a;b\r\n1;2\r\n\r\n3;4"), (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(read_all("a;b\n1;2\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(read_all("a;;\r\n"), (Rows{{"a", "", ""}}));
}

TEST(DuoCsvReader, QuotedFieldsWithDoubledQuotesSeparatorsAndNewlines) {
  const Rows rows = read_all("\"NAAM\";\"X\"\r\n\"VMBO \"\"De Jutter\"\" Vlieland\";\"a;b\r\nc\"\r\n\"\";\"<5\"\r\n");
  EXPECT_EQ(rows, (Rows{{"NAAM", "X"}, {"VMBO \"De Jutter\" Vlieland", "a;b\r\nc"}, {"", "<5"}}));
}

TEST(DuoCsvReader, PaddedFieldsAndHeaderTrailingSpacesAreTrimmed) {
  EXPECT_EQ(read_all("VESTIGINGSNAAM ;INTERNETADRES\r\n De Es ;          \r\n"),
            (Rows{{"VESTIGINGSNAAM", "INTERNETADRES"}, {"De Es", ""}}));
  // Without trimming the spaces stay; quoted content is never trimmed.
  EXPECT_EQ(read_all("a ; \" b \"\n", ';', false), (Rows{{"a ", " \" b \""}}));
  EXPECT_EQ(read_all("a ; \" b \" \n"), (Rows{{"a", " b "}}));
}

TEST(DuoCsvReader, CommaSeparatorAndSniffing) {
  EXPECT_EQ(read_all("a,\"1,5\",c\n", ','), (Rows{{"a", "1,5", "c"}}));
  EXPECT_EQ(sniff_separator("\"A;B\",C,D\n1;2;3;4"), ',');
  EXPECT_EQ(sniff_separator("A;B;C\n"), ';');
  EXPECT_EQ(sniff_separator("A\tB\tC\n"), '\t');
}

TEST(DuoCsvReader, LinesAndColumnsOfFields) {
  CsvReader r("H1;H2\r\n\"x\ny\";Fryslân;z\r\nlast;  padded\r\n", ';', true, "t.csv");
  std::vector<CsvField> row;
  ASSERT_TRUE(r.next_row(row));
  ASSERT_TRUE(r.next_row(row));
  EXPECT_EQ(r.row_line(), 2u);
  EXPECT_EQ(row[0].line, 2u);
  EXPECT_EQ(r.column_of(row[0]), 1);
  EXPECT_EQ(row[1].line, 3u);          // after the newline inside the quoted field
  EXPECT_EQ(r.column_of(row[1]), 4);   // y";F -> column 4
  EXPECT_EQ(r.column_of(row[2]), 12);  // characters, not bytes: â counts once
  ASSERT_TRUE(r.next_row(row));
  EXPECT_EQ(r.row_line(), 4u);
  EXPECT_EQ(r.column_of(row[1]), 8);   // the first character after the padding
  EXPECT_FALSE(r.next_row(row));
}

TEST(DuoCsvReader, UnterminatedQuoteIsLocated) {
  CsvReader r("A;B\n1;\"open\n2;3\n", ';', true, "t.csv");
  std::vector<CsvField> row;
  ASSERT_TRUE(r.next_row(row));
  try {
    r.next_row(row);
    FAIL();
  } catch (const povo::Error& e) {
    EXPECT_EQ(e.diagnostic().str(),
              "t.csv:2:3: error: unterminated quoted field: no closing '\"' before the end of the file (a quote "
              "inside a quoted field is written as \"\")");
  }
}

TEST(DuoCsvReader, TextAfterClosingQuoteIsLocated) {
  CsvReader r("\"a\"b;c\n", ';', true, "t.csv");
  std::vector<CsvField> row;
  try {
    r.next_row(row);
    FAIL();
  } catch (const povo::Error& e) {
    EXPECT_EQ(e.diagnostic().location.str(), "t.csv:1:4");
  }
}
