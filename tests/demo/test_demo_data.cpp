// Tests of the demo national dataset generator (core/src/demo, docs/demo-data.md).
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "demo/csv_out.hpp"
#include "demo/demo_data.hpp"
#include "demo/model.hpp"

namespace fs = std::filesystem;
using namespace povo::demo;

namespace {

std::string read_bytes(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// A DUO-style CSV: ';' separated, CRLF, optional double quotes. Cells stay cp1252 bytes.
struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::size_t col(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    ADD_FAILURE() << "no column " << name;
    return 0;
  }
};

Csv parse_csv(const std::string& bytes, char sep = ';', const char* eol = "\r\n") {
  Csv csv;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  const std::string_view e(eol);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (quoted) {
      if (c == '"' && i + 1 < bytes.size() && bytes[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      row.push_back(cell);
      cell.clear();
    } else if (bytes.compare(i, e.size(), e) == 0) {
      row.push_back(cell);
      cell.clear();
      if (!any) csv.header = row;
      else csv.rows.push_back(row);
      any = true;
      row.clear();
      i += e.size() - 1;
    } else {
      cell += c;
    }
  }
  return csv;
}

// Decimal-comma (or point) text to a scaled integer: scaled("12,34", 2) == 1234.
std::int64_t scaled(const std::string& s, int decimals, char point = ',') {
  bool neg = false;
  std::int64_t whole = 0, frac = 0;
  int fd = 0;
  bool in_frac = false;
  for (char c : s) {
    if (c == '-') neg = true;
    else if (c == point) in_frac = true;
    else if (c >= '0' && c <= '9') {
      if (in_frac) {
        if (fd < decimals) {
          frac = frac * 10 + (c - '0');
          ++fd;
        }
      } else {
        whole = whole * 10 + (c - '0');
      }
    } else {
      ADD_FAILURE() << "not a number: " << s;
    }
  }
  for (; fd < decimals; ++fd) frac *= 10;
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::int64_t v = whole * scale + frac;
  return neg ? -v : v;
}

double ratio(std::int64_t a, std::int64_t b) { return static_cast<double>(a) / static_cast<double>(b); }

// CTest runs each test in its own process, in parallel: every process gets its own folder.
fs::path process_dir() { return fs::path(POVO_BINARY_DIR) / "demo-test-output" / std::to_string(::getpid()); }

fs::path out_dir(const std::string& name) {
  const fs::path p = process_dir() / name;
  fs::remove_all(p);
  return p;
}

class DemoData : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    options_.out_dir = out_dir("seed2026").string();
    // POVO_DEMO_TEST_SEED lets one run the whole suite for another seed.
    const char* env = std::getenv("POVO_DEMO_TEST_SEED");
    options_.seed = env ? std::strtoull(env, nullptr, 10) : 2026;
    const auto t0 = std::chrono::steady_clock::now();
    summary_ = generate_demo_data(options_);
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    model_ = new DemoModel(build_demo_model(options_));
  }
  static void TearDownTestSuite() {
    delete model_;
    model_ = nullptr;
    fs::remove_all(process_dir());
  }
  static Csv file(const std::string& name) { return parse_csv(read_bytes(fs::path(options_.out_dir) / name)); }

  static DemoOptions options_;
  static DemoSummary summary_;
  static double seconds_;
  static DemoModel* model_;
};
DemoOptions DemoData::options_;
DemoSummary DemoData::summary_;
double DemoData::seconds_ = 0;
DemoModel* DemoData::model_ = nullptr;

const char* kDuoFiles[] = {"besturen.csv", "po-vestigingen.csv", "vo-vestigingen.csv", "financien-balans.csv",
                           "financien-staat-van-baten-en-lasten.csv", "po-leerlingen-per-vestiging.csv",
                           "vo-leerlingen-per-vestiging.csv", "vo-zittenblijvers.csv",
                           "po-onderwijspersoneel-in-fte.csv", "vo-onderwijspersoneel-in-fte.csv",
                           "verzuim-personeel.csv", "po-referentieniveaus.csv",
                           "vo-examenkandidaten-en-geslaagden.csv"};

}  // namespace

