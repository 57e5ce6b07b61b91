// Internals of compile_job(), shared by its parts (compile_*.cpp); not for use elsewhere.
#pragma once

#include "job/compile.hpp"

#include <povo/config_node.hpp>

#include <string>
#include <vector>

namespace povo::job::detail {

struct CompileContext {
  const ConfigNode& root;
  const host::PluginRegistry& registry;
  const CompileOptions& options;
  Job& job;
  std::vector<Diagnostic>& problems;

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
