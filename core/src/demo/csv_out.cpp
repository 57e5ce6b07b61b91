#include "demo/csv_out.hpp"

#include <stdexcept>

namespace povo::demo {

std::string to_cp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = 0;
    int len = 0;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      len = 2;
    } else if ((c & 0xF0) == 0xE0 && i + 2 < s.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      len = 3;
    } else {
      throw std::invalid_argument("demo-data: invalid UTF-8 in generated text");
    }
    i += static_cast<std::size_t>(len);
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      out += static_cast<char>(cp);
      continue;
    }
    switch (cp) {
      case 0x20AC: out += '\x80'; break;  // euro sign
      case 0x2013: out += '\x96'; break;  // en dash
      case 0x2014: out += '\x97'; break;  // em dash
      case 0x2018: out += '\x91'; break;
      case 0x2019: out += '\x92'; break;
      case 0x201C: out += '\x93'; break;
      case 0x201D: out += '\x94'; break;
      case 0x2026: out += '\x85'; break;  // ellipsis
      default: throw std::invalid_argument("demo-data: character not in windows-1252");
    }
  }
  return out;
}

std::string fixed(std::int64_t v, int decimals, char point) {
  const bool neg = v < 0;
  std::uint64_t a = neg ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::string s = std::to_string(a / scale);
  if (decimals > 0) {
    std::string frac = std::to_string(a % scale);
    s += point;
    s += std::string(static_cast<std::size_t>(decimals) - frac.size(), '0') + frac;
  }
  return neg ? "-" + s : s;
}

std::string fixed_trimmed(std::int64_t v, int decimals, char point) {
  std::string s = fixed(v, decimals, point);
  if (decimals > 0) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == point) s.pop_back();
  }
  return s;
}

std::string count_cell(std::int64_t n) {
  if (n >= 1 && n <= 4) return "<5";
  return std::to_string(n);
}

CsvOut& CsvOut::cell(std::string_view utf8) {
  if (!row_start_) out_ += ';';
  row_start_ = false;
  const std::string v = to_cp1252(utf8);
  const bool quote = quote_all_ || v.find_first_of(";\"\r\n") != std::string::npos;
  if (!quote) {
    out_ += v;
    return *this;
  }
  out_ += '"';
  for (char ch : v) {
    if (ch == '"') out_ += '"';
    out_ += ch;
  }
  out_ += '"';
  return *this;
}

void CsvOut::end_row() {
  out_ += "\r\n";
  row_start_ = true;
}

}  // namespace povo::demo