TEST(DemoFormat, CountCellsAndFixedPoint) {
  EXPECT_EQ(count_cell(0), "0");
  for (int n = 1; n <= 4; ++n) EXPECT_EQ(count_cell(n), "<5");
  EXPECT_EQ(count_cell(5), "5");
  EXPECT_EQ(count_cell(123), "123");
  EXPECT_EQ(fixed(123456, 2, ','), "1234,56");
  EXPECT_EQ(fixed(-5, 2, ','), "-0,05");
  EXPECT_EQ(fixed(0, 4, '.'), "0.0000");
  EXPECT_EQ(fixed_trimmed(909, 1, ','), "90,9");
  EXPECT_EQ(fixed_trimmed(1000, 1, ','), "100");
  EXPECT_EQ(to_cp1252("Fryslân ë ï —"), std::string("Frysl\xE2n \xEB \xEF \x97"));
  EXPECT_THROW(to_cp1252("\xE2\x82\xBF"), std::invalid_argument);  // no bitcoin sign in cp1252
}

TEST(DemoOptionsCheck, RejectsBadInput) {
  DemoOptions o;
  EXPECT_THROW(generate_demo_data(o), std::invalid_argument);  // no out_dir
  o.out_dir = out_dir("bad").string();
  o.first_year = 2024;
  o.last_year = 2020;
  EXPECT_THROW(generate_demo_data(o), std::invalid_argument);
}

TEST_F(DemoData, FastEnough) {
  RecordProperty("generation_seconds", std::to_string(seconds_));
}

TEST_F(DemoData, WritesAllFilesWithReadme) {
  std::set<std::string> written(summary_.files.begin(), summary_.files.end());
  for (const char* f : kDuoFiles) EXPECT_TRUE(written.count(f)) << f;
  EXPECT_TRUE(written.count("README.txt"));
  EXPECT_TRUE(written.count("demo-totals.csv"));
  const std::string readme = read_bytes(fs::path(options_.out_dir) / "README.txt");
  EXPECT_EQ(readme.rfind("FICTIEVE GEGEVENS \x97 fictional data generated by povo demo-data, seed " +
                             std::to_string(options_.seed) + "\r\n", 0),
            0u);
}

TEST_F(DemoData, SameSeedSameBytesOtherSeedOtherBytes) {
  DemoOptions again = options_;
  again.out_dir = out_dir("seed2026-again").string();
  generate_demo_data(again);
  DemoOptions other = options_;
  other.out_dir = out_dir("seed7").string();
  other.seed = options_.seed + 1;
  generate_demo_data(other);
  for (const auto& f : summary_.files) {
    const std::string a = read_bytes(fs::path(options_.out_dir) / f);
    EXPECT_EQ(a, read_bytes(fs::path(again.out_dir) / f)) << f;
    if (f != "README.txt") { EXPECT_NE(a, read_bytes(fs::path(other.out_dir) / f)) << f; }
  }
}

TEST_F(DemoData, Windows1252CrlfSemicolons) {
  bool saw_high = false;
  for (const char* f : kDuoFiles) {
    const std::string b = read_bytes(fs::path(options_.out_dir) / f);
    ASSERT_FALSE(b.empty()) << f;
    for (std::size_t i = 0; i < b.size(); ++i) {
      const auto c = static_cast<unsigned char>(b[i]);
      ASSERT_FALSE(c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) << f << " byte " << i;
      ASSERT_NE(c, 0) << f;
      if (c == '\n') { ASSERT_TRUE(i > 0 && b[i - 1] == '\r') << f << ": bare LF at " << i; }
      if (c == '\r') { ASSERT_TRUE(i + 1 < b.size() && b[i + 1] == '\n') << f; }
      if (c >= 0x80) saw_high = true;
    }
    EXPECT_NE(b.find(';'), std::string::npos) << f;
    const Csv csv = parse_csv(b);
    for (const auto& row : csv.rows) ASSERT_EQ(row.size(), csv.header.size()) << f;
  }
  EXPECT_TRUE(saw_high);  // ë, ï, â written as single cp1252 bytes
  const std::string besturen = read_bytes(fs::path(options_.out_dir) / "besturen.csv");
  EXPECT_EQ(besturen.find("\xC3"), std::string::npos) << "looks like UTF-8";
  const std::string vest = read_bytes(fs::path(options_.out_dir) / "po-vestigingen.csv");
  EXPECT_NE(vest.find("Frysl\xE2n"), std::string::npos);
}

