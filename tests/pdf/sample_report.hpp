#pragma once
// Fictitious board-report content shared by the PDF tests and the benchmark.
#include <string>

#include "pdf/document.hpp"

namespace povo::pdf::sample {

inline std::string font_dir() { return std::string(POVO_SOURCE_DIR) + "/fonts"; }

DocumentSpec spec(const std::string& board = "Stichting Voorbeeld Onderwijs");
/// Every element: cover, TOC, headings, paragraphs (ragged + justified, bold/italic,
/// long compounds), bullets, key figures, table with totals and highlights, all charts.
void add_everything(Document& doc);
/// An ~8-page board report with charts and tables; seed varies the data.
void add_board_report(Document& doc, unsigned seed);
/// A table of n rows (for pagination tests).
Table long_table(int rows);

}  // namespace povo::pdf::sample
