// The demo job end to end, through the real povo executable:
//   povo demo-data --out ROOT/out/demo-data
//   povo validate ROOT/configs/demo/job.yaml
//   povo data ROOT/configs/demo/job.yaml
// where ROOT is a fresh temporary folder holding a copy of configs/demo, so the
// job's relative paths (../../out/demo-data/...) find the fresh data exactly as they find
// <repository>/out/demo-data in the repository.
//
// Checks:
//  * every row of demo-totals.csv (sector, year, measure -> value) equals the sum of povo's
//    board-level output over the boards of that sector, exactly: each board value is
//    rounded to 4 decimals (the finest precision in the files: fte; money has cents) and
//    the sums are compared as integers in units of 0.0001, tolerance 0;
//  * counts of boards, schools and branches per sector against the demo-data summary and
//    povo's "loaded ..." line;
//  * no data-quality errors or warnings;
//  * every '<5' cell comes through as suppressed (a single cell) or as a range (a sum over
//    it), with the exact bounds, and never as a number (so never as 0).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct PovoRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the povo built with this test (plugins from its own build tree only).
PovoRun run_povo(const std::string& args, const fs::path& scratch) {
  const std::string out = (scratch / "povo.out").string(), err = (scratch / "povo.err").string();
  const std::string command = "env POVO_PLUGIN_PATH= " POVO_EXE " " + args + " > '" + out + "' 2> '" + err + "'";
  const int status = std::system(command.c_str());
  PovoRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// One CSV record: `sep` separated, "..." quoting with "" escapes (the exam file quotes all).
std::vector<std::string> split_csv(const std::string& line, char sep) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// A decimal text ("-807643.63", "230.80939999999998", "12", "5,83") as an integer in units of
// 0.0001, rounded half away from zero. Returns nullopt for anything else (e.g. "<5", "[1;4]").
std::optional<std::int64_t> ten_thousandths(const std::string& text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::int64_t units = 0;
  int decimals = -1, digits = 0;
  int next_digit = 0;  // the fifth decimal, for rounding
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' || c == ',') {
      if (decimals >= 0) return std::nullopt;
      decimals = 0;
    } else if (c >= '0' && c <= '9') {
      ++digits;
      if (decimals < 0) {
        units = units * 10 + (c - '0');
      } else if (decimals < 4) {
        units = units * 10 + (c - '0');
        ++decimals;
      } else if (decimals == 4) {
        next_digit = c - '0';
        ++decimals;
      }
    } else {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  for (int d = std::max(decimals, 0); d < 4; ++d) units *= 10;
  if (next_digit >= 5) ++units;
  return negative ? -units : units;
}

std::string as_decimal(std::int64_t units) {
  const bool negative = units < 0;
  const std::int64_t a = negative ? -units : units;
  std::string frac = std::to_string(a % 10000);
  frac.insert(0, 4 - frac.size(), '0');
  return (negative ? "-" : "") + std::to_string(a / 10000) + "." + frac;
}

struct Cell {
  std::string value;
  std::string status;
};

// povo data's CSV, keyed by kind|entity|year|measure.
using PovoData = std::unordered_map<std::string, Cell>;

std::string data_key(const std::string& kind, const std::string& entity, int year, const std::string& measure) {
  return kind + "|" + entity + "|" + std::to_string(year) + "|" + measure;
}

// What a column of a DUO file adds up to per (entity, year): the numbers, and how many '<5'.
struct Expected {
  std::int64_t sum = 0;  // of the numeric cells
  int suppressed = 0;    // '<5' cells
  int cells = 0;         // non-empty cells
};

struct ColumnSum {
  std::string file;                                  // in the demo data folder
  std::string key;                                   // column with the entity code povo reports
  std::function<std::optional<int>(const std::string&)> year_of_header;  // wide layout
  std::string year_column;                           // long layout instead
  std::string value_column;                          // long layout
  std::pair<std::string, std::string> filter;        // column == value, or empty
};

std::optional<int> parse_year(const std::string& t) {
  static const std::regex four("^(\\d{4})$"), school("^(\\d{4})-(\\d{4})$");
  std::smatch m;
  if (std::regex_match(t, m, four)) return std::stoi(m[1]);
  if (std::regex_match(t, m, school)) return std::stoi(m[2]);
  return std::nullopt;
}

// "PREFIX yyyy" or "PREFIX yyyy-yyyy SUFFIX" headers: the (end) year.
std::function<std::optional<int>(const std::string&)> header_year(const std::string& prefix,
                                                                 const std::string& suffix = "") {
  return [prefix, suffix](const std::string& h) -> std::optional<int> {
    if (h.size() < prefix.size() + suffix.size() || h.compare(0, prefix.size(), prefix) != 0 ||
        h.compare(h.size() - suffix.size(), suffix.size(), suffix) != 0)
      return std::nullopt;
    return parse_year(h.substr(prefix.size(), h.size() - prefix.size() - suffix.size()));
  };
}

std::map<std::pair<std::string, int>, Expected> expected_sums(const fs::path& dir, const ColumnSum& spec) {
  const auto lines = lines_of(slurp(dir / spec.file));
  const auto header = split_csv(lines.at(0), ';');
  auto index = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    EXPECT_NE(it, header.end()) << spec.file << " has no column " << name;
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t key = index(spec.key);
  std::optional<std::size_t> filter;
  if (!spec.filter.first.empty()) filter = index(spec.filter.first);
  std::vector<std::pair<std::size_t, int>> columns;  // column, year (0: from year_column)
  std::optional<std::size_t> year_column;
  if (spec.year_of_header) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (auto y = spec.year_of_header(header[i])) columns.emplace_back(i, *y);
  } else {
    year_column = index(spec.year_column);
    columns.emplace_back(index(spec.value_column), 0);
  }
  EXPECT_FALSE(columns.empty()) << spec.file;
  std::map<std::pair<std::string, int>, Expected> out;
  for (std::size_t l = 1; l < lines.size(); ++l) {
    if (lines[l].empty()) continue;
    const auto f = split_csv(lines[l], ';');
    if (filter && f.at(*filter) != spec.filter.second) continue;
    for (const auto& [col, header_year_value] : columns) {
      const int year = year_column ? parse_year(f.at(*year_column)).value_or(0) : header_year_value;
      const std::string& text = f.at(col);
      if (text.empty()) continue;
      Expected& e = out[{f.at(key), year}];
      ++e.cells;
      if (text == "<5") {
        ++e.suppressed;
      } else {
        const auto v = ten_thousandths(text);
        EXPECT_TRUE(v.has_value()) << spec.file << ":" << l + 1 << ": '" << text << "'";
        e.sum += v.value_or(0);
      }
    }
  }
  return out;
}

