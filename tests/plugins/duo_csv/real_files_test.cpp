// The three real DUO files (../shared/data/real, see PROVENANCE.md) loaded through the
// job config tests/configs/real/duo_real.yaml, and one board's exam figures
// recomputed independently from the raw file.
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

using namespace duo_test;
using povo::EntityKind;
using povo::Value;

namespace {

const std::string config_file = std::string(POVO_SOURCE_DIR) + "/tests/configs/real/duo_real.yaml";
const std::string real_dir = std::string(POVO_SHARED_DIR) + "/data/real";

struct RealRun {
  povo::Dataset ds;
  CollectingSink sink;
  std::map<std::string, povo::duo_csv::LoadReport> reports;
  std::map<std::string, double> seconds;
};

/// Loads the sources of the real job config whose ids are listed, in config order.
void run(RealRun& out, const std::set<std::string>& ids) {
  const povo::ConfigNode job = duo_test::load_yaml_file(config_file);
  // The job's own keys are checked by the core (config/job_schema); here: sources and plugin options.
  povo::SourceContext ctx;
  ctx.base_dir = std::filesystem::path(config_file).parent_path().string();
  ctx.year = static_cast<int>(job.get_integer("year", 0));
  for (const auto& src : job.at("sources").items()) {
    const std::string id = src.at("id").as_string();
    if (!ids.count(id)) continue;
    ASSERT_EQ(src.at("plugin").as_string(), "duo_csv");
    povo::duo_csv::DuoCsvSource source;
    const auto spec_problems = povo::check_options(src.at("options"), source.option_specs());
    ASSERT_TRUE(spec_problems.empty()) << spec_problems.front().str();
    ctx.source_id = id;
    const auto status = source.configure(src.at("options"), ctx);
    ASSERT_TRUE(status) << status.error().str();
    const auto t0 = std::chrono::steady_clock::now();
    const auto loaded = source.load(out.ds, out.sink);
    out.seconds[id] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_TRUE(loaded) << loaded.error().str();
    out.reports[id] = source.last_report();
  }
}

// Timing is asserted only in optimised builds without sanitizers (ASan makes this ~20x slower).
#if defined(__OPTIMIZE__) && !defined(__SANITIZE_ADDRESS__)
constexpr bool check_timing = true;
#else
constexpr bool check_timing = false;
#endif

bool have_real_files() { return std::filesystem::exists(real_dir + "/alleschools/duo_examen_raw_all.csv"); }

// --- An independent, simple reading of the raw files ---------------------------------

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Splits "a";"b";"c" (every field quoted, no quotes inside, as in the exam file).
std::vector<std::string> split_quoted(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  std::stringstream ss(line);
  while (std::getline(ss, cur, ';')) {
    if (!cur.empty() && cur.back() == '\r') cur.pop_back();
    if (cur.size() >= 2 && cur.front() == '"' && cur.back() == '"') cur = cur.substr(1, cur.size() - 2);
    out.push_back(cur);
  }
  return out;
}

/// BRIN -> board from the vo file: columns 2 and 3 come before any quoted field.
std::map<std::string, std::string> brin_to_board() {
  std::map<std::string, std::string> out;
  std::stringstream ss(slurp(real_dir + "/kamervragen/65a66c84f4a9a78fcfbf47d4170240ba.csv"));
  std::string line;
  std::getline(ss, line);
  while (std::getline(ss, line)) {
    std::stringstream ls(line);
    std::string provincie, board, brin;
    std::getline(ls, provincie, ';');
    std::getline(ls, board, ';');
    std::getline(ls, brin, ';');
    out[brin] = board;
  }
  return out;
}

struct Recomputed {
  double cand_lo = 0, cand_hi = 0, pass_lo = 0, pass_hi = 0;
  int rows = 0, suppressed_totaal = 0, suppressed_man_vrouw = 0;
};

Recomputed recompute(const std::string& board, const std::string& type, const std::string& school_year) {
  const auto boards = brin_to_board();
  std::stringstream ss(slurp(real_dir + "/alleschools/duo_examen_raw_all.csv"));
  std::string line;
  std::getline(ss, line);
  const auto header = split_quoted(line);
  auto col = [&](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    ADD_FAILURE() << "no column " << name;
    return std::size_t{0};
  };
  const std::size_t brin = col("INSTELLINGSCODE"), otype = col("ONDERWIJSTYPE VO");
  const std::string sy = " SCHOOLJAAR " + school_year + " - ";
  const std::size_t k = col("EXAMENKANDIDATEN" + sy + "TOTAAL"), g = col("GESLAAGDEN" + sy + "TOTAAL");
  const std::size_t mv[] = {col("EXAMENKANDIDATEN" + sy + "MAN"), col("EXAMENKANDIDATEN" + sy + "VROUW"),
                            col("GESLAAGDEN" + sy + "MAN"), col("GESLAAGDEN" + sy + "VROUW")};
  Recomputed r;
  while (std::getline(ss, line)) {
    const auto f = split_quoted(line);
    auto it = boards.find(f[brin]);
    if (it == boards.end() || it->second != board || f[otype] != type) continue;
    ++r.rows;
    auto acc = [&](const std::string& cell, double& lo, double& hi) {
      if (cell == "<5") {
        lo += 1;
        hi += 4;
        ++r.suppressed_totaal;
      } else {
        lo += std::stod(cell);
        hi += std::stod(cell);
      }
    };
    acc(f[k], r.cand_lo, r.cand_hi);
    acc(f[g], r.pass_lo, r.pass_hi);
    for (std::size_t c : mv) r.suppressed_man_vrouw += f[c] == "<5";
  }
  return r;
}

Value as_value(double lo, double hi) { return lo == hi ? Value::of(lo) : Value::range(lo, hi); }

std::string show(const Value& v) {
  char buf[64];
  if (v.is_number()) std::snprintf(buf, sizeof buf, "%g", v.number());
  else if (v.has_bounds()) std::snprintf(buf, sizeof buf, "[%g;%g]", v.low(), v.high());
  else return v.str();
  return buf;
}

}  // namespace

