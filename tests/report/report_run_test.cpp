// `povo run` end to end on the demo job: configuration-only changes reach the PDFs,
// and one board's broken data fails that board alone.
#include "../cli/run_povo.hpp"
#include "../config/temp_dir.hpp"
#include "format/format.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

namespace fs = std::filesystem;

namespace {

// A copy of the demo job (configs/demo) beside freshly generated demo data (out/demo-data).
class DemoRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    fs::create_directories(dir_->path() / "configs");
    fs::copy(fs::path(POVO_SOURCE_DIR) / "configs/demo", dir_->path() / "configs/demo", fs::copy_options::recursive);
    auto r = run_povo("demo-data --out " + (dir_->path() / "out/demo-data").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string job() { return (dir_->path() / "configs/demo/job.yaml").string(); }
  static std::string out(const std::string& name) { return (dir_->path() / name).string(); }
  static std::string text(const std::string& pdf) {
    std::string cmd = "pdftotext " + pdf + " -";
    std::string result;
    FILE* p = popen(cmd.c_str(), "r");
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) result.append(buf, n);
    pclose(p);
    return result;
  }
  static PovoResult run(const std::string& out_dir, const std::string& extra) {
    return run_povo("run " + job() + " --report sector_po --report sector_vo --report bestuur_po --board 25244 --out " +
                        out(out_dir) + " " + extra,
                    "POVO_PLUGIN_PATH= SOURCE_DATE_EPOCH=");
  }
  static TempDir* dir_;
};
TempDir* DemoRun::dir_ = nullptr;

const char* board_pdf = "bestuur-25244-vereniging-gereformeerd-onderwijs-ideeenrijk-2024.pdf";

}  // namespace

TEST_F(DemoRun, BaselineAndTheYearFromTheCommandLine) {
  auto base = run("base", "");
  ASSERT_EQ(base.exit_code, 0) << base.err;
  EXPECT_TRUE(fs::exists(out("base/sectorrapportage-po-2024.pdf")));
  EXPECT_NE(text(out("base/") + board_pdf).find("Benchmarkrapport 2024"), std::string::npos);

  auto y2023 = run("y2023", "--set year=2023");
  ASSERT_EQ(y2023.exit_code, 0) << y2023.err;
  EXPECT_TRUE(fs::exists(out("y2023/sectorrapportage-po-2023.pdf")));
  // The board files carry the year, so a rerun for another year does not overwrite.
  const std::string board = text(out("y2023/bestuur-25244-vereniging-gereformeerd-onderwijs-ideeenrijk-2023.pdf"));
  EXPECT_NE(board.find("Benchmarkrapport 2023"), std::string::npos);
  EXPECT_NE(board.find("in 2023"), std::string::npos);
}

TEST_F(DemoRun, SignalValuePeerGroupAndTextComeFromYaml) {
  auto r = run("changed",
               "--set 'signal_values.solvabiliteit_2=[{op: \"<\", threshold: 0.9, label: strenger}]' "
               "--set 'peer_groups[0].size.bounds=[100000]' --set 'peer_groups[0].size.labels=[alle maten, reus]' "
               "--set 'reports[0].chapters[0].blocks[2].text=Een zin uit de configuratie over {count(boards)} besturen.'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string sector = text(out("changed/sectorrapportage-po-2024.pdf"));
  EXPECT_NE(sector.find("< 0,90"), std::string::npos);
  EXPECT_NE(sector.find("Een zin uit de configuratie over 887 besturen."), std::string::npos);
  const std::string board = text(out("changed/") + board_pdf);
  EXPECT_NE(board.find("(po,alle maten)"), std::string::npos);
}

// A board's own text saved as Windows-1252 instead of UTF-8 is found when the job is
// compiled, before any data is read or any report is made: validate and run say where.
TEST_F(DemoRun, BrokenOwnStoryIsFoundBeforeAnythingRuns) {
  std::ofstream(dir_->path() / "configs/demo/verhalen/71791.md", std::ios::binary) << "# financien\nCaf\xe9 De Linde\n";
  auto v = run_povo("validate " + job());
  auto r = run_povo("run " + job() + " --board 25244 --board 71791 --out " + out("broken"));
  fs::remove(dir_->path() / "configs/demo/verhalen/71791.md");
  for (const auto* result : {&v, &r}) {
    EXPECT_EQ(result->exit_code, 2);
    EXPECT_NE(result->err.find("71791.md:2:4: error: the board's own text is not valid UTF-8 (save the file as UTF-8"),
              std::string::npos)
        << result->err;
  }
  EXPECT_FALSE(fs::exists(out("broken")));
}

TEST_F(DemoRun, DryRunWritesNothing) {
  auto r = run("dry", "--dry-run");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(out("dry/manifest.json")));
  EXPECT_NE((r.out + r.err).find(board_pdf), std::string::npos);
}

