// The analysis half of a run, shared by `povo validate --data`, `povo data`, `povo run`
// and the reports: compiled job -> sources -> dataset -> indicators -> peer groups ->
// statistics, followed by the checks that need the data (pipeline/data_checks.hpp).
#pragma once

#include "data/source_pipeline.hpp"
#include "indicators/indicator_engine.hpp"
#include "job/job.hpp"
#include "peers/peer_statistics.hpp"

#include <memory>

namespace povo::pipeline {

/// Not movable: the peer groups and statistics refer into the dataset, the indicators
/// and the job, which must outlive it.
struct JobResult {
  explicit JobResult(const job::Job& j) : job(j) {}
  JobResult(const JobResult&) = delete;
  JobResult& operator=(const JobResult&) = delete;
  const job::Job& job;
  data::LoadResult loaded;  ///< the dataset and data-quality messages
  indicators::IndicatorTable indicators;
  std::unique_ptr<peers::PeerGroups> peer_groups;
  std::unique_ptr<peers::PeerStatistics> statistics;
  std::vector<Diagnostic> problems;  ///< indicator, peer-group and coverage problems (data problems are in `loaded`)
  bool year_without_data = false;    ///< no source holds any observation for the report year

  /// Problems of a severity among all messages, counting what each stands for
  /// (Diagnostic::count), so "83,020 errors" is 83,020 and not the 20 lines shown.
  std::size_t count(Severity severity) const;
  std::size_t errors() const { return count(Severity::error); }
  std::size_t warnings() const { return count(Severity::warning); }
  /// Whether anything stops the reports from being made: a source that failed, the report
  /// year without any data, or (strict) any error.
  bool fatal() const;
};

/// Loads, computes and compares, then runs the data checks. Never throws for bad data:
/// problems are collected.
std::unique_ptr<JobResult> run_job(const job::Job& job);

}  // namespace povo::pipeline
