#include "batch/batch.hpp"

#include <algorithm>
#include <cstdint>
#include <set>

namespace povo::batch {
namespace {

// U+00C0..U+00FF; "" means "not a letter" (× and ÷), which becomes '-'.
constexpr const char* latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};  // F0-FF

// U+0100..U+017F (Latin Extended-A) as runs of one transliteration.
struct Run { char32_t last; const char* ascii; };
constexpr Run latin_ext_a[] = {
    {0x105, "a"},  {0x10D, "c"}, {0x111, "d"}, {0x11B, "e"}, {0x123, "g"}, {0x127, "h"},
    {0x131, "i"},  {0x133, "ij"}, {0x135, "j"}, {0x138, "k"}, {0x142, "l"}, {0x14B, "n"},
    {0x151, "o"},  {0x153, "oe"}, {0x159, "r"}, {0x161, "s"}, {0x167, "t"}, {0x173, "u"},
    {0x175, "w"},  {0x178, "y"},  {0x17E, "z"}, {0x17F, "s"}};

// Decodes one UTF-8 sequence at s[i]; returns U+FFFD and advances one byte if invalid.
char32_t decode(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) { ++i; return 0xFFFD; }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr char32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return 0xFFFD; }
  i += static_cast<std::size_t>(len);
  return cp;
}

// ASCII for one code point: letters/digits lowercased, nullptr for a separator ('-'),
// "" for combining marks (decomposed "e\u0308" is "e").
const char* transliterate(char32_t cp, char (&one)[2]) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) { one[0] = static_cast<char>(cp); return one; }
  if (cp >= 'A' && cp <= 'Z') { one[0] = static_cast<char>(cp - 'A' + 'a'); return one; }
  if (cp >= 0xC0 && cp <= 0xFF) { const char* t = latin1[cp - 0xC0]; return *t ? t : nullptr; }
  if (cp >= 0x100 && cp <= 0x17F) {
    for (const Run& r : latin_ext_a) if (cp <= r.last) return r.ascii;
  }
  if (cp >= 0x300 && cp <= 0x36F) return "";  // combining diacritical marks
  return nullptr;
}

}  // namespace

std::string safe_file_stem(std::string_view text) {
  std::string out;
  bool dash = false;  // a separator is pending
  char one[2] = {0, 0};
  for (std::size_t i = 0; i < text.size();) {
    const char* t = transliterate(decode(text, i), one);
    if (!t) { dash = true; continue; }
    if (!*t) continue;
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += t;
    if (out.size() >= max_stem_bytes) break;
  }
  if (out.size() > max_stem_bytes) out.resize(max_stem_bytes);
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.empty()) out = "unnamed";
  return out;
}

std::vector<std::string> unique_stems(const std::vector<std::string>& safe_stems) {
  std::set<std::string> used;
  std::vector<std::string> out;
  out.reserve(safe_stems.size());
  for (const std::string& stem : safe_stems) {
    std::string name = stem;
    for (unsigned n = 2; used.count(name) != 0; ++n) {
      std::string suffix = "-" + std::to_string(n);
      std::string base = stem.substr(0, max_stem_bytes - std::min(max_stem_bytes, suffix.size()));
      while (!base.empty() && base.back() == '-') base.pop_back();
      name = base + suffix;
    }
    used.insert(name);
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace povo::batch
