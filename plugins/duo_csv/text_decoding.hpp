// Turning the bytes of a DUO file into UTF-8 text: UTF-8 with or without BOM, or
// windows-1252 (what older DUO files use), detected per file unless configured.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace povo::duo_csv {

enum class Encoding { auto_detect, utf8, windows1252 };

/// "auto", "utf-8" (also "utf8"), "windows-1252" (also "cp1252", "latin-1" is NOT accepted:
/// DUO files are windows-1252, a superset of Latin-1 for printable text).
std::optional<Encoding> parse_encoding(std::string_view name) noexcept;
const char* encoding_name(Encoding e) noexcept;

struct DecodedText {
  std::string text;    ///< UTF-8, without a BOM
  Encoding encoding;   ///< what the bytes were decoded as (never auto_detect)
  bool had_bom = false;
};

/// Byte offset of the first byte that does not start a valid UTF-8 sequence
/// (overlong forms, surrogates and code points above U+10FFFF are invalid), or npos.
std::size_t find_invalid_utf8(std::string_view bytes) noexcept;

/// Decodes `bytes`. auto_detect: a UTF-8 BOM or valid UTF-8 means UTF-8, anything else
/// is read as windows-1252. An explicit encoding overrides detection. Throws povo::Error
/// located at file:line:column of the first undecodable byte.
DecodedText decode_text(std::string_view bytes, Encoding requested, const std::string& file);

/// 1-based line and column (in characters) of a byte offset in UTF-8 text.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column_at(std::string_view utf8_text, std::size_t offset) noexcept;

/// Number of UTF-8 characters in `s` (counts bytes that are not continuation bytes).
std::size_t utf8_length(std::string_view s) noexcept;

}  // namespace povo::duo_csv
