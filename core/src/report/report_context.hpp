// What a report is made from: the analysed job, the year, the language, and either
// the boards a sector report covers or the one board a board report is about.
#pragma once

#include "format/format.hpp"
#include "pipeline/job_pipeline.hpp"

#include <optional>
#include <vector>

namespace povo::report {

struct ReportContext {
  const pipeline::JobResult& job;
  int year = 0;
  std::vector<int> years;                ///< the trend window: up to five years ending at `year`
  format::Locale locale = format::Locale::nl;
  std::vector<EntityIndex> scope;        ///< the boards the report covers (sector) or the board's peers
  std::optional<EntityIndex> board;      ///< set for a board report
  std::optional<std::size_t> peer_def;   ///< the comparison group definition (board reports)
  peers::Membership membership;          ///< the board's group in `year`

  const Dataset& dataset() const { return job.loaded.dataset; }
  const indicators::IndicatorTable& indicators() const { return job.indicators; }
  /// The board's name, or its number when the sources give no name.
  std::string board_name(EntityIndex b) const;
  /// A title template filled for this report (the board's number and name in board reports).
  std::string fill(const job::TitleTemplate& t) const;
};

}  // namespace povo::report
