#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include "pipeline/job_pipeline.hpp"

#include <ostream>

namespace povo::cli {

int command_validate(const std::string& config, const CommonOptions& options, std::ostream& out, std::ostream& err) {
  host::PluginRegistry registry;
  if (!load_plugins(registry, options, err)) return exit_run_errors;
  std::optional<Job> job = load_job(config, options, err);
  if (!job) return exit_usage;
  std::vector<Diagnostic> problems;
  auto prepared = pipeline::prepare_job(job->root, registry, job->config_dir, job->strict, problems);
  const auto& sources = prepared.sources;
  if (!problems.empty()) {
    print_diagnostics(problems, err);
    err << config << ": " << problems.size() << (problems.size() == 1 ? " problem" : " problems") << " found\n";
    return exit_usage;
  }
  out << config << ": valid (" << sources.size() << (sources.size() == 1 ? " source" : " sources") << ")\n";
  return exit_ok;
}

}  // namespace povo::cli