TEST(DuoCsvRealFiles, PoAddressesAllBranchesSchoolsAndBoards) {
  if (!have_real_files()) GTEST_SKIP() << "no real files under " << real_dir;
  RealRun r;
  run(r, {"po_branches"});
  const auto& rep = r.reports.at("po_branches");
  EXPECT_EQ(rep.encoding, povo::duo_csv::Encoding::windows1252);
  EXPECT_EQ(rep.rows, 6804u);
  EXPECT_EQ(r.ds.entity_count(EntityKind::branch), 6804u);
  EXPECT_EQ(r.ds.entity_count(EntityKind::board), 1010u);
  EXPECT_GE(r.ds.entity_count(EntityKind::school), 6649u);
  EXPECT_TRUE(r.sink.all.empty()) << r.sink.lines().front();
  std::printf("po: %zu branches, %zu schools, %zu boards, %.3f s\n", r.ds.entity_count(EntityKind::branch),
              r.ds.entity_count(EntityKind::school), r.ds.entity_count(EntityKind::board),
              r.seconds.at("po_branches"));
  // Every branch reaches a board, and the first row is read as written.
  for (povo::EntityIndex i = 0; i < r.ds.entity_count(EntityKind::branch); ++i) {
    ASSERT_TRUE(r.ds.board_of(EntityKind::branch, i)) << r.ds.entity_code(EntityKind::branch, i);
  }
  EXPECT_EQ(attr(r.ds, EntityKind::branch, "16AH00", "name"), "OBS 't Eenspan");
  EXPECT_EQ(attr(r.ds, EntityKind::branch, "28BF00", "denomination"), "Hindoe\u00efstisch");
  const auto b = *r.ds.find_entity(EntityKind::branch, "16AH00");
  EXPECT_EQ(r.ds.entity_code(EntityKind::board, *r.ds.board_of(EntityKind::branch, b)), "10249");
  std::set<std::string> provinces;
  for (povo::EntityIndex i = 0; i < r.ds.entity_count(EntityKind::branch); ++i) {
    provinces.insert(*r.ds.attribute(EntityKind::branch, i, "province"));
  }
  EXPECT_EQ(provinces.size(), 12u);
  EXPECT_TRUE(provinces.count("Friesland"));
  EXPECT_EQ(attr(r.ds, EntityKind::branch, "10EE00", "rpa_region"), "Frysl\u00e2n");  // windows-1252 0xE2
}

