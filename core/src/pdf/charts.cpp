// Vector charts: bar, grouped bar, line (median + P25–P75 band), histogram, peer position,
// small multiples. Layout rules: round 1-2-5 ticks, Dutch tick labels, legends below the
// plot, labels dropped or moved rather than drawn on top of each other.
#include <algorithm>
#include <cmath>
#include <limits>

#include "pdf/render.hpp"

namespace povo::pdf::detail {

namespace {

constexpr double kTick = 6.8;       // tick label size
constexpr double kLabel = 7.2;      // category labels
constexpr double kCaption = 9;
constexpr double kFoot = 7;

bool finite(double v) { return std::isfinite(v); }

enum class Swatch { box, line, dashed, dot, diamond, band };
struct LegendItem {
  std::string text;
  Color color;
  Swatch swatch;
};

struct Parts {
  const Figure* fig = nullptr;
  std::string caption;
  std::vector<Line> caption_lines;
  std::vector<LegendItem> legend;
  std::vector<std::vector<Line>> foot;
  double plot_h = 0;
  double legend_h = 0;
  double total = 0;
};

const Figure& figure_of(const Block& b) {
  return std::visit([](const auto& v) -> const Figure& {
    using T = std::decay_t<decltype(v)>;
    if constexpr (requires { v.figure; }) return v.figure;
    else { static const Figure none; return none; }
    (void)sizeof(T);
  }, b);
}

double legend_height(Ctx& ctx, const std::vector<LegendItem>& items, double width) {
  if (items.empty()) return 0;
  double x = 0, rows = 1;
  for (const auto& it : items) {
    double w = 14 + ctx.text_width(ctx.clean(it.text, FontStyle::regular), FontStyle::regular, kLabel) + 14;
    if (x > 0 && x + w > width) { rows += 1; x = 0; }
    x += w;
  }
  return rows * 12 + 4;
}

void draw_swatch(Ctx& ctx, double x, double yc, const LegendItem& it) {
  switch (it.swatch) {
    case Swatch::box: ctx.fill_rect(x, yc - 3.5, 9, 7, it.color); break;
    case Swatch::band: ctx.fill_rect(x, yc - 3.5, 11, 7, it.color); break;
    case Swatch::line: ctx.line(x, yc, x + 11, yc, it.color, 2); break;
    case Swatch::dashed: ctx.line(x, yc, x + 11, yc, it.color, 1.2, true); break;
    case Swatch::dot: ctx.circle(x + 5, yc, 2.4, it.color); break;
    case Swatch::diamond: ctx.diamond(x + 5, yc, 4, it.color); break;
  }
}

void draw_legend(Ctx& ctx, const std::vector<LegendItem>& items, double x0, double top, double width) {
  double x = 0, y = top - 9;
  for (const auto& it : items) {
    std::u32string t = ctx.clean(it.text, FontStyle::regular);
    double w = 14 + ctx.text_width(t, FontStyle::regular, kLabel) + 14;
    if (x > 0 && x + w > width) { y -= 12; x = 0; }
    draw_swatch(ctx, x0 + x, y + 2.5, it);
    ctx.text(x0 + x + 14, y, t, FontStyle::regular, kLabel, palette::ink);
    x += w;
  }
}

std::vector<LegendItem> legend_of(const Block& b);
double plot_height(Ctx& ctx, const Block& b, double width);

Parts parts(Ctx& ctx, const Block& b, double width, int number) {
  Parts p;
  p.fig = &figure_of(b);
  if (!p.fig->caption.empty() && !std::holds_alternative<SmallMultiples>(b) ? true : !p.fig->caption.empty()) {
    p.caption = caption_text(ctx, "Figuur", "Figure", number, p.fig->caption);
    p.caption_lines = break_lines({{ctx.clean(p.caption, FontStyle::bold), FontStyle::bold}}, ctx.fonts, kCaption, width);
  }
  p.legend = legend_of(b);
  p.legend_h = legend_height(ctx, p.legend, width);
  std::vector<std::string> foot;
  if (!p.fig->source.empty()) foot.push_back(p.fig->source);
  for (std::size_t k = 0; k < p.fig->notes.size(); ++k) foot.push_back(std::to_string(k + 1) + ") " + p.fig->notes[k]);
  double foot_h = 0;
  for (auto& f : foot) {
    p.foot.push_back(break_lines({{ctx.clean(f, FontStyle::italic), FontStyle::italic}}, ctx.fonts, kFoot, width));
    foot_h += 9 * static_cast<double>(p.foot.back().size());
  }
  p.plot_h = plot_height(ctx, b, width);
  p.total = 12 * static_cast<double>(p.caption_lines.size()) + (p.caption_lines.empty() ? 0 : 6) + p.plot_h +
            p.legend_h + (foot_h > 0 ? foot_h + 4 : 0) + 14;
  return p;
}

// ------------------------------------------------------------- axes

struct YAxis {
  Ticks ticks;
  double label_w = 0;
};

YAxis y_axis(Ctx& ctx, double lo, double hi, format::NumberStyle st, int target = 5) {
  YAxis a;
  a.ticks = nice_ticks(lo, hi, target);
  for (double v : a.ticks.values)
    a.label_w = std::max(a.label_w, ctx.text_width(ctx.clean(tick_label(v, a.ticks, st, ctx.spec.locale), FontStyle::regular),
                                                    FontStyle::regular, kTick));
  a.label_w += 5;
  return a;
}

double map_y(const Ticks& t, double v, double y0, double h) { return y0 + (v - t.lo) / (t.hi - t.lo) * h; }

void draw_y_grid(Ctx& ctx, const YAxis& a, format::NumberStyle st, double px, double pw, double y0, double h) {
  for (double v : a.ticks.values) {
    double y = map_y(a.ticks, v, y0, h);
    bool zero = std::fabs(v) < a.ticks.step * 1e-6;
    ctx.line(px, y, px + pw, y, zero ? palette::muted : palette::rule, zero ? 0.7 : 0.4);
    ctx.label(px - 4, y - 2.4, tick_label(v, a.ticks, st, ctx.spec.locale), FontStyle::regular, kTick, palette::muted,
              Anchor::right);
  }
}

// Category labels under a slot: wrap into at most 2 lines; returns false if they do not fit.
bool category_lines(Ctx& ctx, const std::vector<std::string>& cats, double slot, std::vector<std::vector<Line>>* out) {
  bool ok = true;
  for (const auto& c : cats) {
    std::vector<Run> r{{ctx.clean(c, FontStyle::regular), FontStyle::regular}};
    if (longest_word_width(r, ctx.fonts, kLabel) > slot - 2) ok = false;
    auto ls = break_lines(r, ctx.fonts, kLabel, std::max(slot - 2, 4.0));
    if (ls.size() > 2) ok = false;
    if (out) out->push_back(std::move(ls));
  }
  return ok;
}

// ------------------------------------------------------------- bar charts

bool bar_horizontal(Ctx& ctx, const BarChart& c, double width) {
  if (c.horizontal) return true;
  double slot = (width - 40) / std::max<double>(1, static_cast<double>(c.categories.size()));
  return !category_lines(ctx, c.categories, slot, nullptr);
}

void minmax(const std::vector<double>& v, double& lo, double& hi) {
  for (double x : v) if (finite(x)) { lo = std::min(lo, x); hi = std::max(hi, x); }
}

void draw_bar(Ctx& ctx, const BarChart& c, double x, double top, double w, double h) {
  double lo = 0, hi = 0;
  minmax(c.values, lo, hi);
  if (c.reference) { lo = std::min(lo, *c.reference); hi = std::max(hi, *c.reference); }
  bool any_emph = std::find(c.emphasis.begin(), c.emphasis.end(), true) != c.emphasis.end();
  auto color_of = [&](std::size_t i) {
    bool e = i < c.emphasis.size() && c.emphasis[i];
    return e ? palette::accent : any_emph ? palette::peer : palette::primary;
  };
  std::size_t n = c.categories.size();
  if (n == 0) return;
  if (!bar_horizontal(ctx, c, w)) {
    double room = (hi - lo) * 0.1;  // headroom for value labels beyond the bar ends
    YAxis ax = y_axis(ctx, lo < 0 ? lo - room : lo, hi > 0 ? hi + room : hi, c.number);
    double px = x + ax.label_w, pw = w - ax.label_w;
    double label_h = 22, y0 = top - h + label_h, ph = h - label_h - 10;
    draw_y_grid(ctx, ax, c.number, px, pw, y0, ph);
    double slot = pw / static_cast<double>(n), bw = slot * 0.62;
    std::vector<std::vector<Line>> cl;
    category_lines(ctx, c.categories, slot, &cl);
    // Value labels only if every one fits in its slot.
    std::vector<std::u32string> vl;
    bool labels = true;
    for (std::size_t i = 0; i < n; ++i) {
      double v = i < c.values.size() ? c.values[i] : NAN;
      vl.push_back(finite(v) ? ctx.clean(format::format_value(v, c.number, ctx.spec.locale), FontStyle::regular) : U"");
      if (ctx.text_width(vl.back(), FontStyle::regular, kTick) > slot - 2) labels = false;
    }
    double zero = map_y(ax.ticks, std::clamp(0.0, ax.ticks.lo, ax.ticks.hi), y0, ph);
    for (std::size_t i = 0; i < n; ++i) {
      double cx = px + slot * (static_cast<double>(i) + 0.5);
      double v = i < c.values.size() ? c.values[i] : NAN;
      if (finite(v)) {
        double yv = map_y(ax.ticks, v, y0, ph);
        ctx.fill_rect(cx - bw / 2, std::min(zero, yv), bw, std::fabs(yv - zero), color_of(i));
        if (labels)
          ctx.text(cx, v >= 0 ? yv + 2.5 : yv - 8, vl[i], i < c.emphasis.size() && c.emphasis[i] ? FontStyle::bold : FontStyle::regular,
                   kTick, palette::ink, Anchor::center);
      }
      double ly = y0 - 9;
      for (const Line& l : cl[i]) {
        for (const Fragment& f : l.fragments) ctx.text(cx - l.width / 2 + f.x, ly, f.text, f.style, kLabel, palette::ink);
        ly -= 8.5;
      }
    }
    if (c.reference) {
      double yr = map_y(ax.ticks, *c.reference, y0, ph);
      ctx.line(px, yr, px + pw, yr, palette::ink, 1, true);
      if (!c.reference_label.empty())
        ctx.label(px + pw, yr + 3, c.reference_label, FontStyle::italic, kTick, palette::ink, Anchor::right);
    }
    return;
  }
  // Horizontal: labels left, bars to the right.
  double label_col = 0;
  for (const auto& s : c.categories)
    label_col = std::max(label_col, ctx.text_width(ctx.clean(s, FontStyle::regular), FontStyle::regular, kLabel));
  label_col = std::min(label_col + 6, w * 0.38);
  Ticks t = nice_ticks(lo, hi, 5);
  double max_val_w = 0;
  for (double v : c.values)
    if (finite(v)) max_val_w = std::max(max_val_w, ctx.text_width(ctx.clean(format::format_value(v, c.number, ctx.spec.locale), FontStyle::bold), FontStyle::bold, kTick));
  double px = x + label_col, pw = w - label_col - max_val_w - 6;
  double axis_h = 14, ph = h - axis_h, row = ph / static_cast<double>(n);
  auto map_x = [&](double v) { return px + (v - t.lo) / (t.hi - t.lo) * pw; };
  for (double v : t.values) {
    double xv = map_x(v);
    ctx.line(xv, top - ph, xv, top, std::fabs(v) < t.step * 1e-6 ? palette::muted : palette::rule, 0.4);
    ctx.label(xv, top - ph - 9, tick_label(v, t, c.number, ctx.spec.locale), FontStyle::regular, kTick, palette::muted, Anchor::center);
  }
  double zero = map_x(std::clamp(0.0, t.lo, t.hi));
  for (std::size_t i = 0; i < n; ++i) {
    double yc = top - row * (static_cast<double>(i) + 0.5);
    bool e = i < c.emphasis.size() && c.emphasis[i];
    auto ls = break_lines({{ctx.clean(c.categories[i], e ? FontStyle::bold : FontStyle::regular), e ? FontStyle::bold : FontStyle::regular}},
                          ctx.fonts, kLabel, label_col - 6);
    double lh = 8.5, ly = yc + (static_cast<double>(ls.size()) - 1) * lh / 2 - 2.5;
    for (const Line& l : ls) {
      for (const Fragment& f : l.fragments) ctx.text(px - 6 - l.width + f.x, ly, f.text, f.style, kLabel, palette::ink);
      ly -= lh;
    }
    double v = i < c.values.size() ? c.values[i] : NAN;
    if (!finite(v)) continue;
    double bh = std::min(row * 0.66, 14.0), xv = map_x(v);
    ctx.fill_rect(std::min(zero, xv), yc - bh / 2, std::fabs(xv - zero), bh, color_of(i));
    std::u32string vl = ctx.clean(format::format_value(v, c.number, ctx.spec.locale), e ? FontStyle::bold : FontStyle::regular);
    if (v >= 0) ctx.text(xv + 3, yc - 2.4, vl, e ? FontStyle::bold : FontStyle::regular, kTick, palette::ink);
    else ctx.text(xv - 3, yc - 2.4, vl, e ? FontStyle::bold : FontStyle::regular, kTick, palette::ink, Anchor::right);
  }
  if (c.reference) {
    double xr = map_x(*c.reference);
    ctx.line(xr, top - ph, xr, top + 2, palette::ink, 1, true);
    if (!c.reference_label.empty())
      ctx.label(xr + 3, top - ph + 3, c.reference_label, FontStyle::italic, kTick, palette::ink);
  }
}

void draw_grouped(Ctx& ctx, const GroupedBarChart& c, double x, double top, double w, double h) {
  double lo = 0, hi = 0;
  for (const auto& s : c.series) minmax(s.values, lo, hi);
  YAxis ax = y_axis(ctx, lo, hi, c.number);
  double px = x + ax.label_w, pw = w - ax.label_w;
  double y0 = top - h + 22, ph = h - 32;
  draw_y_grid(ctx, ax, c.number, px, pw, y0, ph);
  std::size_t n = c.categories.size(), m = c.series.size();
  if (n == 0 || m == 0) return;
  double slot = pw / static_cast<double>(n), group = slot * 0.78, bw = group / static_cast<double>(m);
  std::vector<std::vector<Line>> cl;
  category_lines(ctx, c.categories, slot, &cl);
  bool labels = true;
  for (const auto& s : c.series)
    for (double v : s.values)
      if (finite(v) && ctx.text_width(ctx.clean(format::format_value(v, c.number, ctx.spec.locale), FontStyle::regular), FontStyle::regular, 6) > bw + 1)
        labels = false;
  double zero = map_y(ax.ticks, std::clamp(0.0, ax.ticks.lo, ax.ticks.hi), y0, ph);
  for (std::size_t i = 0; i < n; ++i) {
    double gx = px + slot * static_cast<double>(i) + (slot - group) / 2;
    for (std::size_t k = 0; k < m; ++k) {
      const Series& s = c.series[k];
      double v = i < s.values.size() ? s.values[i] : NAN;
      if (!finite(v)) continue;
      double yv = map_y(ax.ticks, v, y0, ph);
      Color col = s.emphasis ? palette::accent : palette::series[k % 6];
      ctx.fill_rect(gx + bw * static_cast<double>(k) + 0.4, std::min(zero, yv), bw - 0.8, std::fabs(yv - zero), col);
      if (labels)
        ctx.label(gx + bw * (static_cast<double>(k) + 0.5), v >= 0 ? yv + 2.5 : yv - 8, format::format_value(v, c.number, ctx.spec.locale),
                  FontStyle::regular, 6, palette::ink, Anchor::center);
    }
    double ly = y0 - 9, cx = px + slot * (static_cast<double>(i) + 0.5);
    for (const Line& l : cl[i]) {
      for (const Fragment& f : l.fragments) ctx.text(cx - l.width / 2 + f.x, ly, f.text, f.style, kLabel, palette::ink);
      ly -= 8.5;
    }
  }
}

// ------------------------------------------------------------- line charts

void draw_line_chart(Ctx& ctx, const LineChart& c, double x, double top, double w, double h, bool compact) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto& s : c.series) minmax(s.values, lo, hi);
  minmax(c.median, lo, hi);
  minmax(c.p25, lo, hi);
  minmax(c.p75, lo, hi);
  if (!finite(lo)) { lo = 0; hi = 1; }
  double pad = (hi - lo) * 0.08;
  if (lo >= 0 && lo - pad < 0) pad = lo;  // do not go below zero for positive data
  YAxis ax = y_axis(ctx, lo - pad * 0.5, hi + pad * 0.5, c.number, compact ? 3 : 5);
  double end_w = 0;
  std::size_t n = c.x_labels.size();
  // End labels: last value of emphasised series and of the median.
  struct EndLabel { double y; std::u32string text; Color color; FontStyle style; };
  std::vector<EndLabel> ends;
  auto last_of = [&](const std::vector<double>& v) -> double {
    for (std::size_t i = std::min(v.size(), n); i-- > 0;) if (finite(v[i])) return v[i];
    return NAN;
  };
  if (!compact) {
    for (const auto& s : c.series)
      if (double v = last_of(s.values); finite(v) && (s.emphasis || c.series.size() <= 3)) {
        FontStyle st = s.emphasis ? FontStyle::bold : FontStyle::regular;
        ends.push_back({v, ctx.clean(format::format_value(v, c.number, ctx.spec.locale), st), s.emphasis ? palette::accent : palette::ink, st});
      }
    if (double v = last_of(c.median); finite(v))
      ends.push_back({v, ctx.clean(format::format_value(v, c.number, ctx.spec.locale), FontStyle::italic), palette::muted, FontStyle::italic});
    for (auto& e : ends) end_w = std::max(end_w, ctx.text_width(e.text, e.style, kTick) + 6);
  }
  double px = x + ax.label_w, pw = w - ax.label_w - end_w - 4;
  double xl_h = compact ? 14 : 16, y0 = top - h + xl_h, ph = h - xl_h - 6;
  draw_y_grid(ctx, ax, c.number, px, pw, y0, ph);
  if (n == 0) return;
  double step = n > 1 ? pw / static_cast<double>(n - 1) : 0;
  auto X = [&](std::size_t i) { return n > 1 ? px + step * static_cast<double>(i) : px + pw / 2; };
  auto Y = [&](double v) { return map_y(ax.ticks, v, y0, ph); };
  // x labels: skip some when they would collide.
  double maxlw = 0;
  for (const auto& s : c.x_labels) maxlw = std::max(maxlw, ctx.text_width(ctx.clean(s, FontStyle::regular), FontStyle::regular, kTick));
  std::size_t every = 1;
  while (n > 1 && step * static_cast<double>(every) < maxlw + 4) ++every;
  for (std::size_t i = 0; i < n; ++i)
    if (i % every == 0 || i + 1 == n)
      if (i + 1 != n || (n - 1) % every == 0 || step * static_cast<double>((n - 1) % every) >= maxlw + 4)
        ctx.label(X(i), y0 - 12, c.x_labels[i], FontStyle::regular, kTick, palette::muted, Anchor::center);
  // Band P25–P75.
  std::vector<std::pair<double, double>> poly;
  std::size_t nb = std::min({n, c.p25.size(), c.p75.size()});
  for (std::size_t i = 0; i < nb; ++i) if (finite(c.p75[i])) poly.push_back({X(i), Y(c.p75[i])});
  for (std::size_t i = nb; i-- > 0;) if (finite(c.p25[i])) poly.push_back({X(i), Y(c.p25[i])});
  ctx.fill_polygon(poly, palette::band);
  auto series_pts = [&](const std::vector<double>& v) {
    std::vector<std::vector<std::pair<double, double>>> parts(1);
    for (std::size_t i = 0; i < std::min(n, v.size()); ++i) {
      if (finite(v[i])) parts.back().push_back({X(i), Y(v[i])});
      else if (!parts.back().empty()) parts.emplace_back();
    }
    return parts;
  };
  for (auto& part : series_pts(c.median)) ctx.polyline(part, palette::muted, 1.1, true);
  // Peers first, the emphasised series last (on top).
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t k = 0; k < c.series.size(); ++k) {
      const Series& s = c.series[k];
      if (s.emphasis != (pass == 1)) continue;
      Color col = s.emphasis ? palette::accent : palette::series[k % 6];
      for (auto& part : series_pts(s.values)) {
        ctx.polyline(part, col, s.emphasis ? 2.0 : 1.3);
        if (!compact || s.emphasis)
          for (auto& pt : part) ctx.circle(pt.first, pt.second, s.emphasis ? 2.3 : 1.6, col);
      }
    }
  // End labels, nudged apart vertically.
  if (!ends.empty()) {
    for (auto& e : ends) e.y = Y(e.y) - 2.4;
    std::sort(ends.begin(), ends.end(), [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
    for (std::size_t i = 1; i < ends.size(); ++i) ends[i].y = std::max(ends[i].y, ends[i - 1].y + 8.5);
    for (auto& e : ends) ctx.text(px + pw + 5, e.y, e.text, e.style, kTick, e.color);
  }
}

// ------------------------------------------------------------- histogram

void draw_histogram(Ctx& ctx, const Histogram& c, double x, double top, double w, double h) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  minmax(c.values, lo, hi);
  if (c.marked && finite(*c.marked)) { lo = std::min(lo, *c.marked); hi = std::max(hi, *c.marked); }
  if (!finite(lo)) return;
  if (hi <= lo) hi = lo + 1;
  Ticks bt = nice_ticks(lo, hi, c.bins > 0 ? c.bins : 10);
  double bw = bt.step;
  double start = std::floor(lo / bw + 1e-9) * bw;
  std::size_t nb = static_cast<std::size_t>(std::floor((hi - start) / bw + 1e-9)) + 1;
  std::vector<int> counts(nb, 0);
  for (double v : c.values)
    if (finite(v)) counts[std::min(nb - 1, static_cast<std::size_t>(std::floor((v - start) / bw + 1e-9)))]++;
  double maxc = 1;
  for (int k : counts) maxc = std::max(maxc, static_cast<double>(k));
  YAxis ax = y_axis(ctx, 0, maxc, {format::NumberKind::integer, 0}, 4);
  if (ax.ticks.step < 1) { ax.ticks = nice_ticks(0, std::max(maxc, 4.0), 4); }
  double px = x + ax.label_w + (c.y_title.empty() ? 0 : 10), pw = w - (px - x);
  double xt_h = c.x_title.empty() ? 0 : 11;
  double y0 = top - h + 14 + xt_h, ph = h - 14 - xt_h - 18;  // 18: room for the marker label
  draw_y_grid(ctx, ax, {format::NumberKind::integer, 0}, px, pw, y0, ph);
  if (!c.y_title.empty()) {
    std::u32string yt = ctx.clean(c.y_title, FontStyle::regular);
    double tw = ctx.text_width(yt, FontStyle::regular, kTick);
    ctx.hash.update(utf8_encode(yt));
    ctx.label(0, 0, "", FontStyle::regular, kTick, palette::muted);  // no-op, keeps colour tracking honest
    HPDF_Page_SetRGBFill(ctx.page, static_cast<HPDF_REAL>(palette::muted.r), static_cast<HPDF_REAL>(palette::muted.g),
                         static_cast<HPDF_REAL>(palette::muted.b));
    ctx.show(x + 6, y0 + ph / 2 - tw / 2, yt, FontStyle::regular, kTick, 0, 1);
    ctx.use_page(ctx.page);
  }
  double end = start + bw * static_cast<double>(nb);
  auto X = [&](double v) { return px + (v - start) / (end - start) * pw; };
  for (std::size_t i = 0; i < nb; ++i) {
    if (!counts[i]) continue;
    double x0 = X(start + bw * static_cast<double>(i)), x1 = X(start + bw * static_cast<double>(i + 1));
    ctx.fill_rect(x0 + 0.6, y0, x1 - x0 - 1.2, map_y(ax.ticks, counts[i], y0, ph) - y0, palette::peer);
  }
  // Edge labels; drop every other one when they would collide.
  Ticks et{start, end, bw, {}};
  double maxlw = 0;
  for (std::size_t i = 0; i <= nb; ++i)
    maxlw = std::max(maxlw, ctx.text_width(ctx.clean(tick_label(start + bw * static_cast<double>(i), et, c.number, ctx.spec.locale), FontStyle::regular), FontStyle::regular, kTick));
  std::size_t every = 1;
  while (pw / static_cast<double>(nb) * static_cast<double>(every) < maxlw + 5) ++every;
  for (std::size_t i = 0; i <= nb; i += every)
    ctx.label(X(start + bw * static_cast<double>(i)), y0 - 9, tick_label(start + bw * static_cast<double>(i), et, c.number, ctx.spec.locale),
              FontStyle::regular, kTick, palette::muted, Anchor::center);
  if (!c.x_title.empty()) ctx.label(px + pw / 2, y0 - 20, c.x_title, FontStyle::regular, kTick, palette::muted, Anchor::center);
  if (c.marked && finite(*c.marked)) {
    double xm = X(*c.marked);
    ctx.line(xm, y0, xm, y0 + ph + 6, palette::accent, 1.8);
    std::string txt = (c.marked_label.empty() ? std::string() : c.marked_label + ": ") +
                      format::format_value(*c.marked, c.number, ctx.spec.locale);
    std::u32string t = ctx.clean(txt, FontStyle::bold);
    double tw = ctx.text_width(t, FontStyle::bold, kLabel);
    double tx = std::clamp(xm - tw / 2, px, px + pw - tw);
    ctx.text(tx, y0 + ph + 9, t, FontStyle::bold, kLabel, palette::accent);
  }
}

