// The texts of a report definition, compiled when the job is compiled:
//
//  * title templates (report titles, subtitles, file names, chapter titles, captions):
//    literal text with the fields {year}, {board} and {name} ({{ and }} are braces);
//  * text templates (`- text:` blocks): placeholders with expressions over the data, e.g.
//    "{count(boards)} besturen; {share(boards, solvabiliteit_2 < 0.30)} onder de signaleringswaarde".
//
// Every field, name, function and argument count is checked here, with the location of
// the offending character, so a typo is reported by `povo validate` and never while a
// report is being rendered.
#pragma once

#include "expr/template.hpp"
#include "format/format.hpp"
#include "job/indicator_def.hpp"

#include <povo/diagnostics.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace povo::job {

enum class ReportKind { board, sector };

enum class TitleField { year, board, name };

struct TitlePart {
  std::string literal;
  std::optional<TitleField> field;  ///< set for a field (literal is then empty)
};

struct TitleTemplate {
  std::string source;  ///< as written
  std::vector<TitlePart> parts;
  SourceLocation where;
  bool empty() const { return parts.empty(); }
  /// The text with the fields filled in. `board` and `name` are empty in sector reports,
  /// where compile_title() does not allow those fields.
  std::string fill(int year, std::string_view board, std::string_view name) const;
};

/// Compiles a title template; problems are appended located at the offending field.
/// `board_fields` says whether {board} and {name} are known (board reports only).
TitleTemplate compile_title(const std::string& text, const expr::TextOrigin& origin, bool board_fields,
                            std::vector<Diagnostic>& problems);

/// The statistics a text placeholder may call; `boards` (or `peers`) is the report's set of
/// boards: the sector, or in a board report the board's comparison group.
enum class TextFunction { count, share, median, mean, min, max, p25, p75, sum, ratio };

struct TextFunctionInfo {
  TextFunction function;
  const char* name;
  const char* usage;   ///< e.g. "share(boards, condition)"
  const char* what;    ///< one line for the configuration reference
};
const std::vector<TextFunctionInfo>& text_functions();

/// How a placeholder's value is printed: as a year (2024), in a number style, or as a
/// whole number when it is one and with two decimals otherwise.
struct PlaceholderFormat {
  enum class Kind { year, style, plain } kind = Kind::plain;
  format::NumberStyle style;
};

struct TextTemplate {
  std::string source;
  std::vector<expr::TemplatePart> parts;
  std::vector<PlaceholderFormat> formats;  ///< one per part (used for placeholder parts)
  SourceLocation where;
};

/// What the names in a text may refer to: board-level measures and indicators.
struct TextNames {
  const IndicatorCatalog* indicators = nullptr;
  std::vector<std::string> measures;  ///< board-level measures the sources declare
  bool complete = true;               ///< false: a source cannot list its measures; unknown names are not errors
  bool unchecked = false;             ///< an earlier problem left the names incomplete: unknown names are not reported
  const std::set<std::string>* failed = nullptr;  ///< indicators with problems reported elsewhere
};

/// Compiles a text block. Problems (syntax, unknown names and functions, wrong argument
/// counts, a bare indicator in a sector report, ratio() of an indicator without a ratio
/// of sums) are appended with the location of the character.
TextTemplate compile_text(const std::string& text, const expr::TextOrigin& origin, ReportKind kind,
                          const TextNames& names, std::vector<Diagnostic>& problems);

}  // namespace povo::job
