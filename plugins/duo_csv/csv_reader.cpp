#include "csv_reader.hpp"

#include "text_decoding.hpp"

#include <povo/diagnostics.hpp>

namespace povo::duo_csv {

char sniff_separator(std::string_view text) noexcept {
  std::size_t semi = 0, comma = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    semi += c == ';';
    comma += c == ',';
    tab += c == '\t';
  }
  if (tab > semi && tab > comma) return '\t';
  if (comma > semi) return ',';
  return ';';
}

CsvReader::CsvReader(std::string_view text, char separator, bool trim, std::string file)
    : text_(text), sep_(separator), trim_(trim), file_(std::move(file)) {}

int CsvReader::column_of(const CsvField& f) const noexcept {
  return static_cast<int>(utf8_length(text_.substr(f.line_start, f.offset - f.line_start))) + 1;
}

bool CsvReader::next_row(std::vector<CsvField>& fields) {
  fields.clear();
  scratch_.clear();
  scratch_spans_.clear();
  fixups_.clear();
  const std::size_t n = text_.size();
  const char* s = text_.data();
  // Skip blank lines (including a last line end).
  while (pos_ < n && (s[pos_] == '\n' || (s[pos_] == '\r' && pos_ + 1 < n && s[pos_ + 1] == '\n') ||
                      (s[pos_] == '\r' && pos_ + 1 == n))) {
    if (s[pos_] == '\r') ++pos_;
    ++pos_;
    ++line_;
    line_start_ = static_cast<std::uint32_t>(pos_);
  }
  if (pos_ >= n) return false;
  row_line_ = line_;
  for (;;) {
    CsvField f;
    std::size_t p = pos_;
    if (trim_) {
      while (p < n && (s[p] == ' ' || s[p] == '\t') && s[p] != sep_) ++p;
    }
    f.offset = static_cast<std::uint32_t>(p);
    f.line = line_;
    f.line_start = line_start_;
    if (p < n && s[p] == '"') {
      // Quoted field.
      const std::size_t open = p;
      const std::uint32_t open_line = line_, open_line_start = line_start_;
      ++p;
      const std::size_t begin = p;
      bool escaped = false;
      std::size_t scratch_begin = 0;
      for (;;) {
        if (p >= n) {
          CsvField at{{}, static_cast<std::uint32_t>(open), open_line, open_line_start};
          throw Error("unterminated quoted field: no closing '\"' before the end of the file",
                      SourceLocation{file_, static_cast<int>(open_line), column_of(at)},
                      "a quote inside a quoted field is written as \"\"");
        }
        const char c = s[p];
        if (c == '"') {
          if (p + 1 < n && s[p + 1] == '"') {
            if (!escaped) {
              escaped = true;
              scratch_begin = scratch_.size();
              scratch_.append(s + begin, p - begin);
            }
            scratch_.push_back('"');
            p += 2;
            continue;
          }
          break;
        }
        if (c == '\n') {
          ++line_;
          line_start_ = static_cast<std::uint32_t>(p + 1);
        }
        if (escaped) scratch_.push_back(c);
        ++p;
      }
      if (escaped) {
        fixups_.push_back(fields.size());
        scratch_spans_.emplace_back(scratch_begin, scratch_.size() - scratch_begin);
      } else {
        f.text = std::string_view(s + begin, p - begin);
      }
      ++p;  // closing quote
      while (trim_ && p < n && (s[p] == ' ' || s[p] == '\t') && s[p] != sep_) ++p;
      if (p < n && s[p] != sep_ && s[p] != '\n' && s[p] != '\r') {
        CsvField at{{}, static_cast<std::uint32_t>(p), line_, line_start_};
        throw Error(std::string("unexpected text after a closing quote: '") + s[p] + "'",
                    SourceLocation{file_, static_cast<int>(line_), column_of(at)},
                    "a quote inside a quoted field is written as \"\"");
      }
    } else {
      const std::size_t begin = p;
      while (p < n && s[p] != sep_ && s[p] != '\n') ++p;
      std::size_t end = p;
      if (end > begin && s[end - 1] == '\r' && (p >= n || s[p] == '\n')) --end;
      if (trim_) {
        while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
      }
      f.text = std::string_view(s + begin, end - begin);
    }
    fields.push_back(f);
    if (p < n && s[p] == sep_) {
      pos_ = p + 1;
      continue;
    }
    // End of row: LF, CRLF, lone trailing CR or end of text.
    if (p < n && s[p] == '\r') ++p;
    if (p < n && s[p] == '\n') {
      ++p;
      ++line_;
      line_start_ = static_cast<std::uint32_t>(p);
    }
    pos_ = p;
    break;
  }
  for (std::size_t k = 0; k < fixups_.size(); ++k) {
    fields[fixups_[k]].text = std::string_view(scratch_.data() + scratch_spans_[k].first, scratch_spans_[k].second);
  }
  return true;
}

}  // namespace povo::duo_csv