// ------------------------------------------------------------- peer position

constexpr double kPeerRow = 40;

double quantile(std::vector<double> v, double q) {
  v.erase(std::remove_if(v.begin(), v.end(), [](double d) { return !finite(d); }), v.end());
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  double pos = q * static_cast<double>(v.size() - 1);
  auto i = static_cast<std::size_t>(std::floor(pos));
  double f = pos - static_cast<double>(i);
  return i + 1 < v.size() ? v[i] * (1 - f) + v[i + 1] * f : v[i];
}

void draw_peer(Ctx& ctx, const PeerPositionChart& c, double x, double top, double w) {
  double label_col = std::min(w * 0.3, 150.0);
  double sx = x + label_col + 8, sw = w - label_col - 20;
  double y = top;
  for (const PeerPositionRow& r : c.rows) {
    double lo = r.value, hi = r.value;
    minmax(r.peers, lo, hi);
    if (hi <= lo) hi = lo + 1;
    double span = hi - lo;
    lo -= span * 0.03; hi += span * 0.03;
    auto X = [&](double v) { return sx + (v - lo) / (hi - lo) * sw; };
    double yc = y - kPeerRow / 2 - 2;
    auto ls = break_lines({{ctx.clean(r.label, FontStyle::bold), FontStyle::bold}}, ctx.fonts, 8, label_col);
    if (ls.size() > 3) ls.resize(3);
    double lh = 9.5;
    ctx.lines(x, yc + static_cast<double>(ls.size()) * lh / 2, ls, 8, lh, palette::ink, Align::left, label_col);
    ctx.line(sx, yc, sx + sw, yc, palette::rule, 0.6);
    double p25 = quantile(r.peers, 0.25), p50 = quantile(r.peers, 0.5), p75 = quantile(r.peers, 0.75);
    if (finite(p25)) ctx.fill_rect(X(p25), yc - 6, std::max(0.8, X(p75) - X(p25)), 12, palette::band);
    std::vector<std::pair<double, double>> peer_dots;
    for (double v : r.peers) if (finite(v)) peer_dots.emplace_back(X(v), yc);
    ctx.dots(peer_dots, 1.7, palette::peer);
    if (finite(p50)) ctx.line(X(p50), yc - 7, X(p50), yc + 7, palette::primary, 1.6);
    std::u32string mn = ctx.clean(format::format_value(lo + span * 0.03, r.number, ctx.spec.locale), FontStyle::regular);
    std::u32string mx = ctx.clean(format::format_value(hi - span * 0.03, r.number, ctx.spec.locale), FontStyle::regular);
    ctx.text(sx, yc - 15, mn, FontStyle::regular, 6.3, palette::muted);
    ctx.text(sx + sw, yc - 15, mx, FontStyle::regular, 6.3, palette::muted, Anchor::right);
    double xv = X(r.value);
    ctx.diamond(xv, yc, 4.6, palette::accent);
    std::u32string vt = ctx.clean(format::format_value(r.value, r.number, ctx.spec.locale), FontStyle::bold);
    double vw = ctx.text_width(vt, FontStyle::bold, 7.2);
    ctx.text(std::clamp(xv - vw / 2, sx, sx + sw - vw), yc + 8, vt, FontStyle::bold, 7.2, palette::accent);
    y -= kPeerRow;
    ctx.line(x, y + 1, x + w, y + 1, palette::stripe, 0.6);
  }
}

