#include "pdf/document.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "pdf/render.hpp"

namespace povo::pdf {

using detail::Anchor;
using detail::Ctx;

namespace {

[[noreturn]] void hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void*) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error),
                static_cast<unsigned>(detail));
  throw std::runtime_error(buf);
}

struct DocDeleter {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter>;

std::string loc_str(const DocumentSpec& s, const char* nl, const char* en) {
  return s.locale == format::Locale::nl ? nl : en;
}

format::Date resolve_date(const DocumentSpec& spec, int* h, int* m, int* sec) {
  *h = *m = *sec = 0;
  if (spec.date) return *spec.date;
  if (const char* e = std::getenv("SOURCE_DATE_EPOCH"); e && *e) {
    char* end = nullptr;
    long long secs = std::strtoll(e, &end, 10);
    if (end && *end == '\0') {
      long long day = secs % 86400;
      if (day < 0) day += 86400;
      *h = static_cast<int>(day / 3600);
      *m = static_cast<int>(day / 60 % 60);
      *sec = static_cast<int>(day % 60);
      return format::date_from_unix_seconds(secs);
    }
  }
  throw std::runtime_error(
      "no document date: set DocumentSpec::date or the SOURCE_DATE_EPOCH environment variable");
}

}  // namespace

// ================================================================ Ctx

namespace detail {

Ctx::Ctx(HPDF_Doc p, const DocumentSpec& s, const FontFamily& f, const std::string& dir,
         std::vector<std::string>& w)
    : pdf(p), spec(s), fonts(f), font_dir(dir), warnings(w) {}

// ---- encodings
// libharu 2.3.0 makes a UTF-8 (CID) font expensive: it maps all 65,536 code points through
// the cmap and writes a 128 KB CIDToGIDMap per font and document (~2-5 ms each). A
// single-byte TrueType font costs a fraction of that. So text is drawn with a CP1252 font,
// whose five unused slots carry the characters reports need most (− ĳ Ĳ ≤ ≥, written as
// /Differences with their standard glyph names so text extraction maps them back), and only
// the rare other characters fall back to the CID font of the same face.
HPDF_Font Ctx::font(FontStyle s) {
  auto i = static_cast<int>(s);
  if (!fonts_[i]) {
    if (!encoder_patched_) {
      HPDF_Encoder enc = HPDF_GetEncoder(pdf, "CP1252");
      auto* attr = static_cast<HPDF_BasicEncoderAttr>(enc->attr);
      for (const ExtraSlot& e : kExtraSlots) {
        attr->unicode_map[e.code] = static_cast<HPDF_UNICODE>(e.cp);
        attr->differences[e.code] = 1;
      }
      attr->has_differences = HPDF_TRUE;
      encoder_patched_ = true;
    }
    const char* name = HPDF_LoadTTFontFromFile(pdf, fonts.core_paths[i].c_str(), HPDF_TRUE);
    fonts_[i] = HPDF_GetFont(pdf, name, "CP1252");
  }
  return fonts_[i];
}

HPDF_Font Ctx::cid_font(FontStyle s) {
  auto i = static_cast<int>(s);
  if (!cid_fonts_[i]) {
    if (!utf_ready_) {  // the UTF-8 encoder costs ~0.2 ms per document: only when needed
      HPDF_UseUTFEncodings(pdf);
      utf_ready_ = true;
    }
    const char* name = HPDF_LoadTTFontFromFile(pdf, fonts.paths[i].c_str(), HPDF_TRUE);
    cid_fonts_[i] = HPDF_GetFont(pdf, name, "UTF-8");
    // libharu 2.3.0 writes a malformed ToUnicode CMap ("begincidrange <0000> <FFFF> 0");
    // replace it with a valid identity map (CID = Unicode), one bfrange per 256-code block
    // that the font covers.
    HPDF_Dict cmap = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    std::string body =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<unsigned> blocks;
    const FontMetrics& fm = *fonts.metrics[i];
    for (unsigned hi = 0; hi < 256; ++hi) {
      if (hi >= 0xD8 && hi <= 0xDF) continue;
      for (unsigned lo = 0; lo < 256; ++lo)
        if (fm.has(static_cast<char32_t>(hi << 8 | lo))) { blocks.push_back(hi); break; }
    }
    char buf[64];
    for (std::size_t k = 0; k < blocks.size(); k += 100) {
      std::size_t n = std::min<std::size_t>(100, blocks.size() - k);
      body += std::to_string(n) + " beginbfrange\n";
      for (std::size_t j = k; j < k + n; ++j) {
        std::snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", blocks[j], blocks[j], blocks[j]);
        body += buf;
      }
      body += "endbfrange\n";
    }
    body += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(body.data()), static_cast<HPDF_UINT>(body.size()));
    if (spec.compress) cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Dict_Add(cid_fonts_[i], "ToUnicode", cmap);
  }
  return cid_fonts_[i];
}

void Ctx::show(double x, double y, std::u32string_view t, FontStyle s, double size, double ca, double sa) {
  HPDF_Page_BeginText(page);
  std::size_t i = 0;
  double adv = 0;
  HPDF_Font current = nullptr;
  while (i < t.size()) {
    bool single = single_byte_code(t[i] == U'\u00A0' ? U' ' : t[i]) >= 0;
    std::size_t j = i;
    std::string bytes;
    while (j < t.size()) {
      char32_t c = t[j] == U'\u00A0' ? U' ' : t[j];
      int code = single_byte_code(c);
      if ((code >= 0) != single) break;
      if (single) bytes.push_back(static_cast<char>(code));
      else utf8_append(bytes, c);
      ++j;
    }
    HPDF_Font f = single ? font(s) : cid_font(s);
    if (f != current) {
      HPDF_Page_SetFontAndSize(page, f, static_cast<HPDF_REAL>(size));
      current = f;
    }
    double rx = x + adv * ca, ry = y + adv * sa;
    if (ca == 1 && sa == 0) {
      HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(rx), static_cast<HPDF_REAL>(ry), bytes.c_str());
    } else {
      HPDF_Page_SetTextMatrix(page, static_cast<HPDF_REAL>(ca), static_cast<HPDF_REAL>(sa), static_cast<HPDF_REAL>(-sa),
                              static_cast<HPDF_REAL>(ca), static_cast<HPDF_REAL>(rx), static_cast<HPDF_REAL>(ry));
      HPDF_Page_ShowText(page, bytes.c_str());
    }
    adv += text_width(t.substr(i, j - i), s, size);
    i = j;
  }
  HPDF_Page_EndText(page);
}

