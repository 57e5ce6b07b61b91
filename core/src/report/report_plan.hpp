// Which reports a run makes: every sector report once, every board report once per
// selected board. Each planned report renders itself on demand, so the batch runner
// can spread them over threads (the analysed job is read-only by then).
#pragma once

#include "report/report_builder.hpp"
#include "report/report_definition.hpp"

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
  int year = 0;
  format::Locale locale = format::Locale::nl;
  std::set<std::string> boards;  ///< only these board numbers (empty: all)
};

/// Plans the reports. Unknown board numbers, peer groups or indicators are located
/// problems. `job` and `run` must outlive the returned render functions.
std::vector<PlannedReport> plan_reports(const std::vector<ReportDef>& defs, const pipeline::JobResult& job,
                                        const RunInfo& run, const PlanOptions& options, std::vector<Diagnostic>& problems);

/// The boards a report covers: those whose attributes match all its filters, in board-number order.
std::vector<EntityIndex> boards_of(const ReportDef& def, const Dataset& dataset);

/// The trend window: up to five years ending at `year` that the data has.
std::vector<int> trend_years(const pipeline::JobResult& job, int year);

}  // namespace povo::report