TEST_F(DemoData, CountsInExpectedRanges) {
  EXPECT_GE(summary_.po.boards, 850);
  EXPECT_LE(summary_.po.boards, 950);
  EXPECT_GE(summary_.vo.boards, 280);
  EXPECT_LE(summary_.vo.boards, 320);
  EXPECT_GE(summary_.po.branches, 6300);
  EXPECT_LE(summary_.po.branches, 6700);
  EXPECT_GE(summary_.vo.branches, 1350);
  EXPECT_LE(summary_.vo.branches, 1450);
  const double po_single = ratio(summary_.po.single_school_boards, summary_.po.boards);
  EXPECT_GT(po_single, 0.28);
  EXPECT_LT(po_single, 0.38);
  // vo: "more than a third of boards have one vestiging".
  int vo_single_branch = 0, max_po = 0;
  for (const auto& b : model_->boards) {
    std::size_t n = 0;
    for (auto s : b.schools) n += model_->schools[s].branches.size();
    if (b.sector == Sector::vo && n == 1) ++vo_single_branch;
    if (b.sector == Sector::po) max_po = std::max(max_po, static_cast<int>(n));
  }
  EXPECT_GT(ratio(vo_single_branch, summary_.vo.boards), 0.30);
  EXPECT_LT(ratio(vo_single_branch, summary_.vo.boards), 0.42);
  EXPECT_GE(max_po, 40);  // a long tail of large boards
  EXPECT_LE(max_po, 72);
  // Pupils: po about 1.4 million and declining, vo about 0.95 million and stable.
  std::int64_t po0 = 0, poN = 0, vo0 = 0, voN = 0;
  for (const auto& br : model_->branches) {
    const bool po = model_->boards[br.board].sector == Sector::po;
    (po ? po0 : vo0) += br.pupils.front();
    (po ? poN : voN) += br.pupils.back();
  }
  EXPECT_GT(po0, 1'300'000);
  EXPECT_LT(po0, 1'550'000);
  EXPECT_LT(poN, po0);
  EXPECT_GT(vo0, 880'000);
  EXPECT_LT(vo0, 1'020'000);
  EXPECT_LT(std::abs(ratio(voN, vo0) - 1.0), 0.03);
}

TEST_F(DemoData, IdentifiersLookLikeDuo) {
  std::set<std::string> numbers, branches;
  for (const auto& b : model_->boards) {
    EXPECT_EQ(b.number.size(), 5u);
    EXPECT_TRUE(numbers.insert(b.number).second);
  }
  for (const auto& br : model_->branches) {
    ASSERT_EQ(br.code.size(), 6u);
    EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(br.code[0])) && std::isdigit(static_cast<unsigned char>(br.code[1])));
    EXPECT_TRUE(std::isupper(static_cast<unsigned char>(br.code[2])) && std::isupper(static_cast<unsigned char>(br.code[3])));
    EXPECT_EQ(br.code.substr(0, 4), model_->schools[br.school].brin);
    EXPECT_TRUE(branches.insert(br.code).second);
  }
}

