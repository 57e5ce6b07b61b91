// Report definitions (`reports:`) as the compiled job holds them: every block a typed
// struct, every indicator resolved to its place in the catalogue, every text compiled.
// Board and sector reports have their own block variants, so a block that makes no sense
// in a report kind cannot even be represented (the compiler rejects it with its place in
// the YAML), and each renderer visits every alternative of its variant.
//
//   reports:
//     - id: bestuur_po
//       kind: board                      # board | sector
//       boards: {sector: po}             # which boards (attribute: value); empty = all
//       title: Benchmarkrapport {year}   # {name}, {board}, {year} in titles and file names
//       file: bestuur-{board}-{name}-{year}
//       peer_group: omvang               # the comparison group (an id from peer_groups)
//       own_story_dir: verhalen          # <dir>/<board number>.md, the board's own explanation
//       locale: nl                       # this report's language (default: the job's)
//       chapters:
//         - title: Financiën
//           theme: financien             # the own-story section shown in this chapter
//           blocks:
//             - text: "Uw solvabiliteit is {solvabiliteit_2}; de mediaan is {median(solvabiliteit_2)}."
//             - key_figures: [solvabiliteit_2, liquiditeit]
//             - trend: solvabiliteit_2
//               target: {value: 0.5, year: 2024, label: streefwaarde}
//             - position: [solvabiliteit_2, liquiditeit]
#pragma once

#include "format/format.hpp"
#include "job/templates.hpp"

#include <povo/diagnostics.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace povo::job {

/// An indicator named in a report, resolved to its index in Job::indicators.
struct IndicatorRef {
  std::size_t index = 0;
  std::string id;
  SourceLocation where;
};

struct Target {
  double value = 0;
  int year = 0;
  std::string label;
  std::optional<double> baseline;  ///< the value the target started from, for "on course"
  std::optional<int> baseline_year;
};

// ---- blocks -----------------------------------------------------------------------------
struct TextBlock { TextTemplate text; };
struct KeyFiguresBlock { std::vector<IndicatorRef> indicators; };
struct SummaryBlock { std::vector<IndicatorRef> indicators; std::optional<TitleTemplate> caption; };
struct TableBlock { std::vector<IndicatorRef> indicators; std::optional<TitleTemplate> caption; };
struct TrendBlock { std::vector<IndicatorRef> indicators; std::optional<TitleTemplate> caption; std::optional<Target> target; };
struct HistogramBlock { std::vector<IndicatorRef> indicators; std::optional<TitleTemplate> caption; };
struct PositionBlock { std::vector<IndicatorRef> indicators; std::optional<TitleTemplate> caption; };
struct BreakdownBlock { IndicatorRef indicator; std::string by; std::optional<TitleTemplate> caption; };
struct SignalsBlock { std::vector<IndicatorRef> indicators; std::optional<TitleTemplate> caption; };
struct PeerListBlock {};
struct OwnStoryBlock { std::string theme; };
struct PageBreakBlock {};

/// The blocks of a board report: the board's own values beside its peers'.
using BoardBlock = std::variant<TextBlock, KeyFiguresBlock, SummaryBlock, TableBlock, TrendBlock, HistogramBlock,
                                PositionBlock, PeerListBlock, OwnStoryBlock, PageBreakBlock>;
/// The blocks of a sector report: the sector's story across its boards.
using SectorBlock = std::variant<TextBlock, KeyFiguresBlock, TableBlock, TrendBlock, HistogramBlock, BreakdownBlock,
                                 SignalsBlock, PageBreakBlock>;

template <class B>
struct Located {
  B block;
  SourceLocation where;
};

template <class B>
struct Chapter {
  TitleTemplate title;
  std::string theme;  ///< board reports: the own-story theme shown in this chapter ("" for none)
  std::vector<Located<B>> blocks;
  SourceLocation where;
};

struct BoardLayout {
  std::size_t peer_group = 0;  ///< index into Job::peer_groups
  std::string own_story_dir;   ///< resolved; "" when the report shows no own stories
  std::vector<Chapter<BoardBlock>> chapters;
};

struct SectorLayout {
  std::vector<Chapter<SectorBlock>> chapters;
};

/// A board filter `attribute: value` of `boards:`.
struct BoardFilter {
  std::string attribute;
  std::string value;
  SourceLocation where;
};

struct ReportSpec {
  std::string id;
  TitleTemplate title;
  std::optional<TitleTemplate> subtitle;
  TitleTemplate file;  ///< file name without extension
  std::vector<BoardFilter> boards;
  format::Locale locale = format::Locale::nl;
  bool definitions = true;  ///< appendix with every indicator used
  bool colophon = true;
  std::variant<BoardLayout, SectorLayout> layout;
  SourceLocation where;

  ReportKind kind() const { return std::holds_alternative<BoardLayout>(layout) ? ReportKind::board : ReportKind::sector; }
  /// Every indicator the report names, in order of first use, each once.
  std::vector<IndicatorRef> indicators() const;
};

/// Every block kind with the report kinds it belongs to, for messages and the reference.
struct BlockKindInfo {
  const char* name;
  bool in_board = false;
  bool in_sector = false;
  const char* value;    ///< what the kind key takes
  const char* options;  ///< the other keys it takes ("" for none)
  const char* what;
  const char* example;  ///< one block as written in YAML
};
const std::vector<BlockKindInfo>& block_kinds();

}  // namespace povo::job
