#include "pipeline/job_pipeline.hpp"

#include "pipeline/data_checks.hpp"

#include <algorithm>

namespace povo::pipeline {

std::size_t JobResult::count(Severity severity) const {
  std::size_t n = 0;
  for (const auto* list : {&loaded.diagnostics, &problems}) {
    for (const auto& d : *list) {
      if (d.severity == severity) n += d.count;
    }
  }
  return n;
}

bool JobResult::fatal() const {
  if (loaded.failed_sources > 0) return true;
  if (job.strict && errors() > 0) return true;
  return year_without_data;
}

std::unique_ptr<JobResult> run_job(const job::Job& job) {
  auto result = std::make_unique<JobResult>(job);
  JobResult& r = *result;
  r.loaded = data::load_sources(job);
  const Dataset& ds = r.loaded.dataset;
  r.indicators = indicators::compute_indicators(ds, job, r.problems);
  r.peer_groups = std::make_unique<peers::PeerGroups>(ds, job.peer_groups);
  r.statistics = std::make_unique<peers::PeerStatistics>(ds, r.indicators, *r.peer_groups, job.output.min_group_size);
  check_data(r);
  return result;
}

}  // namespace povo::pipeline
