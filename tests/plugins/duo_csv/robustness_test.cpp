// Arbitrary bytes never crash the reader: every outcome is data or a located error.
#include "csv_reader.hpp"
#include "duo_number.hpp"
#include "text_decoding.hpp"

#include <povo/diagnostics.hpp>

#include <gtest/gtest.h>

#include <random>

using namespace povo::duo_csv;

TEST(DuoCsvRobustness, RandomBytesGiveDataOrALocatedError) {
  std::mt19937 rng(12345);
  const std::string alphabet = "ab;,\"\r\n <5.-0123456789\x80\x81\xC3\xA2\xEF\xBB\xBF";
  std::size_t errors = 0, rows = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes;
    const int len = static_cast<int>(rng() % 120);
    for (int i = 0; i < len; ++i) bytes.push_back(alphabet[rng() % alphabet.size()]);
    try {
      DecodedText d = decode_text(bytes, Encoding::auto_detect, "r.csv");
      CsvReader reader(d.text, ';', true, "r.csv");
      std::vector<CsvField> row;
      while (reader.next_row(row)) {
        ++rows;
        for (const auto& f : row) {
          EXPECT_GE(reader.column_of(f), 1);
          EXPECT_LE(f.offset, d.text.size());
          (void)parse_duo_number(f.text, NumberFormat{});
        }
      }
    } catch (const povo::Error& e) {
      ++errors;
      EXPECT_EQ(e.diagnostic().location.file, "r.csv");
      EXPECT_GE(e.diagnostic().location.line, 1);
    }
  }
  EXPECT_GT(rows, 0u);
  EXPECT_GT(errors, 0u);
}