TEST_F(DemoData, BalanceSheetsBalanceAndEquityRollsForward) {
  for (const auto& b : model_->boards) {
    for (std::size_t y = 0; y < model_->years.size(); ++y) {
      const auto& F = b.finance[y];
      ASSERT_EQ(F[kVasteActiva], F[kMaterieleVasteActiva] + F[kFinancieleVasteActiva]) << b.number;
      ASSERT_EQ(F[kVlottendeActiva], F[kVorderingen] + F[kLiquideMiddelen]) << b.number;
      ASSERT_EQ(F[kTotaalActiva], F[kVasteActiva] + F[kVlottendeActiva]) << b.number;
      ASSERT_EQ(F[kTotaalActiva], F[kEigenVermogen] + F[kVoorzieningen] + F[kLanglopendeSchulden] + F[kKortlopendeSchulden])
          << b.number;
      ASSERT_EQ(F[kTotaleBaten], F[kRijksbijdragen] + F[kOverigeOverheidsbijdragen] + F[kOverigeBaten]);
      ASSERT_EQ(F[kTotaleLasten], F[kPersoneelslasten] + F[kAfschrijvingen] + F[kHuisvestingslasten] + F[kOverigeLasten]);
      ASSERT_EQ(F[kResultaat], F[kTotaleBaten] - F[kTotaleLasten] + F[kFinancieleBaten] - F[kFinancieleLasten]);
      ASSERT_GT(F[kOverigeLasten], 0);
      ASSERT_GE(F[kLiquideMiddelen], 0);
      ASSERT_LE(F[kGebouwenBoekwaarde], F[kMaterieleVasteActiva]);
      ASSERT_LE(F[kPriveVermogen], std::max<std::int64_t>(0, F[kEigenVermogen]));
      if (y > 0) { ASSERT_EQ(F[kEigenVermogen], b.finance[y - 1][kEigenVermogen] + F[kResultaat]) << b.number; }
    }
  }
  // The same in the written file.
  const Csv bal = file("financien-balans.csv");
  const auto ta = bal.col("TOTAAL ACTIVA"), tp = bal.col("TOTAAL PASSIVA"), va = bal.col("TOTAAL VASTE ACTIVA"),
             vl = bal.col("TOTAAL VLOTTENDE ACTIVA");
  for (const auto& r : bal.rows) {
    ASSERT_EQ(scaled(r[ta], 2), scaled(r[tp], 2));
    ASSERT_EQ(scaled(r[ta], 2), scaled(r[va], 2) + scaled(r[vl], 2));
  }
}

TEST_F(DemoData, SectorRatiosMatchPublishedAggregates) {
  // domain-research.md §2.3 (2021, ratio of sums): po 0.73 / 2.7 / 0.79; vo 0.63 / 2.2 / 0.76.
  struct Target { Sector s; double solv, current, pers; };
  for (const Target t : {Target{Sector::po, 0.73, 2.7, 0.79}, Target{Sector::vo, 0.63, 2.2, 0.76}}) {
    for (std::size_t y = 0; y < model_->years.size(); ++y) {
      Finance sum{};
      for (const auto& b : model_->boards)
        if (b.sector == t.s)
          for (int k = 0; k < kFinItemCount; ++k) sum[k] += b.finance[y][k];
      const double solv = ratio(sum[kEigenVermogen] + sum[kVoorzieningen], sum[kTotaalActiva]);
      const double cur = ratio(sum[kVlottendeActiva], sum[kKortlopendeSchulden]);
      const double pers = ratio(sum[kPersoneelslasten], sum[kTotaleBaten]);
      const double huis = ratio(sum[kHuisvestingslasten], sum[kTotaleLasten]);
      const double pers_l = ratio(sum[kPersoneelslasten], sum[kTotaleLasten]);
      const std::string what = std::string(sector_key(t.s)) + " " + std::to_string(model_->years[y]);
      EXPECT_NEAR(solv, t.solv, 0.15 * t.solv) << what;
      EXPECT_NEAR(cur, t.current, 0.15 * t.current) << what;
      EXPECT_NEAR(pers, t.pers, 0.15 * t.pers) << what;
      EXPECT_NEAR(pers_l, 0.81, 0.04) << what;
      EXPECT_NEAR(huis, 0.06, 0.01) << what;
    }
  }
}

