#include "pipeline/data_checks.hpp"

#include "job/own_story_files.hpp"
#include "pipeline/job_pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace povo::pipeline {

std::vector<EntityIndex> boards_of(const job::ReportSpec& report, const Dataset& ds) {
  std::vector<EntityIndex> out;
  for (EntityIndex b = 0; b < ds.entity_count(EntityKind::board); ++b) {
    bool match = true;
    for (const auto& f : report.boards) {
      const std::string* v = ds.attribute(EntityKind::board, b, f.attribute);
      match = match && v && *v == f.value;
    }
    if (match) out.push_back(b);
  }
  std::sort(out.begin(), out.end(), [&](EntityIndex a, EntityIndex b) {
    return ds.entity_code(EntityKind::board, a) < ds.entity_code(EntityKind::board, b);
  });
  return out;
}

namespace {

std::string percent(std::size_t part, std::size_t whole) {
  return std::to_string(whole ? (100 * part + whole / 2) / whole : 0) + "%";
}

struct Checks {
  JobResult& r;
  const job::Job& job = r.job;
  const Dataset& ds = r.loaded.dataset;

  void add(Severity severity, std::string message, SourceLocation where, std::string hint = {}) {
    Diagnostic d;
    d.severity = severity == Severity::warning && job.strict ? Severity::error : severity;
    d.message = std::move(message);
    d.location = std::move(where);
    d.hint = std::move(hint);
    r.problems.push_back(std::move(d));
  }

  bool year() {
    const std::vector<int> years = ds.years();
    if (std::find(years.begin(), years.end(), job.year) != years.end()) return true;
    if (job.reports.empty() && job.year == 0) return true;
    std::string have = years.empty() ? std::string("no year at all")
                                     : std::to_string(years.front()) + (years.size() > 1 ? "\u2013" + std::to_string(years.back()) : "");
    r.year_without_data = true;
    add(Severity::error, "the report year has no data: the sources hold no observation for " + std::to_string(job.year) +
                             " (they hold " + have + ")",
        job.year_where, years.empty() ? "check the sources' messages" : "set year to one the data covers, e.g. --set year=" +
                                                                            std::to_string(years.back()));
    return false;
  }

  std::vector<std::string> values_in_data(const std::string& attribute) {
    std::set<std::string> values;
    for (EntityIndex b = 0; b < ds.entity_count(EntityKind::board) && values.size() < 12; ++b) {
      if (const std::string* v = ds.attribute(EntityKind::board, b, attribute); v && !v->empty()) values.insert(*v);
    }
    return {values.begin(), values.end()};
  }

  void report_scope(const job::ReportSpec& rep, const std::vector<EntityIndex>& scope) {
    if (!scope.empty()) return;
    std::string hint;
    for (const auto& f : rep.boards) {
      auto values = values_in_data(f.attribute);
      std::string all;
      for (const auto& v : values) all += (all.empty() ? "" : ", ") + v;
      hint += (hint.empty() ? "" : "; ") + f.attribute + " in the data: " + (all.empty() ? "none" : all);
    }
    add(Severity::error, "report '" + rep.id + "' covers no boards: no board in the data matches its board filter",
        rep.boards.empty() ? rep.where : rep.boards.front().where, hint.empty() ? "the data has no boards" : hint);
  }

  // Boards whose branches disagree on an attribute a report groups or breaks down by.
  void attribute_conflicts(const std::string& attribute, const std::vector<EntityIndex>& scope, const std::string& what,
                           const SourceLocation& where) {
    auto it = r.loaded.attribute_conflicts.find(attribute);
    if (it == r.loaded.attribute_conflicts.end()) return;
    std::set<EntityIndex> in_scope(scope.begin(), scope.end());
    std::size_t n = 0;
    std::string examples;
    for (const auto& [board, detail] : it->second) {
      if (!in_scope.count(board)) continue;
      if (++n <= 3) examples += (examples.empty() ? "" : "; ") + ds.entity_code(EntityKind::board, board) + ": " + detail;
    }
    if (n == 0) return;
    Diagnostic d;
    d.severity = job.strict ? Severity::error : Severity::warning;
    d.message = what + ": " + std::to_string(n) + (n == 1 ? " board has" : " boards have") + " branches with different '" +
                attribute + "' values; each is placed by the value most of its branches have (" + examples +
                (n > 3 ? "; ..." : "") + ")";
    d.location = where;
    d.hint = "set '" + attribute + "' on the boards themselves in a source to decide otherwise";
    d.count = n;
    r.problems.push_back(std::move(d));
  }