TEST_F(DemoRun, TwoRunsGiveByteIdenticalPdfsAndManifests) {
  ASSERT_EQ(run("same1", "").exit_code, 0);
  ASSERT_EQ(run("same2", "").exit_code, 0);
  EXPECT_EQ(slurp(out("same1/manifest.json")), slurp(out("same2/manifest.json")));
  EXPECT_EQ(slurp(out("same1/") + board_pdf), slurp(out("same2/") + board_pdf));
}

// --resume reuses a report only when everything it was made from is unchanged: here a
// data file changes between two runs, and the report is made again.
TEST_F(DemoRun, ResumeMakesReportsAgainWhenADataFileChanged) {
  // Its own copy of the data, so the change does not reach the other tests.
  const fs::path data = dir_->path() / "resume-data";
  fs::copy(dir_->path() / "out/demo-data", data, fs::copy_options::recursive);
  const std::string args = "run " + job() + " --report bestuur_po --board 25244 --set data_dir=" + data.string() +
                           " --out " + out("resume");
  ASSERT_EQ(run_povo(args).exit_code, 0);
  // Unchanged: the dry run lists the report as reused, and so does the run.
  auto dry = run_povo(args + " --resume --dry-run");
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("dry run: 0 files would be written to " + out("resume") + ", 1 reused"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("  reuse " + std::string(board_pdf)), std::string::npos) << dry.out;
  auto same = run_povo(args + " --resume");
  EXPECT_EQ(same.exit_code, 0);
  EXPECT_NE(slurp(out("resume/manifest.json")).find("\"reused\": true"), std::string::npos);
  // The manifest names every input: data files with their sha256, plugins with versions.
  const std::string manifest = slurp(out("resume/manifest.json"));
  EXPECT_NE(manifest.find("\"data:" + (data / "verzuim-personeel.csv").string() + "\": \""), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"plugin:finance\": \""), std::string::npos) << manifest;
  // One figure of one board changes in a data file: nothing may be reused.
  std::string csv = slurp((data / "verzuim-personeel.csv").string());
  {
    // Change the last digit of the first data row.
    const std::size_t row = csv.find('\n') + 1;
    const std::size_t end = csv.find('\n', row);
    std::size_t digit = csv.find_last_of("0123456789", end);
    csv[digit] = csv[digit] == '1' ? '2' : '1';
    std::ofstream((data / "verzuim-personeel.csv").string(), std::ios::binary) << csv;
  }
  auto dry_changed = run_povo(args + " --resume --dry-run");
  EXPECT_NE(dry_changed.out.find("dry run: 1 file would be written to " + out("resume") + ", 0 reused"), std::string::npos)
      << dry_changed.out << dry_changed.err;
  auto changed = run_povo(args + " --resume");
  EXPECT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_NE(changed.err.find("is from a different run (data:" + (data / "verzuim-personeel.csv").string() + " differs)"),
            std::string::npos)
      << changed.err;
  EXPECT_NE(slurp(out("resume/manifest.json")).find("\"reused\": false"), std::string::npos);
}

