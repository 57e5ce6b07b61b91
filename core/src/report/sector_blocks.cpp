// Blocks of a sector report: the sector's story across all its boards.
#include "report/report_builder.hpp"
#include "report/report_text.hpp"
#include "report/overloaded.hpp"
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

// The sector's figure, formed as the indicator declares (peers::PeerStatistics::figure):
// the total, the ratio of sums, or the median of the boards; `how` names it for readers.
struct SectorFigure {
  peers::GroupFigure figure;
  std::string how;
  const Value& value() const { return figure.value; }
};

SectorFigure sector_figure(const ReportContext& c, std::size_t i, int year) {
  SectorFigure f{c.job.statistics->figure(i, c.scope, year), {}};
  switch (f.figure.how) {
    case Aggregation::sum: f.how = nl(c) ? "totaal" : "total"; break;
    case Aggregation::ratio_of_sums: f.how = nl(c) ? "sector als geheel" : "sector as a whole"; break;
    case Aggregation::median: f.how = nl(c) ? "mediaan" : "median"; break;
  }
  return f;
}

// "over 812 van 887 besturen" when a figure rests on fewer boards than the report covers.
std::string coverage(const ReportContext& c, const peers::GroupFigure& f) {
  if (f.withheld || f.n_used >= f.n_total) return {};
  const std::string used = format::format_integer(static_cast<std::int64_t>(f.n_used), c.locale);
  const std::string total = format::format_integer(static_cast<std::int64_t>(f.n_total), c.locale);
  return nl(c) ? "over " + used + " van " + total + " besturen" : "over " + used + " of " + total + " boards";
}

void key_figures(pdf::Document& doc, const job::KeyFiguresBlock& b, const ReportContext& c) {
  pdf::KeyFigures tiles;
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    SectorFigure f = sector_figure(c, i, c.year);
    std::string sub = f.how;
    if (auto cov = coverage(c, f.figure); !cov.empty()) sub += ", " + cov;
    if (c.years.size() > 1) {
      SectorFigure before = sector_figure(c, i, c.years.front());
      if (before.value().is_number()) sub += "; " + std::to_string(c.years.front()) + ": " + text_of(c, i, before.value());
    }
    tiles.tiles.push_back(pdf::KeyFigure{label(c, i), text_of(c, i, f.value()), sub, pdf::Signal::neutral});
  }
  doc.add(tiles);
}

void table(pdf::Document& doc, const job::TableBlock& b, const ReportContext& c) {
  pdf::Table t;
  t.columns.push_back(pdf::Column(nl(c) ? "Kengetal" : "Indicator"));
  for (int y : c.years) t.columns.push_back(pdf::Column(std::to_string(y), true));
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    std::vector<pdf::Cell> row{label(c, i) + " (" + sector_figure(c, i, c.year).how + ")"};
    for (int y : c.years) {
      SectorFigure f = sector_figure(c, i, y);
      row.emplace_back(text_of(c, i, f.value()));
      if (y == c.year) {
        if (auto cov = coverage(c, f.figure); !cov.empty()) {
          t.notes.push_back(label(c, i) + " " + std::to_string(y) + ": " + cov + ".");
        }
      }
    }
    t.rows.push_back(row);
  }
  t.caption = caption_or(c, b.caption, nl(c) ? "De sector door de jaren" : "The sector over the years");
  t.source = nl(c) ? "Totalen en verhoudingen over alle besturen; mediaan van de besturen waar geen totaal bestaat."
                   : "Totals and ratios over all boards; the boards' median where no total exists.";
  doc.add(t);
}