  void attribute_coverage(const std::string& attribute, const std::vector<EntityIndex>& scope, const std::string& what,
                          const SourceLocation& where) {
    attribute_conflicts(attribute, scope, what, where);
    std::size_t unknown = 0;
    for (EntityIndex b : scope) {
      const std::string* v = ds.attribute(EntityKind::board, b, attribute);
      if (!v || v->empty()) ++unknown;
    }
    if (scope.empty() || unknown * 2 <= scope.size()) return;
    add(Severity::warning, what + ": attribute '" + attribute + "' is unknown for " + std::to_string(unknown) + " of " +
                               std::to_string(scope.size()) + " boards (" + percent(unknown, scope.size()) + ")",
        where, "those boards are grouped as unknown; check which source sets '" + attribute + "'");
  }

  void peer_group(std::size_t g, const std::vector<EntityIndex>& scope, const std::string& report_id) {
    const job::PeerGroupDef& d = job.peer_groups[g];
    if (!d.boards.empty()) {
      std::vector<std::string> absent;
      for (const auto& code : d.boards) {
        if (!ds.find_entity(EntityKind::board, code)) absent.push_back(code);
      }
      if (absent.size() == d.boards.size()) {
        add(Severity::error, "peer group '" + d.id + "': none of its " + std::to_string(d.boards.size()) +
                                 " boards is in the data", d.boards_where, "check the board numbers");
      } else if (!absent.empty()) {
        std::string list;
        for (std::size_t i = 0; i < absent.size() && i < 5; ++i) list += (i ? ", " : "") + absent[i];
        add(Severity::warning, "peer group '" + d.id + "': " + std::to_string(absent.size()) + " of its boards are not in the data (" +
                                   list + (absent.size() > 5 ? ", ..." : "") + ")",
            d.boards_where, "the group has " + std::to_string(d.boards.size() - absent.size()) + " boards");
      }
      return;
    }
    const auto& partition = r.peer_groups->partition(g, job.year);
    std::set<EntityIndex> unplaced;
    if (auto it = partition.find(""); it != partition.end()) unplaced.insert(it->second.begin(), it->second.end());
    std::size_t out_of_scope = 0;
    for (EntityIndex b : scope) out_of_scope += unplaced.count(b);
    if (scope.empty()) return;
    std::string why;
    for (const auto& a : d.by) why += (why.empty() ? "" : ", ") + a;
    if (d.size) why += (why.empty() ? "" : ", ") + std::string("size measure ") + d.size->measure;
    if (out_of_scope == scope.size()) {
      add(Severity::error, "peer group '" + d.id + "' places none of the " + std::to_string(scope.size()) + " boards of report '" +
                               report_id + "' in " + std::to_string(job.year) + " (" + why + " unknown for all of them)",
          d.by_where, "every board of the report would be compared with nobody; check the attributes and the size measure");
    } else if (out_of_scope * 2 > scope.size()) {
      add(Severity::warning, "peer group '" + d.id + "' cannot place " + std::to_string(out_of_scope) + " of the " +
                                 std::to_string(scope.size()) + " boards of report '" + report_id + "' in " +
                                 std::to_string(job.year) + " (" + why + " unknown)",
          d.by_where, "those boards use the fallback group, or get no comparison");
    }
  }

