#include "cli/job.hpp"

#include "plugin_host/search_path.hpp"

#include <cstdlib>
#include <ostream>

namespace povo::cli {

bool load_plugins(host::PluginRegistry& registry, const CommonOptions& options, std::ostream& err) {
  registry.discover(host::plugin_search_path(options.plugin_paths, std::getenv("POVO_PLUGIN_PATH")),
                    options.plugin_paths.size());
  for (const auto& r : registry.rejections()) {
    // The one message format: "file: severity: message".
    err << r.file << (options.strict ? ": error: " : ": warning: ") << "plugin rejected: " << r.reason << '\n';
  }
  return !(options.strict && !registry.rejections().empty());
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err) {
  for (const auto& d : diagnostics) err << d.str() << '\n';
}

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::unique_ptr<job::Job> compile_job(const std::string& config, const CommonOptions& options,
                                      const host::PluginRegistry& registry, bool need_date, std::ostream& err) {
  job::CompileOptions o;
  o.strict = options.strict;
  o.need_date = need_date;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) o.source_date_epoch = epoch;
  job::Compiled compiled = job::load_job(config, options.overrides, registry, o);
  print_diagnostics(compiled.diagnostics, err);
  if (!compiled.job) {
    const std::size_t n = compiled.errors();
    err << config << ": " << n << (n == 1 ? " problem" : " problems") << " found; nothing was run\n";
  }
  return std::move(compiled.job);
}

void print_data_quality(const pipeline::JobResult& result, std::ostream& err) {
  const std::size_t lines = result.loaded.diagnostics.size() + result.problems.size();
  if (lines == 0) return;
  const std::size_t errors = result.errors(), warnings = result.warnings();
  err << "data quality: " << thousands(errors) << (errors == 1 ? " error, " : " errors, ") << thousands(warnings)
      << (warnings == 1 ? " warning" : " warnings");
  if (errors + warnings > lines) err << " (" << thousands(lines) << " messages below; the rest are counted in them)";
  err << '\n';
  print_diagnostics(result.loaded.diagnostics, err);
  print_diagnostics(result.problems, err);
}

}  // namespace povo::cli
