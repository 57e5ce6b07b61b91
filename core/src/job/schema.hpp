// The schema of a job file: every key with its type, default, allowed values and an
// example. compile_job() checks a configuration against it (unknown keys are errors with
// "did you mean"), and `povo help config` prints it, so the reference and the checks
// cannot disagree. Plugin options are checked against each plugin's own specs.
#pragma once

#include <povo/config_node.hpp>

#include <vector>

namespace povo::job {

/// The top-level keys of a job.
const std::vector<OptionSpec>& job_schema();

/// The keys of one entry of `indicators:`, `peer_groups:`, `reports:` and of one signal value.
std::vector<OptionSpec> expression_indicator_specs();
std::vector<OptionSpec> peer_group_specs();
std::vector<OptionSpec> report_specs();
std::vector<OptionSpec> signal_value_specs();
std::vector<OptionSpec> output_specs();

/// Problems with the top-level keys and their types, located.
std::vector<Diagnostic> check_job_keys(const ConfigNode& root);

}  // namespace povo::job
