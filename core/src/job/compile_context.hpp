// Internals of compile_job(), shared by its parts (compile_*.cpp); not for use elsewhere.
#pragma once

#include "job/compile.hpp"

#include <povo/config_node.hpp>

#include <set>
#include <string>
#include <vector>

namespace povo::job::detail {

struct CompileContext {
  CompileContext(const ConfigNode& r, const host::PluginRegistry& reg, const CompileOptions& o, Job& j,
                 std::vector<Diagnostic>& p)
      : root(r), registry(reg), options(o), job(j), problems(p) {}

  const ConfigNode& root;
  const host::PluginRegistry& registry;
  const CompileOptions& options;
  Job& job;
  std::vector<Diagnostic>& problems;

  // What earlier parts could not compile, so later parts do not repeat it as a cascade of
  // "unknown ..." messages (one mistake, one message).
  bool sources_failed = false;         ///< a source has problems: the declared names are incomplete
  bool indicator_sets_failed = false;  ///< an indicator set has problems: the indicator ids are incomplete
  std::set<std::string> failed_indicators;   ///< ids of indicators refused or with problems
  std::set<std::string> failed_peer_groups;  ///< ids of peer groups with problems

  /// Whether names checked against the sources' declarations can be reported as unknown.
  bool names_checkable() const { return !sources_failed; }
  /// Whether an unknown indicator id is news (not a consequence of an earlier problem).
  bool report_unknown_indicator(const std::string& id) const {
    return !indicator_sets_failed && !sources_failed && !failed_indicators.count(id);
  }

  void error(const ConfigNode& at, std::string message, std::string hint = {}) {
    Diagnostic d = at.error(std::move(message), std::move(hint)).diagnostic();
    problems.push_back(std::move(d));
  }
  void warning(const ConfigNode& at, std::string message, std::string hint = {}) {
    Diagnostic d = at.error(std::move(message), std::move(hint)).diagnostic();
    d.severity = job.strict ? Severity::error : Severity::warning;
    problems.push_back(std::move(d));
  }
  void add(Diagnostic d) { problems.push_back(std::move(d)); }
};

/// "did you mean 'x'?" or the fallback.
std::string suggest(const std::string& word, const std::vector<std::string>& candidates, const std::string& otherwise);

void compile_sources(CompileContext& c);
void compile_indicators(CompileContext& c);
void compile_peer_groups(CompileContext& c);
void compile_reports(CompileContext& c);
void compile_output(CompileContext& c);

}  // namespace povo::job::detail
