#include "pdf/text.hpp"

#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>

namespace povo::pdf {

// ---------------------------------------------------------------- UTF-8

void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string utf8_encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) utf8_append(out, c);
  return out;
}

std::u32string utf8_decode(std::string_view s, bool* had_errors) {
  std::u32string out;
  out.reserve(s.size());
  auto bad = [&] {
    out.push_back(U'\uFFFD');
    if (had_errors) *had_errors = true;
  };
  std::size_t i = 0, n = s.size();
  while (i < n) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > n) { bad(); ++i; continue; }
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) { ok = false; break; }
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!ok || cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      bad(); ++i; continue;
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

// ---------------------------------------------------------------- TTF metrics

namespace {
struct Reader {
  const std::vector<std::uint8_t>& d;
  std::uint32_t u16(std::size_t o) const {
    if (o + 2 > d.size()) throw std::runtime_error("truncated TrueType font");
    return (d[o] << 8) | d[o + 1];
  }
  std::int32_t s16(std::size_t o) const { return static_cast<std::int16_t>(u16(o)); }
  std::uint32_t u32(std::size_t o) const { return (u16(o) << 16) | u16(o + 2); }
};
}  // namespace

std::shared_ptr<const FontMetrics> FontMetrics::parse(const std::vector<std::uint8_t>& ttf) {
  Reader r{ttf};
  std::map<std::string, std::size_t> tables;
  std::uint32_t num = r.u16(4);
  for (std::uint32_t i = 0; i < num; ++i) {
    std::size_t rec = 12 + 16 * i;
    r.u32(rec + 12);
    tables[std::string(ttf.begin() + rec, ttf.begin() + rec + 4)] = r.u32(rec + 8);
  }
  for (const char* t : {"head", "hhea", "hmtx", "cmap"})
    if (!tables.count(t)) throw std::runtime_error(std::string("TrueType font lacks table ") + t);
  std::size_t head = tables["head"], hhea = tables["hhea"], hmtx = tables["hmtx"], cmap = tables["cmap"];
  double upem = r.u16(head + 18);
  if (upem <= 0) throw std::runtime_error("bad unitsPerEm");
  auto m = std::make_shared<FontMetrics>();
  m->ascent_ = r.s16(hhea + 4) / upem;
  m->descent_ = -r.s16(hhea + 6) / upem;
  std::uint32_t n_hmetrics = r.u16(hhea + 34);
  auto advance_of = [&](std::uint32_t gid) -> int {
    std::uint32_t idx = gid < n_hmetrics ? gid : n_hmetrics - 1;
    return static_cast<int>(r.u16(hmtx + 4 * idx) * 1000 / static_cast<std::uint32_t>(upem));
  };
  // Prefer the (3,1) format 4 subtable: the subsets are BMP only.
  std::uint32_t nsub = r.u16(cmap + 2);
  std::size_t sub = 0;
  for (std::uint32_t i = 0; i < nsub; ++i) {
    std::size_t rec = cmap + 4 + 8 * i;
    if (r.u16(rec) == 3 && r.u16(rec + 2) == 1) sub = cmap + r.u32(rec + 4);
  }
  if (!sub || r.u16(sub) != 4) throw std::runtime_error("TrueType font has no (3,1) format-4 cmap");
  std::uint32_t seg2 = r.u16(sub + 6);
  std::size_t ends = sub + 14, starts = ends + seg2 + 2, deltas = starts + seg2, ranges = deltas + seg2;
  for (std::uint32_t s = 0; s < seg2 / 2; ++s) {
    std::uint32_t end = r.u16(ends + 2 * s), start = r.u16(starts + 2 * s);
    std::uint32_t delta = r.u16(deltas + 2 * s), ro = r.u16(ranges + 2 * s);
    for (std::uint32_t c = start; c <= end && c != 0xFFFF; ++c) {
      std::uint32_t gid;
      if (ro == 0) {
        gid = (c + delta) & 0xFFFF;
      } else {
        std::size_t at = ranges + 2 * s + ro + 2 * (c - start);
        gid = r.u16(at);
        if (gid) gid = (gid + delta) & 0xFFFF;
      }
      if (gid == 0) continue;
      m->widths_[c] = static_cast<std::int16_t>(advance_of(gid));
      ++m->covered_;
    }
  }
  return m;
}

