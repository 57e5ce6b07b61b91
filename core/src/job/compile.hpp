// Configuration -> compiled job. One call reads nothing but the configuration (and, for
// own_story_dir, the story files' headings): plugins are created and configured, every
// name, text and reference is checked, every path resolved. The result is either a Job
// that every command uses as is, or located problems.
#pragma once

#include "job/job.hpp"
#include "plugin_host/plugin_registry.hpp"

#include <povo/config_node.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace povo::job {

struct CompileOptions {
  bool strict = false;                           ///< --strict (the job's `strict:` also counts)
  std::optional<std::string> source_date_epoch;  ///< the environment's SOURCE_DATE_EPOCH, if set
  bool need_date = true;                         ///< false for commands that render nothing (povo data)
};

struct Compiled {
  std::unique_ptr<Job> job;              ///< null when there were errors
  std::vector<Diagnostic> diagnostics;   ///< errors and warnings, in the order found
  std::size_t errors() const;
  std::size_t warnings() const;
};

/// Compiles an effective configuration (includes resolved, --set applied). `config_path`
/// is the job file as given, for messages and the manifest.
Compiled compile_job(const ConfigNode& root, const std::string& config_path, const host::PluginRegistry& registry,
                     const CompileOptions& options);

/// Compiles `peer_groups:` of `root` alone, against what `declared` says the sources
/// provide (for tests and tools that need groups without a whole job).
std::vector<PeerGroupDef> compile_peer_groups(const ConfigNode& root, const DeclaredData& declared,
                                              std::vector<Diagnostic>& problems);

/// Reads `config_path`, applies `overrides` (--set), and compiles.
Compiled load_job(const std::string& config_path, const std::vector<std::string>& overrides,
                  const host::PluginRegistry& registry, const CompileOptions& options);

}  // namespace povo::job
