// `povo validate CONFIG [--data]`: compile the job (every check that needs no data, with
// file:line:col), and with --data also load the data and run the checks that need it.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include <ostream>

namespace povo::cli {

int command_validate(const std::string& config, const ValidateOptions& validate, const CommonOptions& options,
                     std::ostream& out, std::ostream& err) {
  host::PluginRegistry registry;
  if (!load_plugins(registry, options, err)) return exit_run_errors;
  std::unique_ptr<job::Job> job = compile_job(config, options, registry, true, err);
  if (!job) return exit_usage;
  auto plural = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
  const std::string summary = plural(job->sources.size(), "source", "sources") + ", " +
                              plural(job->indicators.size(), "indicator", "indicators") + ", " +
                              plural(job->reports.size(), "report", "reports");
  if (!validate.data) {
    out << config << ": valid (" << summary << ")\n";
    return exit_ok;
  }
  std::unique_ptr<pipeline::JobResult> analysed = pipeline::run_job(*job);
  print_data_quality(*analysed, err);
  if (analysed->fatal() || analysed->errors() > 0) {
    err << config << ": the data has " << thousands(analysed->errors()) << " errors\n";
    return exit_run_errors;
  }
  out << config << ": valid with its data (" << summary << "; "
      << thousands(analysed->loaded.dataset.entity_count(EntityKind::board)) << " boards";
  if (analysed->warnings() > 0) out << "; " << thousands(analysed->warnings()) << " warnings";
  out << ")\n";
  return exit_ok;
}

}  // namespace povo::cli