TEST_F(DemoData, IncomePerPupil) {
  const std::size_t y = 2;  // 2022
  ASSERT_EQ(model_->years[y], 2022);
  for (Sector s : {Sector::po, Sector::vo}) {
    std::int64_t baten = 0, pupils = 0;
    for (const auto& b : model_->boards)
      if (b.sector == s) baten += b.finance[y][kTotaleBaten];
    for (const auto& br : model_->branches)
      if (model_->boards[br.board].sector == s) pupils += br.pupils[y];
    const double per = ratio(baten, pupils) / 100.0;
    EXPECT_NEAR(per, s == Sector::po ? 8300 : 10600, 900) << sector_key(s);
  }
}

TEST_F(DemoData, BoardRatioDistributionsAndSignalValues) {
  for (Sector s : {Sector::po, Sector::vo}) {
    for (std::size_t y = 0; y < model_->years.size(); ++y) {
      int n = 0, solv_mid = 0, solv_low = 0, cur_mid = 0, cur_high = 0, cur_low = 0, rent_mid = 0, neg_ev = 0,
          cash = 0, bovenmatig = 0;
      int liq_signal[3] = {0, 0, 0}, liq_class[3] = {0, 0, 0};
      for (const auto& b : model_->boards) {
        if (b.sector != s) continue;
        const auto& F = b.finance[y];
        ++n;
        const double solv = ratio(F[kEigenVermogen] + F[kVoorzieningen], F[kTotaalActiva]);
        const double cur = ratio(F[kVlottendeActiva], F[kKortlopendeSchulden]);
        const double rent = ratio(F[kResultaat], F[kTotaleBaten] + F[kFinancieleBaten]);
        const double baten = static_cast<double>(F[kTotaleBaten] + F[kFinancieleBaten]) / 100.0;
        solv_mid += solv >= 0.6 && solv <= 0.9;
        solv_low += solv < 0.3;
        cur_mid += cur >= 1 && cur <= 5;
        cur_high += cur > 6;
        cur_low += cur < 1;
        rent_mid += rent >= -0.04 && rent <= 0.04;
        neg_ev += F[kEigenVermogen] < 0;
        cash += F[kLiquideMiddelen] < 100000 * 100;
        const int cls = baten < 3e6 ? 0 : baten <= 12e6 ? 1 : 2;
        const double limit[3] = {1.5, 1.0, 0.75};
        ++liq_class[cls];
        liq_signal[cls] += cur < limit[cls];
        // §3.4: normatief publiek eigen vermogen.
        const double buffer = baten >= 12e6 ? 0.05 * baten
                              : baten >= 3e6 ? (0.05 + (0.10 - 0.05) / (std::log(3e6) - std::log(12e6)) *
                                                           (std::log(baten) - std::log(12e6))) * baten
                                             : 300000.0;
        const double normatief = 0.5 * 1.27 * static_cast<double>(F[kGebouwenAanschafwaarde]) / 100.0 +
                                 static_cast<double>(F[kMaterieleVasteActiva] - F[kGebouwenBoekwaarde]) / 100.0 + buffer;
        bovenmatig += static_cast<double>(F[kEigenVermogen] - F[kPriveVermogen]) / 100.0 > normatief;
      }
      const std::string what = std::string(sector_key(s)) + " " + std::to_string(model_->years[y]);
      EXPECT_GT(ratio(solv_mid, n), 0.5) << what;
      EXPECT_GT(ratio(cur_mid, n), 0.6) << what;
      EXPECT_GT(ratio(rent_mid, n), 0.5) << what;
      EXPECT_GE(solv_low, 2) << what;
      EXPECT_LT(ratio(solv_low, n), 0.05) << what;
      EXPECT_GE(cur_high, 2) << what;
      EXPECT_GE(cur_low, 2) << what;
      EXPECT_GE(neg_ev, 1) << what;
      EXPECT_LT(ratio(neg_ev, n), 0.04) << what;
      EXPECT_GE(cash, 1) << what;
      EXPECT_GE(bovenmatig, 3) << what;
      for (int c = 0; c < 3; ++c)
        if (liq_class[c] >= 10) { EXPECT_GE(liq_signal[c], 1) << what << " liquidity class " << c; }
      EXPECT_GE(liq_signal[1] + liq_signal[2], 1) << what;
    }
  }
}