std::u32string Ctx::clean(std::string_view utf8, FontStyle style) {
  hash.update(utf8);
  hash.update("\x1f", 1);
  bool invalid = false;
  std::u32string t = utf8_decode(utf8, &invalid);
  auto warn = [&](std::string msg) {
    if (seen_warnings.insert(msg).second) warnings.push_back(std::move(msg));
  };
  if (invalid)
    warn("invalid UTF-8 in text \"" + utf8_encode(t) + "\" (shown as \xEF\xBF\xBD)");
  const FontMetrics& fm = fonts[style];
  for (char32_t& c : t) {
    if (c == U'\n') continue;
    if (c == U'\t' || c == U'\r') { c = U' '; continue; }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) { c = U'\uFFFD'; }
    if (!fm.has(c) && c != U'\uFFFD') {
      char cp[16];
      std::snprintf(cp, sizeof cp, "U+%04X", static_cast<unsigned>(c));
      std::string ch;
      utf8_append(ch, c);
      warn(std::string("missing glyph ") + cp + " '" + ch + "' in text \"" + std::string(utf8) +
           "\" (shown as \xEF\xBF\xBD)");
      c = U'\uFFFD';
    }
  }
  return t;
}

std::vector<Run> Ctx::clean_runs(const std::vector<Span>& spans) {
  std::vector<Run> runs;
  runs.reserve(spans.size());
  for (const Span& s : spans) runs.push_back({clean(s.text, s.style), s.style});
  return runs;
}

void Ctx::set_fill(Color c) {
  if (c.r != fill_.r || c.g != fill_.g || c.b != fill_.b) {
    HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
    fill_ = c;
  }
}

void Ctx::set_stroke(Color c) {
  if (c.r != stroke_.r || c.g != stroke_.g || c.b != stroke_.b) {
    HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
    stroke_ = c;
  }
}

void Ctx::text(double x, double baseline, std::u32string_view t, FontStyle s, double size, Color c,
               Anchor a) {
  if (t.empty()) return;
  double w = text_width(t, s, size);
  if (a == Anchor::right) x -= w;
  if (a == Anchor::center) x -= w / 2;
  hash_num(x);
  hash_num(baseline);
  set_fill(c);
  show(x, baseline, t, s, size);
}

void Ctx::lines(double x, double top_y, const std::vector<Line>& ls, double size, double line_h,
                Color c, Align align, double width) {
  double base = top_y - (line_h - size) / 2 - size * 0.8;
  for (const Line& l : ls) {
    double off = align == Align::right ? width - l.width : align == Align::center ? (width - l.width) / 2 : 0;
    for (const Fragment& f : l.fragments) text(x + off + f.x, base, f.text, f.style, size, c);
    base -= line_h;
  }
}

void Ctx::fill_rect(double x, double y0, double w, double h, Color c) {
  hash_num(x); hash_num(y0); hash_num(w); hash_num(h);
  set_fill(c);
  HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y0), static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
  HPDF_Page_Fill(page);
}

void Ctx::stroke_rect(double x, double y0, double w, double h, Color c, double lw) {
  hash_num(x); hash_num(y0); hash_num(w); hash_num(h);
  set_stroke(c);
  if (lw != line_width_) { HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(lw)); line_width_ = lw; }
  if (dashed_ != 0) { HPDF_Page_SetDash(page, nullptr, 0, 0); dashed_ = 0; }
  HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y0), static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
  HPDF_Page_Stroke(page);
}

void Ctx::polyline(const std::vector<std::pair<double, double>>& pts, Color c, double lw, bool dashed) {
  if (pts.size() < 2) return;
  set_stroke(c);
  if (lw != line_width_) { HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(lw)); line_width_ = lw; }
  if ((dashed ? 1 : 0) != dashed_) {
    static const HPDF_UINT16 kDash[] = {3, 2};
    HPDF_Page_SetDash(page, dashed ? kDash : nullptr, dashed ? 2 : 0, 0);
    dashed_ = dashed ? 1 : 0;
  }
  for (std::size_t i = 0; i < pts.size(); ++i) {
    hash_num(pts[i].first); hash_num(pts[i].second);
    if (i == 0) HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(pts[i].first), static_cast<HPDF_REAL>(pts[i].second));
    else HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(pts[i].first), static_cast<HPDF_REAL>(pts[i].second));
  }
  HPDF_Page_Stroke(page);
}

void Ctx::line(double x1, double y1, double x2, double y2, Color c, double lw, bool dashed) {
  polyline({{x1, y1}, {x2, y2}}, c, lw, dashed);
}

void Ctx::fill_polygon(const std::vector<std::pair<double, double>>& pts, Color c) {
  if (pts.size() < 3) return;
  set_fill(c);
  for (std::size_t i = 0; i < pts.size(); ++i) {
    hash_num(pts[i].first); hash_num(pts[i].second);
    if (i == 0) HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(pts[i].first), static_cast<HPDF_REAL>(pts[i].second));
    else HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(pts[i].first), static_cast<HPDF_REAL>(pts[i].second));
  }
  HPDF_Page_ClosePath(page);
  HPDF_Page_Fill(page);
}

void Ctx::circle(double x, double y0, double r, Color c) {
  hash_num(x); hash_num(y0); hash_num(r);
  set_fill(c);
  HPDF_Page_Circle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y0), static_cast<HPDF_REAL>(r));
  HPDF_Page_Fill(page);
}

void Ctx::dots(const std::vector<std::pair<double, double>>& centers, double r, Color c) {
  if (centers.empty()) return;
  set_stroke(c);
  const double lw = 2 * r;
  if (lw != line_width_) { HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(lw)); line_width_ = lw; }
  if (dashed_) {
    HPDF_Page_SetDash(page, nullptr, 0, 0);
    dashed_ = 0;
  }
  HPDF_Page_SetLineCap(page, HPDF_ROUND_END);
  for (const auto& [x, y] : centers) {
    hash_num(x); hash_num(y);
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y));
  }
  HPDF_Page_Stroke(page);
  HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
}

