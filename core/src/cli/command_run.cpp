// `povo run`: compile the job, analyse the data, then render every selected report
// through the batch runner.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include "batch/batch.hpp"
#include "digest/sha256.hpp"
#include "plugin_host/search_path.hpp"
#include "report/report_plan.hpp"

#include <povo/version.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>

#include <unistd.h>

namespace fs = std::filesystem;

namespace povo::cli {
namespace {

std::string font_dir() {
  if (const char* env = std::getenv("POVO_FONT_DIR")) return env;
  return host::data_dir("fonts");
}

// Every --report must name a report of the job.
bool check_report_ids(const job::Job& job, const std::vector<std::string>& ids, std::ostream& err) {
  std::vector<std::string> known;
  for (const auto& r : job.reports) known.push_back(r.id);
  bool ok = true;
  for (const auto& id : ids) {
    if (job.find_report(id)) continue;
    std::string all;
    for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
    auto near = closest_match(id, known);
    err << "povo: error: --report " << id << ": the job has no report '" << id << "' ("
        << (near ? "did you mean '" + *near + "'?" : "its reports: " + all) << ")\n";
    ok = false;
  }
  return ok;
}

}  // namespace

int command_run(const std::string& config, const RunOptions& run_options, const CommonOptions& options,
                std::ostream& out, std::ostream& err) {
  host::PluginRegistry registry;
  if (!load_plugins(registry, options, err)) return exit_run_errors;
  std::unique_ptr<job::Job> job = compile_job(config, options, registry, true, err);
  if (!job) return exit_usage;
  if (!check_report_ids(*job, run_options.reports, err)) return exit_usage;

  std::unique_ptr<pipeline::JobResult> analysed = pipeline::run_job(*job);
  const pipeline::JobResult& result = *analysed;
  print_data_quality(result, err);
  if (result.fatal()) {
    err << "povo: error: " << (result.year_without_data ? "the report year has no data" : "the data could not be loaded completely")
        << "; no reports were made\n";
    return exit_run_errors;
  }

  // Each data file is hashed once: for the colophon, the manifest and --resume.
  report::RunInfo info;
  info.job_title = job->title;
  info.date = job->output.date.value_or(format::Date{});
  info.watermark = job->output.watermark;
  info.povo_version = version_string;
  info.config_hash = job->config_sha256;
  info.font_dir = font_dir();
  batch::Options bo;
  bo.metadata = {{"povo", version_string}, {"config", config}, {"config_sha256", job->config_sha256},
                 {"year", std::to_string(job->year)}};
  std::set<std::string> hashed;
  for (const auto& s : job->sources) {
    for (const auto& file : s.declared.files) {
      if (!hashed.insert(file).second) continue;
      const std::string digest = digest::file_sha256(file).value_or("unreadable");
      info.data_files.emplace_back(fs::path(file).filename().string(), digest);
      bo.metadata.emplace_back("data:" + file, digest);
    }
  }
  std::map<std::string, std::string> plugins;
  for (const auto& s : job->sources) plugins[s.plugin_id] = s.plugin_version;
  for (const auto& p : job->providers) plugins[p.plugin_id] = p.plugin_version;
  for (const auto& [id, version] : plugins) {
    info.plugins.emplace_back(id, version);
    bo.metadata.emplace_back("plugin:" + id, version);
  }

  report::PlanOptions plan;
  plan.reports = std::set<std::string>(run_options.reports.begin(), run_options.reports.end());
  plan.boards = std::set<std::string>(run_options.boards.begin(), run_options.boards.end());
  std::vector<Diagnostic> plan_problems;
  auto planned = report::plan_reports(result, info, plan, plan_problems);
  if (!plan_problems.empty()) {
    print_diagnostics(plan_problems, err);
    return exit_usage;
  }

  std::vector<batch::Item> items;
  for (auto& p : planned) {
    items.push_back(batch::Item{p.id, p.title, p.file_stem, [render = p.render]() {
                                  report::RenderedReport r = render();
                                  return batch::Rendered{std::move(r.bytes), r.pages, std::move(r.warnings)};
                                }});
  }
  const std::string out_dir = run_options.out_dir.empty() ? job->output.dir : run_options.out_dir;
  bo.out_dir = out_dir;
  bo.jobs = run_options.jobs;
  bo.dry_run = run_options.dry_run;
  bo.resume = run_options.resume;
  bo.listing = &out;
  bo.progress_bar = ::isatty(STDERR_FILENO) != 0;
  for (const auto* list : {&result.loaded.diagnostics, &result.problems}) {
    for (const auto& d : *list) {
      if (d.severity != Severity::note) bo.run_warnings.push_back(d.str());
    }
  }
  batch::Summary summary = batch::run_batch(std::move(items), bo, err);
  if (!run_options.dry_run) {
    out << "made " << summary.items.size() - summary.failed - summary.not_run << " of " << summary.items.size()
        << " reports (" << summary.pages << " pages) in " << out_dir << "\n";
  }
  if (summary.interrupted) return exit_interrupted;
  if (!summary.ok() || result.errors() > 0) return exit_run_errors;
  return exit_ok;
}

}  // namespace povo::cli