TEST_F(DemoData, StaffAndAbsence) {
  for (Sector s : {Sector::po, Sector::vo}) {
    for (std::size_t y = 0; y < model_->years.size(); ++y) {
      std::int64_t fte = 0, women = 0, old = 0, vast = 0, pupils = 0;
      double absence = 0;
      int n = 0;
      for (const auto& b : model_->boards) {
        if (b.sector != s) continue;
        for (int g = 0; g < kStaffGroupCount; ++g) {
          const auto& c = b.staff[g][y];
          ASSERT_EQ(c.fte, c.fte_man + c.fte_vrouw);
          ASSERT_EQ(c.fte, c.fte_vast + c.fte_tijdelijk);
          std::int64_t ages = 0;
          for (auto a : c.fte_age) ages += a;
          ASSERT_EQ(c.fte, ages);
          fte += c.fte;
          women += c.fte_vrouw;
          old += c.fte_age[4] + c.fte_age[5];
          vast += c.fte_vast;
        }
        absence += static_cast<double>(b.absence[y].verzuim_honderdste) / 100.0;
        ++n;
      }
      for (const auto& br : model_->branches)
        if (model_->boards[br.board].sector == s) pupils += br.pupils[y];
      const std::string what = std::string(sector_key(s)) + " " + std::to_string(model_->years[y]);
      const double per_pupil = ratio(fte, pupils) / 1e4;
      EXPECT_NEAR(per_pupil, s == Sector::po ? 0.095 : 0.093, 0.01) << what;
      EXPECT_NEAR(ratio(women, fte), s == Sector::po ? 0.80 : 0.55, 0.04) << what;
      EXPECT_NEAR(ratio(old, fte), s == Sector::po ? 0.225 : 0.28, 0.04) << what;
      EXPECT_NEAR(ratio(vast, fte), 0.85, 0.05) << what;
      EXPECT_GT(absence / n, 5.0) << what;
      EXPECT_LT(absence / n, 7.0) << what;
    }
  }
}

TEST_F(DemoData, OutcomesPoAndVo) {
  for (std::size_t y = 0; y < model_->years.size(); ++y) {
    double sum1 = 0, sum2 = 0;
    int schools = 0, below85 = 0;
    std::int64_t cand = 0, pass = 0;
    for (const auto& br : model_->branches) {
      if (!br.ref.empty()) {
        const auto& r = br.ref[y];
        ASSERT_LE(r.at_2f1s, r.at_1f);
        ASSERT_LE(r.at_1f, r.tested);
        if (r.tested == 0) continue;
        ++schools;
        sum1 += ratio(r.at_1f, r.tested);
        sum2 += ratio(r.at_2f1s, r.tested);
        below85 += ratio(r.at_1f, r.tested) < 0.85;
      }
      for (const auto& e : br.exams) {
        const auto& v = e.per_year[y];
        ASSERT_LE(v[1], v[0]);
        ASSERT_LE(v[3], v[2]);
        cand += v[0] + v[2];
        pass += v[1] + v[3];
      }
    }
    const std::string what = std::to_string(model_->years[y]);
    EXPECT_NEAR(sum1 / schools, 0.955, 0.02) << what;
    EXPECT_NEAR(sum2 / schools, 0.59, 0.05) << what;
    EXPECT_GT(below85, 20) << what;
    EXPECT_NEAR(ratio(pass, cand), model_->years[y] == 2020 ? 0.985 : 0.91, 0.04) << what;
  }
}