// The demo data, the job and povo's output, made once per test process.
class DemoJob : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("povo-demo-job-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "configs" / "demo");
    fs::copy(fs::path(POVO_SOURCE_DIR) / "configs" / "demo", root_ / "configs" / "demo", fs::copy_options::recursive);
    data_dir_ = root_ / "out" / "demo-data";
    job_ = root_ / "configs" / "demo" / "job.yaml";

    demo_ = run_povo("demo-data --out '" + data_dir_.string() + "'", root_);
    validate_ = run_povo("validate '" + job_.string() + "'", root_);
    data_run_ = run_povo("data '" + job_.string() + "'", root_);

    const auto lines = lines_of(data_run_.out);
    for (std::size_t i = 1; i < lines.size(); ++i) {
      const auto f = split_csv(lines[i], ',');
      if (f.size() != 6) continue;
      data_.emplace(f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3], Cell{f[4], f[5]});
      if (f[0] == "board") boards_in_output_.insert(f[1]);
    }
    // Board -> sector from the board registry (SECTOR is PO/VO).
    const auto besturen = lines_of(slurp(data_dir_ / "besturen.csv"));
    for (std::size_t i = 1; i < besturen.size(); ++i) {
      if (besturen[i].empty()) continue;
      const auto f = split_csv(besturen[i], ';');
      sector_of_[f.at(0)] = f.at(2) == "PO" ? "po" : f.at(2) == "VO" ? "vo" : f.at(2);
    }
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  static const Cell* find(const std::string& kind, const std::string& entity, int year, const std::string& measure) {
    const auto it = data_.find(data_key(kind, entity, year, measure));
    return it == data_.end() ? nullptr : &it->second;
  }

  // Compares povo's `measure` of `kind` with a file column, '<5' included. A sum over '<5'
  // cells is a range; `rolled_up`: povo's value is a roll-up, where even one '<5' becomes
  // the range [1;4]. Rows added by `duplicates: sum` keep a lone '<5' as suppressed.
  static void expect_column(const std::string& kind, const std::string& measure, const ColumnSum& spec, bool rolled_up,
                            int& suppressed_seen) {
    const auto expected = expected_sums(data_dir_, spec);
    ASSERT_FALSE(expected.empty()) << spec.file;
    int mismatches = 0;
    for (const auto& [at, e] : expected) {
      const auto& [entity, year] = at;
      const Cell* c = find(kind, entity, year, measure);
      std::string want_value, want_status;
      if (e.suppressed == 0) {
        want_value = as_decimal(e.sum);
        want_status = "ok";
      } else if (e.cells == 1 && !rolled_up) {
        want_value = "<5";
        want_status = "suppressed";
      } else {
        want_value = "[" + std::to_string(e.sum / 10000 + e.suppressed) + ";" +
                     std::to_string(e.sum / 10000 + 4 * e.suppressed) + "]";
        want_status = "range";
      }
      if (e.suppressed > 0) ++suppressed_seen;
      std::string got_value = c ? c->value : "(absent)";
      if (c && c->status == "ok") {
        if (auto v = ten_thousandths(c->value)) got_value = as_decimal(*v);
      }
      if (!c || c->status != want_status || got_value != want_value) {
        if (++mismatches <= 10)
          ADD_FAILURE() << measure << " of " << kind << " " << entity << " in " << year << ": povo has "
                        << got_value << " (" << (c ? c->status : "-") << "), " << spec.file << " gives " << want_value
                        << " (" << want_status << ")";
      }
    }
    EXPECT_EQ(mismatches, 0) << measure << ": " << expected.size() << " values compared";
  }

  static inline fs::path root_, data_dir_, job_;
  static inline PovoRun demo_, validate_, data_run_;
  static inline PovoData data_;
  static inline std::set<std::string> boards_in_output_;
  static inline std::map<std::string, std::string> sector_of_;
};

