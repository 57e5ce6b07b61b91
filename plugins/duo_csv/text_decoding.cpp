#include "text_decoding.hpp"

#include <povo/diagnostics.hpp>

#include <array>
#include <cstdint>
#include <cstdio>

namespace povo::duo_csv {
namespace {

// windows-1252 0x80-0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::array<std::uint16_t, 32> cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(c));
  return buf;
}

// Line and column of a byte in raw bytes whose prefix up to `offset` is in `enc`.
SourceLocation locate_raw(std::string_view bytes, std::size_t offset, Encoding enc, const std::string& file) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (bytes[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  std::string_view prefix = bytes.substr(line_start, offset - line_start);
  if (line == 1 && prefix.substr(0, 3) == "\xEF\xBB\xBF") prefix.remove_prefix(3);
  const std::size_t chars = enc == Encoding::utf8 ? utf8_length(prefix) : prefix.size();
  return SourceLocation{file, line, static_cast<int>(chars) + 1};
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) noexcept {
  if (name == "auto") return Encoding::auto_detect;
  if (name == "utf-8" || name == "utf8" || name == "UTF-8") return Encoding::utf8;
  if (name == "windows-1252" || name == "cp1252" || name == "Windows-1252") return Encoding::windows1252;
  return std::nullopt;
}

const char* encoding_name(Encoding e) noexcept {
  switch (e) {
    case Encoding::auto_detect: return "auto";
    case Encoding::utf8: return "utf-8";
    case Encoding::windows1252: return "windows-1252";
  }
  return "?";
}

std::size_t utf8_length(std::string_view s) noexcept {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t find_invalid_utf8(std::string_view bytes) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

DecodedText decode_text(std::string_view bytes, Encoding requested, const std::string& file) {
  DecodedText out;
  // UTF-16 (as some spreadsheet exports write) would otherwise be read as windows-1252
  // and fail later with NUL bytes in every column name.
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    throw Error(std::string("the file is UTF-16 (it starts with the byte-order mark ") +
                    (bytes[0] == '\xFF' ? "FF FE" : "FE FF") + "), which is not supported",
                SourceLocation{file, 1, 1}, "save it as UTF-8 or windows-1252");
  }
  const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
  Encoding enc = requested;
  std::size_t bad_utf8 = std::string_view::npos;
  if (enc != Encoding::windows1252) {
    bad_utf8 = find_invalid_utf8(bytes);
    if (enc == Encoding::auto_detect) enc = (bom || bad_utf8 == std::string_view::npos) ? Encoding::utf8 : Encoding::windows1252;
  }
  out.encoding = enc;
  if (enc == Encoding::utf8) {
    if (bad_utf8 != std::string_view::npos) {
      const auto c = static_cast<unsigned char>(bytes[bad_utf8]);
      throw Error("byte " + hex_byte(c) + " is not valid UTF-8",
                  locate_raw(bytes, bad_utf8, Encoding::utf8, file),
                  requested == Encoding::utf8 ? "if the file is windows-1252, set encoding: windows-1252 (or auto)"
                                              : "the file has a UTF-8 byte-order mark but is not UTF-8");
    }
    out.had_bom = bom;
    out.text.assign(bom ? bytes.substr(3) : bytes);
    return out;
  }
  out.text.reserve(bytes.size() + bytes.size() / 16);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      out.text.push_back(static_cast<char>(c));
    } else if (c >= 0xA0) {
      append_utf8(out.text, c);  // Latin-1 range: same code point
    } else if (std::uint16_t cp = cp1252_high[c - 0x80]) {
      append_utf8(out.text, cp);
    } else {
      throw Error("byte " + hex_byte(c) + " is not defined in windows-1252" +
                      (requested == Encoding::auto_detect ? " and the file is not valid UTF-8 either" : ""),
                  locate_raw(bytes, i, Encoding::windows1252, file),
                  "check the file's encoding and set the source's `encoding:` option");
    }
  }
  return out;
}

LineColumn line_column_at(std::string_view text, std::size_t offset) noexcept {
  LineColumn lc;
  std::size_t line_start = 0;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      line_start = i + 1;
    }
  }
  lc.column = static_cast<int>(utf8_length(text.substr(line_start, offset - line_start))) + 1;
  return lc;
}

}  // namespace povo::duo_csv