void trend(pdf::Document& doc, const job::TrendBlock& b, const ReportContext& c) {
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    const Aggregation how = c.indicators().def(i).aggregation();
    pdf::LineChart chart;
    chart.figure.caption = caption_or(c, b.caption, label(c, i) + (nl(c) ? " in de sector" : " in the sector"));
    chart.number = style(c, i);
    chart.median_label = nl(c) ? "mediaan besturen" : "median of boards";
    pdf::Series sector;
    sector.name = sector_figure(c, i, c.year).how;
    sector.emphasis = true;
    const bool has_sector_line = how != Aggregation::median;
    for (int y : c.years) {
      chart.x_labels.push_back(std::to_string(y));
      auto s = stats::apply_minimum_k(stats::summarize(values_in(c, i, y, c.scope)), c.job.statistics->min_k());
      chart.median.push_back(s.withheld ? NAN : number_or_nan(s.median));
      chart.p25.push_back(s.withheld ? NAN : number_or_nan(s.p25));
      chart.p75.push_back(s.withheld ? NAN : number_or_nan(s.p75));
      sector.values.push_back(number_or_nan(sector_figure(c, i, y).value()));
    }
    if (how == Aggregation::sum) {
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

void histogram(pdf::Document& doc, const job::HistogramBlock& b, const ReportContext& c) {
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    pdf::Histogram h;
    h.figure.caption = caption_or(c, b.caption, label(c, i) + (nl(c) ? ": spreiding over de besturen, " : ": spread across boards, ") +
                                                    std::to_string(c.year));
    h.number = style(c, i);
    h.x_title = label(c, i);
    h.y_title = nl(c) ? "aantal besturen" : "number of boards";
    for (const Value& v : values_in(c, i, c.year, c.scope)) {
      if (v.is_number()) h.values.push_back(v.number());
    }
    const auto& signals = c.indicators().def(i).signals;
    if (!signals.empty() && signals.front().when_input.empty()) {
      h.marked = signals.front().rule.threshold;
      h.marked_label = nl(c) ? "signaleringswaarde" : "signal value";
    }
    if (h.values.size() < c.job.statistics->min_k()) continue;
    doc.add(h);
  }
}

void breakdown(pdf::Document& doc, const job::BreakdownBlock& b, const ReportContext& c) {
  const std::size_t i = b.indicator.index;
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
  const bool with_ratio = c.indicators().def(i).aggregation() == Aggregation::ratio_of_sums;
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
  t.caption = caption_or(c, b.caption, label(c, i) + (nl(c) ? " naar " : " by ") + attribute_label(b.by, c) + ", " +
                                           std::to_string(c.year));
  if (withheld_any) {
    t.notes.push_back(nl(c) ? "\xE2\x80\x93: minder dan " + std::to_string(c.job.statistics->min_k()) + " besturen met een waarde; niet getoond."
                            : "\xE2\x80\x93: fewer than " + std::to_string(c.job.statistics->min_k()) + " boards with a value; not shown.");
  }
  doc.add(t);
}

void signals(pdf::Document& doc, const job::SignalsBlock& b, const ReportContext& c) {
  pdf::Table t;
  t.columns = {pdf::Column(nl(c) ? "Kengetal" : "Indicator"), pdf::Column(nl(c) ? "Signaleringswaarde" : "Signal value"),
               pdf::Column(nl(c) ? "Besturen" : "Boards", true), pdf::Column(nl(c) ? "Aandeel" : "Share", true)};
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    const auto& rules = c.indicators().def(i).signals;
    auto counts = c.job.statistics->signal_counts(i, c.scope, c.year);
    for (std::size_t s = 0; s < rules.size(); ++s) {
      const auto& n = counts[s];
      t.rows.push_back({label(c, i), signal_text(c, i, rules[s]),
                        format::format_integer(static_cast<std::int64_t>(n.n_beyond), c.locale) + " / " +
                            format::format_integer(static_cast<std::int64_t>(n.n_with_value), c.locale),
                        value_text(n.share, {format::NumberKind::percent_of_fraction, 1}, c.locale)});
    }
  }
  t.caption = caption_or(c, b.caption, (nl(c) ? "Besturen voorbij de signaleringswaarden, " : "Boards beyond the signal values, ") +
                                           std::to_string(c.year));
  t.source = nl(c) ? "Signaleringswaarden van de Inspectie van het Onderwijs, zoals ingesteld in de configuratie."
                   : "Signal values of the Dutch Inspectorate of Education, as configured.";
  doc.add(t);
}

}  // namespace

void add_sector_block(pdf::Document& doc, const job::SectorBlock& block, const ReportContext& c) {
  std::visit(Overloaded{
                 [&](const job::TextBlock& b) { doc.add(pdf::Paragraph::markup(render_text(b.text, c), pdf::Align::justify)); },
                 [&](const job::KeyFiguresBlock& b) { key_figures(doc, b, c); },
                 [&](const job::TableBlock& b) { table(doc, b, c); },
                 [&](const job::TrendBlock& b) { trend(doc, b, c); },
                 [&](const job::HistogramBlock& b) { histogram(doc, b, c); },
                 [&](const job::BreakdownBlock& b) { breakdown(doc, b, c); },
                 [&](const job::SignalsBlock& b) { signals(doc, b, c); },
                 [&](const job::PageBreakBlock&) { doc.add(pdf::PageBreak{}); },
             },
             block);
}

}  // namespace povo::report::detail