TEST_F(DemoJob, GeneratesValidatesAndLoadsWithoutDataProblems) {
  ASSERT_EQ(demo_.exit_code, 0) << demo_.err;
  EXPECT_EQ(validate_.exit_code, 0) << validate_.err;
  EXPECT_NE(validate_.out.find("valid (15 sources, 38 indicators, 5 reports)"), std::string::npos)
      << validate_.out << validate_.err;
  EXPECT_EQ(data_run_.exit_code, 0) << data_run_.err;
  // `povo data` prints "data quality: E errors, W warnings" and the messages only when
  // there are any. The demo files are clean; the four warnings are about coverage: for
  // these indicators many boards have only a range from '<5' counts (or no value), so the
  // sector figures rest on the other boards (and the sector reports say over how many).
  EXPECT_NE(data_run_.err.find("data quality: 0 errors, 4 warnings\n"), std::string::npos) << data_run_.err;
  for (const char* id : {"aandeel_2f1s", "zittenblijvers_pct", "slaagpercentage_havo", "slaagpercentage_vwo"}) {
    EXPECT_NE(data_run_.err.find(std::string("warning: indicator '") + id + "' has no exact value for "), std::string::npos)
        << id << "\n" << data_run_.err;
  }
  EXPECT_NE(data_run_.err.find("warning: indicator 'slaagpercentage_vwo' has no exact value for 156 of the 241 boards of "
                               "report 'sector_vo' in 2024 (65%: 108 without a value, 48 only as a range from '<5' counts)"),
            std::string::npos)
      << data_run_.err;
  EXPECT_EQ(data_run_.err.find("error:"), std::string::npos) << data_run_.err;
  EXPECT_NE(data_run_.err.find("from 15 sources"), std::string::npos) << data_run_.err;
  EXPECT_GT(data_.size(), 400000u);
}

// --strict makes every warning an error: the demo's are the four coverage warnings.
TEST_F(DemoJob, StrictLoadFailsOnTheCoverageWarningsAlone) {
  const PovoRun strict = run_povo("data --strict --year 2024 '" + job_.string() + "'", root_);
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  EXPECT_NE(strict.err.find("data quality: 4 errors, 0 warnings\n"), std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find("error: indicator 'slaagpercentage_vwo' has no exact value for 156"), std::string::npos) << strict.err;
}