TEST_F(DemoData, SmallCountsSuppressedExactlyLikeDuo) {
  // Cells in count columns never show 1..4 as a number; "<5" and "0" both occur.
  struct Spec { const char* file; std::vector<std::string> prefixes; };
  const std::vector<Spec> specs = {
      {"po-referentieniveaus.csv", {"REKENEN_", "LV_", "TV_", "AANTAL_"}},
      {"vo-examenkandidaten-en-geslaagden.csv", {"EXAMENKANDIDATEN", "GESLAAGDEN"}},
      {"vo-zittenblijvers.csv", {"ZITTENBLIJVERS"}},
      {"po-onderwijspersoneel-in-fte.csv", {"PERSONEN 2"}},
      {"vo-onderwijspersoneel-in-fte.csv", {"PERSONEN 2"}},
      {"po-leerlingen-per-vestiging.csv", {"LEERLINGEN_"}},
      {"vo-leerlingen-per-vestiging.csv", {"LEERLINGEN "}},
  };
  int suppressed = 0, zeros = 0;
  for (const auto& sp : specs) {
    const Csv csv = file(sp.file);
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < csv.header.size(); ++i)
      for (const auto& p : sp.prefixes)
        if (csv.header[i].rfind(p, 0) == 0) cols.push_back(i);
    ASSERT_FALSE(cols.empty()) << sp.file;
    for (const auto& r : csv.rows)
      for (auto c : cols) {
        const std::string& v = r[c];
        ASSERT_TRUE(v != "1" && v != "2" && v != "3" && v != "4") << sp.file << " " << csv.header[c];
        if (v == "<5") ++suppressed;
        else if (v == "0") ++zeros;
        else ASSERT_GE(scaled(v, 0), 5) << sp.file << " " << csv.header[c] << " '" << v << "'";
      }
  }
  EXPECT_GT(suppressed, 1000);
  EXPECT_GT(zeros, 100);
  // And the suppressed cells are exactly those with 1..4 in the model (referentieniveaus).
  const Csv ref = file("po-referentieniveaus.csv");
  const auto cv = ref.col("VESTIGINGSCODE"), cj = ref.col("SCHOOLJAAR"), ct = ref.col("AANTAL_GETOETST"),
             c1 = ref.col("AANTAL_1F_OF_HOGER"), c2 = ref.col("AANTAL_2F_OF_1S");
  std::map<std::string, const Branch*> by_code;
  for (const auto& br : model_->branches) by_code[br.code] = &br;
  for (const auto& r : ref.rows) {
    const Branch* br = by_code.at(r[cv]);
    const int year = std::stoi(r[cj].substr(5));
    const auto& res = br->ref[static_cast<std::size_t>(year - model_->years.front())];
    ASSERT_EQ(r[ct], count_cell(res.tested));
    ASSERT_EQ(r[c1], count_cell(res.at_1f));
    ASSERT_EQ(r[c2], count_cell(res.at_2f1s));
  }
}