// Each report can have its own language: one board report in English, from the command line.
TEST_F(DemoRun, ReportLanguageCanBeSetPerReport) {
  auto r = run_povo("run " + job() + " --report bestuur_po --board 25244 --set reports[bestuur_po].locale=en --out " +
                    out("english"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string english = text(out("english/") + board_pdf);
  EXPECT_NE(english.find("Your board and its peers in 2024"), std::string::npos);
  EXPECT_EQ(english.find("Uw bestuur en de vergelijkingsgroep"), std::string::npos);
}

namespace {

std::vector<std::string> csv_split(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    else if (ch == ',' && !quoted) out.emplace_back();
    else out.back() += ch;
  }
  return out;
}

// The columns of a layout line of pdftotext: runs separated by two or more spaces.
std::vector<std::string> layout_cells(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::size_t spaces = 0;
  for (char ch : line + "  ") {
    if (ch == ' ') {
      ++spaces;
      continue;
    }
    if (spaces >= 2 && !cell.empty()) cells.push_back(cell), cell.clear();
    else if (spaces == 1 && !cell.empty()) cell += ' ';
    spaces = 0;
    cell += ch;
  }
  if (!cell.empty()) cells.push_back(cell);
  return cells;
}

}  // namespace

// Issue 11: `povo data --table stats` and the PDFs withhold the same statistics, for every
// output.min_group_size. One board of each po size class (and one vo board) is followed
// from its comparison group in --table peers, to that group's row in --table stats, to the
// median in its report's summary table.
TEST_F(DemoRun, DataStatsAndReportsWithholdTheSame) {
  auto peers = run_povo("data " + job() + " --table peers --year 2024");
  ASSERT_EQ(peers.exit_code, 0) << peers.err;
  // One board per comparison group of peer group 'omvang' (the group actually used).
  std::map<std::string, std::tuple<std::string, std::string, int>> board_of_group;  // key -> board, used group, members
  std::istringstream lines(peers.out);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    auto f = csv_split(line);
    if (f.size() < 9 || f[2] != "omvang") continue;
    const std::string group = f[3] + "|" + f[4];
    if (!board_of_group.count(group)) board_of_group[group] = {f[0], f[3], std::stoi(f[6])};
  }
  ASSERT_GE(board_of_group.size(), 6u);
  std::string boards;
  for (const auto& [group, b] : board_of_group) boards += " --board " + std::get<0>(b);
  std::size_t compared = 0, withheld = 0;
  for (int k : {1, 10, 60, 300, 900}) {
    const std::string set = " --set output.min_group_size=" + std::to_string(k);
    auto stats = run_povo("data " + job() + " --table stats --year 2024" + set);
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    std::map<std::string, std::pair<bool, std::string>> row;  // used group|key -> withheld, median
    std::istringstream s(stats.out);
    std::getline(s, line);
    while (std::getline(s, line)) {
      auto f = csv_split(line);
      if (f.size() >= 19 && f[0] == "personeel_verzuim") row[f[1] + "|" + f[2]] = {f[18] == "yes", f[8]};
    }
    const std::string dir = "withheld-" + std::to_string(k);
    auto r = run_povo("run " + job() + " --report bestuur_po --report bestuur_vo" + boards + set + " --out " + out(dir));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& [group, b] : board_of_group) {
      const auto [board, used, members] = b;
      ASSERT_TRUE(row.count(group)) << group;
      const auto [is_withheld, median] = row[group];
      std::string pdf;
      for (const auto& e : fs::directory_iterator(out(dir))) {
        if (e.path().filename().string().rfind("bestuur-" + board + "-", 0) == 0) pdf = e.path().string();
      }
      ASSERT_FALSE(pdf.empty()) << board;
      FILE* p = popen(("pdftotext -layout " + pdf + " -").c_str(), "r");
      std::string text;
      char buf[4096];
      for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) text.append(buf, n);
      pclose(p);
      std::istringstream t(text);
      std::vector<std::string> cells;
      while (std::getline(t, line)) {
        auto c = layout_cells(line);
        if (!c.empty() && c[0] == "Ziekteverzuim" && c.size() >= 5) {
          cells = c;
          break;
        }
      }
      ASSERT_FALSE(cells.empty()) << pdf;
      // The median column: "–" exactly when povo data withholds it, else the same number.
      if (is_withheld) {
        EXPECT_EQ(cells[2], "\xE2\x80\x93") << "k=" << k << " group " << group << " (" << members << " boards)";
        ++withheld;
      } else {
        // povo data prints the median as a plain number; the report in the indicator's format.
        EXPECT_EQ(cells[2], povo::format::format_percent_of_fraction(std::stod(median), 1)) << "k=" << k << " group " << group;
      }
      ++compared;
    }
  }
  // Both outcomes occurred, over every group and threshold.
  EXPECT_GT(withheld, 0u);
  EXPECT_LT(withheld, compared);
}

