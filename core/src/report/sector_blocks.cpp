// Blocks of a sector report: the sector's story across all its boards.
#include "report/report_builder.hpp"
#include "report/report_text.hpp"
#include "report/value_text.hpp"

#include "stats/stats.hpp"

#include <array>
#include <cmath>
#include <map>

namespace povo::report::detail {
namespace {

bool nl(const ReportContext& c) { return c.locale == format::Locale::nl; }

std::vector<Value> values_in(const ReportContext& c, std::size_t i, int year, const std::vector<EntityIndex>& boards) {
  std::vector<Value> out;
  out.reserve(boards.size());
  for (EntityIndex b : boards) out.push_back(c.indicators().get(i, b, year));
  return out;
}

bool is_additive(const ReportContext& c, std::size_t i) {
  Unit u = c.indicators().info(i).unit;
  return u == Unit::count || u == Unit::euro || u == Unit::fte;
}

// The sector's figure: a total for counts and money, the ratio of sums where the
// indicator declares one, else the median of the boards.
struct SectorFigure {
  Value value;
  std::string how;
};

SectorFigure sector_figure(const ReportContext& c, std::size_t i, int year) {
  if (is_additive(c, i)) {
    Value total = Value::of(0);
    std::size_t n = 0;
    for (const Value& v : values_in(c, i, year, c.scope)) {
      if (v.has_bounds()) {
        total = add(total, v);
        ++n;
      }
    }
    return {n ? total : Value::missing(), nl(c) ? "totaal" : "total"};
  }
  if (auto agg = c.job.statistics->aggregate(i, c.scope, year); agg && agg->n_used > 0) {
    return {agg->value, nl(c) ? "sector als geheel" : "sector as a whole"};
  }
  auto s = stats::apply_minimum_k(stats::summarize(values_in(c, i, year, c.scope)), c.job.statistics->min_k());
  return {s.withheld ? Value::missing(Reason::too_few_peers) : s.median, nl(c) ? "mediaan" : "median"};
}

void key_figures(pdf::Document& doc, const BlockDef& b, const ReportContext& c) {
  pdf::KeyFigures tiles;
  for (const auto& id : b.indicators) {
    std::size_t i = indicator(c, id, b.where);
    SectorFigure f = sector_figure(c, i, c.year);
    std::string sub = f.how;
    if (c.years.size() > 1) {
      SectorFigure before = sector_figure(c, i, c.years.front());
      if (before.value.is_number()) sub += (nl(c) ? "; " : "; ") + std::to_string(c.years.front()) + ": " + text_of(c, i, before.value);
    }
    tiles.tiles.push_back(pdf::KeyFigure{label(c, i), text_of(c, i, f.value), sub, pdf::Signal::neutral});
  }
  doc.add(tiles);
}

void table(pdf::Document& doc, const BlockDef& b, const ReportContext& c) {
  pdf::Table t;
  t.columns.push_back(pdf::Column(nl(c) ? "Kengetal" : "Indicator"));
  for (int y : c.years) t.columns.push_back(pdf::Column(std::to_string(y), true));
  for (const auto& id : b.indicators) {
    std::size_t i = indicator(c, id, b.where);
    std::vector<pdf::Cell> row{label(c, i) + " (" + sector_figure(c, i, c.year).how + ")"};
    for (int y : c.years) row.emplace_back(text_of(c, i, sector_figure(c, i, y).value));
    t.rows.push_back(row);
  }
  t.caption = b.caption.empty() ? (nl(c) ? "De sector door de jaren" : "The sector over the years") : b.caption;
  t.source = nl(c) ? "Totalen en verhoudingen over alle besturen; mediaan van de besturen waar geen totaal bestaat."
                   : "Totals and ratios over all boards; the boards' median where no total exists.";
  doc.add(t);
}

void trend(pdf::Document& doc, const BlockDef& b, const ReportContext& c) {
  for (const auto& id : b.indicators) {
    std::size_t i = indicator(c, id, b.where);
    pdf::LineChart chart;
    chart.figure.caption = b.caption.empty() ? label(c, i) + (nl(c) ? " in de sector" : " in the sector") : b.caption;
    chart.number = style(c, i);
    chart.median_label = nl(c) ? "mediaan besturen" : "median of boards";
    pdf::Series sector;
    sector.name = sector_figure(c, i, c.year).how;
    sector.emphasis = true;
    bool has_sector_line = !c.indicators().info(i).aggregate_numerator.empty() || is_additive(c, i);
    for (int y : c.years) {
      chart.x_labels.push_back(std::to_string(y));
      auto s = stats::apply_minimum_k(stats::summarize(values_in(c, i, y, c.scope)), c.job.statistics->min_k());
      chart.median.push_back(s.withheld ? NAN : number_or_nan(s.median));
      chart.p25.push_back(s.withheld ? NAN : number_or_nan(s.p25));
      chart.p75.push_back(s.withheld ? NAN : number_or_nan(s.p75));
      sector.values.push_back(number_or_nan(sector_figure(c, i, y).value));
    }
    if (is_additive(c, i)) {
      // A total dwarfs the boards' median: show the total alone.
      chart.median.clear();
      chart.p25.clear();
      chart.p75.clear();
    }
    if (has_sector_line) chart.series.push_back(sector);
    if (b.target) add_target(doc, chart, *b.target, c, i, has_sector_line ? sector.values : chart.median);
    else doc.add(chart);
  }
}

void histogram(pdf::Document& doc, const BlockDef& b, const ReportContext& c) {
  for (const auto& id : b.indicators) {
    std::size_t i = indicator(c, id, b.where);
    pdf::Histogram h;
    h.figure.caption = b.caption.empty() ? label(c, i) + (nl(c) ? ": spreiding over de besturen, " : ": spread across boards, ") +
                                               std::to_string(c.year)
                                         : b.caption;
    h.number = style(c, i);
    h.x_title = label(c, i);
    h.y_title = nl(c) ? "aantal besturen" : "number of boards";
    for (const Value& v : values_in(c, i, c.year, c.scope)) {
      if (v.is_number()) h.values.push_back(v.number());
    }
    if (!c.indicators().info(i).signals.empty() && c.indicators().info(i).signals.front().when_input.empty()) {
      h.marked = c.indicators().info(i).signals.front().threshold;
      h.marked_label = nl(c) ? "signaleringswaarde" : "signal value";
    }
    if (h.values.size() < c.job.statistics->min_k()) continue;
    doc.add(h);
  }
}

// How a board attribute is named in a report.
std::string attribute_label(const std::string& by, const ReportContext& c) {
  static const std::vector<std::array<const char*, 3>> names = {
      {"province", "provincie", "province"},     {"denomination", "denominatie", "denomination"},
      {"sector", "sector", "sector"},            {"rpa_region", "RPA-regio", "RPA region"},
      {"municipality", "gemeente", "municipality"}, {"school_type", "schoolsoort", "school type"}};
  for (const auto& n : names) {
    if (by == n[0]) return nl(c) ? n[1] : n[2];
  }
  return by;
}

void breakdown(pdf::Document& doc, const BlockDef& b, const ReportContext& c) {
  std::size_t i = indicator(c, b.indicators.front(), b.where);
  std::map<std::string, std::vector<EntityIndex>> groups;
  for (EntityIndex board : c.scope) {
    const std::string* v = c.dataset().attribute(EntityKind::board, board, b.by);
    groups[v && !v->empty() ? *v : (nl(c) ? "onbekend" : "unknown")].push_back(board);
  }
  pdf::Table t;
  std::string header = attribute_label(b.by, c);
  if (!header.empty() && header[0] >= 'a' && header[0] <= 'z') header[0] = static_cast<char>(header[0] - 'a' + 'A');
  t.columns = {pdf::Column(header),
               pdf::Column(nl(c) ? "Besturen" : "Boards", true), pdf::Column("P25", true),
               pdf::Column(nl(c) ? "Mediaan" : "Median", true), pdf::Column("P75", true)};
  const bool with_ratio = !c.indicators().info(i).aggregate_numerator.empty();
  if (with_ratio) t.columns.push_back(pdf::Column(nl(c) ? "Groep als geheel" : "Group as a whole", true));
  bool withheld_any = false;
  for (const auto& [name, members] : groups) {
    auto s = stats::apply_minimum_k(stats::summarize(values_in(c, i, c.year, members)), c.job.statistics->min_k());
    withheld_any |= s.withheld;
    auto shown = [&](const Value& v) { return s.withheld ? std::string("\xE2\x80\x93") : text_of(c, i, v); };
    std::vector<pdf::Cell> row{name, format::format_integer(static_cast<std::int64_t>(members.size()), c.locale),
                               shown(s.p25), shown(s.median), shown(s.p75)};
    if (with_ratio) {
      auto agg = c.job.statistics->aggregate(i, members, c.year);
      row.emplace_back(s.withheld || !agg ? std::string("\xE2\x80\x93") : text_of(c, i, agg->value));
    }
    t.rows.push_back(row);
  }
  t.caption = b.caption.empty() ? label(c, i) + (nl(c) ? " naar " : " by ") + attribute_label(b.by, c) + ", " +
                                      std::to_string(c.year)
                                : b.caption;
  if (withheld_any) {
    t.notes.push_back(nl(c) ? "\xE2\x80\x93: minder dan " + std::to_string(c.job.statistics->min_k()) + " besturen met een waarde; niet getoond."
                            : "\xE2\x80\x93: fewer than " + std::to_string(c.job.statistics->min_k()) + " boards with a value; not shown.");
  }
  doc.add(t);
}

void signals(pdf::Document& doc, const BlockDef& b, const ReportContext& c) {
  pdf::Table t;
  t.columns = {pdf::Column(nl(c) ? "Kengetal" : "Indicator"), pdf::Column(nl(c) ? "Signaleringswaarde" : "Signal value"),
               pdf::Column(nl(c) ? "Besturen" : "Boards", true), pdf::Column(nl(c) ? "Aandeel" : "Share", true)};
  for (const auto& id : b.indicators) {
    std::size_t i = indicator(c, id, b.where);
    const auto& info = c.indicators().info(i);
    auto counts = c.job.statistics->signal_counts(i, c.scope, c.year);
    for (std::size_t s = 0; s < info.signals.size(); ++s) {
      const auto& n = counts[s];
      t.rows.push_back({label(c, i), signal_text(c, i, info.signals[s]),
                        format::format_integer(static_cast<std::int64_t>(n.n_beyond), c.locale) + " / " +
                            format::format_integer(static_cast<std::int64_t>(n.n_with_value), c.locale),
                        value_text(n.share, {format::NumberKind::percent_of_fraction, 1}, c.locale)});
    }
  }
  t.caption = b.caption.empty() ? (nl(c) ? "Besturen voorbij de signaleringswaarden, " : "Boards beyond the signal values, ") +
                                      std::to_string(c.year)
                                : b.caption;
  t.source = nl(c) ? "Signaleringswaarden van de Inspectie van het Onderwijs, zoals ingesteld in de configuratie."
                   : "Signal values of the Dutch Inspectorate of Education, as configured.";
  doc.add(t);
}

}  // namespace

void add_sector_block(pdf::Document& doc, const BlockDef& b, const ReportContext& c) {
  using K = BlockDef::Kind;
  switch (b.kind) {
    case K::text: doc.add(pdf::Paragraph::markup(render_text(b.text, b.where, c), pdf::Align::justify)); return;
    case K::key_figures: key_figures(doc, b, c); return;
    case K::table: table(doc, b, c); return;
    case K::trend: trend(doc, b, c); return;
    case K::histogram: histogram(doc, b, c); return;
    case K::breakdown: breakdown(doc, b, c); return;
    case K::signals: signals(doc, b, c); return;
    case K::page_break: doc.add(pdf::PageBreak{}); return;
    case K::summary:
    case K::position:
    case K::peer_list:
    case K::own_story:
      throw Error("block is for board reports, not sector reports", b.where);
  }
}

}  // namespace povo::report::detail
