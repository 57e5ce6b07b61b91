#include "pipeline/job_pipeline.hpp"

#include "indicators/expression_indicators.hpp"
#include "indicators/signal_overrides.hpp"

#include <algorithm>

namespace povo::pipeline {

std::size_t JobResult::errors() const {
  auto is_error = [](const Diagnostic& d) { return d.severity == Severity::error; };
  return static_cast<std::size_t>(std::count_if(loaded.diagnostics.begin(), loaded.diagnostics.end(), is_error) +
                                  std::count_if(problems.begin(), problems.end(), is_error));
}

PreparedJob prepare_job(const ConfigNode& root, const host::PluginRegistry& registry, const std::string& config_dir,
                        bool strict, std::vector<Diagnostic>& problems) {
  PreparedJob job;
  job.sources = data::configure_sources(root, registry, config_dir, strict, problems);
  job.indicator_sets = indicators::configure_indicator_sets(root, registry, problems);
  indicators::apply_signal_overrides(root, job.indicator_sets, problems);
  try {
    job.peer_groups = peers::parse_peer_groups(root);
  } catch (const Error& e) {
    problems.push_back(e.diagnostic());
  }
  return job;
}

std::unique_ptr<JobResult> run_job(PreparedJob& job, bool strict) {
  auto result = std::make_unique<JobResult>();
  JobResult& r = *result;
  r.loaded = data::load_sources(job.sources, strict);
  const Dataset& ds = r.loaded.dataset;

  // Expression indicators can name any measure or indicator: check the names now
  // that the data is loaded, so a typo is reported at its place in the YAML.
  std::vector<std::string> known;
  for (MeasureId m = 0; m < ds.measure_count(); ++m) known.push_back(ds.measure_name(m));
  for (const auto& set : job.indicator_sets) {
    for (const auto& info : set.infos) known.push_back(info.id);
  }
  for (const auto& set : job.indicator_sets) {
    if (auto* expressions = dynamic_cast<const indicators::ExpressionIndicatorSet*>(set.set.get())) {
      auto located = expressions->check_names(known);
      r.problems.insert(r.problems.end(), located.begin(), located.end());
    }
  }
  r.indicators = indicators::compute_indicators(ds, job.indicator_sets, r.problems);
  r.peer_groups = std::make_unique<peers::PeerGroups>(ds, job.peer_groups);
  r.statistics = std::make_unique<peers::PeerStatistics>(ds, r.indicators, *r.peer_groups, job.min_k);
  return result;
}

}  // namespace povo::pipeline
