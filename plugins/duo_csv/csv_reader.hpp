// A small, fast CSV reader over decoded UTF-8 text: separator ';', ',' or tab,
// double quotes with "" escapes (also across line breaks), CRLF or LF line ends.
// Fields are string_views into the text (or into a per-row buffer for quoted fields
// with escapes), so reading allocates nothing per cell. Every field remembers where
// it starts, for file:line:column messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace povo::duo_csv {

struct CsvField {
  std::string_view text;       ///< unquoted and, if trimming, without surrounding spaces
  std::uint32_t offset = 0;    ///< byte offset of the field's first character in the text
  std::uint32_t line = 0;      ///< 1-based line of the field's first character
  std::uint32_t line_start = 0;///< byte offset where that line starts
};

/// Picks ';', ',' or '\t' by counting them (outside quotes) on the first line.
char sniff_separator(std::string_view text) noexcept;

class CsvReader {
 public:
  /// `trim`: strip spaces and tabs around unquoted fields (DUO pads some fields).
  CsvReader(std::string_view text, char separator, bool trim, std::string file);

  /// Reads the next row into `fields`; false at the end of the text. Blank lines are
  /// skipped. Throws povo::Error (with file:line:column) for an unterminated quote or
  /// text after a closing quote.
  bool next_row(std::vector<CsvField>& fields);

  /// 1-based line on which the last row started.
  std::uint32_t row_line() const noexcept { return row_line_; }
  /// 1-based column, in characters, of a field of the current text.
  int column_of(const CsvField& f) const noexcept;
  const std::string& file() const noexcept { return file_; }
  std::string_view text() const noexcept { return text_; }

 private:
  std::string_view text_;
  char sep_;
  bool trim_;
  std::string file_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t line_start_ = 0;
  std::uint32_t row_line_ = 0;
  std::string scratch_;                // unescaped text of quoted fields with ""
  std::vector<std::size_t> fixups_;    // fields whose text lives in scratch_
  std::vector<std::pair<std::size_t, std::size_t>> scratch_spans_;
};

}  // namespace povo::duo_csv