TEST_F(DemoJob, BoardSumsEqualEveryRowOfDemoTotals) {
  ASSERT_EQ(demo_.exit_code, 0) << demo_.err;
  ASSERT_EQ(data_run_.exit_code, 0) << data_run_.err;
  // demo-totals measure -> povo's board measure (the core derives vestigingen_bestuur and
  // scholen_bestuur; pupils come rolled up from the branches).
  const std::map<std::string, std::string> board_measure = {
      {"leerlingen", "leerlingen_bestuur"}, {"vestigingen", "vestigingen_bestuur"}, {"scholen", "scholen_bestuur"}};
  std::map<std::string, std::vector<std::string>> boards_of;  // sector -> boards povo loaded
  for (const auto& b : boards_in_output_) {
    ASSERT_TRUE(sector_of_.count(b)) << "board " << b << " is not in besturen.csv";
    boards_of[sector_of_[b]].push_back(b);
  }
  const auto totals = lines_of(slurp(data_dir_ / "demo-totals.csv"));
  ASSERT_EQ(totals.at(0), "sector,year,measure,value");
  int compared = 0, mismatches = 0;
  for (std::size_t i = 1; i < totals.size(); ++i) {
    if (totals[i].empty()) continue;
    const auto f = split_csv(totals[i], ',');
    ASSERT_EQ(f.size(), 4u) << totals[i];
    const std::string& sector = f[0];
    const int year = std::stoi(f[1]);
    const auto want = ten_thousandths(f[3]);
    ASSERT_TRUE(want) << totals[i];
    std::int64_t got = 0;
    if (f[2] == "besturen") {
      // Boards of the sector with figures in this year (every board reports every year).
      for (const auto& b : boards_of[sector])
        got += find("board", b, year, "totaal_activa") != nullptr ? 10000 : 0;
    } else {
      const auto it = board_measure.find(f[2]);
      const std::string measure = it == board_measure.end() ? f[2] : it->second;
      for (const auto& b : boards_of[sector]) {
        const Cell* c = find("board", b, year, measure);
        if (!c || c->status != "ok") {
          ADD_FAILURE() << measure << " of board " << b << " in " << year << " is "
                        << (c ? c->value + " (" + c->status + ")" : std::string("absent"));
          continue;
        }
        const auto v = ten_thousandths(c->value);
        ASSERT_TRUE(v) << c->value;
        got += *v;
      }
    }
    ++compared;
    if (got != *want) {
      ++mismatches;
      ADD_FAILURE() << sector << " " << year << " " << f[2] << ": povo's boards add up to " << as_decimal(got)
                    << ", demo-totals.csv says " << f[3];
    }
  }
  EXPECT_EQ(compared, 2 * 5 * (5 + 26)) << "rows of demo-totals.csv";  // 2 sectors x 5 years x 31 measures
  EXPECT_EQ(mismatches, 0);
  std::cout << "[ demo job ] " << compared << " demo-totals rows compared, " << mismatches << " differ\n";
}

TEST_F(DemoJob, CountsPerSectorMatchTheSummary) {
  ASSERT_EQ(demo_.exit_code, 0) << demo_.err;
  // "  po: 887 boards (282 single-school), 6150 schools, 6442 branches, 1378555 pupils in the last year"
  const std::regex sector_line(R"(^\s*(po|vo): (\d+) boards \(\d+ single-school\), (\d+) schools, (\d+) branches, (\d+) pupils)");
  std::map<std::string, std::array<long, 4>> summary;
  for (const auto& line : lines_of(demo_.out)) {
    std::smatch m;
    if (std::regex_search(line, m, sector_line))
      summary[m[1]] = {std::stol(m[2]), std::stol(m[3]), std::stol(m[4]), std::stol(m[5])};
  }
  ASSERT_EQ(summary.size(), 2u) << demo_.out;

  std::map<std::string, std::array<long, 4>> povo;  // boards, schools, branches, pupils in 2024
  for (const auto& b : boards_in_output_) {
    auto& p = povo[sector_of_[b]];
    ++p[0];
    for (int k = 1; k <= 3; ++k) {
      const char* measure = k == 1 ? "scholen_bestuur" : k == 2 ? "vestigingen_bestuur" : "leerlingen_bestuur";
      const Cell* c = find("board", b, 2024, measure);
      ASSERT_TRUE(c) << measure << " of " << b;
      p[static_cast<std::size_t>(k)] += std::stol(c->value);
    }
  }
  for (const auto& sector : {"po", "vo"}) {
    EXPECT_EQ(povo[sector][0], summary[sector][0]) << sector << " boards";
    EXPECT_EQ(povo[sector][1], summary[sector][1]) << sector << " schools";
    EXPECT_EQ(povo[sector][2], summary[sector][2]) << sector << " branches";
    EXPECT_EQ(povo[sector][3], summary[sector][3]) << sector << " pupils in 2024";
    std::cout << "[ demo job ] " << sector << ": " << povo[sector][0] << " boards, " << povo[sector][1] << " schools, "
              << povo[sector][2] << " branches, " << povo[sector][3] << " pupils (2024)\n";
  }
  // And povo's own count of the entities it loaded.
  const std::string loaded = "loaded " + std::to_string(summary["po"][0] + summary["vo"][0]) + " boards, " +
                             std::to_string(summary["po"][1] + summary["vo"][1]) + " schools, " +
                             std::to_string(summary["po"][2] + summary["vo"][2]) + " branches";
  EXPECT_NE(data_run_.err.find(loaded), std::string::npos) << "expected '" << loaded << "' in: " << data_run_.err;
}

