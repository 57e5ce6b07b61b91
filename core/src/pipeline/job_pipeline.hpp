// The analysis half of a run, shared by `povo data`, `povo run` and the reports:
// sources -> dataset -> indicators -> peer groups -> statistics.
#pragma once

#include "data/source_pipeline.hpp"
#include "indicators/indicator_engine.hpp"
#include "peers/peer_statistics.hpp"

#include <memory>

namespace povo::pipeline {

/// Not movable: the peer groups and statistics refer into the dataset and indicators.
struct JobResult {
  JobResult() = default;
  JobResult(const JobResult&) = delete;
  JobResult& operator=(const JobResult&) = delete;
  data::LoadResult loaded;  ///< the dataset and data-quality messages
  indicators::IndicatorTable indicators;
  std::unique_ptr<peers::PeerGroups> peer_groups;
  std::unique_ptr<peers::PeerStatistics> statistics;
  std::vector<Diagnostic> problems;  ///< indicator and peer-group problems (data problems are in `loaded`)
  std::size_t errors() const;        ///< errors among all messages
};

/// Everything the configuration needs, created and checked without reading data.
struct PreparedJob {
  std::vector<data::ConfiguredSource> sources;
  std::vector<indicators::ConfiguredSet> indicator_sets;
  std::vector<peers::PeerGroupDef> peer_groups;
  std::size_t min_k = 5;
};

/// Configures sources, indicator sets, signal values and peer groups. Problems are
/// located diagnostics; the job is runnable only when `problems` stays empty.
PreparedJob prepare_job(const ConfigNode& root, const host::PluginRegistry& registry, const std::string& config_dir,
                        bool strict, std::vector<Diagnostic>& problems);

/// Loads, computes and compares. Never throws for bad data: problems are collected.
std::unique_ptr<JobResult> run_job(PreparedJob& job, bool strict);

}  // namespace povo::pipeline
