// Dataset -> indicators: computes every indicator of the compiled job for every board
// and year, each after the indicators it reads. The job compiler has checked names and
// cycles; what can still go wrong here depends on the data (a source that could not list
// its names in advance, a plugin returning NaN), and is reported, never fatal.
#pragma once

#include "indicators/indicator_table.hpp"
#include "job/job.hpp"

#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>

#include <vector>

namespace povo::indicators {

/// Computes the table. An indicator whose inputs are not in the data is left missing and
/// reported; a non-finite number from any plugin becomes missing(invalid) and is
/// reported once per indicator with the count.
IndicatorTable compute_indicators(const Dataset& dataset, const job::Job& job, std::vector<Diagnostic>& problems);

}  // namespace povo::indicators
