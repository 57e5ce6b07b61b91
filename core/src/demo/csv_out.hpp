// Writing DUO-style text: windows-1252 bytes, ';' separated, CRLF, decimal comma, "<5".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace povo::demo {

// UTF-8 -> windows-1252; throws std::invalid_argument for characters cp1252 lacks.
std::string to_cp1252(std::string_view utf8);

// Fixed-point integer as text: fixed(123456, 2, ',') == "1234,56", fixed(-5, 2, ',') == "-0,05".
std::string fixed(std::int64_t scaled, int decimals, char point);
// Like fixed() but without trailing zeros after the point ("90,9", "100").
std::string fixed_trimmed(std::int64_t scaled, int decimals, char point);
// A count as DUO publishes it after 1 Nov 2023: 1..4 become "<5"; 0 stays 0.
std::string count_cell(std::int64_t n);

class CsvOut {
public:
  explicit CsvOut(bool quote_all = false) : quote_all_(quote_all) {}
  CsvOut& cell(std::string_view utf8);
  CsvOut& cell(std::int64_t n) { return cell(std::to_string(n)); }
  void end_row();
  const std::string& bytes() const { return out_; }

private:
  std::string out_;
  bool quote_all_;
  bool row_start_ = true;
};

}  // namespace povo::demo