// Data errors are counted one by one (the messages show 20 of a kind and count the rest)
// and end in exit 1, also when reports are made; before, 5,930 'not a number' cells
// printed "20 errors" and exited 0.
TEST_F(DemoRun, DataErrorsAreCountedInFullAndExitOne) {
  const fs::path data = dir_->path() / "broken-data";
  fs::copy(dir_->path() / "out/demo-data", data, fs::copy_options::recursive);
  // Every absence percentage becomes "n.b." (niet bekend), as a re-saved sheet might have it.
  std::istringstream in(slurp((data / "verzuim-personeel.csv").string()));
  std::string line, out_text;
  std::size_t rows = 0;
  std::getline(in, line);
  out_text = line + "\n";
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    for (std::string x; std::getline(fields, x, ';');) f.push_back(x);
    f[3] = "n.b.";
    std::string joined;
    for (std::size_t i = 0; i < f.size(); ++i) joined += (i ? ";" : "") + f[i];
    out_text += joined + "\n";
    ++rows;
  }
  std::ofstream((data / "verzuim-personeel.csv").string(), std::ios::binary) << out_text;
  const std::string set = " --set data_dir=" + data.string();
  auto d = run_povo("data " + job() + set + " --year 2024");
  EXPECT_EQ(d.exit_code, 1) << d.err.substr(0, 2000);
  EXPECT_NE(d.err.find("data quality: " + std::to_string(rows / 1000) + "," + std::to_string(rows % 1000) + " errors"),
            std::string::npos)
      << rows << "\n" << d.err.substr(0, 600);
  EXPECT_NE(d.err.find("more not a number problems not shown (" + std::to_string(rows / 1000) + "," +
                       std::to_string(rows % 1000) + " in all)"),
            std::string::npos)
      << d.err.substr(0, 3000);
  // The run makes its reports (the other figures are sound) but does not claim success.
  auto r = run_povo("run " + job() + set + " --report bestuur_po --board 25244 --out " + out("broken-data-run"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(fs::exists(out("broken-data-run/") + board_pdf));
  EXPECT_NE(slurp(out("broken-data-run/manifest.json")).find("more not a number problems not shown"), std::string::npos);
  // --strict: nothing is made.
  auto strict = run_povo("run " + job() + set + " --strict --report bestuur_po --board 25244 --out " + out("broken-strict"));
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_FALSE(fs::exists(out("broken-strict/") + board_pdf));
}

// Ctrl-C during rendering: exit 130, only complete PDFs, and a manifest that says so.
TEST_F(DemoRun, InterruptedRunExits130) {
  const std::string dir = out("interrupted");
  const std::string command = "env POVO_PLUGIN_PATH= " POVO_EXE " run " + job() + " --jobs 1 --out " + dir +
                              " > /dev/null 2>&1 & pid=$!; "
                              "for i in $(seq 1 600); do ls " + dir + "/bestuur-*.pdf > /dev/null 2>&1 && break; sleep 0.05; done; "
                              "kill -INT $pid; wait $pid; echo $?";
  FILE* p = popen(command.c_str(), "r");
  char buf[64] = {};
  ASSERT_NE(std::fgets(buf, sizeof buf, p), nullptr);
  pclose(p);
  EXPECT_EQ(std::string(buf), "130\n");
  const std::string manifest = slurp(dir + "/manifest.json");
  EXPECT_NE(manifest.find("\"complete\": false"), std::string::npos) << manifest.substr(0, 400);
  EXPECT_NE(manifest.find("\"status\": \"not run\""), std::string::npos);
  for (const auto& e : fs::directory_iterator(dir)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  }
}