void Ctx::diamond(double x, double y0, double r, Color c) {
  fill_polygon({{x, y0 + r}, {x + r, y0}, {x, y0 - r}, {x - r, y0}}, c);
}

void Ctx::new_page(bool cover) {
  page = HPDF_AddPage(pdf);
  HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  fill_ = stroke_ = Color{-1, -1, -1};
  line_width_ = -1;
  dashed_ = false;
  std::string chapter = pages.empty() ? std::string() : pages.back().chapter;
  pages.push_back({page, chapter, cover});
  y = top();
  hash.update("\x1epage", 5);
}

void Ctx::watermark() {
  if (spec.watermark.empty()) return;
  std::u32string t = clean(spec.watermark, FontStyle::bold);
  double size = 60;
  double w = text_width(t, FontStyle::bold, size);
  double ang = std::atan2(kPageH, kPageW) * 0.8;
  double maxw = 0.7 * std::hypot(kPageW, kPageH);
  if (w > maxw) { size *= maxw / w; w = maxw; }
  double c = std::cos(ang), s = std::sin(ang);
  double cx = kPageW / 2 - (w / 2) * c + (size * 0.35) * s;
  double cy = kPageH / 2 - (w / 2) * s - (size * 0.35) * c;
  if (!alpha_) {
    alpha_ = HPDF_CreateExtGState(pdf);
    HPDF_ExtGState_SetAlphaFill(alpha_, 0.10f);
  }
  HPDF_Page_GSave(page);
  HPDF_Page_SetExtGState(page, alpha_);
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(palette::primary.r), static_cast<HPDF_REAL>(palette::primary.g),
                       static_cast<HPDF_REAL>(palette::primary.b));
  show(cx, cy, t, FontStyle::bold, size, c, s);
  HPDF_Page_GRestore(page);
  use_page(page);
}

}  // namespace detail

// A PDF text string as UTF-16BE with BOM (for Info entries and bookmark titles), so no
// UTF-8 encoder is needed for them.
HPDF_Binary text_string(HPDF_Doc pdf, std::u32string_view t) {
  std::vector<HPDF_BYTE> b{0xFE, 0xFF};
  auto put = [&](unsigned u) { b.push_back(static_cast<HPDF_BYTE>(u >> 8)); b.push_back(static_cast<HPDF_BYTE>(u & 0xFF)); };
  for (char32_t c : t) {
    if (c == U'\u00A0') c = U' ';
    if (c >= 0x10000) { c -= 0x10000; put(0xD800 + (c >> 10)); put(0xDC00 + (c & 0x3FF)); }
    else put(c);
  }
  return HPDF_Binary_New(pdf->mmgr, b.data(), static_cast<HPDF_UINT>(b.size()));
}

// ================================================================ markup

Paragraph Paragraph::markup(const std::string& text, Align align) {
  Paragraph p;
  p.align = align;
  bool bold = false, italic = false;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    FontStyle s = bold && italic ? FontStyle::bold_italic : bold ? FontStyle::bold : italic ? FontStyle::italic : FontStyle::regular;
    p.spans.push_back({cur, s});
    cur.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "***") == 0) { flush(); bold = !bold; italic = !italic; i += 3; }
    else if (text.compare(i, 2, "**") == 0) { flush(); bold = !bold; i += 2; }
    else if (text[i] == '*') { flush(); italic = !italic; i += 1; }
    else cur.push_back(text[i++]);
  }
  flush();
  return p;
}

BulletList BulletList::markup(const std::vector<std::string>& items, bool numbered) {
  BulletList l;
  l.numbered = numbered;
  for (const auto& s : items) l.items.push_back(Paragraph::markup(s));
  return l;
}

// ================================================================ layout

namespace {

struct HeadingRec {
  HeadingPlacement placement;
  int page_index;
  double y_top;
};

class Layout {
 public:
  Layout(Ctx& c, const std::vector<Block>& blocks) : ctx(c), blocks_(blocks) {}

  void run();
  std::vector<HeadingRec> headings;

 private:
  Ctx& ctx;
  const std::vector<Block>& blocks_;
  int counters_[3] = {0, 0, 0};
  HPDF_Outline outline_parent_[3] = {nullptr, nullptr, nullptr};
  // TOC reservation
  int toc_first_page_ = -1, toc_pages_ = 0;
  std::string toc_title_;
  double toc_line_h_ = 17;

  double start_height(std::size_t i);
  void heading(const Heading& h, std::size_t i);
  void paragraph(const Paragraph& p, double indent = 0, const std::u32string& bullet = U"");
  void bullets(const BulletList& l);
  void table(const Table& t);
  void key_figures(const KeyFigures& k);
  void cover(const Cover& c);
  void reserve_toc(const TableOfContents& t);
  void fill_toc();
  void furniture();

