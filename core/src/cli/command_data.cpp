#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

#include "pipeline/job_pipeline.hpp"

#include <algorithm>
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

std::string cell(const Value& v) { return v.is_missing() ? "" : v.str(); }

bool wanted_board(const std::optional<EntityIndex>& only, const Dataset& ds, EntityKind level, EntityIndex e) {
  return !only || ds.board_of(level, e) == only;
}

void print_values(const pipeline::JobResult& r, const std::optional<EntityIndex>& board, const DataFilter& filter,
                  std::ostream& out) {
  const Dataset& ds = r.loaded.dataset;
  out << "entity_kind,entity,year,measure,value,status\n";
  for (MeasureId m = 0; m < ds.measure_count(); ++m) {
    const EntityKind level = ds.measure_level(m);
    for (int year : ds.years()) {
      if (filter.year && year != *filter.year) continue;
      for (EntityIndex e = 0; e < ds.entity_count(level); ++e) {
        if (!wanted_board(board, ds, level, e)) continue;
        Value v = ds.get(m, e, year);
        if (v == Value::missing(Reason::not_reported)) continue;
        out << entity_kind_name(level) << ',' << csv_field(ds.entity_code(level, e)) << ',' << year << ','
            << csv_field(ds.measure_name(m)) << ',' << cell(v) << ',' << status_word(v) << '\n';
      }
    }
  }
  // Indicators follow in the same shape; a missing indicator says why.
  for (std::size_t i = 0; i < r.indicators.size(); ++i) {
    for (int year : r.indicators.years()) {
      if (filter.year && year != *filter.year) continue;
      for (EntityIndex b = 0; b < ds.entity_count(EntityKind::board); ++b) {
        if (board && b != *board) continue;
        Value v = r.indicators.get(i, b, year);
        out << "board," << csv_field(ds.entity_code(EntityKind::board, b)) << ',' << year << ','
            << csv_field(r.indicators.info(i).id) << ',' << cell(v) << ',' << status_word(v) << '\n';
      }
    }
  }
}

void print_peers(const pipeline::JobResult& r, const std::optional<EntityIndex>& board, const DataFilter& filter,
                 std::ostream& out) {
  const Dataset& ds = r.loaded.dataset;
  const auto& groups = *r.peer_groups;
  // `key` is the group's column `group` in --table stats, so the two tables join.
  out << "board,year,peer_group,used_group,key,group,members,fallback,note\n";
  for (int year : ds.years()) {
    if (filter.year && year != *filter.year) continue;
    for (std::size_t d = 0; d < groups.definitions().size(); ++d) {
      for (EntityIndex b = 0; b < ds.entity_count(EntityKind::board); ++b) {
        if (board && b != *board) continue;
        auto m = groups.membership(d, b, year);
        out << csv_field(ds.entity_code(EntityKind::board, b)) << ',' << year << ',' << groups.definitions()[d].id << ','
            << groups.definitions()[m.definition].id << ',' << csv_field(m.key) << ',' << csv_field(m.label) << ','
            << (m.members ? m.members->size() : 0) << ',' << (m.fallback_used ? "yes" : "no") << ','
            << csv_field(m.note) << '\n';
      }
    }
  }
}

// The statistics the reports use, with the same disclosure rule (output.min_group_size):
// a group figure over fewer boards with a value is withheld here exactly as in the PDFs.
void print_stats(const pipeline::JobResult& r, const std::optional<EntityIndex>& board, const DataFilter& filter,
                 std::ostream& out) {
  const auto& groups = *r.peer_groups;
  out << "indicator,peer_group,group,year,n,missing,suppressed,mean,median,p10,p25,p75,p90,min,max,"
         "aggregation,group_figure,boards_used,withheld,signals_beyond\n";
  for (std::size_t i = 0; i < r.indicators.size(); ++i) {
    for (int year : r.indicators.years()) {
      if (filter.year && year != *filter.year) continue;
      for (std::size_t d = 0; d < groups.definitions().size(); ++d) {
        for (const auto& [key, members] : groups.partition(d, year)) {
          if (key.empty()) continue;
          if (board && std::find(members.begin(), members.end(), *board) == members.end()) continue;
          const auto& s = r.statistics->summary(i, members, year);
          const peers::GroupFigure f = r.statistics->figure(i, members, year);
          std::string signals;
          if (!s.withheld) {
            for (const auto& c : r.statistics->signal_counts(i, members, year)) {
              signals += (signals.empty() ? "" : ";") + std::to_string(c.n_beyond) + "/" + std::to_string(c.n_with_value);
            }
          }
          out << csv_field(r.indicators.info(i).id) << ',' << groups.definitions()[d].id << ',' << csv_field(key) << ','
              << year << ',' << s.n << ',' << s.n_missing << ',' << s.n_suppressed << ',' << cell(s.mean) << ','
              << cell(s.median) << ',' << cell(s.p10) << ',' << cell(s.p25) << ',' << cell(s.p75) << ','
              << cell(s.p90) << ',' << cell(s.min) << ',' << cell(s.max) << ',' << aggregation_name(f.how) << ','
              << cell(f.value) << ',' << f.n_used << ',' << (s.withheld ? "yes" : "no") << ',' << signals << '\n';
        }
      }
    }
  }
}

}  // namespace

int command_data(const std::string& config, const DataFilter& filter, const CommonOptions& options,
                 std::ostream& out, std::ostream& err) {
  host::PluginRegistry registry;
  if (!load_plugins(registry, options, err)) return exit_run_errors;
  std::unique_ptr<job::Job> job = compile_job(config, options, registry, false, err);
  if (!job) return exit_usage;
  std::unique_ptr<pipeline::JobResult> analysed = pipeline::run_job(*job);
  const pipeline::JobResult& result = *analysed;
  const Dataset& ds = result.loaded.dataset;

  std::optional<EntityIndex> board;
  if (filter.board) {
    board = ds.find_entity(EntityKind::board, *filter.board);
    if (!board) {
      err << "povo: error: board '" << *filter.board << "' is not in the data (" << ds.entity_count(EntityKind::board)
          << " boards loaded) (check the number; --table values lists the boards)\n";
      return exit_usage;
    }
  }
  switch (filter.table) {
    case DataTable::values: print_values(result, board, filter, out); break;
    case DataTable::peers: print_peers(result, board, filter, out); break;
    case DataTable::stats: print_stats(result, board, filter, out); break;
  }
  print_data_quality(result, err);
  err << "loaded " << ds.entity_count(EntityKind::board) << " boards, " << ds.entity_count(EntityKind::school)
      << " schools, " << ds.entity_count(EntityKind::branch) << " branches, " << ds.observation_count()
      << " observations from " << job->sources.size() << " sources; computed " << result.indicators.size()
      << " indicators\n";
  if (result.fatal() || result.errors() > 0) return exit_run_errors;
  return exit_ok;
}

}  // namespace povo::cli
