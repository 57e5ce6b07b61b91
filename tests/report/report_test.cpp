// End-to-end: the demo job analysed and its reports rendered, checked with real tools.
#include "demo/demo_data.hpp"
#include "format/format.hpp"
#include "job/compile.hpp"
#include "pipeline/data_checks.hpp"
#include "plugin_host/plugin_registry.hpp"
#include "report/report_plan.hpp"

#include "../config/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;
using namespace povo;

namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

// The demo job in a temporary copy of the repository layout: configs/demo and out/demo-data.
struct DemoJob {
  TempDir dir;
  host::PluginRegistry registry;
  std::unique_ptr<job::Job> job;
  std::unique_ptr<pipeline::JobResult> result;
  report::RunInfo info;
  std::vector<Diagnostic> problems;

  DemoJob() {
    fs::create_directories(dir.path() / "configs");
    fs::copy(fs::path(POVO_SOURCE_DIR) / "configs/demo", dir.path() / "configs/demo", fs::copy_options::recursive);
    demo::DemoOptions o;
    o.out_dir = (dir.path() / "out/demo-data").string();
    demo::generate_demo_data(o);
    registry.discover({POVO_BINARY_DIR "/lib/povo/plugins"});
  }
  void analyse() {
    const std::string path = (dir.path() / "configs/demo/job.yaml").string();
    job::Compiled compiled = job::load_job(path, {}, registry, job::CompileOptions{});
    problems = compiled.diagnostics;
    ASSERT_TRUE(compiled.job) << (problems.empty() ? "" : problems.front().str());
    job = std::move(compiled.job);
    result = pipeline::run_job(*job);
    info.job_title = "Demo";
    info.date = format::Date{2026, 11, 23};
    info.watermark = "Fictieve gegevens";
    info.povo_version = "test";
    info.config_hash = "0123";
    info.font_dir = POVO_SOURCE_DIR "/fonts";
  }
  std::vector<report::PlannedReport> plan(std::set<std::string> boards = {}, std::set<std::string> reports = {}) {
    report::PlanOptions po;
    po.boards = std::move(boards);
    po.reports = std::move(reports);
    return report::plan_reports(*result, info, po, problems);
  }
  std::string write(const report::PlannedReport& p, const std::string& name) {
    auto r = p.render();
    const std::string path = (dir.path() / name).string();
    FILE* f = std::fopen(path.c_str(), "wb");
    std::fwrite(r.bytes.data(), 1, r.bytes.size(), f);
    std::fclose(f);
    // POVO_REPORT_TEST_KEEP=DIR keeps a copy of every PDF, for looking at the pages.
    if (const char* keep = std::getenv("POVO_REPORT_TEST_KEEP")) {
      fs::copy_file(path, fs::path(keep) / name, fs::copy_options::overwrite_existing);
    }
    return path;
  }
};

DemoJob& shared_demo() {
  // Made once per test process, removed (with its temporary folder) at exit.
  static const std::unique_ptr<DemoJob> job = [] {
    auto j = std::make_unique<DemoJob>();
    j->analyse();
    return j;
  }();
  return *job;
}

}  // namespace

TEST(Reports, DemoJobIsCleanAndPlansEveryReport) {
  DemoJob& d = shared_demo();
  ASSERT_TRUE(d.problems.empty()) << d.problems.front().str();
  EXPECT_EQ(d.result->errors(), 0u);
  EXPECT_FALSE(d.result->fatal());
  auto planned = d.plan();
  // Three sector reports plus one report per po and vo board.
  EXPECT_EQ(planned.size(), 3u + d.result->loaded.dataset.entity_count(EntityKind::board));
  EXPECT_EQ(planned[0].id, "sector_po");
}