  static constexpr double heading_size(int level) { return level == 1 ? 16 : level == 2 ? 12.5 : 10.5; }
  std::vector<Line> para_lines(const Paragraph& p, double width, double* size, double* lh) {
    *size = p.small ? detail::kSmallSize : detail::kBodySize;
    *lh = *size * 1.42;
    return break_lines(ctx.clean_runs(p.spans), ctx.fonts, *size, width, p.align);
  }
};

// Minimum height a block needs at the bottom of a page to start there (keep-with-next).
double Layout::start_height(std::size_t i) {
  if (i >= blocks_.size()) return 0;
  const Block& b = blocks_[i];
  if (auto* p = std::get_if<Paragraph>(&b)) {
    // The first piece the paragraph can put on this page: with no orphans and no
    // widows, a paragraph of up to three lines cannot be split at all.
    double size, lh;
    const std::size_t n = para_lines(*p, ctx.width(), &size, &lh).size();
    return lh * static_cast<double>(n <= 3 ? n : 2);
  }
  if (std::holds_alternative<BulletList>(b)) return detail::kBodySize * 1.42 * 2;
  if (auto* t = std::get_if<Table>(&b)) return 14 + 22 + 2 * 16.0 * (t->rows.empty() ? 0 : 1);
  if (std::holds_alternative<KeyFigures>(b)) return 70;
  if (std::holds_alternative<Heading>(b)) return 30 + start_height(i + 1);
  if (std::holds_alternative<PageBreak>(b) || std::holds_alternative<Spacer>(b)) return 0;
  if (std::holds_alternative<Cover>(b) || std::holds_alternative<TableOfContents>(b)) return 0;
  return detail::figure_height(ctx, b, ctx.width());
}

void Layout::run() {
  // Count TOC entries first so the TOC pages can be reserved.
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    const Block& b = blocks_[i];
    ctx.hash.update("\x1d", 1);
    if (auto* h = std::get_if<Heading>(&b)) heading(*h, i);
    else if (auto* p = std::get_if<Paragraph>(&b)) paragraph(*p);
    else if (auto* l = std::get_if<BulletList>(&b)) bullets(*l);
    else if (auto* t = std::get_if<Table>(&b)) table(*t);
    else if (auto* k = std::get_if<KeyFigures>(&b)) key_figures(*k);
    else if (auto* c = std::get_if<Cover>(&b)) cover(*c);
    else if (auto* toc = std::get_if<TableOfContents>(&b)) reserve_toc(*toc);
    else if (std::holds_alternative<PageBreak>(b)) { if (ctx.page && ctx.y < ctx.top()) ctx.new_page(); }
    else if (auto* s = std::get_if<Spacer>(&b)) {
      if (!ctx.page) ctx.new_page();
      ctx.y -= s->height;
      ctx.hash_num(s->height);
      if (ctx.y < ctx.bottom()) ctx.new_page();
    } else {
      if (!ctx.page) ctx.new_page();
      double h = detail::figure_height(ctx, b, ctx.width());
      ctx.ensure(h);
      detail::draw_figure(ctx, b);
    }
  }
  if (!ctx.page) ctx.new_page();
  fill_toc();
  furniture();
}

void Layout::heading(const Heading& h, std::size_t i) {
  if (!ctx.page) ctx.new_page();
  int level = std::clamp(h.level, 1, 3);
  double size = heading_size(level);
  double before = level == 1 ? 20 : level == 2 ? 14 : 10;
  double after = level == 1 ? 9 : 6;
  counters_[level - 1]++;
  for (int k = level; k < 3; ++k) counters_[k] = 0;
  std::string number;
  if (ctx.spec.number_headings) {
    // Leading zero levels are left out (a section before any chapter is "1", not "0.1").
    int first = 0;
    while (first < level - 1 && counters_[first] == 0) ++first;
    for (int k = first; k < level; ++k) number += (k > first ? "." : "") + std::to_string(counters_[k]);
  }
  std::u32string num32 = ctx.clean(number, FontStyle::bold);
  std::vector<Run> runs{{ctx.clean(h.text, FontStyle::bold), FontStyle::bold}};
  double num_w = number.empty() ? 0 : ctx.text_width(num32, FontStyle::bold, size) + size * 0.7;
  double indent = number.empty() ? 0 : std::max(num_w, level == 1 ? 26.0 : 34.0);
  auto ls = break_lines(runs, ctx.fonts, size, ctx.width() - indent, Align::left);
  double lh = size * 1.25;
  double block_h = lh * static_cast<double>(ls.size());
  bool at_top = ctx.y >= ctx.top() - 0.01;
  double need = (at_top ? 0 : before) + block_h + after + start_height(i + 1);
  if (ctx.y - need < ctx.bottom()) ctx.new_page(), at_top = true;
  if (!at_top) ctx.y -= before;
  Color c = level == 1 ? palette::primary : palette::ink;
  double top = ctx.y;
  if (!number.empty())
    ctx.text(ctx.left(), top - (lh - size) / 2 - size * 0.8, num32, FontStyle::bold, size, level == 1 ? palette::accent : palette::primary);
  ctx.lines(ctx.left() + indent, top, ls, size, lh, c, Align::left, ctx.width() - indent);
  ctx.y -= block_h;
  if (level == 1) {
    ctx.line(ctx.left(), ctx.y - 3, ctx.left() + ctx.width(), ctx.y - 3, palette::rule, 0.6);
    ctx.y -= 3;
    ctx.pages.back().chapter = h.text;
  }
  ctx.y -= after;
  // Bookmark + TOC record
  int page_index = static_cast<int>(ctx.pages.size()) - 1;
  std::string title = number.empty() ? h.text : number + " " + h.text;
  headings.push_back({{level, number, h.text, page_index + 1}, page_index, top + 4});
  if (level <= ctx.spec.toc_depth) {
    HPDF_Outline parent = level == 1 ? nullptr : outline_parent_[level - 2];
    HPDF_Outline o = HPDF_CreateOutline(ctx.pdf, parent, "-", nullptr);
    HPDF_Dict_Add(o, "Title", text_string(ctx.pdf, ctx.clean(title, FontStyle::regular)));
    HPDF_Destination d = HPDF_Page_CreateDestination(ctx.page);
    HPDF_Destination_SetXYZ(d, 0, static_cast<HPDF_REAL>(std::min(top + 24, detail::kPageH)), 1);
    HPDF_Outline_SetDestination(o, d);
    HPDF_Outline_SetOpened(o, level == 1 ? HPDF_TRUE : HPDF_FALSE);
    outline_parent_[level - 1] = o;
  }
}

void Layout::paragraph(const Paragraph& p, double indent, const std::u32string& bullet) {
  if (!ctx.page) ctx.new_page();
  double size, lh;
  double w = ctx.width() - indent;
  auto ls = para_lines(p, w, &size, &lh);
  std::size_t n = ls.size(), i = 0;
  while (i < n) {
    std::size_t fit = static_cast<std::size_t>(std::max(0.0, std::floor((ctx.y - ctx.bottom()) / lh + 1e-6)));
    std::size_t rest = n - i;
    std::size_t take = std::min(fit, rest);
    if (take < rest) {
      // Orphan: never leave 1 line alone at the bottom; widow: never carry 1 line over.
      if (rest >= 2 && rest - take < 2) take = rest - 2;
      if (take < 2) take = 0;
    }
    if (take == 0) {
      if (ctx.y >= ctx.top() - 0.01) take = std::min(rest, std::max<std::size_t>(fit, 1));  // page too small
      else { ctx.new_page(); continue; }
    }
    std::vector<Line> part(ls.begin() + static_cast<long>(i), ls.begin() + static_cast<long>(i + take));
    if (i == 0 && !bullet.empty())
      ctx.text(ctx.left() + indent - 11, ctx.y - (lh - size) / 2 - size * 0.8, bullet, FontStyle::regular, size, palette::primary,
               Anchor::right);
    ctx.lines(ctx.left() + indent, ctx.y, part, size, lh, palette::ink, p.align, w);
    ctx.y -= lh * static_cast<double>(take);
    i += take;
    if (i < n) ctx.new_page();
  }
  ctx.y -= p.small ? 3 : 6;
}

