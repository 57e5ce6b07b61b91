// Blocks of a board report: the board's own values beside its peers'.
#include "report/report_builder.hpp"
#include "report/report_text.hpp"
#include "report/overloaded.hpp"
#include "report/value_text.hpp"

#include <cmath>

namespace povo::report::detail {
namespace {

bool nl(const ReportContext& c) { return c.locale == format::Locale::nl; }

peers::BoardPosition position(const ReportContext& c, std::size_t i, int year) {
  return c.job.statistics->position(i, *c.board, *c.peer_def, year);
}

pdf::Signal signal_of(const peers::BoardPosition& p) {
  if (p.beyond.empty() || !p.value.is_number()) return pdf::Signal::neutral;
  for (bool b : p.beyond) {
    if (b) return pdf::Signal::warning;
  }
  return pdf::Signal::ok;
}

std::string signal_word(const ReportContext& c, const peers::BoardPosition& p) {
  switch (signal_of(p)) {
    case pdf::Signal::warning: return nl(c) ? "voorbij signaalwaarde" : "beyond signal value";
    case pdf::Signal::ok: return nl(c) ? "geen signaal" : "no signal";
    case pdf::Signal::neutral: break;
  }
  return "\xE2\x80\x93";
}

std::string withheld_text(const ReportContext& c) {
  return nl(c) ? "te weinig vergelijkbare besturen" : "too few comparable boards";
}

void key_figures(pdf::Document& doc, const job::KeyFiguresBlock& b, const ReportContext& c) {
  pdf::KeyFigures tiles;
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    auto p = position(c, i, c.year);
    std::string sub = p.peers.withheld ? withheld_text(c) : (nl(c) ? "mediaan " : "median ") + text_of(c, i, p.peers.median);
    tiles.tiles.push_back(pdf::KeyFigure{label(c, i), text_of(c, i, p.value), sub, signal_of(p)});
  }
  doc.add(tiles);
}

void summary(pdf::Document& doc, const job::SummaryBlock& b, const ReportContext& c) {
  pdf::Table t;
  t.columns = {pdf::Column(nl(c) ? "Kengetal" : "Indicator"), pdf::Column(nl(c) ? "Uw bestuur" : "Your board", true),
               pdf::Column(nl(c) ? "Mediaan" : "Median", true), pdf::Column("P25\xE2\x80\x93P75", true),
               pdf::Column(nl(c) ? "Kwartiel" : "Quartile", true), pdf::Column(nl(c) ? "Signaal" : "Signal")};
  std::vector<std::string> coverage;
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    auto p = position(c, i, c.year);
    // A median over fewer boards than the group holds says so (boards to which the
    // indicator does not apply are not counted).
    if (!p.peers.withheld && c.membership.members) {
      std::size_t applies = 0;
      for (EntityIndex m : *c.membership.members) {
        const Value v = c.indicators().get(i, m, c.year);
        applies += !(v.is_missing() && v.reason() == Reason::not_applicable);
      }
      if (p.peers.n < applies) {
        coverage.push_back(label(c, i) + (nl(c) ? ": over " : ": over ") +
                           format::format_integer(static_cast<std::int64_t>(p.peers.n), c.locale) +
                           (nl(c) ? " van " : " of ") + format::format_integer(static_cast<std::int64_t>(applies), c.locale));
      }
    }
    pdf::Cell own(text_of(c, i, p.value));
    if (signal_of(p) == pdf::Signal::warning) own.highlight = pdf::Highlight::bad;
    std::string band = p.peers.withheld ? "\xE2\x80\x93"
                                        : text_of(c, i, p.peers.p25) + " \xE2\x80\x93 " + text_of(c, i, p.peers.p75);
    t.rows.push_back({label(c, i), own, p.peers.withheld ? "\xE2\x80\x93" : text_of(c, i, p.peers.median), band,
                      p.quartile ? std::to_string(*p.quartile) : "\xE2\x80\x93", signal_word(c, p)});
  }
  t.caption = caption_or(c, b.caption, (nl(c) ? "Uw bestuur en de vergelijkingsgroep in " : "Your board and its peers in ") +
                                           std::to_string(c.year));
  t.source = (nl(c) ? "Vergelijkingsgroep: " : "Comparison group: ") + c.membership.label + ", n = " +
             std::to_string(c.membership.members ? c.membership.members->size() : 0) + ".";
  if (!c.membership.note.empty()) t.notes.push_back(c.membership.note);
  if (!coverage.empty()) {
    std::string line = nl(c) ? "Niet elk bestuur van de groep heeft een waarde; de statistieken rusten op de besturen met een "
                               "waarde. "
                             : "Not every board of the group has a value; the statistics rest on the boards with one. ";
    for (std::size_t k = 0; k < coverage.size(); ++k) line += (k ? "; " : "") + coverage[k];
    t.notes.push_back(line + (nl(c) ? " besturen." : " boards."));
  }
  // The board was placed in its group by an attribute its branches disagree on: say how.
  const auto& conflicts = c.job.loaded.attribute_conflicts;
  for (const auto& attribute : c.job.peer_groups->definitions()[c.membership.definition].by) {
    auto it = conflicts.find(attribute);
    if (it == conflicts.end()) continue;
    for (const auto& [board, detail] : it->second) {
      if (board != *c.board) continue;
      t.notes.push_back(nl(c) ? "De vestigingen van uw bestuur verschillen in " + attribute_label(attribute, c) + " (" + detail +
                                    "); het bestuur is ingedeeld naar de waarde van de meeste vestigingen."
                              : "Your board's branches differ in " + attribute_label(attribute, c) + " (" + detail +
                                    "); the board is placed by the value most of its branches have.");
    }
  }
  t.notes.push_back(nl(c) ? "Kwartiel 1 = de laagste 25% van de groep. Statistieken over minder dan " +
                                std::to_string(c.job.statistics->min_k()) + " besturen worden niet getoond."
                          : "Quartile 1 = the lowest 25% of the group. Statistics over fewer than " +
                                std::to_string(c.job.statistics->min_k()) + " boards are not shown.");
  doc.add(t);
}

