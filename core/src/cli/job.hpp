// What every command that takes a CONFIG shares: the plugin registry, the compiled job
// (read, --set applied, checked), and the printing of messages.
#pragma once

#include "job/compile.hpp"
#include "pipeline/job_pipeline.hpp"
#include "plugin_host/plugin_registry.hpp"

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace povo::cli {

struct CommonOptions {
  std::vector<std::string> plugin_paths;  ///< --plugin-path, in order
  std::vector<std::string> overrides;     ///< --set key=value, in order
  bool strict = false;                    ///< --strict
};

/// Discovers plugins (search order: --plugin-path, POVO_PLUGIN_PATH, the install
/// prefix) and prints each rejection as a warning. Returns false if --strict and
/// anything was rejected.
bool load_plugins(host::PluginRegistry& registry, const CommonOptions& options, std::ostream& err);

/// Reads CONFIG, applies --set and compiles it, printing every problem. Returns the job,
/// or null when there were errors (the caller exits with exit_usage).
std::unique_ptr<job::Job> compile_job(const std::string& config, const CommonOptions& options,
                                      const host::PluginRegistry& registry, bool need_date, std::ostream& err);

/// Prints diagnostics, one per line, to `err`.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err);

/// Prints the data-quality summary ("data quality: 83.020 errors, 3 warnings") and every
/// message of an analysis.
void print_data_quality(const pipeline::JobResult& result, std::ostream& err);

/// "1,234" for counts in messages.
std::string thousands(std::size_t n);

}  // namespace povo::cli