TEST(DuoCsvRealFiles, VoHoofdvestigingenSchoolsAndBoards) {
  if (!have_real_files()) GTEST_SKIP();
  RealRun r;
  run(r, {"vo_schools"});
  EXPECT_EQ(r.reports.at("vo_schools").rows, 651u);
  EXPECT_EQ(r.ds.entity_count(EntityKind::school), 651u);
  EXPECT_EQ(r.ds.entity_count(EntityKind::board), 338u);
  EXPECT_TRUE(r.sink.all.empty()) << r.sink.lines().front();
  EXPECT_EQ(attr(r.ds, EntityKind::school, "19EO", "name"), "VMBO \"De Jutter\" Vlieland");
  EXPECT_EQ(attr(r.ds, EntityKind::school, "18BR", "school_type"), "PRO");
}

TEST(DuoCsvRealFiles, ExamsRolledUpToBoardsThroughTheVoSchools) {
  if (!have_real_files()) GTEST_SKIP();
  RealRun r;
  run(r, {"vo_schools", "vo_exams"});
  const auto& rep = r.reports.at("vo_exams");
  EXPECT_EQ(rep.encoding, povo::duo_csv::Encoding::utf8);
  EXPECT_EQ(rep.rows, 12782u);
  EXPECT_EQ(rep.invalid_cells, 0u);
  EXPECT_EQ(r.ds.years(), (std::vector<int>{2020, 2021, 2022, 2023, 2024}));
  EXPECT_EQ(r.ds.entity_count(EntityKind::branch), 1236u);
  ASSERT_EQ(rep.joins.size(), 1u);
  const auto& j = rep.joins[0];
  EXPECT_EQ(j.distinct_keys, 544u);
  EXPECT_EQ(j.matched_keys, 526u);
  EXPECT_EQ(j.rows, 12782u);
  EXPECT_EQ(j.matched_rows, 12524u);
  EXPECT_EQ(j.unmatched, (std::vector<std::string>{"02RM", "04YK", "14PG", "18EC", "31EW", "31EX", "31FG", "31FH",
                                                   "31GM", "31HN", "31JC", "31JW", "31KZ", "31LB", "31LW", "31MD",
                                                   "31RY", "31TK"}));
  ASSERT_FALSE(r.sink.all.empty());
  const std::string first = r.sink.lines().front();
  EXPECT_NE(first.find("warning: 18 of 544 school codes in column 'INSTELLINGSCODE' are not among the loaded schools: "
                       "match rate 526/544 = 96.7% of codes, 12,524/12,782 = 98.0% of rows; unmatched: 02RM (line "),
            std::string::npos)
      << first;
  for (const auto& l : r.sink.lines()) std::printf("  %s\n", l.substr(0, 260).c_str());
  for (const auto& [measure, orphans] : rep.rollup_orphans) std::printf("  %s: %zu values not rolled up\n", measure.c_str(), orphans);
  std::printf("exam file: %zu rows, %zu values stored, %zu '<5' cells read, load %.3f s\n", rep.rows, rep.values,
              rep.suppressed_cells, r.seconds.at("vo_exams"));
  if (check_timing) {
    EXPECT_LT(r.seconds.at("vo_exams"), 1.0);
  }
}