TEST(Reports, BoardReportShowsTheBoardAndTheSameValuesAsPovoData) {
  DemoJob& d = shared_demo();
  const Dataset& ds = d.result->loaded.dataset;
  const std::string code = "25244";  // has an own story in configs/demo/verhalen
  // --board makes that board's reports only.
  auto planned = d.plan({code});
  ASSERT_EQ(planned.size(), 1u);
  const auto& board_report = planned[0];
  EXPECT_EQ(board_report.id, "bestuur_po/" + code);
  const std::string pdf = d.write(board_report, "board.pdf");
  EXPECT_NE(run("qpdf --check " + pdf).find("No syntax or stream encoding errors"), std::string::npos);
  const std::string text = run("pdftotext -layout " + pdf + " -");
  auto b = *ds.find_entity(EntityKind::board, code);
  EXPECT_NE(text.find(*ds.attribute(EntityKind::board, b, "name")), std::string::npos);
  EXPECT_NE(text.find("Bestuursnummer " + code), std::string::npos);
  // The same solvabiliteit 2 that `povo data` prints, in Dutch format.
  auto solv = *d.result->indicators.find("solvabiliteit_2");
  Value v = d.result->indicators.get(solv, b, 2024);
  ASSERT_TRUE(v.is_number());
  EXPECT_NE(text.find(format::format_decimal(v.number(), 2)), std::string::npos) << format::format_decimal(v.number(), 2);
  auto pupils = *d.result->indicators.find("aantal_leerlingen");
  Value n = d.result->indicators.get(pupils, b, 2024);
  ASSERT_TRUE(n.is_number());
  EXPECT_NE(text.find(format::format_integer(n.number())), std::string::npos);
  // The own story is there, with its list.
  EXPECT_NE(text.find("Toelichting van het bestuur"), std::string::npos);
  EXPECT_NE(text.find("renovatie en verduurzaming"), std::string::npos);
  EXPECT_NE(text.find("Verantwoording"), std::string::npos);
}

TEST(Reports, BoardWithoutOwnStoryHasNoEmptySection) {
  DemoJob& d = shared_demo();
  auto planned = d.plan({"71791"});
  ASSERT_EQ(planned.size(), 1u);
  const std::string text = run("pdftotext " + d.write(planned[0], "other.pdf") + " -");
  EXPECT_EQ(text.find("Toelichting van het bestuur"), std::string::npos);
}

TEST(Reports, SectorReportTellsTheSectorStory) {
  DemoJob& d = shared_demo();
  auto planned = d.plan({}, {"sector_po"});
  ASSERT_EQ(planned.size(), 1u);
  const std::string pdf = d.write(planned[0], "sector.pdf");
  EXPECT_NE(run("qpdf --check " + pdf).find("No syntax or stream encoding errors"), std::string::npos);
  const std::string text = run("pdftotext " + pdf + " -");
  const Dataset& ds = d.result->loaded.dataset;
  std::size_t po = 0;
  for (EntityIndex b = 0; b < ds.entity_count(EntityKind::board); ++b) {
    po += *ds.attribute(EntityKind::board, b, "sector") == "po";
  }
  EXPECT_NE(text.find("telde het primair onderwijs " + std::to_string(po) + " besturen"), std::string::npos);
  EXPECT_NE(text.find("Besturen voorbij de signaleringswaarden"), std::string::npos);
  EXPECT_NE(text.find("op koers"), std::string::npos);
  // Every font embedded: the "emb" column (the 4th from the right) says yes on every line.
  const std::string fonts = run("pdffonts " + pdf + " | tail -n +3 | awk '{print $(NF-4)}' | sort -u");
  EXPECT_EQ(fonts, "yes\n") << run("pdffonts " + pdf);
}

TEST(Reports, RendersAreByteIdentical) {
  DemoJob& d = shared_demo();
  auto planned = d.plan({"25244"}, {"bestuur_po", "sector_vo"});
  ASSERT_EQ(planned.size(), 2u);
  EXPECT_EQ(planned[0].render().bytes, planned[0].render().bytes);
  EXPECT_EQ(planned[1].render().bytes, planned[1].render().bytes);
}

