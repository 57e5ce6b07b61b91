// The keys a povo configuration file may have at its top level. Unknown keys are
// errors: a misspelt key that is silently ignored produces a wrong official report.
#pragma once

#include <povo/config_node.hpp>

#include <vector>

namespace povo::config {

/// The schema of a job file (sources, indicators, ...). Plugin options are checked
/// separately against each plugin's own specs.
const std::vector<OptionSpec>& job_schema();

/// All problems with the top-level keys and their types, located.
std::vector<Diagnostic> check_job(const ConfigNode& root);

}  // namespace povo::config