// ------------------------------------------------------------- dispatch

std::vector<LegendItem> line_legend(const LineChart& c) {
  std::vector<LegendItem> items;
  for (std::size_t k = 0; k < c.series.size(); ++k)
    items.push_back({c.series[k].name, c.series[k].emphasis ? palette::accent : palette::series[k % 6], Swatch::line});
  if (!c.median.empty()) items.push_back({c.median_label, palette::muted, Swatch::dashed});
  if (!c.p25.empty() && !c.p75.empty()) items.push_back({c.band_label, palette::band, Swatch::band});
  return items;
}

std::vector<LegendItem> legend_of(const Block& b) {
  std::vector<LegendItem> items;
  if (auto* g = std::get_if<GroupedBarChart>(&b)) {
    for (std::size_t k = 0; k < g->series.size(); ++k)
      items.push_back({g->series[k].name, g->series[k].emphasis ? palette::accent : palette::series[k % 6], Swatch::box});
  } else if (auto* l = std::get_if<LineChart>(&b)) {
    items = line_legend(*l);
  } else if (auto* s = std::get_if<SmallMultiples>(&b)) {
    if (!s->panels.empty()) items = line_legend(s->panels.front());
  } else if (auto* p = std::get_if<PeerPositionChart>(&b)) {
    items = {{p->value_label, palette::accent, Swatch::diamond}, {"P25–P75", palette::band, Swatch::band},
             {p->value_label.empty() ? "mediaan" : "mediaan", palette::primary, Swatch::line}, {"besturen", palette::peer, Swatch::dot}};
  }  // Histogram: the marker carries its own label, no legend needed.
  return items;
}