TEST(DuoCsvRealFiles, OneBoardsPassRateRecomputedFromTheRawFile) {
  if (!have_real_files()) GTEST_SKIP();
  RealRun r;
  run(r, {"vo_schools", "vo_exams"});

  // Board 41009 (Bonhoeffer College, Jac P Thijsse College, Kennemer College), havo,
  // school year 2023-2024 = year 2024. Its MAN/VROUW cells include '<5', but every
  // TOTAAL cell is published, so the sums and the pass rate are exact.
  const Recomputed exact = recompute("41009", "HAVO", "2023-2024");
  EXPECT_EQ(exact.rows, 19);
  EXPECT_GT(exact.suppressed_man_vrouw, 0);
  EXPECT_EQ(exact.suppressed_totaal, 0);
  const Value k = value(r.ds, "examenkandidaten_havo_bestuur", EntityKind::board, "41009", 2024);
  const Value g = value(r.ds, "geslaagden_havo_bestuur", EntityKind::board, "41009", 2024);
  EXPECT_EQ(k, as_value(exact.cand_lo, exact.cand_hi));
  EXPECT_EQ(g, as_value(exact.pass_lo, exact.pass_hi));
  EXPECT_EQ(k, Value::of(470));
  EXPECT_EQ(g, Value::of(396));
  const Value rate = povo::divide(g, k);
  ASSERT_TRUE(rate.is_number());
  EXPECT_NEAR(rate.number(), 396.0 / 470.0, 1e-12);
  std::printf("board 41009 havo 2024: %s candidates, %s passed, pass rate %.1f%% (%d '<5' in MAN/VROUW, none in TOTAAL)\n",
              show(k).c_str(), show(g).c_str(), 100 * rate.number(), exact.suppressed_man_vrouw);

  // Board 40931, havo 2024: some TOTAAL cells are '<5' themselves. The rolled-up sums are
  // ranges, the pass rate is then not a number (missing: suppressed_input); the bounds
  // follow from the ranges: passes.low / candidates.high <= rate <= passes.high / candidates.low.
  const Recomputed ranged = recompute("40931", "HAVO", "2023-2024");
  EXPECT_GT(ranged.suppressed_totaal, 0);
  const Value k2 = value(r.ds, "examenkandidaten_havo_bestuur", EntityKind::board, "40931", 2024);
  const Value g2 = value(r.ds, "geslaagden_havo_bestuur", EntityKind::board, "40931", 2024);
  EXPECT_EQ(k2, as_value(ranged.cand_lo, ranged.cand_hi));
  EXPECT_EQ(g2, as_value(ranged.pass_lo, ranged.pass_hi));
  const Value rate2 = povo::divide(g2, k2);
  EXPECT_EQ(rate2, Value::missing(povo::Reason::suppressed_input));
  ASSERT_TRUE(k2.is_range() || g2.is_range());
  std::printf("board 40931 havo 2024: %s candidates, %s passed, pass rate not a number (%s), bounds %.1f%%..%.1f%%\n",
              show(k2).c_str(), show(g2).c_str(), rate2.str().c_str(), 100 * g2.low() / k2.high(),
              100 * std::min(1.0, g2.high() / k2.low()));
}

TEST(DuoCsvRealFiles, AllThreeLoadUnderOneSecond) {
  if (!have_real_files()) GTEST_SKIP();
  RealRun r;
  const auto t0 = std::chrono::steady_clock::now();
  run(r, {"po_branches", "vo_schools", "vo_exams"});
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("all three real files: %.3f s (po %.3f, vo %.3f, exams %.3f); %zu observations\n", total,
              r.seconds.at("po_branches"), r.seconds.at("vo_schools"), r.seconds.at("vo_exams"),
              r.ds.observation_count());
  if (check_timing) {
    EXPECT_LT(total, 1.0);
  }
}