void Layout::bullets(const BulletList& l) {
  int k = 0;
  for (const Paragraph& item : l.items) {
    ++k;
    std::u32string mark = l.numbered ? ctx.clean(std::to_string(k) + ".", FontStyle::regular) : std::u32string(U"\u2022");
    paragraph(item, 22, mark);
    ctx.y += item.small ? 1 : 3.5;  // tighter than between paragraphs
  }
  ctx.y -= 4;
}

void Layout::key_figures(const KeyFigures& k) {
  if (!ctx.page) ctx.new_page();
  if (k.tiles.empty()) return;
  const double gap = 8, h = 64;
  ctx.ensure(h + 10);
  double n = static_cast<double>(k.tiles.size());
  double w = (ctx.width() - gap * (n - 1)) / n;
  double x = ctx.left(), top = ctx.y;
  for (const KeyFigure& t : k.tiles) {
    Color sig = t.signal == Signal::ok ? palette::ok : t.signal == Signal::warning ? palette::warning : palette::neutral;
    ctx.fill_rect(x, top - h, w, h, palette::stripe);
    ctx.fill_rect(x, top - h, 3.5, h, sig);
    double tx = x + 10, tw = w - 16;
    auto lab = break_lines({{ctx.clean(t.label, FontStyle::regular), FontStyle::regular}}, ctx.fonts, 7.5, tw);
    if (lab.size() > 2) lab.resize(2);
    ctx.lines(tx, top - 5, lab, 7.5, 9, palette::muted, Align::left, tw);
    std::u32string v = ctx.clean(t.value, FontStyle::bold);
    double vs = 17;
    double vw = ctx.text_width(v, FontStyle::bold, vs);
    if (vw > tw) vs *= tw / vw;
    ctx.text(tx, top - 40, v, FontStyle::bold, vs, t.signal == Signal::warning ? palette::warning : palette::primary);
    auto sub = break_lines({{ctx.clean(t.sub, FontStyle::regular), FontStyle::regular}}, ctx.fonts, 7, tw);
    if (sub.size() > 2) sub.resize(2);
    ctx.lines(tx, top - 45, sub, 7, 8.2, palette::muted, Align::left, tw);
    x += w + gap;
  }
  ctx.y = top - h - 12;
}

void Layout::cover(const Cover& c) {
  ctx.new_page(true);
  const double band_h = 300;
  ctx.fill_rect(0, detail::kPageH - band_h, detail::kPageW, band_h, palette::primary);
  ctx.fill_rect(0, detail::kPageH - band_h - 6, detail::kPageW, 6, palette::accent);
  double x = ctx.left(), w = ctx.width();
  auto title = break_lines({{ctx.clean(c.title, FontStyle::bold), FontStyle::bold}}, ctx.fonts, 28, w);
  double top = detail::kPageH - 150;
  ctx.lines(x, top, title, 28, 34, Color{1, 1, 1}, Align::left, w);
  top -= 34 * static_cast<double>(title.size()) + 8;
  auto sub = break_lines({{ctx.clean(c.subtitle, FontStyle::regular), FontStyle::regular}}, ctx.fonts, 14, w);
  ctx.lines(x, top, sub, 14, 19, Color::rgb(0xDD, 0xE6, 0xF0), Align::left, w);
  top = detail::kPageH - band_h - 60;
  for (const std::string& l : c.lines) {
    auto ls = break_lines({{ctx.clean(l, FontStyle::regular), FontStyle::regular}}, ctx.fonts, 12, w);
    ctx.lines(x, top, ls, 12, 17, palette::ink, Align::left, w);
    top -= 17 * static_cast<double>(ls.size()) + 2;
  }
  int h, m, s;
  format::Date d = resolve_date(ctx.spec, &h, &m, &s);
  ctx.label(x, top - 22, format::format_date(d, ctx.spec.locale), FontStyle::regular, 11, palette::muted);
  ctx.page = nullptr;  // next block starts a new page
}

void Layout::reserve_toc(const TableOfContents& t) {
  toc_title_ = t.title.empty() ? loc_str(ctx.spec, "Inhoud", "Contents") : t.title;
  int entries = 0;
  for (const Block& b : blocks_)
    if (auto* h = std::get_if<Heading>(&b); h && h->level <= ctx.spec.toc_depth) ++entries;
  ctx.new_page();
  double first_avail = ctx.top() - ctx.bottom() - 40, avail = ctx.top() - ctx.bottom();
  int per_first = static_cast<int>(first_avail / toc_line_h_), per = static_cast<int>(avail / toc_line_h_);
  toc_pages_ = 1 + (entries > per_first ? (entries - per_first + per - 1) / per : 0);
  toc_first_page_ = static_cast<int>(ctx.pages.size()) - 1;
  for (int i = 1; i < toc_pages_; ++i) ctx.new_page();
  ctx.page = nullptr;
}

