// The checks that need the data, run after every analysis (validate --data, data, run,
// run --dry-run). Nothing degrades silently: each finding is a warning (an error under
// --strict), counted, listed in the manifest and, where a reader would otherwise be
// misled, stated in the report itself. A report year without any data is an error.
//
//  * the report year has no data at all;
//  * a report's board filter matches no boards (that report is not made);
//  * a peer group places no board, or fewer than half of its reports' boards;
//    an explicit list names boards that are not in the data;
//  * an attribute used for grouping or a breakdown is unknown for most boards;
//  * an indicator a report uses is missing for more than output.max_missing_share of
//    the report's boards (the report then says "over n van N besturen");
//  * an own story names a board that no report covers.
#pragma once

#include <povo/dataset.hpp>

#include <vector>

namespace povo::job {
struct ReportSpec;
}

namespace povo::pipeline {

struct JobResult;

/// Runs every check and appends its findings to r.problems.
void check_data(JobResult& r);

/// The boards a report covers: those whose attributes match all its filters, in
/// board-number order.
std::vector<EntityIndex> boards_of(const job::ReportSpec& report, const Dataset& dataset);

}  // namespace povo::pipeline
