#pragma once
// UTF-8 handling, font metrics read from the TTF itself, and the line breaker.
// Nothing here needs libharu, so it is unit-testable on its own.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace povo::pdf {

/// Decodes UTF-8; each invalid byte becomes U+FFFD and sets *had_errors.
std::u32string utf8_decode(std::string_view text, bool* had_errors = nullptr);
std::string utf8_encode(std::u32string_view text);
void utf8_append(std::string& out, char32_t cp);

enum class FontStyle : std::uint8_t { regular = 0, bold = 1, italic = 2, bold_italic = 3 };

/// Advance widths and coverage of one TrueType font, parsed from its hmtx/cmap tables.
/// Loaded once per path and process (thread-safe cache); immutable afterwards.
class FontMetrics {
 public:
  static std::shared_ptr<const FontMetrics> load(const std::string& path);
  /// Parses TTF bytes (throws std::runtime_error on a malformed or unsupported font).
  static std::shared_ptr<const FontMetrics> parse(const std::vector<std::uint8_t>& ttf);

  bool has(char32_t cp) const { return cp < 0x10000 && widths_[cp] >= 0; }
  /// Advance in 1/1000 em (as libharu rounds it); 0 for a missing character.
  int advance(char32_t cp) const { return has(cp) ? widths_[cp] : 0; }
  double width(std::u32string_view text, double size) const;
  double ascent() const { return ascent_; }    // fraction of the em, positive
  double descent() const { return descent_; }  // fraction of the em, positive
  std::size_t glyph_count() const { return covered_; }

 private:
  std::vector<std::int16_t> widths_ = std::vector<std::int16_t>(0x10000, -1);
  double ascent_ = 0.93, descent_ = 0.24;
  std::size_t covered_ = 0;
};

/// The four faces of a family: <dir>/povo-DejaVuSans{,-Bold,-Oblique,-BoldOblique}.ttf (full
/// subsets: coverage, metrics and the UTF-8 fallback) and povo-DejaVuSansCore*.ttf (the
/// single-byte repertoire, see single_byte_code()).
struct FontFamily {
  std::array<std::string, 4> paths;
  std::array<std::string, 4> core_paths;
  std::array<std::shared_ptr<const FontMetrics>, 4> metrics;
  std::array<std::shared_ptr<const FontMetrics>, 4> core_metrics;
  static FontFamily load(const std::string& font_dir);  // throws if a file is missing
  const FontMetrics& operator[](FontStyle s) const { return *metrics[static_cast<int>(s)]; }
};

/// Byte the renderer uses for cp in its single-byte fonts: CP1252, plus − ĳ Ĳ ≤ ≥ in
/// CP1252's unused slots 0x81 0x8D 0x8F 0x90 0x9D. -1 if cp needs the UTF-8 (CID) font.
int single_byte_code(char32_t cp);
struct ExtraSlot {
  unsigned char code;
  char32_t cp;
};
inline constexpr ExtraSlot kExtraSlots[] = {
    {0x81, U'\u2212'}, {0x8D, U'\u0133'}, {0x8F, U'\u0132'}, {0x90, U'\u2264'}, {0x9D, U'\u2265'}};

/// A piece of text in one style. The breaker treats U+0020, TAB and LF as break
/// opportunities (LF forces a break); U+00A0 never breaks; a line may also break after a
/// hyphen inside a word.
struct Run {
  std::u32string text;
  FontStyle style = FontStyle::regular;
};

struct Fragment {
  std::u32string text;  // never contains a break space
  FontStyle style = FontStyle::regular;
  double x = 0;         // offset from the line start
  double width = 0;
};

struct Line {
  std::vector<Fragment> fragments;
  double width = 0;           // natural width
  bool ends_paragraph = false;  // last line or forced by LF: never justified
};

enum class Align : std::uint8_t { left, right, center, justify };

/// Breaks runs into lines no wider than max_width (points) at the given font size.
/// A word wider than max_width is broken by force, with a hyphen after the piece when the
/// break falls between two letters ("arbeidsongeschikt-" / "heidsverzekering").
/// With Align::justify the fragments of each non-final line are spread to max_width.
std::vector<Line> break_lines(const std::vector<Run>& runs, const FontFamily& fonts,
                              double size, double max_width, Align align = Align::left);

/// Longest unbreakable word width (points), e.g. to size table columns.
double longest_word_width(const std::vector<Run>& runs, const FontFamily& fonts, double size);
/// Width of the text on one line (no breaking).
double natural_width(const std::vector<Run>& runs, const FontFamily& fonts, double size);

}  // namespace povo::pdf