void Layout::fill_toc() {
  if (toc_first_page_ < 0) return;
  int pi = toc_first_page_;
  ctx.use_page(ctx.pages[pi].page);
  double y = ctx.top();
  ctx.label(ctx.left(), y - 16, toc_title_, FontStyle::bold, 16, palette::primary);
  y -= 40;
  double right = ctx.left() + ctx.width();
  for (const HeadingRec& h : headings) {
    if (h.placement.level > ctx.spec.toc_depth) continue;
    if (y - toc_line_h_ < ctx.bottom()) {
      ++pi;
      ctx.use_page(ctx.pages[pi].page);
      y = ctx.top();
    }
    bool l1 = h.placement.level == 1;
    FontStyle st = l1 ? FontStyle::bold : FontStyle::regular;
    double size = l1 ? 10 : 9.5;
    double indent = (h.placement.level - 1) * 26.0;
    double base = y - toc_line_h_ + 5;
    if (l1 && y < ctx.top() - 40.5) base -= 0;  // same rhythm
    double x = ctx.left() + indent;
    double title_x = x + (h.placement.number.empty() ? 0 : (l1 ? 22 : 30));
    if (!h.placement.number.empty())
      ctx.label(x, base, h.placement.number, st, size, l1 ? palette::accent : palette::primary);
    std::u32string num = ctx.clean(std::to_string(h.placement.page), st);
    double num_w = ctx.text_width(num, st, size);
    double maxw = right - num_w - 24 - title_x;
    std::u32string t = ctx.clean(h.placement.text, st);
    // Long titles: shorten with an ellipsis on this one line (full title is in the bookmark).
    if (ctx.text_width(t, st, size) > maxw) {
      while (!t.empty() && ctx.text_width(t + U"\u2026", st, size) > maxw) t.pop_back();
      t += U"\u2026";
    }
    double tw = ctx.text_width(t, st, size);
    ctx.text(title_x, base, t, st, size, palette::ink);
    ctx.text(right, base, num, st, size, palette::ink, Anchor::right);
    ctx.line(title_x + tw + 6, base + 1, right - num_w - 6, base + 1, palette::rule, 0.8, true);
    HPDF_Rect r{static_cast<HPDF_REAL>(x - 2), static_cast<HPDF_REAL>(base - 4), static_cast<HPDF_REAL>(right + 2),
                static_cast<HPDF_REAL>(base + size + 2)};
    HPDF_Page target = ctx.pages[h.page_index].page;
    HPDF_Destination d = HPDF_Page_CreateDestination(target);
    HPDF_Destination_SetXYZ(d, 0, static_cast<HPDF_REAL>(std::min(h.y_top + 20, detail::kPageH)), 1);
    HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(ctx.page, r, d);
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    y -= toc_line_h_ + (l1 ? 0 : 0);
  }
}

void Layout::furniture() {
  int n = static_cast<int>(ctx.pages.size());
  std::string header = ctx.spec.header_text.empty() ? ctx.spec.title : ctx.spec.header_text;
  for (int i = 0; i < n; ++i) {
    ctx.use_page(ctx.pages[i].page);
    ctx.watermark();
    if (ctx.pages[i].cover) continue;
    // fresh graphics state tracking for this page
    double hy = detail::kPageH - 40;
    double r = ctx.left() + ctx.width();
    ctx.label(ctx.left(), hy, header, FontStyle::regular, 7.5, palette::muted);
    if (!ctx.pages[i].chapter.empty())
      ctx.label(r, hy, ctx.pages[i].chapter, FontStyle::italic, 7.5, palette::muted, Anchor::right);
    ctx.line(ctx.left(), hy - 5, r, hy - 5, palette::rule, 0.5);
    double fy = 36;
    ctx.line(ctx.left(), fy + 11, r, fy + 11, palette::rule, 0.5);
    if (!ctx.spec.footer_text.empty())
      ctx.label(ctx.left(), fy, ctx.spec.footer_text, FontStyle::regular, 7.5, palette::muted);
    std::string pn = loc_str(ctx.spec, "pagina ", "page ") + std::to_string(i + 1) +
                     loc_str(ctx.spec, " van ", " of ") + std::to_string(n);
    ctx.label(r, fy, pn, FontStyle::regular, 7.5, palette::muted, Anchor::right);
  }
}

// ---------------------------------------------------------------- tables

struct CellLayout {
  std::vector<Line> lines;
  Highlight highlight = Highlight::none;
};

