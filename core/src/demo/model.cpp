// Generation of the fictional sector. Calibration targets (domain-research.md §2.3, §3, §5)
// are noted next to the parameters that hit them.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include "demo/model.hpp"
#include "demo/names.hpp"
#include "demo/rng.hpp"

namespace povo::demo {

const char* sector_code(Sector s) { return s == Sector::po ? "PO" : "VO"; }
const char* sector_key(Sector s) { return s == Sector::po ? "po" : "vo"; }

const FinItemInfo& fin_item_info(int item) {
  static const FinItemInfo kInfo[kFinItemCount] = {
      {"materiele_vaste_activa", "MATERIELE VASTE ACTIVA"},
      {"gebouwen_boekwaarde", "GEBOUWEN EN TERREINEN BOEKWAARDE"},
      {"gebouwen_aanschafwaarde", "GEBOUWEN EN TERREINEN AANSCHAFWAARDE"},
      {"financiele_vaste_activa", "FINANCIELE VASTE ACTIVA"},
      {"vaste_activa", "TOTAAL VASTE ACTIVA"},
      {"vorderingen", "VORDERINGEN"},
      {"liquide_middelen", "LIQUIDE MIDDELEN"},
      {"vlottende_activa", "TOTAAL VLOTTENDE ACTIVA"},
      {"totaal_activa", "TOTAAL ACTIVA"},
      {"eigen_vermogen", "EIGEN VERMOGEN"},
      {"prive_vermogen", "PRIVAAT VERMOGEN"},
      {"voorzieningen", "VOORZIENINGEN"},
      {"langlopende_schulden", "LANGLOPENDE SCHULDEN"},
      {"kortlopende_schulden", "KORTLOPENDE SCHULDEN"},
      {"rijksbijdragen", "RIJKSBIJDRAGEN"},
      {"overige_overheidsbijdragen", "OVERIGE OVERHEIDSBIJDRAGEN EN -SUBSIDIES"},
      {"overige_baten", "OVERIGE BATEN"},
      {"totale_baten", "TOTAAL BATEN"},
      {"personeelslasten", "PERSONEELSLASTEN"},
      {"afschrijvingen", "AFSCHRIJVINGEN"},
      {"huisvestingslasten", "HUISVESTINGSLASTEN"},
      {"overige_lasten", "OVERIGE LASTEN"},
      {"totale_lasten", "TOTAAL LASTEN"},
      {"financiele_baten", "FINANCIELE BATEN"},
      {"financiele_lasten", "FINANCIELE LASTEN"},
      {"resultaat", "RESULTAAT"},
  };
  return kInfo[item];
}

const char* staff_group_name(int g) {
  static const char* kNames[kStaffGroupCount] = {"Directie", "Onderwijsgevend personeel",
                                                  "Onderwijsondersteunend personeel (OOP/OBP)",
                                                  "Leraren in opleiding (LIO)"};
  return kNames[g];
}

const char* age_band_label(int band) {
  static const char* kLabels[kAgeBandCount] = {"15 - 25", "25 - 35", "35 - 45", "45 - 55", "55 - 65", "65"};
  return kLabels[band];
}

namespace {

constexpr int kMaxYears = 20;

// Random sub-streams, so that changing one part of the generator leaves the others alone.
enum Stream : std::uint64_t { kStructure = 1, kPlaces, kNames, kPupils, kFinance, kStaff, kOutcomes, kStress };

std::int64_t cents(double euro) { return std::llround(euro * 100.0); }
double clampd(double x, double lo, double hi) { return std::min(hi, std::max(lo, x)); }

// ---- year parameters ----------------------------------------------------------------
// Rijksbijdragen per pupil (euro) by calendar year; §2.3: po €7,936 and vo €10,200 in 2022.
double funding_per_pupil(Sector s, int year) {
  static const std::map<int, std::pair<double, double>> kKnown = {
      {2018, {6650, 8700}}, {2019, {7000, 9100}}, {2020, {7250, 9400}}, {2021, {7700, 9900}},
      {2022, {7936, 10200}}, {2023, {8750, 11100}}, {2024, {9150, 11600}}};
  auto it = kKnown.find(year);
  double po, vo;
  if (it != kKnown.end()) {
    po = it->second.first;
    vo = it->second.second;
  } else if (year < 2018) {
    po = 6650 * ppow(1.0 / 1.025, 2018 - year);
    vo = 8700 * ppow(1.0 / 1.025, 2018 - year);
  } else {
    po = 9150 * ppow(1.03, year - 2024);
    vo = 11600 * ppow(1.03, year - 2024);
  }
  return s == Sector::po ? po : vo;
}
// Mean rentabiliteit by year (2021 was high because of NPO money; §2.3 shows +3.9% po).
double sector_result(int year) {
  switch (year) {
    case 2019: return 0.006;
    case 2020: return -0.010;
    case 2021: return 0.030;
    case 2022: return 0.012;
    case 2023: return 0.004;
    case 2024: return -0.004;
    default: return 0.0;
  }
}
// Personnel cost per fte (euro); tuned so that po has about 0.095 fte per pupil (§5).
double cost_per_fte(Sector s, int year) {
  const double po2022 = 69500, vo2022 = 88500;
  double f = ppow(1.035, year - 2022);
  if (year >= 2023) f *= 1.06;  // CAO raise 2023
  return (s == Sector::po ? po2022 : vo2022) * f;
}

// ---- structure ----------------------------------------------------------------------
struct Denom {
  const char* name;
  double po, vo;
};
const Denom kDenominations[] = {
    {"Openbaar", 0.31, 0.30},
    {"Rooms-Katholiek", 0.27, 0.25},
    {"Protestants-Christelijk", 0.25, 0.22},
    {"Algemeen bijzonder", 0.06, 0.08},
    {"Interconfessioneel", 0.005, 0.07},
    {"Reformatorisch", 0.025, 0.025},
    {"Gereformeerd vrijgemaakt", 0.018, 0.01},
    {"Antroposofisch", 0.012, 0.01},
    {"Islamitisch", 0.01, 0.005},
    {"Hindoeïstisch", 0.005, 0.0},
    {"Evangelisch", 0.005, 0.0},
    {"Samenwerking PC, RK", 0.01, 0.015},
    {"Samenwerking Opb., PC", 0.003, 0.005},
};

struct VoStructure {
  const char* name;
  double share;
  double median_pupils;
};
const VoStructure kVoStructures[] = {
    {"VBO/MAVO", 0.24, 530}, {"HAVO/VWO", 0.19, 950}, {"MAVO/HAVO/VWO", 0.14, 875},
    {"VBO/MAVO/HAVO/VWO", 0.22, 1065}, {"PRO", 0.08, 235}, {"VWO", 0.04, 730}, {"MAVO", 0.09, 425},
};

std::vector<int> board_sizes(Rng& rng, Sector s, int boards, int target_branches, int& singles) {
  std::vector<int> size(static_cast<std::size_t>(boards), 1);
  const double single_share = s == Sector::po ? rng.uniform(0.31, 0.35) : rng.uniform(0.34, 0.38);
  singles = static_cast<int>(std::lround(boards * single_share));
  const int cap = s == Sector::po ? 72 : 45;
  const int min_multi = 2;
  for (int i = singles; i < boards; ++i) {
    int n;
    if (s == Sector::po) {
      n = 2 + static_cast<int>(rng.lognormal(5.6, 0.85));
    } else if (rng.chance(0.62)) {
      const double u = rng.uniform();
      n = u < 0.35 ? 2 : u < 0.63 ? 3 : u < 0.83 ? 4 : 5;
    } else {
      n = 6 + static_cast<int>(rng.lognormal(5.0, 0.7));
    }
    size[static_cast<std::size_t>(i)] = std::min(cap, n);
  }
  // Adjust to the branch target: vo keeps its size classes (2-5 / >5) intact.
  auto total = [&]() {
    long t = 0;
    for (int v : size) t += v;
    return t;
  };
  long diff = target_branches - total();
  int guard = 0;
  while (diff != 0 && guard++ < 1000000) {
    const auto i = static_cast<std::size_t>(rng.range(singles, boards - 1));
    const int lo = (s == Sector::vo && size[i] >= 6) ? 6 : min_multi;
    const int hi = (s == Sector::vo && size[i] <= 5) ? 5 : cap;
    if (diff > 0 && size[i] < hi && (s == Sector::po || size[i] >= 6)) {
      ++size[i];
      --diff;
    } else if (diff < 0 && size[i] > lo && (s == Sector::po || size[i] >= 7)) {
      --size[i];
      ++diff;
    }
  }
  // A shuffled order, so single-school boards do not all come first.
  for (std::size_t i = size.size(); i > 1; --i) {
    std::swap(size[i - 1], size[static_cast<std::size_t>(rng.range(0, static_cast<std::int64_t>(i) - 1))]);
  }
  return size;
}

struct Geo {
  std::vector<double> muni_weight;
  std::map<std::string, std::vector<int>> by_rpa, by_province;
  std::vector<std::vector<int>> places_of;  // per municipality
  std::vector<std::vector<double>> place_weight;
  Geo() {
    const auto& m = geo_municipalities();
    const auto& p = geo_places();
    places_of.resize(m.size());
    place_weight.resize(m.size());
    for (std::size_t i = 0; i < m.size(); ++i) {
      muni_weight.push_back(m[i].weight);
      by_rpa[m[i].regions[kRpa].code].push_back(static_cast<int>(i));
      by_province[m[i].province].push_back(static_cast<int>(i));
    }
    for (std::size_t j = 0; j < p.size(); ++j) {
      places_of[static_cast<std::size_t>(p[j].municipality)].push_back(static_cast<int>(j));
      place_weight[static_cast<std::size_t>(p[j].municipality)].push_back(p[j].weight);
    }
  }
  int pick_in(Rng& rng, const std::vector<int>& munis) const {
    std::vector<double> w;
    for (int i : munis) w.push_back(muni_weight[static_cast<std::size_t>(i)]);
    return munis[rng.weighted(w)];
  }
  int pick_place(Rng& rng, int muni) const {
    const auto& ps = places_of[static_cast<std::size_t>(muni)];
    return ps[rng.weighted(place_weight[static_cast<std::size_t>(muni)])];
  }
};

bool is_frisian(int muni) { return std::string(geo_municipalities()[static_cast<std::size_t>(muni)].province) == "Friesland"; }

std::string unique_code(Rng& rng, std::set<std::string>& used, bool brin) {
  for (;;) {
    std::string c;
    if (brin) {
      c += static_cast<char>('0' + rng.range(0, 9));
      c += static_cast<char>('0' + rng.range(0, 9));
      c += static_cast<char>('A' + rng.range(0, 25));
      c += static_cast<char>('A' + rng.range(0, 25));
    } else {
      c = std::to_string(rng.range(10000, 99999));
    }
    if (used.insert(c).second) return c;
  }
}

void build_structure(DemoModel& m, Sector sector, Rng& rng, Rng& prng, Rng& nrng, const Geo& geo,
                     std::set<std::string>& board_numbers, std::set<std::string>& brins) {
  const bool vo = sector == Sector::vo;
  const int boards = vo ? static_cast<int>(rng.range(292, 306)) : static_cast<int>(rng.range(885, 915));
  const int target = vo ? static_cast<int>(rng.range(1385, 1425)) : static_cast<int>(rng.range(6440, 6560));
  int singles = 0;
  const auto sizes = board_sizes(rng, sector, boards, target, singles);
  const auto& munis = geo_municipalities();
  for (int nb : sizes) {
    Board b;
    b.sector = sector;
    b.number = unique_code(rng, board_numbers, false);
    {
      std::vector<double> w;
      for (const auto& d : kDenominations) w.push_back(vo ? d.vo : d.po);
      b.denomination = kDenominations[rng.weighted(w)].name;
    }
    b.municipality = prng.weighted(geo.muni_weight);
    b.place = geo.pick_place(prng, b.municipality);
    const bool frisian = is_frisian(b.municipality);
    const auto board_index = m.boards.size();
    // Branches, grouped into schools (BRIN).
    std::size_t current_school = SIZE_MAX;
    std::string first_school_name;
    for (int k = 0; k < nb; ++k) {
      Branch br;
      br.board = board_index;
      // Location: first branch at the board's seat, the others nearby.
      if (k == 0) {
        br.municipality = b.municipality;
      } else {
        const double u = prng.uniform();
        const auto& home = munis[static_cast<std::size_t>(b.municipality)];
        if (u < 0.45) br.municipality = b.municipality;
        else if (u < 0.85) br.municipality = geo.pick_in(prng, geo.by_rpa.at(home.regions[kRpa].code));
        else br.municipality = geo.pick_in(prng, geo.by_province.at(home.province));
      }
      br.place = geo.pick_place(prng, br.municipality);
      br.denomination = b.denomination;
      if (b.denomination.rfind("Samenwerking", 0) == 0 && rng.chance(0.5))
        br.denomination = rng.chance(0.5) ? "Protestants-Christelijk" : "Rooms-Katholiek";
      if (vo) {
        std::vector<double> w;
        for (const auto& st : kVoStructures) w.push_back(st.share);
        br.soort = kVoStructures[rng.weighted(w)].name;
      } else {
        br.soort = rng.chance(0.04) ? "SBO" : "BO";
      }
      // New school, or another vestiging of the current one.
      const double p_new = vo ? 0.5 : 0.95;
      bool new_school = current_school == SIZE_MAX || rng.chance(p_new);
      if (!new_school && m.schools[current_school].branches.size() >= (vo ? 4u : 2u)) new_school = true;
      const bool frisian_branch = is_frisian(br.municipality);
      if (new_school) {
        School s;
        s.board = board_index;
        s.brin = unique_code(rng, brins, true);
        s.name = vo ? names::vo_school_name(nrng, br.soort, br.denomination, frisian_branch)
                    : names::po_school_name(nrng, br.denomination, br.soort == "SBO", frisian_branch);
        current_school = m.schools.size();
        m.schools.push_back(s);
        b.schools.push_back(current_school);
        br.name = s.name;
      } else {
        auto& s = m.schools[current_school];
        br.name = s.name + " locatie " + names::title_case(geo_places()[static_cast<std::size_t>(br.place)].name);
        if (!vo) br.soort = m.branches[s.branches.front()].soort;
      }
      auto& school = m.schools[current_school];
      const char digit_hi = static_cast<char>('0' + school.branches.size() / 10);
      const char digit_lo = static_cast<char>('0' + school.branches.size() % 10);
      br.code = school.brin + digit_hi + digit_lo;
      br.school = current_school;
      br.street = names::street_name(nrng);
      br.house_number = names::house_number(nrng);
      br.postcode = names::postcode(nrng, geo_places()[static_cast<std::size_t>(br.place)].pc4);
      br.website = names::website(br.name);
      if (first_school_name.empty()) first_school_name = school.name;
      school.branches.push_back(m.branches.size());
      m.branches.push_back(std::move(br));
    }
    b.name = names::board_name(nrng, vo, b.denomination, b.schools.size() == 1, first_school_name, frisian);
    b.street = names::street_name(nrng);
    b.house_number = names::house_number(nrng);
    b.postcode = names::postcode(nrng, geo_places()[static_cast<std::size_t>(b.place)].pc4);
    b.website = names::website(b.name);
    m.boards.push_back(std::move(b));
  }
}

// ---- pupils -------------------------------------------------------------------------
void build_pupils(DemoModel& m, Rng& rng) {
  const std::size_t ny = m.years.size();
  for (auto& br : m.branches) {
    const bool vo = m.boards[br.board].sector == Sector::vo;
    const bool neven = br.code.substr(4) != "00";
    double p;
    double drift;
    if (!vo) {
      // §5: CBS size classes (<=100: 18%, 101-200: 33%, 201-500: 44%, >500: 4%).
      p = br.soort == "SBO" ? rng.lognormal(135, 0.3) : rng.lognormal(196, 0.56);
      drift = rng.normal(-0.007, 0.015);  // po slowly declining
    } else {
      double median = 600;
      for (const auto& st : kVoStructures)
        if (br.soort == st.name) median = st.median_pupils;
      p = rng.lognormal(median, 0.42);
      drift = rng.normal(0.0, 0.012);  // vo stable
    }
    if (neven) p *= 0.55;
    p = clampd(p, vo ? 40 : 14, vo ? 3200 : 1700);
    for (std::size_t y = 0; y < ny; ++y) {
      if (y > 0) p = std::max(vo ? 30.0 : 12.0, p * (1 + drift + rng.normal(0, 0.015)));
      br.pupils.push_back(std::llround(p));
    }
  }
}

// ---- finance ------------------------------------------------------------------------
struct BoardFin {
  double s, c, k, v, l, fva_share, gebouw_share, aanschaf_factor, dep, pers, huis, rb, prive_share;
  double vord, ovb, ob;
  bool low_cash = false, steady = false;
};

void build_finance(DemoModel& m, Rng& rng, Rng& srng) {
  const std::size_t ny = m.years.size();
  // Per board: pupils and funding in the first year, to size it.
  std::vector<std::vector<std::int64_t>> pupils(m.boards.size(), std::vector<std::int64_t>(ny, 0));
  std::vector<std::vector<double>> sbo_pupils(m.boards.size(), std::vector<double>(ny, 0));
  std::vector<int> branch_count(m.boards.size(), 0);
  for (const auto& br : m.branches) {
    ++branch_count[br.board];
    for (std::size_t y = 0; y < ny; ++y) {
      pupils[br.board][y] += br.pupils[y];
      if (br.soort == "SBO" || br.soort == "PRO") sbo_pupils[br.board][y] += static_cast<double>(br.pupils[y]);
    }
  }
  std::vector<BoardFin> bf(m.boards.size());
  std::vector<double> funding_factor(m.boards.size());
  std::vector<double> baten0(m.boards.size());
  for (std::size_t i = 0; i < m.boards.size(); ++i) {
    const auto& b = m.boards[i];
    const bool po = b.sector == Sector::po;
    const double avg = static_cast<double>(pupils[i][0]) / branch_count[i];
    // Small schools get relatively more (kleine-scholentoeslag).
    funding_factor[i] = rng.lognormal(1.0, 0.035) * (0.92 + 0.08 * std::sqrt((po ? 220.0 : 680.0) / avg));
    baten0[i] = static_cast<double>(pupils[i][0]) * funding_per_pupil(b.sector, m.years[0]) * funding_factor[i] / 0.945;
    const double size = std::log10(std::max(baten0[i], 2e5) / (po ? 3e6 : 1.5e7));
    BoardFin f;
    // Solvabiliteit 2: per board mostly 0.6-0.9 (§2.3 2016 classes); large boards lower,
    // so the ratio of sums lands near 0.73 (po) / 0.63 (vo).
    const double zs = rng.normal();
    f.s = po ? clampd(0.75 - 0.045 * size + 0.085 * zs, 0.32, 0.97) : clampd(0.635 - 0.05 * size + 0.08 * zs, 0.32, 0.95);
    // Current ratio: log-normal, median ~3 (po) / ~2.4 (vo), tail > 6, correlated with solvency.
    const double zc = 0.5 * zs + 0.866 * rng.normal();
    f.c = po ? 3.0 * pexp(0.55 * zc - 0.12 * size) : 2.25 * pexp(0.5 * zc - 0.1 * size);
    f.k = (po ? 0.118 : 0.15) * rng.lognormal(1.0, 0.25) * pexp(-1.5 * (f.s - (po ? 0.75 : 0.66)));
    f.v = (po ? 0.072 : 0.093) * rng.lognormal(1.0, 0.4);
    f.l = po ? (rng.chance(0.12) ? rng.uniform(0.02, 0.15) : 0.0) : (rng.chance(0.55) ? rng.uniform(0.02, 0.28) : 0.0);
    f.fva_share = rng.chance(0.4) ? rng.uniform(0.0, po ? 0.06 : 0.1) : 0.0;
    f.gebouw_share = po ? (rng.chance(0.3) ? rng.uniform(0.2, 0.7) : rng.uniform(0.0, 0.1)) : rng.uniform(0.35, 0.8);
    f.aanschaf_factor = rng.uniform(1.5, 2.6);
    f.dep = po ? rng.uniform(0.13, 0.19) : rng.uniform(0.10, 0.14);
    f.pers = clampd(rng.normal(po ? 0.826 : 0.80, 0.018), 0.74, 0.88);
    f.huis = clampd(rng.normal(po ? 0.065 : 0.058, 0.012), 0.03, 0.1);
    f.rb = rng.normal(0.0, 0.012);
    f.prive_share = rng.chance(0.3) ? rng.uniform(0.01, 0.12) : 0.0;
    f.vord = (po ? 0.072 : 0.036) * rng.lognormal(1.0, 0.3);
    f.ovb = (po ? 0.02 : 0.022) * rng.lognormal(1.0, 0.5);
    f.ob = (po ? 0.034 : 0.033) * rng.lognormal(1.0, 0.5);
    bf[i] = f;
  }
  // Stress cases, so every Inspectie signal value has boards beyond it (§3.2).
  auto pick_boards = [&](Sector s, double lo, double hi, int count, auto&& apply, const char* label) {
    std::vector<std::size_t> cand;
    for (std::size_t i = 0; i < m.boards.size(); ++i)
      if (m.boards[i].sector == s && m.boards[i].stress.empty() && baten0[i] >= lo && baten0[i] < hi) cand.push_back(i);
    for (int n = 0; n < count && !cand.empty(); ++n) {
      const auto j = static_cast<std::size_t>(srng.range(0, static_cast<std::int64_t>(cand.size()) - 1));
      const auto i = cand[j];
      cand.erase(cand.begin() + static_cast<std::ptrdiff_t>(j));
      m.boards[i].stress = label;
      bf[i].steady = true;
      bf[i].rb = 0.0;
      apply(bf[i]);
    }
  };
  for (Sector s : {Sector::po, Sector::vo}) {
    const bool po = s == Sector::po;
    pick_boards(s, 0, 1e12, po ? 4 : 2, [&](BoardFin& f) {
      f.s = srng.uniform(0.03, 0.1); f.v = srng.uniform(0.12, 0.2); f.c = srng.uniform(0.6, 0.95); }, "negatief eigen vermogen");
    pick_boards(s, 0, 1e12, po ? 8 : 3, [&](BoardFin& f) {
      f.s = srng.uniform(0.18, 0.27); f.v = srng.uniform(0.01, 0.025); f.k *= 1.6; f.c = srng.uniform(0.9, 1.6); }, "solvabiliteit < 0,30");
    pick_boards(s, 0, 2.6e6, po ? 4 : 2, [&](BoardFin& f) { f.c = srng.uniform(0.9, 1.35); }, "liquiditeit < 1,5 (baten < 3 mln)");
    pick_boards(s, 3.5e6, 1.0e7, po ? 4 : 2, [&](BoardFin& f) { f.c = srng.uniform(0.6, 0.9); }, "liquiditeit < 1,0 (baten 3-12 mln)");
    pick_boards(s, 1.5e7, 1e12, po ? 3 : 2, [&](BoardFin& f) { f.c = srng.uniform(0.45, 0.68); }, "liquiditeit < 0,75 (baten > 12 mln)");
    pick_boards(s, 0, po ? 2.2e6 : 6e6, po ? 5 : 2, [&](BoardFin& f) { f.low_cash = true; f.c = srng.uniform(1.6, 2.5); }, "liquide middelen < 100.000");
    pick_boards(s, 0, 1e12, po ? 6 : 3, [&](BoardFin& f) {
      f.s = srng.uniform(0.9, 0.95); f.c = srng.uniform(8, 14); f.rb = 0.02; }, "mogelijk bovenmatig eigen vermogen");
  }

  for (std::size_t i = 0; i < m.boards.size(); ++i) {
    auto& b = m.boards[i];
    auto& f = bf[i];
    b.finance.assign(ny, Finance{});
    double ev = 0, lls = 0, mva_prev = 0, fva = 0, liq_prev = 0, b0 = 1;
    for (std::size_t y = 0; y < ny; ++y) {
      const int year = m.years[y];
      Finance& F = b.finance[y];
      const double pupils_eff = static_cast<double>(pupils[i][y]) + 1.1 * sbo_pupils[i][y];
      const double rijks = pupils_eff * funding_per_pupil(b.sector, year) * funding_factor[i] / (1 + 1.1 * 0.04);
      const double ovb = rijks * f.ovb * rng.lognormal(1.0, 0.1);
      const double ob = rijks * f.ob * rng.lognormal(1.0, 0.1);
      F[kRijksbijdragen] = cents(rijks);
      F[kOverigeOverheidsbijdragen] = cents(ovb);
      F[kOverigeBaten] = cents(ob);
      F[kTotaleBaten] = F[kRijksbijdragen] + F[kOverigeOverheidsbijdragen] + F[kOverigeBaten];
      const double B = static_cast<double>(F[kTotaleBaten]) / 100.0;
      if (y == 0) {
        // First year: balance sheet from the board's ratio profile.
        const double kls = f.k * B, l = f.l * B, v = f.v * B;
        const double ta = (kls + l) / (1 - f.s);
        double c = f.c;
        const double fmin = 0.06;
        const double cmax = (1 - fmin) * ta / kls;
        if (c > cmax) c = cmax;
        const double vlottend = c * kls;
        const double vaste = ta - vlottend;
        fva = f.fva_share * vaste;
        mva_prev = vaste - fva;
        ev = f.s * ta - v;
        if (m.boards[i].stress != "negatief eigen vermogen" && ev < 0.02 * B) ev = 0.02 * B;  // V absorbs it
        f.v = (f.s * ta - ev) / B;
        lls = l;
        liq_prev = vlottend * 0.8;
      }
      const double fb = 0.00005 * B + 0.002 * std::max(0.0, liq_prev) + 0.02 * fva;
      const double fl = 0.0002 * B + 0.028 * lls;
      double r = f.steady ? f.rb : sector_result(year) + f.rb + rng.normal(0.0, 0.022);
      if (!f.steady && rng.chance(0.05)) r += rng.normal(0.0, 0.05);  // occasional bad or good year
      const double result = r * (B + fb);
      F[kFinancieleBaten] = cents(fb);
      F[kFinancieleLasten] = cents(fl);
      F[kResultaat] = cents(result);
      F[kTotaleLasten] = F[kTotaleBaten] + F[kFinancieleBaten] - F[kFinancieleLasten] - F[kResultaat];
      const double L = static_cast<double>(F[kTotaleLasten]) / 100.0;
      // Fixed assets: depreciation on last year's book value, investments replace it.
      const double dep = f.dep * mva_prev;
      const double invest = y == 0 ? dep : dep * rng.uniform(0.9, 1.5);
      const double mva = mva_prev + invest - dep;
      F[kAfschrijvingen] = cents(dep);
      double pers = f.pers;
      const double huis = f.huis;
      if (1.0 - pers - huis - dep / L < 0.03) pers = 1.0 - huis - dep / L - 0.03;
      F[kPersoneelslasten] = cents(pers * L);
      F[kHuisvestingslasten] = cents(huis * L);
      F[kOverigeLasten] = F[kTotaleLasten] - F[kPersoneelslasten] - F[kAfschrijvingen] - F[kHuisvestingslasten];
      // Balance sheet.
      if (y > 0) ev += static_cast<double>(F[kResultaat]) / 100.0;
      if (y > 0) lls *= rng.uniform(0.9, 0.97);
      F[kMaterieleVasteActiva] = cents(mva);
      F[kGebouwenBoekwaarde] = cents(mva * f.gebouw_share);
      F[kGebouwenAanschafwaarde] = cents(mva * f.gebouw_share * f.aanschaf_factor);
      F[kFinancieleVasteActiva] = cents(fva);
      F[kVasteActiva] = F[kMaterieleVasteActiva] + F[kFinancieleVasteActiva];
      F[kEigenVermogen] = cents(ev);
      F[kPriveVermogen] = ev > 0 ? cents(ev * f.prive_share) : 0;
      F[kVoorzieningen] = cents(f.v * B);
      F[kLanglopendeSchulden] = cents(lls);
      // Short-term debt grows with income, a bit less than proportionally.
      if (y == 0) b0 = B;
      F[kKortlopendeSchulden] = cents(f.k * b0 * ppow(B / b0, 0.7) * (y == 0 ? 1.0 : rng.lognormal(1.0, 0.04)));
      // Current assets are what is left; a board that runs short borrows short-term.
      std::int64_t vlottend = F[kEigenVermogen] + F[kVoorzieningen] + F[kLanglopendeSchulden] +
                              F[kKortlopendeSchulden] - F[kVasteActiva];
      const std::int64_t floor = cents(0.03 * B);
      if (vlottend < floor) {
        F[kKortlopendeSchulden] += floor - vlottend;
        vlottend = floor;
      }
      F[kVlottendeActiva] = vlottend;
      std::int64_t vord = std::min(cents(f.vord * B), vlottend * 8 / 10);
      if (f.low_cash) {
        const std::int64_t cash = cents(rng.uniform(25000, 95000));
        if (vlottend > cash) vord = vlottend - cash;
      }
      F[kVorderingen] = vord;
      F[kLiquideMiddelen] = vlottend - vord;
      F[kTotaalActiva] = F[kVasteActiva] + F[kVlottendeActiva];
      mva_prev = static_cast<double>(F[kMaterieleVasteActiva]) / 100.0;
      liq_prev = static_cast<double>(F[kLiquideMiddelen]) / 100.0;
      ev = static_cast<double>(F[kEigenVermogen]) / 100.0;
    }
  }
}

// ---- staff and absence ---------------------------------------------------------------
// Splits total (in units) into parts proportional to weights, exactly (largest remainder).
std::vector<std::int64_t> split(std::int64_t total, const std::vector<double>& w) {
  double sum = 0;
  for (double x : w) sum += x;
  std::vector<std::int64_t> out(w.size(), 0);
  if (total <= 0 || sum <= 0) return out;
  std::vector<std::pair<double, std::size_t>> rem;
  std::int64_t used = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const double exact = static_cast<double>(total) * w[i] / sum;
    out[i] = static_cast<std::int64_t>(exact);
    used += out[i];
    rem.push_back({exact - static_cast<double>(out[i]), i});
  }
  std::stable_sort(rem.begin(), rem.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; used < total; ++k, ++used) ++out[rem[k % rem.size()].second];
  return out;
}

void build_staff(DemoModel& m, Rng& rng) {
  const std::size_t ny = m.years.size();
  static const double kAgeMid[kAgeBandCount] = {22.0, 30.0, 40.0, 50.0, 59.5, 66.5};
  for (auto& b : m.boards) {
    const bool po = b.sector == Sector::po;
    const double nschools = static_cast<double>(b.schools.size());
    // Board profile.
    const double oop = clampd(rng.normal(po ? 0.21 : 0.24, 0.04), 0.08, 0.4);
    const double lio = rng.chance(0.35) ? 0.0 : rng.uniform(0.002, 0.015);
    const double women_shift = rng.normal(0.0, 0.035);
    const double vast_shift = rng.normal(0.0, 0.04);
    std::array<double, kAgeBandCount> age_noise{};
    for (auto& a : age_noise) a = rng.lognormal(1.0, 0.15);
    const double fte_noise = rng.lognormal(1.0, 0.04);
    const double avg_fte_noise = rng.lognormal(1.0, 0.05);
    const double absence_base = rng.normal(0.0, 0.8);
    const double dir_per_school = rng.uniform(0.55, 0.95);
    for (int g = 0; g < kStaffGroupCount; ++g) b.staff[static_cast<std::size_t>(g)].assign(ny, StaffCell{});
    b.absence.assign(ny, Absence{});
    for (std::size_t y = 0; y < ny; ++y) {
      const int year = m.years[y];
      const double t = year - 2022;
      // Staff follow the structural personnel budget (not the year's random result).
      const double pers = static_cast<double>(b.finance[y][kTotaleBaten]) / 100.0 * (po ? 0.82 : 0.80) * (1 - sector_result(year));
      const auto total = std::max<std::int64_t>(5000, std::llround(pers / cost_per_fte(b.sector, year) * fte_noise * 1e4));
      const double dir = std::min(0.12, (nschools * dir_per_school + (nschools > 1 ? 1.0 : 0.0)) /
                                            std::max(1.0, static_cast<double>(total) / 1e4));
      const double oop_t = oop + 0.005 * t;
      const double dir_y = dir * rng.lognormal(1.0, 0.03);
      const std::vector<double> gw = {dir_y, 1.0 - dir_y - oop_t - lio, oop_t, lio};
      const auto fte = split(total, gw);
      for (int g = 0; g < kStaffGroupCount; ++g) {
        StaffCell& c = b.staff[static_cast<std::size_t>(g)][y];
        c.fte = fte[static_cast<std::size_t>(g)];
        if (c.fte == 0) continue;
        // §2.3/§5: po about 80% women, vo about 55%.
        static const double kWomenPo[] = {0.60, 0.82, 0.78, 0.78}, kWomenVo[] = {0.42, 0.53, 0.62, 0.55};
        const double women = clampd((po ? kWomenPo : kWomenVo)[g] + women_shift + rng.normal(0, 0.01), 0.05, 0.98);
        const auto mv = split(c.fte, {1 - women, women});
        c.fte_man = mv[0];
        c.fte_vrouw = mv[1];
        static const double kVast[] = {0.97, 0.86, 0.80, 0.0};
        const double vast = g == kLio ? 0.0 : clampd(kVast[g] + vast_shift + rng.normal(0, 0.01), 0.3, 1.0);
        const auto vt = split(c.fte, {vast, 1 - vast});
        c.fte_vast = vt[0];
        c.fte_tijdelijk = vt[1];
        // Age: po 55+ about 22% and slowly falling; vo 55+ about 28%.
        std::vector<double> aw;
        if (g == kLio) {
          aw = {0.75, 0.2, 0.04, 0.01, 0.0, 0.0};
        } else if (po) {
          aw = {0.06, 0.28, 0.23, 0.21, 0.205 - 0.006 * t, 0.015};
        } else {
          aw = {0.03, 0.22, 0.23, 0.23, 0.26 - 0.004 * t, 0.03};
        }
        if (g == kDirectie) aw = {0.0, 0.08, 0.25, 0.35, 0.29, 0.03};
        for (std::size_t a = 0; a < aw.size(); ++a) aw[a] *= age_noise[a] * rng.lognormal(1.0, 0.03);
        const auto af = split(c.fte, aw);
        double mean_age = 0;
        for (std::size_t a = 0; a < af.size(); ++a) {
          c.fte_age[a] = af[a];
          mean_age += kAgeMid[a] * static_cast<double>(af[a]);
        }
        c.gem_leeftijd_tiende = std::llround(mean_age / static_cast<double>(c.fte) * 10);
        static const double kAvgFtePo[] = {0.95, 0.71, 0.64, 0.5}, kAvgFteVo[] = {0.96, 0.80, 0.72, 0.5};
        const double avg = clampd((po ? kAvgFtePo : kAvgFteVo)[g] * avg_fte_noise, 0.3, 1.0);
        c.personen = std::max<std::int64_t>(1, std::llround(static_cast<double>(c.fte) / 1e4 / avg));
      }
      // Absence (§4.5: about 5.5-6.5%); small boards vary more.
      static const std::map<int, double> kYear = {{2020, 5.6}, {2021, 5.9}, {2022, 6.6}, {2023, 6.3}, {2024, 6.1}};
      const auto it = kYear.find(year);
      const double mean = (it != kYear.end() ? it->second : 5.8) - (po ? 0.0 : 0.4);
      const double sd = 0.4 + 4.0 / std::sqrt(static_cast<double>(total) / 1e4);
      const double vp = clampd(mean + absence_base + rng.normal(0, sd), 0.5, 18.0);
      Absence& a = b.absence[y];
      a.verzuim_honderdste = std::llround(vp * 100);
      a.meldingsfrequentie_honderdste = std::llround(clampd(rng.normal(1.25, 0.18), 0.3, 2.5) * 100);
      a.verzuimduur_tiende = std::llround(clampd(rng.normal(15 + 1.5 * vp, 3), 4, 60) * 10);
      a.nulverzuim_tiende = std::llround(clampd(rng.normal(46 - 1.2 * vp, 5), 10, 80) * 10);
    }
  }
}

// ---- outcomes -----------------------------------------------------------------------
int binom(Rng& rng, int n, double p) {
  if (n <= 0) return 0;
  p = clampd(p, 0.0, 1.0);
  const double mean = n * p, sd = std::sqrt(n * p * (1 - p));
  const auto k = std::llround(mean + sd * rng.normal());
  return static_cast<int>(std::max<long long>(0, std::min<long long>(n, k)));
}

struct Programme {
  const char* type;
  const char* code;
  const char* name;
  double share;  // of the type's candidates
  double men;
  double pass;
};
const Programme kProgrammes[] = {
    {"VMBO", "10", "VMBO B", 1.0, 0.58, 0.97},       {"VMBO", "20", "VMBO K", 1.0, 0.55, 0.95},
    {"VMBO", "30", "VMBO GL en TL", 1.0, 0.49, 0.925},
    {"HAVO", "50", "HAVO - C&M", 0.17, 0.28, 0.87},  {"HAVO", "51", "HAVO - E&M", 0.33, 0.60, 0.87},
    {"HAVO", "52", "HAVO - N&G", 0.28, 0.35, 0.875}, {"HAVO", "53", "HAVO - N&T", 0.22, 0.70, 0.88},
    {"VWO", "60", "VWO - C&M", 0.13, 0.30, 0.90},    {"VWO", "61", "VWO - E&M", 0.30, 0.58, 0.90},
    {"VWO", "62", "VWO - N&G", 0.32, 0.36, 0.91},    {"VWO", "63", "VWO - N&T", 0.25, 0.66, 0.915},
};

void build_outcomes(DemoModel& m, Rng& rng) {
  const std::size_t ny = m.years.size();
  for (auto& br : m.branches) {
    const bool vo = m.boards[br.board].sector == Sector::vo;
    if (!vo) {
      const bool sbo = br.soort == "SBO";
      // §3.5: 1F national school average 96%, signal 85%; 2F/1S about 59%.
      double p1 = sbo ? 1 - rng.lognormal(0.3, 0.3) : 1 - rng.lognormal(0.024, 0.55);
      if (!sbo && rng.chance(0.02)) p1 = rng.uniform(0.7, 0.84);
      p1 = clampd(p1, 0.3, 0.999);
      const double p2 = sbo ? clampd(rng.normal(0.12, 0.05), 0.0, 0.4)
                            : clampd(rng.normal(0.61, 0.09) + 1.5 * (p1 - 0.972), 0.15, 0.93);
      static const double kOff1[3] = {-0.04, 0.025, 0.015}, kOff2[3] = {-0.16, 0.13, 0.03};
      for (std::size_t y = 0; y < ny; ++y) {
        RefResult r;
        r.tested = static_cast<int>(std::llround(static_cast<double>(br.pupils[y]) / (sbo ? 6.0 : 7.8) * rng.lognormal(1.0, 0.08)));
        const double covid = m.years[y] == 2021 ? -0.005 : 0.0;
        r.at_1f = binom(rng, r.tested, p1 + covid);
        r.at_2f1s = binom(rng, r.at_1f, (p2 + 2 * covid) / std::max(p1, 0.3));
        for (int d = 0; d < 3; ++d) {
          const int a1 = binom(rng, r.tested, p1 + kOff1[d]);
          r.domain_1f[static_cast<std::size_t>(d)] = a1;
          r.domain_2f[static_cast<std::size_t>(d)] = binom(rng, a1, (p2 + kOff2[d]) / std::max(p1 + kOff1[d], 0.3));
        }
        br.ref.push_back(r);
      }
      continue;
    }
    // vo: repeaters and exams.
    const double rep_rate = br.soort == "PRO" ? 0.005 : br.soort.find("HAVO") != std::string::npos ? 0.032 : 0.02;
    const double rep_branch = rng.lognormal(1.0, 0.3);
    for (std::size_t y = 0; y < ny; ++y)
      br.repeaters.push_back(std::llround(static_cast<double>(br.pupils[y]) * rep_rate * rep_branch * rng.lognormal(1.0, 0.15)));
    // Pupils per programme type (share of the branch) and cohort length.
    std::map<std::string, double> share;
    const std::string& st = br.soort;
    if (st == "VBO/MAVO") share = {{"VMBO B", 0.3}, {"VMBO K", 0.35}, {"VMBO GL en TL", 0.35}};
    else if (st == "HAVO/VWO") share = {{"HAVO", 0.52}, {"VWO", 0.48}};
    else if (st == "MAVO/HAVO/VWO") share = {{"VMBO GL en TL", 0.3}, {"HAVO", 0.37}, {"VWO", 0.33}};
    else if (st == "VBO/MAVO/HAVO/VWO") share = {{"VMBO B", 0.1}, {"VMBO K", 0.14}, {"VMBO GL en TL", 0.2}, {"HAVO", 0.3}, {"VWO", 0.26}};
    else if (st == "VWO") share = {{"VWO", 1.0}};
    else if (st == "MAVO") share = {{"VMBO GL en TL", 1.0}};
    const double effect = rng.normal(0.0, 0.35);
    for (const auto& pg : kProgrammes) {
      const bool vmbo = std::string(pg.type) == "VMBO";
      const auto it = share.find(vmbo ? pg.name : pg.type);
      if (it == share.end()) continue;
      ExamProgramme ep;
      ep.onderwijstype = pg.type;
      ep.inspectiecode = pg.code;
      ep.opleiding = pg.name;
      const double years_long = vmbo ? 4.0 : std::string(pg.type) == "HAVO" ? 5.0 : 6.0;
      const double prog_share = it->second * pg.share * rng.lognormal(1.0, 0.15);
      for (std::size_t y = 0; y < ny; ++y) {
        const double cands = static_cast<double>(br.pupils[y]) * prog_share / years_long * 0.95 * rng.lognormal(1.0, 0.08);
        const int n = static_cast<int>(std::llround(cands));
        const int men = binom(rng, n, pg.men);
        // 2019-2020 had no central exams (pass rates near 99%), 2020-2021 was lenient.
        double p = pg.pass;
        const double logit = plog(p / (1 - p)) + effect;
        p = 1 / (1 + pexp(-logit));
        if (m.years[y] == 2020) p = 0.985;
        else if (m.years[y] == 2021) p = std::min(0.99, p + 0.03);
        const int pm = binom(rng, men, p), pv = binom(rng, n - men, p);
        ep.per_year.push_back({men, pm, n - men, pv});
      }
      br.exams.push_back(std::move(ep));
    }
  }
}

}  // namespace

DemoModel build_demo_model(const DemoOptions& options) {
  if (options.first_year > options.last_year || options.last_year - options.first_year + 1 > kMaxYears ||
      options.first_year < 2000 || options.last_year > 2100)
    throw std::invalid_argument("demo-data: years must run forwards, 2000-2100, at most 20 years");
  DemoModel m;
  m.options = options;
  for (int y = options.first_year; y <= options.last_year; ++y) m.years.push_back(y);
  Rng rng(options.seed, kStructure), prng(options.seed, kPlaces), nrng(options.seed, kNames);
  const Geo geo;
  std::set<std::string> board_numbers, brins;
  build_structure(m, Sector::po, rng, prng, nrng, geo, board_numbers, brins);
  build_structure(m, Sector::vo, rng, prng, nrng, geo, board_numbers, brins);
  Rng pupils(options.seed, kPupils), fin(options.seed, kFinance), stress(options.seed, kStress),
      staff(options.seed, kStaff), outcomes(options.seed, kOutcomes);
  build_pupils(m, pupils);
  build_finance(m, fin, stress);
  build_staff(m, staff);
  build_outcomes(m, outcomes);
  return m;
}

}  // namespace povo::demo