void table(pdf::Document& doc, const job::TableBlock& b, const ReportContext& c) {
  pdf::Table t;
  t.columns.push_back(pdf::Column(nl(c) ? "Kengetal" : "Indicator"));
  for (int y : c.years) t.columns.push_back(pdf::Column(std::to_string(y), true));
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    std::vector<pdf::Cell> row{label(c, i)};
    for (int y : c.years) row.emplace_back(text_of(c, i, c.indicators().get(i, *c.board, y)));
    t.rows.push_back(row);
  }
  t.caption = caption_or(c, b.caption, nl(c) ? "Uw bestuur door de jaren" : "Your board over the years");
  doc.add(t);
}

void trend(pdf::Document& doc, const job::TrendBlock& b, const ReportContext& c) {
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    pdf::LineChart chart;
    chart.figure.caption = caption_or(c, b.caption, label(c, i) + (nl(c) ? ": uw bestuur en de vergelijkingsgroep" : ": your board and its peers"));
    chart.figure.source = (nl(c) ? "Vergelijkingsgroep per jaar: " : "Comparison group per year: ") + c.membership.label;
    chart.number = style(c, i);
    pdf::Series own;
    own.name = c.board_name(*c.board);
    own.emphasis = true;
    for (int y : c.years) {
      chart.x_labels.push_back(std::to_string(y));
      auto p = position(c, i, y);
      own.values.push_back(number_or_nan(p.value));
      const bool shown = !p.peers.withheld;
      chart.median.push_back(shown ? number_or_nan(p.peers.median) : NAN);
      chart.p25.push_back(shown ? number_or_nan(p.peers.p25) : NAN);
      chart.p75.push_back(shown ? number_or_nan(p.peers.p75) : NAN);
    }
    chart.series.push_back(own);
    if (b.target) add_target(doc, chart, *b.target, c, i, own.values);
    else doc.add(chart);
  }
}

