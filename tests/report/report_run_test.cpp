// `povo run` end to end on the demo job: configuration-only changes reach the PDFs,
// and one board's broken data fails that board alone.
#include "../cli/run_povo.hpp"
#include "../config/temp_dir.hpp"

#include <gtest/gtest.h>

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
