#include "report/report_plan.hpp"

#include "report/report_text.hpp"

#include <algorithm>

namespace povo::report {

std::vector<EntityIndex> boards_of(const ReportDef& def, const Dataset& ds) {
  std::vector<EntityIndex> out;
  for (EntityIndex b = 0; b < ds.entity_count(EntityKind::board); ++b) {
    bool match = true;
    for (const auto& [attribute, value] : def.boards) {
      const std::string* v = ds.attribute(EntityKind::board, b, attribute);
      match = match && v && *v == value;
    }
    if (match) out.push_back(b);
  }
  std::sort(out.begin(), out.end(), [&](EntityIndex a, EntityIndex b) {
    return ds.entity_code(EntityKind::board, a) < ds.entity_code(EntityKind::board, b);
  });
  return out;
}

std::vector<int> trend_years(const pipeline::JobResult& job, int year) {
  std::vector<int> years;
  for (int y : job.loaded.dataset.years()) {
    if (y <= year && y > year - 5) years.push_back(y);
  }
  return years;
}

std::vector<PlannedReport> plan_reports(const std::vector<ReportDef>& defs, const pipeline::JobResult& job,
                                        const RunInfo& run, const PlanOptions& options, std::vector<Diagnostic>& problems) {
  std::vector<PlannedReport> planned;
  const Dataset& ds = job.loaded.dataset;
  for (const auto& code : options.boards) {
    if (!ds.find_entity(EntityKind::board, code)) {
      Diagnostic d;
      d.message = "board '" + code + "' is not in the data";
      d.hint = "check the number; 'povo data CONFIG --table values' lists the boards";
      problems.push_back(d);
    }
  }
  const std::vector<int> years = trend_years(job, options.year);
  for (const ReportDef& def : defs) {
    for (const auto& [id, where] : referenced_indicators(def)) {
      if (!job.indicators.find(id)) {
        auto near = closest_match(id, job.indicators.ids());
        Diagnostic d;
        d.message = "report '" + def.id + "' uses indicator '" + id + "', which was not computed";
        d.location = where;
        d.hint = near ? "did you mean '" + *near + "'?" : "check indicator_sets and the data-quality messages";
        problems.push_back(d);
      }
    }
    std::optional<std::size_t> peer_def;
    if (def.kind == ReportDef::Kind::board) {
      peer_def = job.peer_groups->find(def.peer_group);
      if (!peer_def) {
        std::vector<std::string> ids;
        for (const auto& g : job.peer_groups->definitions()) ids.push_back(g.id);
        auto near = closest_match(def.peer_group, ids);
        Diagnostic d;
        d.message = "report '" + def.id + "' compares with peer group '" + def.peer_group + "', which is not defined";
        d.location = def.where;
        d.hint = near ? "did you mean '" + *near + "'?" : "add it under peer_groups:";
        problems.push_back(d);
        continue;
      }
    }
    const std::vector<EntityIndex> scope = boards_of(def, ds);
    // Render functions run later, on worker threads: they capture by value, never locals by reference.
    const ReportContext base{job, options.year, years, options.locale, {}, std::nullopt, std::nullopt, {}};
    if (def.kind == ReportDef::Kind::sector) {
      ReportContext probe = base;
      PlannedReport p;
      p.id = def.id;
      p.title = fill_title(def.title, probe);
      p.file_stem = fill_title(def.file, probe);
      p.render = [&def, &run, scope, base]() {
        ReportContext c = base;
        c.scope = scope;
        auto doc = build_report(def, c, run, OwnStory{});
        RenderedReport r;
        r.bytes = doc->render();
        r.pages = doc->page_count();
        r.warnings = doc->warnings();
        return r;
      };
      planned.push_back(std::move(p));
      continue;
    }
    for (EntityIndex b : scope) {
      const std::string& code = ds.entity_code(EntityKind::board, b);
      if (!options.boards.empty() && !options.boards.count(code)) continue;
      ReportContext probe = base;
      probe.board = b;
      PlannedReport p;
      p.id = def.id + "/" + code;
      p.title = probe.board_name(b);
      p.file_stem = fill_title(def.file, probe);
      const std::size_t group = *peer_def;
      p.render = [&def, &job, &run, b, group, base, code]() {
        ReportContext c = base;
        c.board = b;
        c.peer_def = group;
        c.membership = job.peer_groups->membership(group, b, c.year);
        if (c.membership.members && !c.membership.too_small) c.scope = *c.membership.members;
        OwnStory story = read_own_story(def.own_story_dir, code);
        auto doc = build_report(def, c, run, story);
        RenderedReport r;
        r.bytes = doc->render();
        r.pages = doc->page_count();
        r.warnings = doc->warnings();
        for (auto& w : story.warnings) r.warnings.push_back(w);
        return r;
      };
      planned.push_back(std::move(p));
    }
  }
  return planned;
}

}  // namespace povo::report
