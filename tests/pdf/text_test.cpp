#include "pdf/text.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "sample_report.hpp"

using namespace povo::pdf;

namespace {
const FontFamily& fonts() {
  static FontFamily f = FontFamily::load(sample::font_dir());
  return f;
}
std::u32string U(const std::string& s) { return utf8_decode(s); }
std::string join_plain(const std::vector<Line>& ls) {  // text of all lines, one line each
  std::string out;
  for (const Line& l : ls) {
    for (const Fragment& f : l.fragments) out += utf8_encode(f.text) + "|";
    out += "\n";
  }
  return out;
}
}  // namespace

TEST(Utf8, RoundTripAndInvalidBytes) {
  std::string s = "Financiële coëfficiënt € ‘x’ – ĳ 😀";
  bool bad = false;
  auto u = utf8_decode(s, &bad);
  EXPECT_FALSE(bad);
  EXPECT_EQ(utf8_encode(u), s);
  EXPECT_EQ(u.back(), U'\U0001F600');
  auto v = utf8_decode(std::string("a\xC3") + "b\xFF", &bad);
  EXPECT_TRUE(bad);
  EXPECT_EQ(v, U"a\uFFFDb\uFFFD");
  EXPECT_EQ(utf8_decode("\xC0\xAF"), U"\uFFFD\uFFFD");  // overlong
}

TEST(FontMetrics, CoverageMatchesFontToolsList) {
  for (int i = 0; i < 4; ++i) {
    const FontMetrics& m = *fonts().metrics[i];
    std::string cov = fonts().paths[i];
    cov.replace(cov.size() - 4, 4, ".coverage.txt");
    std::ifstream in(cov);
    ASSERT_TRUE(in) << cov;
    std::size_t n = 0;
    for (std::string line; std::getline(in, line); ++n)
      EXPECT_TRUE(m.has(static_cast<char32_t>(std::stoul(line, nullptr, 16)))) << line;
    EXPECT_EQ(m.glyph_count(), n);
    for (char32_t c : std::u32string_view(U"€ëéïĳ‘’“”–—•…−\u00A0\uFFFD")) EXPECT_TRUE(m.has(c)) << static_cast<unsigned>(c);
    EXPECT_FALSE(m.has(U'\U0001F600'));
    EXPECT_FALSE(m.has(U'Ω'));
  }
  // Every character the renderer draws with its single-byte fonts is in the core subsets,
  // with the same advance as in the full subsets.
  for (int i = 0; i < 4; ++i) {
    const FontMetrics& core = *fonts().core_metrics[i];
    const FontMetrics& full = *fonts().metrics[i];
    std::size_t n = 0;
    for (char32_t c = 0; c < 0x10000; ++c) {
      if (single_byte_code(c) < 0) continue;
      ++n;
      EXPECT_TRUE(core.has(c)) << std::hex << static_cast<unsigned>(c);
      EXPECT_EQ(core.advance(c), full.advance(c)) << std::hex << static_cast<unsigned>(c);
    }
    EXPECT_EQ(n, 223u);  // 95 ASCII + 96 Latin-1 + 27 CP1252 extras + 5 extra slots
    EXPECT_EQ(core.glyph_count(), 223u);
  }
  EXPECT_EQ(single_byte_code(U'€'), 0x80);
  EXPECT_EQ(single_byte_code(U'ë'), 0xEB);
  EXPECT_EQ(single_byte_code(U'\u2212'), 0x81);
  EXPECT_EQ(single_byte_code(U'≈'), -1);
  // DejaVu Sans: 'a' is 1255/2048 em -> 612/1000 (libharu truncates the same way).
  EXPECT_EQ(fonts()[FontStyle::regular].advance(U'a'), 612);
  EXPECT_GT(fonts()[FontStyle::bold].advance(U'a'), 612);
}

TEST(LineBreaker, RaggedKeepsAllWordsAndFits) {
  std::vector<povo::pdf::Run> runs{{U("Deze rapportage vergelijkt de financiële positie van het bestuur met die van vergelijkbare besturen."),
                         FontStyle::regular}};
  auto ls = break_lines(runs, fonts(), 10, 150);
  ASSERT_GT(ls.size(), 2u);
  std::string all;
  for (const Line& l : ls) {
    EXPECT_LE(l.width, 150.0 + 1e-6);
    ASSERT_EQ(l.fragments.size(), 1u);  // same style merges into one fragment per line
    all += (all.empty() ? "" : " ") + utf8_encode(l.fragments[0].text);
  }
  EXPECT_EQ(all, "Deze rapportage vergelijkt de financiële positie van het bestuur met die van vergelijkbare besturen.");
  EXPECT_TRUE(ls.back().ends_paragraph);
  EXPECT_FALSE(ls.front().ends_paragraph);
}