void Layout::table(const Table& t) {
  if (!ctx.page) ctx.new_page();
  const double size = 8, lh = 10.4, px = 4.5, py = 3.2;
  std::size_t nc = t.columns.size();
  if (nc == 0) return;
  auto runs_of = [&](const std::string& s, FontStyle st) { return std::vector<Run>{{ctx.clean(s, st), st}}; };
  // Collect all rows as runs: header, body, totals.
  std::vector<std::vector<Run>> header;
  for (const Column& c : t.columns) header.push_back(runs_of(c.header, FontStyle::bold));
  std::vector<std::vector<std::vector<Run>>> body;
  for (const auto& row : t.rows) {
    std::vector<std::vector<Run>> r;
    for (std::size_t c = 0; c < nc; ++c) r.push_back(runs_of(c < row.size() ? row[c].text : "", FontStyle::regular));
    body.push_back(std::move(r));
  }
  std::vector<std::vector<Run>> totals;
  if (t.totals)
    for (std::size_t c = 0; c < nc; ++c) totals.push_back(runs_of(c < t.totals->size() ? (*t.totals)[c].text : "", FontStyle::bold));
  // Column widths from content.
  std::vector<double> nat(nc, 0), minw(nc, 0);
  auto consider = [&](std::size_t c, const std::vector<Run>& r, bool is_header) {
    double n = natural_width(r, ctx.fonts, size) + 2 * px;
    double m = longest_word_width(r, ctx.fonts, size) + 2 * px;
    if (!is_header) nat[c] = std::max(nat[c], n);
    else nat[c] = std::max(nat[c], std::min(n, std::max(m, 110.0)));  // long headers may wrap
    minw[c] = std::max(minw[c], t.columns[c].numeric && !is_header ? n : m);
  };
  for (std::size_t c = 0; c < nc; ++c) consider(c, header[c], true);
  for (auto& r : body) for (std::size_t c = 0; c < nc; ++c) consider(c, r[c], false);
  for (std::size_t c = 0; c < totals.size(); ++c) consider(c, totals[c], false);
  double avail = ctx.width();
  std::vector<double> w = nat;
  double sum = 0;
  for (double v : w) sum += v;
  if (sum <= avail) {
    double text_sum = 0;
    for (std::size_t c = 0; c < nc; ++c) if (!t.columns[c].numeric) text_sum += w[c];
    double extra = avail - sum;
    for (std::size_t c = 0; c < nc; ++c) {
      if (text_sum > 0) { if (!t.columns[c].numeric) w[c] += extra * w[c] / text_sum; }
      else w[c] += extra / static_cast<double>(nc);
    }
  } else {
    // Numbers never wrap: numeric columns keep their natural width. Text columns share the
    // rest, first down to their longest word, then below it (long words are force-broken).
    double num_sum = 0, text_nat = 0, text_slack = 0;
    for (std::size_t c = 0; c < nc; ++c) {
      if (t.columns[c].numeric) num_sum += w[c];
      else { text_nat += w[c]; text_slack += std::max(0.0, w[c] - minw[c]); }
    }
    double room = avail - num_sum;
    bool has_text = text_nat > 0;
    if (has_text && room >= 30) {
      double over = text_nat - room;
      if (text_slack >= over) {
        for (std::size_t c = 0; c < nc; ++c)
          if (!t.columns[c].numeric) w[c] -= over * std::max(0.0, w[c] - minw[c]) / text_slack;
      } else {
        // Below the longest cell word; header words still stay whole when there is room.
        double floors = 0, extra_nat = 0;
        std::vector<double> floor(nc, 0);
        for (std::size_t c = 0; c < nc; ++c) {
          if (t.columns[c].numeric) continue;
          floor[c] = std::min(w[c], longest_word_width(header[c], ctx.fonts, size) + 2 * px);
          floors += floor[c];
          extra_nat += w[c] - floor[c];
        }
        for (std::size_t c = 0; c < nc; ++c) {
          if (t.columns[c].numeric) continue;
          if (floors <= room && extra_nat > 0) w[c] = floor[c] + (room - floors) * (w[c] - floor[c]) / extra_nat;
          else w[c] = room * w[c] / text_nat;
        }
      }
    } else {
      for (std::size_t c = 0; c < nc; ++c) w[c] *= avail / sum;  // nothing else helps
    }
  }
  auto cell_lines = [&](const std::vector<Run>& r, std::size_t c) {
    return break_lines(r, ctx.fonts, size, std::max(4.0, w[c] - 2 * px + 0.01), Align::left);
  };
  auto row_height = [&](const std::vector<std::vector<Line>>& cells) {
    std::size_t m = 1;
    for (auto& l : cells) m = std::max(m, l.size());
    return static_cast<double>(m) * lh + 2 * py;
  };
  std::vector<std::vector<Line>> hdr;
  for (std::size_t c = 0; c < nc; ++c) hdr.push_back(cell_lines(header[c], c));
  double hdr_h = row_height(hdr);
  auto draw_row = [&](const std::vector<std::vector<Line>>& cells, double h, Color bg, bool has_bg, Color fg,
                      const std::vector<Highlight>* hl) {
    double x = ctx.left();
    if (has_bg) ctx.fill_rect(x, ctx.y - h, avail, h, bg);
    for (std::size_t c = 0; c < nc; ++c) {
      if (hl && (*hl)[c] != Highlight::none)
        ctx.fill_rect(x, ctx.y - h, w[c], h, (*hl)[c] == Highlight::bad ? palette::highlight_bad : palette::highlight_good);
      Align a = t.columns[c].numeric ? Align::right : Align::left;
      ctx.lines(x + px, ctx.y - py, cells[c], size, lh, fg, a, w[c] - 2 * px);
      x += w[c];
    }
    ctx.y -= h;
  };
  ++ctx.table_no;
  int number = ctx.table_no;
  std::string cap = t.caption.empty() ? std::string() : detail::caption_text(ctx, "Tabel", "Table", number, t.caption);
  auto draw_caption = [&](bool cont) {
    if (cap.empty()) return;
    std::string s = cont ? cap + loc_str(ctx.spec, " (vervolg)", " (continued)") : cap;
    auto ls = break_lines({{ctx.clean(s, FontStyle::bold), FontStyle::bold}}, ctx.fonts, 9, avail);
    ctx.lines(ctx.left(), ctx.y, ls, 9, 12, palette::ink, Align::left, avail);
    ctx.y -= 12 * static_cast<double>(ls.size()) + 4;
  };
  auto draw_header = [&] { draw_row(hdr, hdr_h, palette::primary, true, Color{1, 1, 1}, nullptr); };
  // Source/notes under the table.
  std::vector<std::string> foot;
  if (!t.source.empty()) foot.push_back(t.source);
  for (std::size_t k = 0; k < t.notes.size(); ++k) foot.push_back(std::to_string(k + 1) + ") " + t.notes[k]);
  std::vector<std::vector<Line>> foot_lines;
  double foot_h = 0;
  for (auto& f : foot) {
    foot_lines.push_back(break_lines({{ctx.clean(f, FontStyle::italic), FontStyle::italic}}, ctx.fonts, 7, avail));
    foot_h += 9 * static_cast<double>(foot_lines.back().size());
  }
  // Lay out rows.
  std::vector<std::vector<std::vector<Line>>> rows;
  std::vector<double> heights;
  for (auto& r : body) {
    std::vector<std::vector<Line>> cl;
    for (std::size_t c = 0; c < nc; ++c) cl.push_back(cell_lines(r[c], c));
    heights.push_back(row_height(cl));
    rows.push_back(std::move(cl));
  }
  double first_rows = 0;
  for (std::size_t k = 0; k < std::min<std::size_t>(2, heights.size()); ++k) first_rows += heights[k];
  double cap_h = cap.empty() ? 0 : 16;
  ctx.ensure(cap_h + hdr_h + first_rows + 4);
  draw_caption(false);
  draw_header();
  std::vector<std::vector<Line>> total_cells;
  double totals_h = 0;
  if (!totals.empty()) {
    for (std::size_t c = 0; c < nc; ++c) total_cells.push_back(cell_lines(totals[c], c));
    totals_h = row_height(total_cells);
  }
  bool fresh = true;  // no body row on this page yet
  for (std::size_t k = 0; k < rows.size(); ++k) {
    // The last two rows travel with the totals row and the source line, so a page never
    // ends up with only a totals row (or one orphan row) under a repeated header.
    double need = heights[k];
    if (rows.size() - k <= 2) {
      need = totals_h + foot_h + 4;
      for (std::size_t j = k; j < rows.size(); ++j) need += heights[j];
    }
    if (!fresh && ctx.y - need < ctx.bottom()) {
      ctx.line(ctx.left(), ctx.y, ctx.left() + avail, ctx.y, palette::rule, 0.6);
      ctx.new_page();
      draw_caption(true);
      draw_header();
    }
    fresh = false;
    std::vector<Highlight> hl(nc, Highlight::none);
    const auto& src = t.rows[k];
    for (std::size_t c = 0; c < nc && c < src.size(); ++c) {
      hl[c] = src[c].highlight;
      if (hl[c] == Highlight::none && src[c].value) {
        const Column& col = t.columns[c];
        if ((col.signal_above && *src[c].value > *col.signal_above) || (col.signal_below && *src[c].value < *col.signal_below))
          hl[c] = Highlight::bad;
      }
    }
    draw_row(rows[k], heights[k], palette::stripe, t.striped && k % 2 == 1, palette::ink, &hl);
  }
  if (!totals.empty()) {
    if (ctx.y - totals_h - foot_h - 4 < ctx.bottom()) { ctx.new_page(); draw_caption(true); draw_header(); }
    ctx.line(ctx.left(), ctx.y, ctx.left() + avail, ctx.y, palette::primary, 0.9);
    draw_row(total_cells, totals_h, Color::rgb(0xE4, 0xEA, 0xF1), true, palette::ink, nullptr);
  }
  ctx.line(ctx.left(), ctx.y, ctx.left() + avail, ctx.y, palette::primary, 0.9);
  ctx.y -= 4;
  for (auto& fl : foot_lines) {
    ctx.lines(ctx.left(), ctx.y, fl, 7, 9, palette::muted, Align::left, avail);
    ctx.y -= 9 * static_cast<double>(fl.size());
  }
  ctx.y -= 10;
}