void histogram(pdf::Document& doc, const job::HistogramBlock& b, const ReportContext& c) {
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    pdf::Histogram h;
    h.figure.caption = caption_or(c, b.caption, label(c, i) + (nl(c) ? ": spreiding in de vergelijkingsgroep" : ": spread among peers"));
    h.number = style(c, i);
    h.x_title = label(c, i);
    if (c.membership.members && !c.membership.too_small) {
      for (EntityIndex m : *c.membership.members) {
        Value v = c.indicators().get(i, m, c.year);
        if (v.is_number()) h.values.push_back(v.number());
      }
    }
    if (h.values.size() < c.job.statistics->min_k()) {
      doc.add(pdf::Paragraph::markup(label(c, i) + ": " + withheld_text(c) + "."));
      continue;
    }
    Value own = c.indicators().get(i, *c.board, c.year);
    if (own.is_number()) h.marked = own.number();
    h.marked_label = nl(c) ? "uw bestuur" : "your board";
    doc.add(h);
  }
}

void position_chart(pdf::Document& doc, const job::PositionBlock& b, const ReportContext& c) {
  pdf::PeerPositionChart chart;
  chart.figure.caption = caption_or(c, b.caption, (nl(c) ? "Uw positie in de vergelijkingsgroep, " : "Your position among peers, ") +
                                                      std::to_string(c.year));
  chart.value_label = nl(c) ? "uw bestuur" : "your board";
  for (const auto& ref : b.indicators) {
    const std::size_t i = ref.index;
    Value own = c.indicators().get(i, *c.board, c.year);
    if (!own.is_number() || !c.membership.members || c.membership.too_small) continue;
    pdf::PeerPositionRow row;
    row.label = label(c, i);
    row.value = own.number();
    row.number = style(c, i);
    for (EntityIndex m : *c.membership.members) {
      Value v = c.indicators().get(i, m, c.year);
      if (v.is_number()) row.peers.push_back(v.number());
    }
    if (row.peers.size() >= c.job.statistics->min_k()) chart.rows.push_back(row);
  }
  if (chart.rows.empty()) {
    doc.add(pdf::Paragraph::markup(withheld_text(c)));
    return;
  }
  doc.add(chart);
}

void peer_list(pdf::Document& doc, const ReportContext& c) {
  pdf::Table t;
  t.columns = {pdf::Column(nl(c) ? "Nummer" : "Number"), pdf::Column(nl(c) ? "Bestuur" : "Board"),
               pdf::Column(nl(c) ? "Provincie" : "Province"), pdf::Column(nl(c) ? "Leerlingen" : "Pupils", true)};
  const Dataset& ds = c.dataset();
  auto pupils = ds.find_measure("leerlingen_bestuur");
  if (c.membership.members) {
    for (EntityIndex m : *c.membership.members) {
      const std::string* province = ds.attribute(EntityKind::board, m, "province");
      Value n = pupils ? ds.get(*pupils, m, c.year) : Value::missing();
      std::string count = n.is_number() ? count_text(n.number(), c.locale) : value_text(n, {format::NumberKind::integer, 0}, c.locale);
      t.rows.push_back({ds.entity_code(EntityKind::board, m), c.board_name(m), province ? *province : "", count});
    }
  }
  t.caption = c.membership.label;
  if (!c.membership.note.empty()) t.notes.push_back(c.membership.note);
  doc.add(t);
}

}  // namespace

void add_board_block(pdf::Document& doc, const job::BoardBlock& block, const ReportContext& c, const OwnStory& story) {
  std::visit(Overloaded{
                 [&](const job::TextBlock& b) { doc.add(pdf::Paragraph::markup(render_text(b.text, c), pdf::Align::justify)); },
                 [&](const job::KeyFiguresBlock& b) { key_figures(doc, b, c); },
                 [&](const job::SummaryBlock& b) { summary(doc, b, c); },
                 [&](const job::TableBlock& b) { table(doc, b, c); },
                 [&](const job::TrendBlock& b) { trend(doc, b, c); },
                 [&](const job::HistogramBlock& b) { histogram(doc, b, c); },
                 [&](const job::PositionBlock& b) { position_chart(doc, b, c); },
                 [&](const job::PeerListBlock&) { peer_list(doc, c); },
                 [&](const job::OwnStoryBlock& b) {
                   auto it = story.themes.find(b.theme);
                   if (it == story.themes.end()) return;
                   doc.add(pdf::Heading{2, nl(c) ? "Toelichting van het bestuur" : "The board's explanation"});
                   for (const auto& part : it->second) doc.add(part);
                 },
                 [&](const job::PageBreakBlock&) { doc.add(pdf::PageBreak{}); },
             },
             block);
}

}  // namespace povo::report::detail