std::shared_ptr<const FontMetrics> FontMetrics::load(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const FontMetrics>> cache;
  std::lock_guard lock(mu);
  auto it = cache.find(path);
  if (it != cache.end()) return it->second;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open font file " + path);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto m = parse(bytes);
  cache.emplace(path, m);
  return m;
}

double FontMetrics::width(std::u32string_view text, double size) const {
  long units = 0;
  for (char32_t c : text) units += advance(c == U'\u00A0' ? U' ' : c);
  return units * size / 1000.0;
}

FontFamily FontFamily::load(const std::string& dir) {
  static constexpr const char* kSuffix[4] = {"", "-Bold", "-Oblique", "-BoldOblique"};
  FontFamily f;
  for (int i = 0; i < 4; ++i) {
    f.paths[i] = dir + "/povo-DejaVuSans" + kSuffix[i] + ".ttf";
    f.core_paths[i] = dir + "/povo-DejaVuSansCore" + kSuffix[i] + ".ttf";
    f.metrics[i] = FontMetrics::load(f.paths[i]);
    f.core_metrics[i] = FontMetrics::load(f.core_paths[i]);
  }
  return f;
}

int single_byte_code(char32_t c) {
  if ((c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF)) return static_cast<int>(c);
  static constexpr char32_t kHigh[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                         0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                         0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
  for (int i = 0; i < 32; ++i)
    if (kHigh[i] == c && c != 0) return 0x80 + i;
  for (const ExtraSlot& e : kExtraSlots)
    if (e.cp == c) return e.code;
  return -1;
}

// ---------------------------------------------------------------- line breaking

namespace {

struct Piece {
  std::u32string text;
  FontStyle style;
  double width;
};

struct Token {
  std::vector<Piece> pieces;
  double width = 0;
  bool space_before = false;  // a breaking space separates it from the previous token
  double space_width = 0;     // width of that space
  bool newline_before = false;
};

bool is_break_space(char32_t c) { return c == U' ' || c == U'\t'; }
bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool is_hyphen(char32_t c) { return c == U'-' || c == U'\u2010'; }

std::vector<Token> tokenize(const std::vector<Run>& runs, const FontFamily& fonts, double size) {
  std::vector<Token> tokens;
  bool pending_space = false, pending_newline = false, open = false;
  double pending_space_w = 0;
  for (const Run& run : runs) {
    const FontMetrics& fm = fonts[run.style];
    const std::u32string& t = run.text;
    for (std::size_t i = 0; i < t.size(); ++i) {
      char32_t c = t[i];
      if (c == U'\n') { pending_newline = true; pending_space = false; open = false; continue; }
      if (is_break_space(c)) {
        if (!pending_newline) { pending_space = true; pending_space_w = fm.width(U" ", size); }
        open = false;
        continue;
      }
      if (!open) {
        Token tok;
        tok.newline_before = pending_newline;
        tok.space_before = pending_space && !tokens.empty();
        tok.space_width = pending_space_w;
        tokens.push_back(std::move(tok));
        pending_space = pending_newline = false;
        open = true;
      }
      Token& tok = tokens.back();
      if (tok.pieces.empty() || tok.pieces.back().style != run.style) tok.pieces.push_back({{}, run.style, 0});
      tok.pieces.back().text.push_back(c);
      double w = fm.advance(c == U'\u00A0' ? U' ' : c) * size / 1000.0;
      tok.pieces.back().width += w;
      tok.width += w;
      // Break opportunity after a hyphen between letters ("sector-breed").
      if (is_hyphen(c) && i > 0 && is_letter(t[i - 1]) && i + 1 < t.size() && is_letter(t[i + 1])) open = false;
    }
  }
  return tokens;
}

// Splits a token wider than max_width into pieces that fit, hyphenating between letters.
std::vector<Token> force_split(const Token& tok, const FontFamily& fonts, double size, double max_width) {
  struct Ch { char32_t c; FontStyle s; double w; };
  std::vector<Ch> chars;
  for (const Piece& p : tok.pieces)
    for (char32_t c : p.text) chars.push_back({c, p.style, fonts[p.style].advance(c == U'\u00A0' ? U' ' : c) * size / 1000.0});
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < chars.size()) {
    std::size_t j = i;
    double w = 0;
    const double hyph = fonts[chars[i].s].advance(U'-') * size / 1000.0;
    while (j < chars.size()) {
      bool more = j + 1 < chars.size();
      bool need_hyphen = more && is_letter(chars[j].c) && is_letter(chars[j + 1].c);
      double extra = need_hyphen ? hyph : 0;
      if (j > i && w + chars[j].w + (more ? extra : 0) > max_width) break;
      w += chars[j].w;
      ++j;
    }
    // j is the first char not on this line (at least one char was taken). Never leave a
    // stub of one or two characters for the next line ("Omschrijvin-" / "g").
    if (j < chars.size() && chars.size() - j < 3 && j - i > 3) j = chars.size() - 3;
    Token t;
    if (out.empty()) { t.space_before = tok.space_before; t.space_width = tok.space_width; t.newline_before = tok.newline_before; }
    for (std::size_t k = i; k < j; ++k) {
      if (t.pieces.empty() || t.pieces.back().style != chars[k].s) t.pieces.push_back({{}, chars[k].s, 0});
      t.pieces.back().text.push_back(chars[k].c);
      t.pieces.back().width += chars[k].w;
      t.width += chars[k].w;
    }
    if (j < chars.size() && is_letter(chars[j - 1].c) && is_letter(chars[j].c)) {
      t.pieces.back().text.push_back(U'-');
      double hw = fonts[t.pieces.back().style].advance(U'-') * size / 1000.0;
      t.pieces.back().width += hw;
      t.width += hw;
    }
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

void finish_line(std::vector<Line>& lines, std::vector<const Token*>& toks, double max_width,
                 Align align, bool last) {
  Line line;
  line.ends_paragraph = last;
  double natural = 0;
  std::size_t gaps = 0;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if (k > 0 && toks[k]->space_before) { natural += toks[k]->space_width; ++gaps; }
    natural += toks[k]->width;
  }
  line.width = natural;
  bool justify = align == Align::justify && !last && gaps > 0;
  double extra = justify ? (max_width - natural) / static_cast<double>(gaps) : 0;
  double x = 0;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const Token& t = *toks[k];
    bool gap = k > 0 && t.space_before;
    if (gap) x += t.space_width + extra;
    for (std::size_t p = 0; p < t.pieces.size(); ++p) {
      const Piece& pc = t.pieces[p];
      // Merge with the previous fragment when not justifying and the style matches.
      if (!justify && !line.fragments.empty() && line.fragments.back().style == pc.style) {
        Fragment& f = line.fragments.back();
        if (gap && p == 0) { f.text.push_back(U' '); f.width += t.space_width; }
        f.text += pc.text;
        f.width += pc.width;
      } else {
        line.fragments.push_back({pc.text, pc.style, x, pc.width});
      }
      x += pc.width;
    }
  }
  if (justify) line.width = max_width;
  lines.push_back(std::move(line));
  toks.clear();
}

}  // namespace

