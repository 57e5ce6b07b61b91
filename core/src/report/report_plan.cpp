#include "report/report_plan.hpp"

#include "pipeline/data_checks.hpp"

#include <algorithm>

namespace povo::report {

std::vector<int> trend_years(const pipeline::JobResult& job, int year) {
  std::vector<int> years;
  for (int y : job.loaded.dataset.years()) {
    if (y <= year && y > year - 5) years.push_back(y);
  }
  return years;
}

namespace {

RenderedReport finish(pdf::Document& doc) {
  RenderedReport r;
  r.bytes = doc.render();
  r.pages = doc.page_count();
  r.warnings = doc.warnings();
  return r;
}

}  // namespace

std::vector<PlannedReport> plan_reports(const pipeline::JobResult& job, const RunInfo& run, const PlanOptions& options,
                                        std::vector<Diagnostic>& problems) {
  std::vector<PlannedReport> planned;
  const Dataset& ds = job.loaded.dataset;
  const job::Job& spec = job.job;
  auto selected = [&](const job::ReportSpec& r) {
    if (!options.reports.empty()) return options.reports.count(r.id) > 0;
    // --board asks for those boards' reports; sector reports only when named with --report.
    return options.boards.empty() || r.kind() == job::ReportKind::board;
  };

  // Every board asked for must be in the data and in the scope of a selected board report.
  std::set<std::string> covered;
  for (const auto& r : spec.reports) {
    if (!selected(r) || r.kind() != job::ReportKind::board) continue;
    for (EntityIndex b : pipeline::boards_of(r, ds)) covered.insert(ds.entity_code(EntityKind::board, b));
  }
  for (const auto& code : options.boards) {
    if (covered.count(code)) continue;
    Diagnostic d;
    d.location = SourceLocation{"--board " + code, 0, 0};
    if (!ds.find_entity(EntityKind::board, code)) {
      d.message = "board '" + code + "' is not in the data (" + std::to_string(ds.entity_count(EntityKind::board)) +
                  " boards loaded)";
      d.hint = "check the number; 'povo data CONFIG --table values' lists the boards";
    } else {
      d.message = "board '" + code + "' is in the data, but no selected board report covers it";
      d.hint = "check the reports' boards: filters, or select a report with --report";
    }
    problems.push_back(std::move(d));
  }

  const std::vector<int> years = trend_years(job, spec.year);
  for (const job::ReportSpec& def : spec.reports) {
    if (!selected(def)) continue;
    const std::vector<EntityIndex> scope = pipeline::boards_of(def, ds);
    if (scope.empty()) continue;  // reported by the data checks
    // Render functions run later, on worker threads: they capture by value, never locals by reference.
    const ReportContext base{job, spec.year, years, def.locale, {}, std::nullopt, std::nullopt, {}};
    if (const auto* layout = std::get_if<job::SectorLayout>(&def.layout)) {
      (void)layout;
      PlannedReport p;
      p.id = def.id;
      p.title = base.fill(def.title);
      p.file_stem = base.fill(def.file);
      p.render = [&def, &run, scope, base]() {
        ReportContext c = base;
        c.scope = scope;
        return finish(*build_report(def, c, run, OwnStory{}));
      };
      planned.push_back(std::move(p));
      continue;
    }
    const auto& layout = std::get<job::BoardLayout>(def.layout);
    for (EntityIndex b : scope) {
      const std::string& code = ds.entity_code(EntityKind::board, b);
      if (!options.boards.empty() && !options.boards.count(code)) continue;
      ReportContext probe = base;
      probe.board = b;
      PlannedReport p;
      p.id = def.id + "/" + code;
      p.title = probe.board_name(b);
      p.file_stem = probe.fill(def.file);
      const std::size_t group = layout.peer_group;
      p.render = [&def, &job, &run, &layout, b, group, base, code]() {
        ReportContext c = base;
        c.board = b;
        c.peer_def = group;
        c.membership = job.peer_groups->membership(group, b, c.year);
        if (c.membership.members && !c.membership.too_small) c.scope = *c.membership.members;
        OwnStory story = read_own_story(layout.own_story_dir, code);
        RenderedReport r = finish(*build_report(def, c, run, story));
        for (auto& w : story.warnings) r.warnings.push_back(w);
        return r;
      };
      planned.push_back(std::move(p));
    }
  }
  return planned;
}

}  // namespace povo::report
