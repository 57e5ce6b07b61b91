#pragma once
// Internal: the per-render state and drawing helpers shared by document.cpp and charts.cpp.
#include <hpdf.h>

#include <array>
#include <set>
#include <string>
#include <vector>

#include "pdf/document.hpp"
#include "digest/sha256.hpp"

namespace povo::pdf::detail {

inline constexpr double kPageW = 595.276, kPageH = 841.89;
inline constexpr double kMarginL = 62, kMarginR = 62, kMarginT = 72, kMarginB = 64;
inline constexpr double kBodySize = 9.5, kSmallSize = 7.5;

struct PageInfo {
  HPDF_Page page = nullptr;
  std::string chapter;
  bool cover = false;
};

enum class Anchor { left, right, center };

class Ctx {
 public:
  Ctx(HPDF_Doc pdf, const DocumentSpec& spec, const FontFamily& fonts, const std::string& font_dir,
      std::vector<std::string>& warnings);

  HPDF_Doc pdf;
  const DocumentSpec& spec;
  const FontFamily& fonts;
  const std::string& font_dir;
  std::vector<std::string>& warnings;
  std::set<std::string> seen_warnings;
  digest::Sha256 hash;
  std::vector<PageInfo> pages;
  HPDF_Page page = nullptr;
  double y = 0;  // layout cursor (PDF coordinates, decreasing)
  double left() const { return kMarginL; }
  double width() const { return kPageW - kMarginL - kMarginR; }
  double bottom() const { return kMarginB; }
  double top() const { return kPageH - kMarginT; }
  int figure_no = 0, table_no = 0;

  // text
  std::u32string clean(std::string_view utf8, FontStyle style);
  std::vector<Run> clean_runs(const std::vector<Span>& spans);
  /// Single-byte (CP1252 + 5 extra slots) font of a face: cheap to embed. Characters it
  /// cannot encode are drawn with the UTF-8 (CID) font of the same face, created lazily.
  HPDF_Font font(FontStyle s);
  HPDF_Font cid_font(FontStyle s);
  /// Draws text with the text matrix [c s -s c x y] (rotation), splitting it into
  /// single-byte and CID runs.
  void show(double x, double y, std::u32string_view t, FontStyle s, double size, double cos_a = 1,
            double sin_a = 0);
  double text_width(std::u32string_view t, FontStyle s, double size) const {
    return fonts[s].width(t, size);
  }
  void text(double x, double baseline, std::u32string_view t, FontStyle s, double size, Color c,
            Anchor a = Anchor::left);
  /// Clean + draw (for labels).
  void label(double x, double baseline, std::string_view utf8, FontStyle s, double size, Color c,
             Anchor a = Anchor::left) {
    text(x, baseline, clean(utf8, s), s, size, c, a);
  }
  void lines(double x, double top_y, const std::vector<Line>& ls, double size, double line_h,
             Color c, Align align, double width);

  // graphics
  void fill_rect(double x, double y, double w, double h, Color c);
  void stroke_rect(double x, double y, double w, double h, Color c, double lw);
  void line(double x1, double y1, double x2, double y2, Color c, double lw, bool dashed = false);
  void polyline(const std::vector<std::pair<double, double>>& pts, Color c, double lw, bool dashed = false);
  void fill_polygon(const std::vector<std::pair<double, double>>& pts, Color c);
  void circle(double x, double y, double r, Color fill);
  /// Many equal dots in one path: zero-length strokes with round caps, 4 numbers a dot
  /// instead of a circle's 26, so strip charts of hundreds of peers stay small and fast.
  void dots(const std::vector<std::pair<double, double>>& centers, double r, Color fill);
  void diamond(double x, double y, double r, Color fill);

  void new_page(bool cover = false);
  void watermark();  // translucent, on top of the page content
  /// Switch back to an earlier page (TOC, footers); forgets the tracked graphics state.
  void use_page(HPDF_Page p) {
    page = p;
    fill_ = stroke_ = Color{-1, -1, -1};
    line_width_ = -1;
    dashed_ = -1;
  }
  void ensure(double h) {
    if (y - h < bottom() - 0.01) new_page();
  }
  void hash_num(double v) { hash.update(&v, sizeof v); }

 private:
  std::array<HPDF_Font, 4> fonts_{};
  std::array<HPDF_Font, 4> cid_fonts_{};
  bool encoder_patched_ = false;
  bool utf_ready_ = false;
  HPDF_ExtGState alpha_ = nullptr;
  void set_fill(Color c);
  void set_stroke(Color c);
  Color fill_{-1, -1, -1}, stroke_{-1, -1, -1};
  double line_width_ = -1;
  int dashed_ = -1;  // -1 unknown, 0 solid, 1 dashed
};

// Charts (charts.cpp). Each returns its total height for the given width, or draws it with
// its top at ctx.y (the caller has ensured the space) and advances ctx.y.
double figure_height(Ctx& ctx, const Block& b, double width);
void draw_figure(Ctx& ctx, const Block& b);
std::string caption_text(Ctx& ctx, const std::string& kind_nl, const std::string& kind_en,
                         int number, const std::string& caption);

struct Ticks {
  double lo, hi, step;
  std::vector<double> values;
};
Ticks nice_ticks(double min, double max, int target = 5);
std::string tick_label(double v, const Ticks& t, format::NumberStyle style, format::Locale loc);

}  // namespace povo::pdf::detail
