// Which reports a run makes: every selected sector report once, every selected board
// report once per selected board. Each planned report renders itself on demand, so the
// batch runner can spread them over threads (the analysed job is read-only by then).
#pragma once

#include "report/report_builder.hpp"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace povo::report {

struct RenderedReport {
  std::vector<std::uint8_t> bytes;
  int pages = 0;
  std::vector<std::string> warnings;
};

struct PlannedReport {
  std::string id;         ///< "sector_po" or "bestuur_po/10001"
  std::string title;      ///< for progress and the manifest
  std::string file_stem;  ///< wanted file name without .pdf (the batch runner makes it safe)
  std::function<RenderedReport()> render;
};

struct PlanOptions {
  std::set<std::string> reports;  ///< --report: only these report ids (empty: all, or board reports only with --board)
  std::set<std::string> boards;   ///< --board: only these board numbers (empty: all)
};

/// Plans the reports of `job` (the analysed job). Board numbers that are not in the data,
/// or that no selected board report covers, are problems (usage errors); a report whose
/// filter matches no board is left out (check_data has reported it). `job` and `run` must
/// outlive the returned render functions.
std::vector<PlannedReport> plan_reports(const pipeline::JobResult& job, const RunInfo& run, const PlanOptions& options,
                                        std::vector<Diagnostic>& problems);

/// The trend window: up to five years ending at `year` that the data has.
std::vector<int> trend_years(const pipeline::JobResult& job, int year);

}  // namespace povo::report
