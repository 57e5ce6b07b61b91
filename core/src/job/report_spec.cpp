#include "job/report_spec.hpp"

#include <set>

namespace povo::job {
namespace {

// Overload set for std::visit: one lambda per alternative, no catch-all, so a new block
// type that is not handled here fails to compile.
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

void add(std::vector<IndicatorRef>& out, std::set<std::size_t>& seen, const std::vector<IndicatorRef>& refs) {
  for (const auto& r : refs) {
    if (seen.insert(r.index).second) out.push_back(r);
  }
}

}  // namespace

std::vector<IndicatorRef> ReportSpec::indicators() const {
  std::vector<IndicatorRef> out;
  std::set<std::size_t> seen;
  auto refs = Overloaded{
      [&](const TextBlock&) {},
      [&](const KeyFiguresBlock& b) { add(out, seen, b.indicators); },
      [&](const SummaryBlock& b) { add(out, seen, b.indicators); },
      [&](const TableBlock& b) { add(out, seen, b.indicators); },
      [&](const TrendBlock& b) { add(out, seen, b.indicators); },
      [&](const HistogramBlock& b) { add(out, seen, b.indicators); },
      [&](const PositionBlock& b) { add(out, seen, b.indicators); },
      [&](const BreakdownBlock& b) { add(out, seen, {b.indicator}); },
      [&](const SignalsBlock& b) { add(out, seen, b.indicators); },
      [&](const PeerListBlock&) {},
      [&](const OwnStoryBlock&) {},
      [&](const PageBreakBlock&) {},
  };
  if (const auto* board = std::get_if<BoardLayout>(&layout)) {
    for (const auto& c : board->chapters) {
      for (const auto& b : c.blocks) std::visit(refs, b.block);
    }
  } else {
    for (const auto& c : std::get<SectorLayout>(layout).chapters) {
      for (const auto& b : c.blocks) std::visit(refs, b.block);
    }
  }
  return out;
}

const std::vector<BlockKindInfo>& block_kinds() {
  static const std::vector<BlockKindInfo> kinds = {
      {"text", true, true, "a text with placeholders", "", "a paragraph; {placeholders} are filled from the data",
       "- text: \"In {year} telde de sector {count(boards)} besturen.\""},
      {"key_figures", true, true, "indicator ids", "",
       "tiles: a board's value against its group median, or the sector's figure", "- key_figures: [solvabiliteit_2, liquiditeit]"},
      {"summary", true, false, "indicator ids", "caption",
       "the board's value, the group's median, middle half, quartile and signal per indicator",
       "- summary: [solvabiliteit_2, personeel_verzuim]"},
      {"table", true, true, "indicator ids", "caption", "the indicators over the years (the board's, or the sector's figure)",
       "- table: [aantal_leerlingen, baten_per_leerling]"},
      {"trend", true, true, "indicator ids", "caption, target",
       "a line chart over the years: the board against its group, or the sector",
       "- trend: aandeel_2f1s\n  target: {value: 0.65, year: 2026, label: ambitie}"},
      {"histogram", true, true, "indicator ids", "caption", "the spread across boards", "- histogram: solvabiliteit_2"},
      {"position", true, false, "indicator ids", "caption", "the board among its peers, one strip per indicator",
       "- position: [solvabiliteit_2, liquiditeit]"},
      {"breakdown", false, true, "{indicator: ID, by: ATTRIBUTE}", "caption",
       "the indicator per province, denomination or another board attribute",
       "- breakdown: {indicator: solvabiliteit_2, by: province}"},
      {"signals", false, true, "indicator ids", "caption", "how many boards are beyond each signal value",
       "- signals: [solvabiliteit_2, liquiditeit]"},
      {"peer_list", true, false, "true", "", "the boards of the comparison group", "- peer_list: true"},
      {"own_story", true, false, "a theme", "", "the board's own explanation for a theme", "- own_story: financien"},
      {"page_break", true, true, "true", "", "start a new page", "- page_break: true"},
  };
  return kinds;
}

}  // namespace povo::job