double plot_height(Ctx& ctx, const Block& b, double width) {
  if (auto* c = std::get_if<BarChart>(&b)) {
    if (bar_horizontal(ctx, *c, width)) return std::max(c->figure.height * 0.6, static_cast<double>(c->categories.size()) * 15.0 + 16);
    return c->figure.height;
  }
  if (auto* p = std::get_if<PeerPositionChart>(&b)) return kPeerRow * static_cast<double>(p->rows.size()) + 4;
  if (auto* s = std::get_if<SmallMultiples>(&b)) {
    int cols = std::max(1, s->columns);
    auto rows = (s->panels.size() + static_cast<std::size_t>(cols) - 1) / static_cast<std::size_t>(cols);
    return static_cast<double>(rows) * (s->figure.height + 16);
  }
  return figure_of(b).height;
}

}  // namespace

std::string caption_text(Ctx& ctx, const std::string& nl, const std::string& en, int number, const std::string& caption) {
  if (!ctx.spec.number_captions) return caption;
  return (ctx.spec.locale == format::Locale::nl ? nl : en) + " " + std::to_string(number) + ". " + caption;
}

double figure_height(Ctx& ctx, const Block& b, double width) { return parts(ctx, b, width, ctx.figure_no + 1).total; }

void draw_figure(Ctx& ctx, const Block& b) {
  double w = ctx.width(), x = ctx.left();
  bool numbered = !figure_of(b).caption.empty();
  Parts p = parts(ctx, b, w, numbered ? ctx.figure_no + 1 : ctx.figure_no);
  if (numbered) ++ctx.figure_no;
  if (!p.caption_lines.empty()) {
    ctx.lines(x, ctx.y, p.caption_lines, kCaption, 12, palette::ink, Align::left, w);
    ctx.y -= 12 * static_cast<double>(p.caption_lines.size()) + 6;
  }
  double top = ctx.y;
  if (auto* c = std::get_if<BarChart>(&b)) draw_bar(ctx, *c, x, top, w, p.plot_h);
  else if (auto* g = std::get_if<GroupedBarChart>(&b)) draw_grouped(ctx, *g, x, top, w, p.plot_h);
  else if (auto* l = std::get_if<LineChart>(&b)) draw_line_chart(ctx, *l, x, top, w, p.plot_h, false);
  else if (auto* h = std::get_if<Histogram>(&b)) draw_histogram(ctx, *h, x, top, w, p.plot_h);
  else if (auto* pp = std::get_if<PeerPositionChart>(&b)) draw_peer(ctx, *pp, x, top, w);
  else if (auto* s = std::get_if<SmallMultiples>(&b)) {
    int cols = std::max(1, s->columns);
    double gap = 14, pw = (w - gap * (cols - 1)) / cols;
    for (std::size_t i = 0; i < s->panels.size(); ++i) {
      double px = x + static_cast<double>(i % static_cast<std::size_t>(cols)) * (pw + gap);
      double py = top - static_cast<double>(i / static_cast<std::size_t>(cols)) * (s->figure.height + 16);
      auto tl = break_lines({{ctx.clean(s->panels[i].figure.caption, FontStyle::bold), FontStyle::bold}}, ctx.fonts, 7.8, pw);
      if (tl.size() > 1) tl.resize(1);
      ctx.lines(px, py, tl, 7.8, 11, palette::ink, Align::left, pw);
      draw_line_chart(ctx, s->panels[i], px, py - 13, pw, s->figure.height - 1, true);
    }
  }
  ctx.y = top - p.plot_h;
  if (!p.legend.empty()) {
    draw_legend(ctx, p.legend, x, ctx.y - 2, w);
    ctx.y -= p.legend_h;
  }
  if (!p.foot.empty()) {
    ctx.y -= 4;
    for (auto& fl : p.foot) {
      ctx.lines(x, ctx.y, fl, kFoot, 9, palette::muted, Align::left, w);
      ctx.y -= 9 * static_cast<double>(fl.size());
    }
  }
  ctx.y -= 14;
}

