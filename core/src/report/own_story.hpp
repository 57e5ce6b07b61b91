// The board's own explanation ("eigen verhaal"): one Markdown file per board number,
// with a section per theme:
//
//   # financien
//   Onze reserves zijn **bewust** hoog: in 2025 bouwen we een nieuwe school.
//   - renovatie De Linde
//   - *nieuwbouw* Kastanjelaan
//
// Supported: paragraphs, **bold**, *italic*, lists with '-', '*' or '1.'. A theme with
// no section, or a board with no file, gets no own-story section at all.
#pragma once

#include "pdf/document.hpp"

#include <map>
#include <string>
#include <vector>

namespace povo::report {

struct OwnStory {
  std::map<std::string, std::vector<pdf::Block>> themes;  ///< job::theme_key(heading) -> blocks
  std::vector<std::string> warnings;
};

/// Reads `<dir>/<board>.md` (or .txt). No file: an empty story. A file that is not
/// UTF-8 throws a povo::Error with its line and column. A text longer than
/// `max_bytes` is cut off at a paragraph with a warning, so a runaway file cannot
/// produce a hundred-page report.
OwnStory read_own_story(const std::string& dir, const std::string& board, std::size_t max_bytes = 20000);

/// Parses Markdown text (exposed for tests).
OwnStory parse_own_story(const std::string& text, std::size_t max_bytes = 20000);

}  // namespace povo::report
