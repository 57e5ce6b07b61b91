// The boards' own explanations ("eigen verhaal") as files: one Markdown file per board
// number in a report's own_story_dir, with a `# theme` heading per section. What the job
// compiler checks without any data, and what the report stage reads, use these same
// rules, so a heading that validate accepts is one the report shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace povo::job {

/// How a theme is matched: lower case, Latin accents folded and runs of spaces, '-' and
/// '_' made one '_', trimmed. "Financiën", "financien" and " FINANCIËN " all give
/// "financien"; "Eigen verhaal" gives "eigen_verhaal".
std::string theme_key(std::string_view text);

/// The line and column of the first byte that is not valid UTF-8, if any.
std::optional<std::pair<int, int>> first_invalid_utf8(std::string_view text);

/// A UTF-8 byte-order mark at the start, if any, removed (editors on Windows add one).
std::string_view without_bom(std::string_view text);

struct StoryHeading {
  std::string key;   ///< theme_key() of the heading text
  std::string text;  ///< as written, without the '#'s
  int line = 0;
  int column = 0;    ///< of the heading text
};

struct StoryOutline {
  std::vector<StoryHeading> headings;
  int text_before_heading = 0;  ///< line of the first text before any heading (0: none)
};

/// The headings of a story text (after without_bom), with their places.
StoryOutline outline_story(std::string_view text);

/// Whether a file name is a story file: a board number (digits) with .md or .txt.
/// Returns the board number.
std::optional<std::string> story_board(std::string_view file_name);

}  // namespace povo::job