TEST_F(DemoData, TotalsFileEqualsSumsOverWrittenFiles) {
  // Read demo-totals.csv (UTF-8, ',' separated, '.' decimals).
  const Csv totals_csv = parse_csv(read_bytes(fs::path(options_.out_dir) / "demo-totals.csv"), ',', "\n");
  ASSERT_EQ(totals_csv.header, (std::vector<std::string>{"sector", "year", "measure", "value"}));
  std::map<std::string, std::string> totals;  // "po|2021|measure" -> value
  for (const auto& r : totals_csv.rows) totals[r[0] + "|" + r[1] + "|" + r[2]] = r[3];
  std::map<std::string, std::int64_t> sums;
  auto key = [](const std::string& sector, int year, const std::string& m) {
    return sector + "|" + std::to_string(year) + "|" + m;
  };
  const auto& years = model_->years;
  // Boards.
  const Csv besturen = file("besturen.csv");
  std::map<std::string, std::string> sector_of;
  for (const auto& r : besturen.rows) {
    const std::string s = r[besturen.col("SECTOR")] == "PO" ? "po" : "vo";
    sector_of[r[besturen.col("BEVOEGD GEZAG NUMMER")]] = s;
    for (int y : years) ++sums[key(s, y, "besturen")];
  }
  // Schools and branches from the registries.
  for (const char* s : {"po", "vo"}) {
    const Csv v = file(std::string(s) + "-vestigingen.csv");
    std::set<std::string> brins;
    for (const auto& r : v.rows) {
      brins.insert(r[v.col("BRIN NUMMER")]);
      EXPECT_EQ(sector_of.at(r[v.col("BEVOEGD GEZAG NUMMER")]), s);
    }
    for (int y : years) {
      sums[key(s, y, "vestigingen")] = static_cast<std::int64_t>(v.rows.size());
      sums[key(s, y, "scholen")] = static_cast<std::int64_t>(brins.size());
    }
  }
  // Pupils.
  const Csv lpo = file("po-leerlingen-per-vestiging.csv"), lvo = file("vo-leerlingen-per-vestiging.csv");
  for (int y : years) {
    for (const auto& r : lpo.rows) sums[key("po", y, "leerlingen")] += scaled(r[lpo.col("LEERLINGEN_" + std::to_string(y))], 0);
    for (const auto& r : lvo.rows) sums[key("vo", y, "leerlingen")] += scaled(r[lvo.col("LEERLINGEN " + std::to_string(y))], 0);
  }
  // Staff fte.
  for (const char* s : {"po", "vo"}) {
    const Csv st = file(std::string(s) + "-onderwijspersoneel-in-fte.csv");
    for (int y : years)
      for (const auto& r : st.rows) sums[key(s, y, "fte_totaal")] += scaled(r[st.col("FTE'S " + std::to_string(y))], 4);
  }
  // Finance.
  for (const char* f : {"financien-balans.csv", "financien-staat-van-baten-en-lasten.csv"}) {
    const Csv fin = file(f);
    for (int k = 0; k < kFinItemCount; ++k) {
      const auto& info = fin_item_info(k);
      bool here = false;
      for (const auto& h : fin.header) here = here || h == info.duo_column;
      if (!here) continue;
      const auto c = fin.col(info.duo_column);
      for (const auto& r : fin.rows)
        sums[key(sector_of.at(r[fin.col("BEVOEGD GEZAG NUMMER")]), std::stoi(r[fin.col("JAAR")]), info.measure)] +=
            scaled(r[c], 2);
    }
  }
  // Compare every total with the sums.
  int compared = 0;
  for (const auto& [k, v] : totals) {
    const std::string measure = k.substr(k.rfind('|') + 1);
    const int decimals = measure == "fte_totaal" ? 4
                         : (measure == "besturen" || measure == "scholen" || measure == "vestigingen" ||
                            measure == "leerlingen")
                             ? 0
                             : 2;
    ASSERT_TRUE(sums.count(k)) << k;
    EXPECT_EQ(scaled(v, decimals, '.'), sums[k]) << k;
    ++compared;
  }
  EXPECT_EQ(compared, 2 * static_cast<int>(years.size()) * (5 + kFinItemCount));
}

TEST_F(DemoData, FictionalNamesAndRealGeography) {
  const Csv b = file("besturen.csv");
  std::set<std::string> names;
  for (const auto& r : b.rows) names.insert(r[b.col("BEVOEGD GEZAG NAAM")]);
  EXPECT_GT(names.size(), b.rows.size() * 8 / 10);  // mostly distinct names
  const Csv v = file("po-vestigingen.csv");
  std::set<std::string> provinces, rpa;
  for (const auto& r : v.rows) {
    provinces.insert(r[v.col("PROVINCIE")]);
    rpa.insert(r[v.col("RPA-GEBIED NAAM")]);
    EXPECT_NE(r[v.col("INTERNETADRES")].find(".example"), std::string::npos);
  }
  EXPECT_EQ(provinces.size(), 12u);
  EXPECT_GT(rpa.size(), 25u);
}
