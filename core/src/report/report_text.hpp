// Texts with placeholders over the data, e.g.
//   "In {year} telde het po {count(boards)} besturen; {share(boards, solvabiliteit_2 < 0.30)}
//    zat onder de signaleringswaarde."
// In a sector report `boards` is the sector; in a board report it is the board's
// comparison group, and a bare indicator name is the board's own value.
//
// Functions: count(boards), share(boards, condition), median(x), mean(x), min(x), max(x),
// p25(x), p75(x), sum(x), ratio(x) (job/templates.hpp lists them). How each placeholder
// prints was decided when the job was compiled (job::PlaceholderFormat).
#pragma once

#include "job/templates.hpp"
#include "report/report_context.hpp"

#include <povo/diagnostics.hpp>

#include <string>

namespace povo::report {

/// Renders a compiled text (job::compile_text has checked every name, function and
/// argument count). Throws povo::Error only for what depends on the data.
std::string render_text(const job::TextTemplate& text, const ReportContext& context);

}  // namespace povo::report
