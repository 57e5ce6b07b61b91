#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include "data/source_pipeline.hpp"

#include <ostream>

namespace povo::cli {
namespace {

// CSV fields are quoted only when they need it, so the output reads back in any tool.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

const char* status_word(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::number: return "ok";
    case Value::Kind::suppressed: return "suppressed";
    case Value::Kind::range: return "range";
    case Value::Kind::missing: break;
  }
  return reason_text(v.reason());
}

}  // namespace

int command_data(const std::string& config, const DataFilter& filter, const CommonOptions& options,
                 std::ostream& out, std::ostream& err) {
  host::PluginRegistry registry;
  if (!load_plugins(registry, options, err)) return exit_run_errors;
  std::optional<Job> job = load_job(config, options, err);
  if (!job) return exit_usage;
  std::vector<Diagnostic> problems;
  auto sources = data::configure_sources(job->root, registry, job->config_dir, job->strict, problems);
  if (!problems.empty()) {
    print_diagnostics(problems, err);
    return exit_usage;
  }
  data::LoadResult loaded = data::load_sources(sources, job->strict);
  const Dataset& ds = loaded.dataset;

  std::optional<EntityIndex> board;
  if (filter.board) {
    board = ds.find_entity(EntityKind::board, *filter.board);
    if (!board) {
      err << "error: board '" << *filter.board << "' is not in the data (" << ds.entity_count(EntityKind::board)
          << " boards loaded)\n";
      return exit_usage;
    }
  }
  out << "entity_kind,entity,year,measure,value,status\n";
  for (MeasureId m = 0; m < ds.measure_count(); ++m) {
    const EntityKind level = ds.measure_level(m);
    for (int year : ds.years()) {
      if (filter.year && year != *filter.year) continue;
      for (EntityIndex e = 0; e < ds.entity_count(level); ++e) {
        if (board && ds.board_of(level, e) != board) continue;
        Value v = ds.get(m, e, year);
        if (v == Value::missing(Reason::not_reported)) continue;
        out << entity_kind_name(level) << ',' << csv_field(ds.entity_code(level, e)) << ',' << year << ','
            << csv_field(ds.measure_name(m)) << ',' << (v.is_missing() ? "" : v.str()) << ',' << status_word(v) << '\n';
      }
    }
  }

  std::size_t errors = 0;
  for (const auto& d : loaded.diagnostics) errors += d.severity == Severity::error;
  if (!loaded.diagnostics.empty()) {
    err << "data quality: " << errors << " errors, " << loaded.diagnostics.size() - errors << " warnings\n";
    print_diagnostics(loaded.diagnostics, err);
  }
  err << "loaded " << ds.entity_count(EntityKind::board) << " boards, " << ds.entity_count(EntityKind::school)
      << " schools, " << ds.entity_count(EntityKind::branch) << " branches, " << ds.observation_count()
      << " observations from " << sources.size() << " sources\n";
  if (loaded.failed_sources > 0 || (job->strict && errors > 0)) return exit_run_errors;
  return exit_ok;
}

}  // namespace povo::cli
