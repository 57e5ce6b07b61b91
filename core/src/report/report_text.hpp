// Texts with placeholders over the data, e.g.
//   "In {year} telde het po {count(boards)} besturen; {share(boards, solvabiliteit_2 < 0.30)}
//    zat onder de signaleringswaarde."
// In a sector report `boards` is the sector; in a board report it is the board's
// comparison group, and a bare indicator name is the board's own value.
//
// Functions: count(boards), share(boards, condition), median(x), mean(x), min(x), max(x),
// p25(x), p75(x), sum(x), ratio(x) (the group's ratio of sums for an indicator that
// declares one). Shares print as percentages, counts as whole numbers, indicator values
// in the indicator's own format.
#pragma once

#include "report/report_context.hpp"

#include <povo/diagnostics.hpp>

#include <string>

namespace povo::report {

/// Renders a text. Throws a located povo::Error for syntax errors, unknown names or functions.
std::string render_text(const std::string& text, const SourceLocation& where, const ReportContext& context);

/// Fills {name}, {board} and {year} in titles and file names.
std::string fill_title(const std::string& pattern, const ReportContext& context);

}  // namespace povo::report