std::array<std::uint8_t, 16> id_of(digest::Sha256& h) {
  auto full = h.finish();
  std::array<std::uint8_t, 16> id;
  std::copy(full.begin(), full.begin() + 16, id.begin());
  return id;
}

}  // namespace

// ================================================================ Document

Document::Document(DocumentSpec spec, std::string font_dir)
    : spec_(std::move(spec)), font_dir_(std::move(font_dir)), fonts_(FontFamily::load(font_dir_)) {
  int h, m, s;
  resolve_date(spec_, &h, &m, &s);  // fail early
}

Document::~Document() = default;

Document& Document::add(Block block) {
  blocks_.push_back(std::move(block));
  return *this;
}

std::vector<std::uint8_t> Document::render() {
  warnings_.clear();
  headings_.clear();
  DocPtr doc(HPDF_New(hpdf_error, nullptr));
  if (!doc) throw std::runtime_error("HPDF_New failed");
  HPDF_Doc pdf = doc.get();
  if (spec_.compress) HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  Ctx ctx(pdf, spec_, fonts_, font_dir_, warnings_);
  ctx.hash.update("povo-pdf/1\x1f", 11);
  for (const std::string* s : {&spec_.title, &spec_.author, &spec_.subject, &spec_.keywords, &spec_.watermark,
                               &spec_.header_text, &spec_.footer_text})
    ctx.hash.update(*s), ctx.hash.update("\x1f", 1);
  Layout layout(ctx, blocks_);
  layout.run();
  for (auto& h : layout.headings) headings_.push_back(h.placement);
  page_count_ = static_cast<int>(ctx.pages.size());
  // Metadata (UTF-16BE in the Info dictionary, via the UTF-8 encoder).
  int hh, mm, ss;
  format::Date d = resolve_date(spec_, &hh, &mm, &ss);
  HPDF_Date date{d.year, d.month, d.day, hh, mm, ss, 'Z', 0, 0};
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);  // creates pdf->info
  HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "povo");
  auto info = [&](const char* key, const std::string& v) {
    if (!v.empty()) HPDF_Dict_Add(pdf->info, key, text_string(pdf, utf8_decode(v)));
  };
  info("Title", spec_.title);
  info("Author", spec_.author);
  info("Subject", spec_.subject);
  info("Keywords", spec_.keywords);
  ctx.hash_num(d.year * 10000.0 + d.month * 100 + d.day);
  HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
  // Deterministic /ID from the content (libharu-notes.md §3).
  auto id = id_of(ctx.hash);
  HPDF_Array arr = HPDF_Array_New(pdf->mmgr);
  HPDF_Array_Add(arr, HPDF_Binary_New(pdf->mmgr, id.data(), 16));
  HPDF_Array_Add(arr, HPDF_Binary_New(pdf->mmgr, id.data(), 16));
  HPDF_Dict_Add(pdf->trailer, "ID", arr);
  HPDF_SaveToStream(pdf);
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
  std::vector<std::uint8_t> out(size);
  HPDF_UINT32 got = size;
  HPDF_ReadFromStream(pdf, out.data(), &got);
  out.resize(got);
  return out;
}

void write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::string dir = ".";
  if (auto slash = path.find_last_of('/'); slash != std::string::npos) dir = slash == 0 ? "/" : path.substr(0, slash);
  std::string tmpl = path + ".tmp.XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) throw std::runtime_error("cannot create temporary file for " + path + ": " + std::strerror(errno));
  auto fail = [&](const char* what) {
    int e = errno;
    ::close(fd);
    ::unlink(name.data());
    throw std::runtime_error(std::string(what) + " " + path + ": " + std::strerror(e));
  };
  std::size_t off = 0;
  while (off < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
    if (n < 0) { if (errno == EINTR) continue; fail("cannot write"); }
    off += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) fail("cannot chmod");
  if (::fsync(fd) != 0) fail("cannot fsync");
  if (::close(fd) != 0) { int e = errno; ::unlink(name.data()); throw std::runtime_error("cannot close " + path + ": " + std::strerror(e)); }
  if (::rename(name.data(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(name.data());
    throw std::runtime_error("cannot rename onto " + path + ": " + std::strerror(e));
  }
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) { ::fsync(dfd); ::close(dfd); }
}

void Document::save(const std::string& path) { write_file_atomically(path, render()); }

}  // namespace povo::pdf