TEST_F(DemoJob, SuppressedCellsStaySuppressedNeverZero) {
  ASSERT_EQ(data_run_.exit_code, 0) << data_run_.err;
  int suppressed = 0;
  // Branch values straight from one cell: '<5' -> suppressed.
  expect_column("branch", "zittenblijvers_vestiging",
                {"vo-zittenblijvers.csv", "VESTIGINGSCODE", header_year("ZITTENBLIJVERS "), "", "", {}}, false,
                suppressed);
  for (const auto& [measure, column] : std::vector<std::pair<std::string, std::string>>{
           {"ref_leerlingen", "AANTAL_GETOETST"}, {"ref_1f", "AANTAL_1F_OF_HOGER"}, {"ref_2f1s", "AANTAL_2F_OF_1S"}})
    expect_column("branch", measure, {"po-referentieniveaus.csv", "VESTIGINGSCODE", {}, "SCHOOLJAAR", column, {}},
                  false, suppressed);
  // Sums over '<5': ranges with bounds +1..+4 per '<5' (roll-ups; function groups added).
  expect_column("board", "zittenblijvers_bestuur",
                {"vo-zittenblijvers.csv", "BEVOEGD GEZAG NUMMER", header_year("ZITTENBLIJVERS "), "", "", {}}, true,
                suppressed);
  expect_column("board", "ref_2f1s_bestuur",
                {"po-referentieniveaus.csv", "BEVOEGD_GEZAG_NUMMER", {}, "SCHOOLJAAR", "AANTAL_2F_OF_1S", {}}, true,
                suppressed);
  for (const auto& file : {"po-onderwijspersoneel-in-fte.csv", "vo-onderwijspersoneel-in-fte.csv"})
    expect_column("board", "personen_totaal", {file, "BEVOEGD GEZAG", header_year("PERSONEN "), "", "", {}}, false,
                  suppressed);
  for (const auto& type : {"VMBO", "HAVO", "VWO"}) {
    std::string lower = type;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const auto& what : {"EXAMENKANDIDATEN", "GESLAAGDEN"}) {
      std::string measure = what == std::string("GESLAAGDEN") ? "geslaagden_" : "examenkandidaten_";
      // Programmes of one type are added per branch, so any '<5' makes a range there too
      // unless the branch has just that one programme.
      ColumnSum spec{"vo-examenkandidaten-en-geslaagden.csv", "VESTIGINGSCODE",
                     header_year(std::string(what) + " SCHOOLJAAR ", " - TOTAAL"), "", "", {"ONDERWIJSTYPE VO", type}};
      expect_column("branch", measure + lower, spec, false, suppressed);
    }
  }
  EXPECT_GT(suppressed, 1000) << "values over '<5' cells checked";
  // Nowhere in the output is a suppressed value shown as a number.
  int suppressed_rows = 0, range_rows = 0;
  for (const auto& [key, c] : data_) {
    if (c.status == "suppressed") {
      ++suppressed_rows;
      EXPECT_EQ(c.value, "<5") << key;
    } else if (c.status == "range") {
      ++range_rows;
      EXPECT_EQ(c.value.front(), '[') << key;
    }
  }
  std::cout << "[ demo job ] " << suppressed << " values over '<5' cells checked; output has " << suppressed_rows
            << " suppressed and " << range_rows << " range values\n";
}

}  // namespace
