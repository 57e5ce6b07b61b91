#include "job/compile.hpp"

#include "config/overrides.hpp"
#include "config/yaml_loader.hpp"
#include "digest/sha256.hpp"
#include "job/compile_context.hpp"
#include "job/paths.hpp"
#include "job/schema.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace povo::job {

std::size_t Compiled::errors() const {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Compiled::warnings() const {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

namespace detail {

std::string suggest(const std::string& word, const std::vector<std::string>& candidates, const std::string& otherwise) {
  if (auto near = closest_match(word, candidates)) return "did you mean '" + *near + "'?";
  return otherwise;
}

}  // namespace detail

namespace {

// A canonical text of the effective configuration (after includes and --set), so its
// hash names exactly what produced a report.
void canonical(const ConfigNode& n, std::string& out) {
  switch (n.type()) {
    case ConfigNode::Type::null: out += "~"; return;
    case ConfigNode::Type::scalar:
      out += '"';
      for (char ch : n.scalar()) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
      }
      out += '"';
      return;
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

void compile_top(detail::CompileContext& c) {
  Job& job = c.job;
  job.title = c.root.get_string("title", "povo");
  if (const ConfigNode* y = c.root.find("year")) {
    job.year_where = y->location();
    const long long year = y->as_integer();
    if (year < 1990 || year > 2100) c.error(*y, "the report year " + std::to_string(year) + " is not plausible", "e.g. year: 2024");
    else job.year = static_cast<int>(year);
  } else if (const ConfigNode* reports = c.root.find("reports"); reports && reports->is_sequence() && !reports->items().empty()) {
    c.error(c.root, "the job has reports but no report year", "add 'year: 2024', or give --set year=2024");
  }
  if (const ConfigNode* l = c.root.find("locale")) job.locale = format::parse_locale(l->as_string());
  job.strict = c.options.strict || c.root.get_bool("strict", false);
  if (const ConfigNode* d = c.root.find("data_dir")) {
    const std::string dir = resolve_path(*d);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      c.error(*d, "data_dir '" + dir + "' is not a folder",
              from_command_line(d->location()) ? "a data_dir given with --set is relative to the working directory"
                                               : "it is relative to " + folder_of(*d) + "; run `povo demo-data --out DIR` "
                                                                                        "first for the demo");
    }
  }
}

// Files that a source will read must exist and be regular files: a missing file is found
// now, and a FIFO or device would block the load forever.
void check_data_files(detail::CompileContext& c) {
  for (const auto& s : c.job.sources) {
    for (const auto& file : s.declared.files) {
      std::error_code ec;
      const auto status = fs::status(file, ec);
      Diagnostic d;
      d.location = s.where;
      if (!fs::exists(status)) {
        d.message = "source '" + s.id + "': data file '" + file + "' does not exist";
        d.hint = "file names start at " + s.context.base_dir +
                 (c.root.find("data_dir") ? " (data_dir)" : " (the folder of the file declaring the source)");
      } else if (!fs::is_regular_file(status)) {
        d.message = "source '" + s.id + "': '" + file + "' is not a regular file";
        d.hint = "give a data file; a pipe or device would block the run";
      } else {
        continue;
      }
      c.add(std::move(d));
    }
  }
}

}  // namespace

Compiled compile_job(const ConfigNode& root, const std::string& config_path, const host::PluginRegistry& registry,
                     const CompileOptions& options) {
  Compiled out;
  out.diagnostics = check_job_keys(root);
  if (!out.diagnostics.empty()) return out;
  auto job = std::make_unique<Job>();
  job->config_path = config_path;
  detail::CompileContext c{root, registry, options, *job, out.diagnostics};
  auto step = [&](auto&& f) {
    try {
      f(c);
    } catch (const Error& e) {
      c.add(e.diagnostic());
    } catch (const std::exception& e) {
      Diagnostic d;
      d.message = std::string("while compiling the job: ") + e.what();
      d.location = root.location();
      c.add(std::move(d));
    }
  };
  step(compile_top);
  step(detail::compile_sources);
  step(detail::compile_indicators);
  step(detail::compile_peer_groups);
  step(detail::compile_reports);
  step(detail::compile_output);
  step(check_data_files);
  // Blocks shared through a YAML anchor (two board reports with the same chapters) are
  // compiled once per report: say each problem once.
  std::vector<Diagnostic> unique;
  std::set<std::string> seen;
  for (auto& d : out.diagnostics) {
    if (seen.insert(d.location.str() + "\n" + d.message + "\n" + d.hint).second) unique.push_back(std::move(d));
  }
  if (c.sources_failed || c.indicator_sets_failed) {
    Diagnostic note;
    note.severity = Severity::note;
    note.message = std::string("names that depend on ") + (c.sources_failed ? "the sources" : "the indicator sets") +
                   " with problems above were not checked; fix those first";
    unique.push_back(std::move(note));
  }
  out.diagnostics = std::move(unique);
  std::string text;
  canonical(root, text);
  job->config_sha256 = digest::sha256_hex(text);
  if (out.errors() == 0) out.job = std::move(job);
  return out;
}

std::vector<PeerGroupDef> compile_peer_groups(const ConfigNode& root, const DeclaredData& declared,
                                              std::vector<Diagnostic>& problems) {
  static const host::PluginRegistry no_plugins;
  static const CompileOptions options;
  Job job;
  job.declared = declared;
  detail::CompileContext c{root, no_plugins, options, job, problems};
  detail::compile_peer_groups(c);
  return std::move(job.peer_groups);
}

Compiled load_job(const std::string& config_path, const std::vector<std::string>& overrides,
                  const host::PluginRegistry& registry, const CompileOptions& options) {
  ConfigNode root;
  try {
    root = config::load_yaml_file(config_path);
    for (const auto& assignment : overrides) config::apply_override(root, assignment);
  } catch (const Error& e) {
    Compiled out;
    out.diagnostics.push_back(e.diagnostic());
    return out;
  }
  return compile_job(root, config_path, registry, options);
}

}  // namespace povo::job
