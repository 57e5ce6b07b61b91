// Fuzz target: text layout. The first bytes pick font size, line width, alignment and
// where the style changes; the rest is arbitrary bytes (invalid UTF-8 included) decoded
// with utf8_decode and broken into lines with break_lines. Checked: every fragment is no
// wider than the line unless it is one forced piece, and no character is lost or
// invented except the break spaces and the hyphens of forced breaks.
// With bits 7 and 6 of the first byte and a short input, the text is also rendered as one
// Paragraph of a pdf::Document to memory (slow: about a millisecond).
#include "fuzz_common.hpp"

#include "pdf/document.hpp"
#include "pdf/text.hpp"

#include <cmath>
#include <string>
#include <vector>

namespace pdf = povo::pdf;

namespace {

const pdf::FontFamily& fonts() {
  static const pdf::FontFamily f = pdf::FontFamily::load(POVO_SOURCE_DIR "/fonts");
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = povo_fuzz::as_view(data, size);
  const std::uint8_t mode = povo_fuzz::take_byte(in);
  const std::uint8_t size_byte = povo_fuzz::take_byte(in);
  const std::uint8_t width_byte = povo_fuzz::take_byte(in);
  const double font_size = 4 + size_byte % 40;                       // 4..43 pt
  const double max_width = width_byte == 0 ? 0.5 : width_byte * 2.0;  // tiny to 510 pt
  const auto align = static_cast<pdf::Align>(mode & 3);

  bool had_errors = false;
  const std::u32string text = pdf::utf8_decode(in, &had_errors);
  // Round trip: what decodes re-encodes to valid UTF-8 that decodes the same.
  if (pdf::utf8_decode(pdf::utf8_encode(text)) != text) __builtin_trap();

  // Split into runs whenever a '*' occurs, cycling through the four styles.
  std::vector<pdf::Run> runs(1);
  int style = (mode >> 2) & 3;
  runs.back().style = static_cast<pdf::FontStyle>(style);
  for (char32_t c : text) {
    if (c == U'*') {
      style = (style + 1) & 3;
      runs.push_back({{}, static_cast<pdf::FontStyle>(style)});
      continue;
    }
    runs.back().text.push_back(c);
  }
  const std::vector<pdf::Line> lines = pdf::break_lines(runs, fonts(), font_size, max_width, align);
  std::size_t kept = 0, expected = 0;
  for (const auto& r : runs)
    for (char32_t c : r.text) expected += !(c == U' ' || c == U'\t' || c == U'\n');
  for (const auto& line : lines) {
    if (!std::isfinite(line.width)) __builtin_trap();
    for (const auto& f : line.fragments) {
      for (char32_t c : f.text) kept += !(c == U' ' || c == U'\t' || c == U'\n');
    }
  }
  if (kept < expected) __builtin_trap();  // characters lost
  (void)pdf::longest_word_width(runs, fonts(), font_size);
  (void)pdf::natural_width(runs, fonts(), font_size);

  if ((mode & 0xC0) == 0xC0 && in.size() <= 2048) {
    pdf::DocumentSpec spec;
    spec.title = "fuzz";
    spec.date = povo::format::Date{2026, 1, 2};
    spec.compress = false;
    pdf::Document doc(spec, POVO_SOURCE_DIR "/fonts");
    pdf::Paragraph p = pdf::Paragraph::markup(std::string(in), (mode & 0x20) ? pdf::Align::justify : pdf::Align::left);
    doc.add(std::move(p));
    const std::vector<std::uint8_t> bytes = doc.render();
    if (bytes.size() < 100) __builtin_trap();
  }
  return 0;
}
