// `povo run`: analyse the job, then render every report through the batch runner.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include "batch/batch.hpp"
#include "pdf/sha256.hpp"
#include "pipeline/job_pipeline.hpp"
#include "plugin_host/search_path.hpp"
#include "report/report_plan.hpp"

#include <povo/version.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

#include <unistd.h>

namespace fs = std::filesystem;

namespace povo::cli {
namespace {

std::string file_sha256(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "(unreadable)";
  std::ostringstream s;
  s << in.rdbuf();
  const std::string bytes = s.str();
  return pdf::sha256_hex(bytes.data(), bytes.size());
}

// A canonical text of the effective configuration (after includes and --set), so its
// hash names exactly what produced a report.
void canonical(const ConfigNode& n, std::string& out) {
  switch (n.type()) {
    case ConfigNode::Type::null: out += "~"; return;
    case ConfigNode::Type::scalar: out += "\"" + n.scalar() + "\""; return;
    case ConfigNode::Type::sequence:
      out += "[";
      for (const auto& i : n.items()) {
        canonical(i, out);
        out += ",";
      }
      out += "]";
      return;
    case ConfigNode::Type::map:
      out += "{";
      for (const auto& e : n.entries()) {
        out += "\"" + e.key + "\":";
        canonical(e.value, out);
        out += ",";
      }
      out += "}";
      return;
  }
}

std::string font_dir() {
  if (const char* env = std::getenv("POVO_FONT_DIR")) return env;
  return host::data_dir("fonts");
}

}  // namespace

int command_run(const std::string& config, const RunOptions& run_options, const CommonOptions& options,
                std::ostream& out, std::ostream& err) {
  host::PluginRegistry registry;
  if (!load_plugins(registry, options, err)) return exit_run_errors;
  std::optional<Job> job = load_job(config, options, err);
  if (!job) return exit_usage;
  std::vector<Diagnostic> problems;
  pipeline::PreparedJob prepared = pipeline::prepare_job(job->root, registry, job->config_dir, job->strict, problems);
  std::vector<report::ReportDef> defs;
  try {
    defs = report::parse_reports(job->root);
  } catch (const Error& e) {
    problems.push_back(e.diagnostic());
  }
  const ConfigNode* output = job->root.find("output");
  report::RunInfo info;
  std::string out_dir = "out";
  try {
    if (output) {
      prepared.min_k = static_cast<std::size_t>(output->get_integer("min_group_size", 5));
      info.watermark = output->get_string("watermark", "");
      if (const ConfigNode* d = output->find("date")) info.date = format::parse_iso_date(d->as_string());
      if (const ConfigNode* dir = output->find("dir")) {
        fs::path p = dir->as_string();
        if (p.is_relative() && dir->location().file.rfind("--set", 0) != 0) {
          p = fs::path(dir->location().file).parent_path() / p;
        }
        out_dir = p.lexically_normal().string();
      }
    }
    if (!output || !output->find("date")) {
      const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
      if (!epoch) {
        Diagnostic d;
        d.message = "no report date: set output.date in the configuration or SOURCE_DATE_EPOCH";
        d.hint = "reports carry a fixed date so that the same data give the same PDF";
        problems.push_back(d);
      } else {
        info.date = format::date_from_unix_seconds(std::strtoll(epoch, nullptr, 10));
      }
    }
  } catch (const std::exception& e) {
    Diagnostic d;
    d.message = e.what();
    d.key_path = "output";
    problems.push_back(d);
  }
  if (!run_options.out_dir.empty()) out_dir = run_options.out_dir;
  if (!problems.empty()) {
    print_diagnostics(problems, err);
    return exit_usage;
  }

  std::unique_ptr<pipeline::JobResult> analysed = pipeline::run_job(prepared, job->strict);
  const pipeline::JobResult& result = *analysed;
  const std::size_t data_errors = result.errors();
  if (!result.loaded.diagnostics.empty() || !result.problems.empty()) {
    err << "data quality: " << data_errors << " errors, "
        << result.loaded.diagnostics.size() + result.problems.size() - data_errors << " warnings\n";
    print_diagnostics(result.loaded.diagnostics, err);
    print_diagnostics(result.problems, err);
  }
  if (result.loaded.failed_sources > 0 || (job->strict && data_errors > 0)) {
    err << "povo: error: the data could not be loaded completely; no reports were made\n";
    return exit_run_errors;
  }

  info.job_title = job->root.get_string("title", "povo");
  info.povo_version = version_string;
  std::string text;
  canonical(job->root, text);
  info.config_hash = pdf::sha256_hex(text.data(), text.size());
  if (const ConfigNode* sources = job->root.find("sources")) {
    for (const auto& s : sources->items()) {
      const ConfigNode* opts = s.find("options");
      const ConfigNode* f = opts ? (opts->find("file") ? opts->find("file") : opts->find("database")) : nullptr;
      if (!f || !f->is_scalar()) continue;
      fs::path p = f->scalar();
      if (p.is_relative()) p = fs::path(data::source_base_dir(job->root, s, job->config_dir)) / p;
      info.data_files.emplace_back(p.filename().string(), file_sha256(p.lexically_normal().string()));
    }
  }
  std::set<std::string> used_plugins;
  for (const auto& s : prepared.sources) used_plugins.insert(s.plugin_id);
  for (const auto& s : prepared.indicator_sets) used_plugins.insert(s.plugin_id);
  for (const auto& id : used_plugins) {
    const host::PluginRecord* p = registry.find(id);
    info.plugins.emplace_back(id, p ? p->version : "built in");
  }
  info.font_dir = font_dir();

  report::PlanOptions plan;
  plan.year = static_cast<int>(job->root.get_integer("year", 0));
  plan.locale = format::parse_locale(job->root.get_string("locale", "nl"));
  plan.boards = std::set<std::string>(run_options.boards.begin(), run_options.boards.end());
  std::vector<Diagnostic> plan_problems;
  auto planned = report::plan_reports(defs, result, info, plan, plan_problems);
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
  batch::Options bo;
  bo.out_dir = out_dir;
  bo.jobs = run_options.jobs;
  bo.dry_run = run_options.dry_run;
  bo.resume = run_options.resume;
  bo.progress_bar = ::isatty(STDERR_FILENO) != 0;
  bo.metadata = {{"povo", version_string}, {"config", config}, {"config_sha256", info.config_hash},
                 {"year", std::to_string(plan.year)}};
  batch::Summary summary = batch::run_batch(std::move(items), bo, err);
  if (!run_options.dry_run) {
    out << "made " << summary.items.size() - summary.failed - summary.not_run << " of " << summary.items.size()
        << " reports (" << summary.pages << " pages) in " << out_dir << "\n";
  }
  if (!summary.ok()) return exit_run_errors;
  return exit_ok;
}

}  // namespace povo::cli
