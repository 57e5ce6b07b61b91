// Helpers shared by the duo_csv tests: temporary files, a collecting DiagnosticSink and
// YAML options read with the config loader.
#pragma once

#include <povo/config_node.hpp>
#include <povo/diagnostics.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "config/yaml_loader.hpp"
#include <vector>

namespace duo_test {

using povo::config::load_yaml_file;
using povo::config::load_yaml_string;

struct CollectingSink : povo::DiagnosticSink {
  std::vector<povo::Diagnostic> all;
  void report(povo::Diagnostic d) noexcept override { all.push_back(std::move(d)); }
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const auto& d : all) out.push_back(d.str());
    return out;
  }
  std::size_t count(povo::Severity s) const {
    std::size_t n = 0;
    for (const auto& d : all) n += d.severity == s;
    return n;
  }
};

/// A fresh folder under the build tree for one test's files.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::path(POVO_BINARY_DIR) / "duo_csv_test_files" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string write_file(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  const auto p = dir / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

}  // namespace duo_test

#include "duo_csv_source.hpp"

#include <povo/dataset.hpp>

namespace duo_test {

inline const std::string fixtures = std::string(POVO_SOURCE_DIR) + "/tests/data/duo_csv";

/// Configures and loads one duo_csv source from YAML text (the map under `options:`).
struct Loaded {
  povo::Status configured;
  povo::Status loaded;
  povo::duo_csv::LoadReport report;
};

inline Loaded load_source(const std::string& yaml, povo::Dataset& ds, CollectingSink& sink,
                          const std::string& base_dir = fixtures, bool strict = false) {
  const povo::ConfigNode root = load_yaml_string(yaml, "test.yaml");
  povo::duo_csv::DuoCsvSource source;
  povo::SourceContext ctx;
  ctx.source_id = "test";
  ctx.base_dir = base_dir;
  ctx.strict = strict;
  Loaded out;
  out.configured = source.configure(root.at("options"), ctx);
  if (!out.configured) return out;
  out.loaded = source.load(ds, sink);
  out.report = source.last_report();
  return out;
}

inline povo::Value value(const povo::Dataset& ds, const std::string& measure, povo::EntityKind kind,
                         const std::string& code, int year) {
  auto m = ds.find_measure(measure);
  auto e = ds.find_entity(kind, code);
  if (!m || !e) return povo::Value::missing(povo::Reason::not_applicable);
  return ds.get(*m, *e, year);
}

inline std::string attr(const povo::Dataset& ds, povo::EntityKind kind, const std::string& code, const std::string& name) {
  auto e = ds.find_entity(kind, code);
  if (!e) return "<no entity>";
  const std::string* a = ds.attribute(kind, *e, name);
  return a ? *a : "<none>";
}

}  // namespace duo_test