  void indicator_coverage(const job::ReportSpec& rep, const std::vector<EntityIndex>& scope) {
    if (scope.empty()) return;
    for (const auto& ref : rep.indicators()) {
      // Group figures rest on the boards with an exact value: count the others, apart from
      // boards the indicator does not apply to (a board without vwo has no vwo pass rate).
      std::size_t applies = 0, missing = 0, ranges = 0;
      for (EntityIndex b : scope) {
        const Value v = r.indicators.get(ref.index, b, job.year);
        if (v.is_missing() && v.reason() == Reason::not_applicable) continue;
        ++applies;
        if (v.is_missing()) ++missing;
        else if (!v.is_number()) ++ranges;
      }
      const std::size_t inexact = missing + ranges;
      if (inexact == 0 || static_cast<double>(inexact) <= job.output.max_missing_share * static_cast<double>(applies)) continue;
      std::string detail;
      if (missing && ranges) {
        detail = ": " + std::to_string(missing) + " without a value, " + std::to_string(ranges) + " only as a range from '<5' counts";
      } else if (ranges) {
        detail = ", known only as a range from '<5' counts";
      }
      add(Severity::warning, "indicator '" + ref.id + "' has no exact value for " + std::to_string(inexact) + " of the " +
                                 std::to_string(applies) + " boards of report '" + rep.id + "' in " +
                                 std::to_string(job.year) + " (" + percent(inexact, applies) + detail + ")",
          ref.where, "its group figures rest on the other boards, and the report says over how many");
    }
  }

  void stories(const std::map<std::string, std::set<std::string>>& covered_by_dir) {
    for (const auto& [dir, boards] : covered_by_dir) {
      std::error_code ec;
      std::vector<std::string> orphans;
      for (const auto& e : fs::directory_iterator(dir, ec)) {
        auto board = job::story_board(e.path().filename().string());
        if (board && !boards.count(*board)) orphans.push_back(e.path().string());
      }
      std::sort(orphans.begin(), orphans.end());
      for (const auto& file : orphans) {
        add(Severity::warning, "this own story is not shown: no report with own_story_dir '" + dir +
                                   "' covers board " + fs::path(file).stem().string(),
            SourceLocation{file, 0, 0}, "check the board number in the file name");
      }
    }
  }

  void run() {
    if (!year()) return;
    std::map<std::string, std::set<std::string>> story_boards;
    std::set<std::pair<std::size_t, std::string>> groups_checked;
    for (const auto& rep : job.reports) {
      const std::vector<EntityIndex> scope = boards_of(rep, ds);
      report_scope(rep, scope);
      if (const auto* board = std::get_if<job::BoardLayout>(&rep.layout)) {
        if (groups_checked.insert({board->peer_group, rep.id}).second) peer_group(board->peer_group, scope, rep.id);
        for (const auto& a : job.peer_groups[board->peer_group].by) {
          attribute_coverage(a, scope, "peer group '" + job.peer_groups[board->peer_group].id + "' in report '" + rep.id + "'",
                             job.peer_groups[board->peer_group].by_where);
        }
        if (!board->own_story_dir.empty()) {
          auto& set = story_boards[board->own_story_dir];
          for (EntityIndex b : scope) set.insert(ds.entity_code(EntityKind::board, b));
        }
      } else {
        for (const auto& ch : std::get<job::SectorLayout>(rep.layout).chapters) {
          for (const auto& b : ch.blocks) {
            if (const auto* breakdown = std::get_if<job::BreakdownBlock>(&b.block)) {
              attribute_coverage(breakdown->by, scope, "breakdown in report '" + rep.id + "'", b.where);
            }
          }
        }
      }
      for (const auto& f : rep.boards) attribute_conflicts(f.attribute, scope, "report '" + rep.id + "'", f.where);
      indicator_coverage(rep, scope);
    }
    stories(story_boards);
  }
};

}  // namespace

void check_data(JobResult& r) { Checks{r}.run(); }


}  // namespace povo::pipeline
