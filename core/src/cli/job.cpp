#include "cli/job.hpp"

#include "config/job_schema.hpp"
#include "config/overrides.hpp"
#include "config/yaml_loader.hpp"
#include "plugin_host/search_path.hpp"

#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace povo::cli {

bool load_plugins(host::PluginRegistry& registry, const CommonOptions& options, std::ostream& err) {
  registry.discover(host::plugin_search_path(options.plugin_paths, std::getenv("POVO_PLUGIN_PATH")),
                    options.plugin_paths.size());
  for (const auto& r : registry.rejections()) {
    err << (options.strict ? "error: " : "warning: ") << "plugin rejected: " << r.str() << '\n';
  }
  return !(options.strict && !registry.rejections().empty());
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err) {
  for (const auto& d : diagnostics) err << d.str() << '\n';
}

std::optional<Job> load_job(const std::string& config_path, const CommonOptions& options, std::ostream& err) {
  Job job;
  job.config_path = config_path;
  job.config_dir = std::filesystem::path(config_path).parent_path().string();
  if (job.config_dir.empty()) job.config_dir = ".";
  try {
    job.root = config::load_yaml_file(config_path);
    for (const auto& assignment : options.overrides) config::apply_override(job.root, assignment);
  } catch (const Error& e) {
    err << e.diagnostic().str() << '\n';
    return std::nullopt;
  }
  std::vector<Diagnostic> problems = config::check_job(job.root);
  if (!problems.empty()) {
    print_diagnostics(problems, err);
    return std::nullopt;
  }
  try {
    job.strict = options.strict || job.root.get_bool("strict", false);
  } catch (const Error& e) {
    err << e.diagnostic().str() << '\n';
    return std::nullopt;
  }
  return job;
}

}  // namespace povo::cli