TEST(LineBreaker, ForcedBreakOfLongCompound) {
  std::string word = "arbeidsongeschiktheidsverzekering";
  std::vector<povo::pdf::Run> runs{{U("De " + word + " is duur."), FontStyle::regular}};
  double max = 60;
  auto ls = break_lines(runs, fonts(), 10, max);
  std::string rebuilt;
  for (const Line& l : ls) {
    EXPECT_LE(l.width, max + 1e-6) << join_plain(ls);
    for (const Fragment& f : l.fragments) {
      std::string t = utf8_encode(f.text);
      if (!t.empty() && t.back() == '-' && &l != &ls.back()) t.pop_back();  // forced hyphen
      rebuilt += t;
    }
  }
  // All letters survive, nothing is dropped (libharu's TextRect would draw nothing).
  EXPECT_NE(rebuilt.find(word), std::string::npos) << join_plain(ls);
  EXPECT_GE(ls.size(), 4u);
  // A forced break between two letters is marked with a hyphen.
  EXPECT_EQ(utf8_encode(ls[1].fragments.back().text).back(), '-') << join_plain(ls);
}

TEST(LineBreaker, BreaksAfterHyphenInsideWord) {
  std::vector<povo::pdf::Run> runs{{U("sectorbrede samenwerkings-verbanden"), FontStyle::regular}};
  double w = fonts()[FontStyle::regular].width(U("sectorbrede samenwerkings-"), 10) + 1;
  auto ls = break_lines(runs, fonts(), 10, w);
  ASSERT_EQ(ls.size(), 2u) << join_plain(ls);
  EXPECT_EQ(utf8_encode(ls[0].fragments[0].text), "sectorbrede samenwerkings-");
  EXPECT_EQ(utf8_encode(ls[1].fragments[0].text), "verbanden");
}

TEST(LineBreaker, NoBreakSpaceAndNewline) {
  std::vector<povo::pdf::Run> runs{{U("bedrag €\u00A01.234.567 en\nnieuwe regel"), FontStyle::regular}};
  double w = fonts()[FontStyle::regular].width(U("bedrag € 1.234"), 10);  // "€ 1.234.567" fits, "bedrag €..." not
  auto ls = break_lines(runs, fonts(), 10, w);
  for (const Line& l : ls) {
    std::string t = utf8_encode(l.fragments[0].text);
    EXPECT_EQ(t.find("€") != std::string::npos, t.find("1.234.567") != std::string::npos) << join_plain(ls);
  }
  auto wide = break_lines(runs, fonts(), 10, 1000);
  ASSERT_EQ(wide.size(), 2u);
  EXPECT_TRUE(wide[0].ends_paragraph);
  EXPECT_EQ(utf8_encode(wide[1].fragments[0].text), "nieuwe regel");
}

TEST(LineBreaker, JustifiedSpreadsAllButLastLine) {
  std::vector<povo::pdf::Run> runs{{U("Percentielen zijn berekend over alle besturen in de groep; de mediaan is het vijftigste percentiel."),
                         FontStyle::regular}};
  auto ls = break_lines(runs, fonts(), 10, 160, Align::justify);
  ASSERT_GE(ls.size(), 3u);
  for (std::size_t i = 0; i + 1 < ls.size(); ++i) {
    const Fragment& last = ls[i].fragments.back();
    EXPECT_NEAR(last.x + last.width, 160.0, 1e-6) << i;
    EXPECT_NEAR(ls[i].fragments.front().x, 0.0, 1e-9);
  }
  const Fragment& end = ls.back().fragments.back();
  EXPECT_LT(end.x + end.width, 160.0);
}

TEST(LineBreaker, MixedStylesKeepTheirStyle) {
  std::vector<povo::pdf::Run> runs{{U("Een "), FontStyle::regular}, {U("vet"), FontStyle::bold}, {U(", en "), FontStyle::regular},
                        {U("cursief"), FontStyle::italic}, {U(" woord."), FontStyle::regular}};
  auto ls = break_lines(runs, fonts(), 10, 1000);
  ASSERT_EQ(ls.size(), 1u);
  ASSERT_EQ(ls[0].fragments.size(), 5u);
  EXPECT_EQ(ls[0].fragments[1].style, FontStyle::bold);
  EXPECT_EQ(utf8_encode(ls[0].fragments[1].text), "vet");
  EXPECT_EQ(ls[0].fragments[3].style, FontStyle::italic);
  EXPECT_NEAR(ls[0].width, natural_width(runs, fonts(), 10), 1e-6);
}