Ticks nice_ticks(double min, double max, int target) {
  if (!(max > min)) { double a = std::fabs(min) > 0 ? std::fabs(min) * 0.1 : 1; min -= a; max += a; }
  double raw = (max - min) / std::max(1, target);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / mag;
  double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  if (nice == 2.5 && mag < 1e-9) nice = 2;
  double step = nice * mag;
  Ticks t;
  t.step = step;
  t.lo = std::floor(min / step + 1e-9) * step;
  t.hi = std::ceil(max / step - 1e-9) * step;
  if (t.hi <= t.lo) t.hi = t.lo + step;
  for (double v = t.lo; v <= t.hi + step * 1e-6; v += step) t.values.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
  return t;
}

std::string tick_label(double v, const Ticks& t, format::NumberStyle st, format::Locale loc) {
  auto decimals_for = [](double step) {
    int d = 0;
    while (d < 6 && std::fabs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) > 1e-6) ++d;
    return d;
  };
  using K = format::NumberKind;
  switch (st.kind) {
    case K::percent_of_fraction: return format::format_percent_of_fraction(v, decimals_for(t.step * 100), loc);
    case K::percent_points: return format::format_percent_points(v, decimals_for(t.step), loc);
    case K::euro:
    case K::euro_millions:
    case K::euro_compact: {
      double m = std::max(std::fabs(t.lo), std::fabs(t.hi));
      if (st.kind == K::euro_millions || m >= 1e6) return format::format_euro_millions(v, decimals_for(t.step / 1e6), loc);
      return format::format_euro(v, decimals_for(t.step), loc);
    }
    case K::integer:
    case K::decimal: return format::format_decimal(v, decimals_for(t.step), loc);
  }
  return format::format_decimal(v, decimals_for(t.step), loc);
}

}  // namespace povo::pdf::detail
