// Report definitions in YAML, with no code: a report is a sequence of chapters of
// blocks. Board reports are made once per selected board; sector reports once.
//
//   reports:
//     - id: bestuur_po
//       kind: board                      # board | sector
//       boards: {sector: po}             # which boards (attribute: value); empty = all
//       title: Benchmarkrapport {name}   # {name}, {board}, {year} in titles and file names
//       file: bestuur-{board}-{name}
//       peer_group: omvang               # the comparison group (an id from peer_groups)
//       own_story_dir: verhalen          # <dir>/<board number>.md, the board's own explanation
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

#include <povo/config_node.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace povo::report {

struct Target {
  double value = 0;
  int year = 0;
  std::string label = "doel";
  std::optional<double> baseline;  ///< the value the target started from, for "on course"
  std::optional<int> baseline_year;
};

struct BlockDef {
  enum class Kind {
    text,          ///< paragraph with placeholders
    key_figures,   ///< tiles coloured by signal
    summary,       ///< board: own value, peer median, P25–P75, quartile, signal per indicator
    table,         ///< board: the indicators over the years; sector: the sector over the years
    trend,         ///< line chart over years: board vs peer median and band; sector: median and ratio of sums
    histogram,     ///< distribution across boards (board reports mark the board)
    position,      ///< board among its peers: strip chart per indicator
    breakdown,     ///< sector: median per province / denomination / size class
    signals,       ///< sector: boards beyond each signal value
    peer_list,     ///< board: the boards in its comparison group
    own_story,     ///< board: its own explanation for a theme
    page_break,
  };
  Kind kind = Kind::text;
  std::vector<std::string> indicators;
  std::string text;
  std::string by;        ///< breakdown attribute, or "size"
  std::string caption;
  std::string theme;     ///< own_story
  std::optional<Target> target;
  SourceLocation where;
};

struct ChapterDef {
  std::string title;
  std::string theme;
  std::vector<BlockDef> blocks;
  SourceLocation where;
};

struct ReportDef {
  enum class Kind { board, sector };
  std::string id;
  Kind kind = Kind::board;
  std::string title;
  std::string subtitle;
  std::vector<std::pair<std::string, std::string>> boards;  ///< attribute filters
  std::string peer_group;
  std::string file;
  std::string own_story_dir;  ///< resolved against the declaring file's folder
  std::vector<ChapterDef> chapters;
  bool definitions = true;    ///< appendix with every indicator used
  bool colophon = true;
  SourceLocation where;
};

/// Option specs for `reports:` entries, so `povo validate` checks them.
std::vector<OptionSpec> report_specs();

/// Parses `reports:`. Throws a located povo::Error for unknown block kinds (with a
/// suggestion) and malformed blocks.
std::vector<ReportDef> parse_reports(const ConfigNode& root);

/// Every indicator id a report refers to, with where, for checking against the
/// indicators that exist.
std::vector<std::pair<std::string, SourceLocation>> referenced_indicators(const ReportDef& report);

}  // namespace povo::report