// Issue 4: povo's sector aggregates (ratio of sums over the boards) on the demo data
// land within 15% of the published 2021 sector figures (domain-research.md §2.3).
TEST(Reports, DemoSectorAggregatesMatchPublished2021Figures) {
  DemoJob& d = shared_demo();
  const Dataset& ds = d.result->loaded.dataset;
  struct Expected {
    const char* sector;
    const char* indicator;
    double published;
  };
  const Expected expected[] = {{"po", "solvabiliteit_2", 0.73}, {"po", "liquiditeit", 2.7},
                               {"vo", "solvabiliteit_2", 0.63}, {"vo", "liquiditeit", 2.2}};
  for (const auto& e : expected) {
    std::vector<EntityIndex> boards;
    for (EntityIndex b = 0; b < ds.entity_count(EntityKind::board); ++b) {
      if (*ds.attribute(EntityKind::board, b, "sector") == e.sector) boards.push_back(b);
    }
    auto i = *d.result->indicators.find(e.indicator);
    auto agg = d.result->statistics->aggregate(i, boards, 2021);
    ASSERT_TRUE(agg.has_value());
    EXPECT_EQ(agg->n_used, boards.size());
    EXPECT_NEAR(agg->value.number(), e.published, 0.15 * e.published) << e.sector << " " << e.indicator;
  }
  // personeelslasten / totale baten (po) = 0.79: summed straight from the measures.
  auto pl = *ds.find_measure("personeelslasten");
  auto tb = *ds.find_measure("totale_baten");
  double sum_pl = 0, sum_tb = 0;
  for (EntityIndex b = 0; b < ds.entity_count(EntityKind::board); ++b) {
    if (*ds.attribute(EntityKind::board, b, "sector") != "po") continue;
    sum_pl += ds.get(pl, b, 2021).number();
    sum_tb += ds.get(tb, b, 2021).number();
  }
  EXPECT_NEAR(sum_pl / sum_tb, 0.79, 0.15 * 0.79);
}

// Issue 11: a sector figure is formed as the indicator declares. "Baten per leerling" is a
// ratio: the sector's figure is total income over total pupils, from the demo's own totals
// file (demo-totals.csv, written by the generator, independent of povo's arithmetic), and
// never the sum of the boards' ratios that earlier versions printed.
TEST(Reports, BatenPerLeerlingForTheSectorIsTheRatioOfSums) {
  DemoJob& d = shared_demo();
  std::map<std::string, double> totals;  // "po 2024 totale_baten" -> value
  std::ifstream in(d.dir.path() / "out/demo-data/demo-totals.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string sector, year, measure, value;
    std::getline(row, sector, ',');
    std::getline(row, year, ',');
    std::getline(row, measure, ',');
    std::getline(row, value, ',');
    totals[sector + " " + year + " " + measure] = std::stod(value);
  }
  const std::size_t i = *d.result->indicators.find("baten_per_leerling");
  EXPECT_EQ(d.result->indicators.def(i).aggregation(), Aggregation::ratio_of_sums);
  const Dataset& ds = d.result->loaded.dataset;
  for (const char* sector : {"po", "vo"}) {
    const double expected = totals[std::string(sector) + " 2024 totale_baten"] / totals[std::string(sector) + " 2024 leerlingen"];
    ASSERT_GT(expected, 1000) << sector;
    const job::ReportSpec& report = *d.job->find_report(std::string("sector_") + sector);
    const auto scope = pipeline::boards_of(report, ds);
    const peers::GroupFigure f = d.result->statistics->figure(i, scope, 2024);
    ASSERT_TRUE(f.value.is_number()) << sector;
    EXPECT_NEAR(f.value.number(), expected, 1e-6 * expected) << sector;
    EXPECT_EQ(f.n_used, scope.size()) << sector;
    // And the sector report prints it so, in the Kerncijfers table.
    const std::string text = run("pdftotext -layout " + d.write(d.plan({}, {report.id})[0], std::string("bpl-") + sector + ".pdf") + " -");
    // The renderer draws the no-break space after '€' as a space; pdftotext gives it back so.
    std::string printed = format::format_euro(expected, 0, format::Locale::nl);
    printed.replace(printed.find("\xC2\xA0"), 2, " ");
    EXPECT_NE(text.find("Baten per leerling (sector als geheel)"), std::string::npos) << sector;
    EXPECT_NE(text.find(printed), std::string::npos) << sector << ": " << printed;
  }
}