std::vector<Line> break_lines(const std::vector<Run>& runs, const FontFamily& fonts, double size,
                              double max_width, Align align) {
  std::vector<Token> raw = tokenize(runs, fonts, size);
  std::vector<Token> tokens;
  tokens.reserve(raw.size());
  for (Token& t : raw) {
    if (t.width > max_width) {
      for (Token& s : force_split(t, fonts, size, max_width)) tokens.push_back(std::move(s));
    } else {
      tokens.push_back(std::move(t));
    }
  }
  std::vector<Line> lines;
  std::vector<const Token*> cur;
  double w = 0;
  for (const Token& t : tokens) {
    if (t.newline_before && !cur.empty()) { finish_line(lines, cur, max_width, align, true); w = 0; }
    double add = (cur.empty() || !t.space_before ? 0 : t.space_width) + t.width;
    if (!cur.empty() && w + add > max_width + 1e-6) {
      finish_line(lines, cur, max_width, align, false);
      w = 0;
      add = t.width;
    }
    cur.push_back(&t);
    w += add;
  }
  if (!cur.empty()) finish_line(lines, cur, max_width, align, true);
  return lines;
}

double longest_word_width(const std::vector<Run>& runs, const FontFamily& fonts, double size) {
  double best = 0;
  for (const Token& t : tokenize(runs, fonts, size)) best = std::max(best, t.width);
  return best;
}

double natural_width(const std::vector<Run>& runs, const FontFamily& fonts, double size) {
  double w = 0;
  for (const Run& r : runs) w += fonts[r.style].width(r.text, size);
  return w;
}

}  // namespace povo::pdf
