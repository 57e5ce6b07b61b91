#include "job/own_story_files.hpp"

#include <cstdint>

namespace povo::job {
namespace {

// Latin-1 letters U+00C0..U+00FF folded to ASCII (0 = not a letter we fold).
const char* fold_latin1(unsigned code) {
  static const char* const table[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
      "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF
  return code >= 0xC0 && code <= 0xFF ? table[code - 0xC0] : nullptr;
}

}  // namespace

std::string theme_key(std::string_view text) {
  std::string out;
  bool gap = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::string piece;
    if (c == ' ' || c == '\t' || c == '-' || c == '_' || c == '\r') {
      gap = !out.empty();
      continue;
    }
    if (c < 0x80) {
      piece = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if ((c >> 5) == 0x6 && i + 1 < text.size()) {
      const unsigned code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      if (const char* f = fold_latin1(code)) piece = f;
      else if (code == 0x132 || code == 0x133) piece = "ij";  // Ĳ ĳ
      else piece = std::string(text.substr(i, 2));
      ++i;
    } else {
      piece = std::string(1, static_cast<char>(c));
    }
    if (gap) out += '_';
    gap = false;
    out += piece;
  }
  return out;
}

std::optional<std::pair<int, int>> first_invalid_utf8(std::string_view text) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size()) return std::make_pair(line, column);
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return std::make_pair(line, column);
    }
    if (c == '\n') {
      ++line;
      column = 0;
    }
    i += n;
    ++column;
  }
  return std::nullopt;
}

std::string_view without_bom(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") return text.substr(3);
  return text;
}

StoryOutline outline_story(std::string_view text) {
  StoryOutline out;
  int line = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    ++line;
    const std::size_t first = raw.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) {
      if (raw[first] == '#') {
        const std::size_t name_at = raw.find_first_not_of("# \t", first);
        StoryHeading h;
        h.line = line;
        h.column = static_cast<int>((name_at == std::string_view::npos ? first : name_at) + 1);
        std::string_view name = name_at == std::string_view::npos ? std::string_view{} : raw.substr(name_at);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t' || name.back() == '\r')) name.remove_suffix(1);
        h.text = std::string(name);
        h.key = theme_key(name);
        out.headings.push_back(std::move(h));
      } else if (out.headings.empty() && out.text_before_heading == 0) {
        out.text_before_heading = line;
      }
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

std::optional<std::string> story_board(std::string_view name) {
  std::string_view stem;
  if (name.size() > 3 && name.substr(name.size() - 3) == ".md") stem = name.substr(0, name.size() - 3);
  else if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") stem = name.substr(0, name.size() - 4);
  else return std::nullopt;
  if (stem.empty() || stem.size() > 12 || stem.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  return std::string(stem);
}

}  // namespace povo::job
