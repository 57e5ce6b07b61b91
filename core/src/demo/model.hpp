// In-memory model of the fictional demo sector that `povo demo-data` writes.
//
// build_demo_model() makes the whole sector in memory (no I/O); write_demo_files()
// writes it in DUO's own layouts. Tests use the model directly to check the sector
// ratios and the files against each other.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "demo/demo_data.hpp"

namespace povo::demo {

enum class Sector { po, vo };
const char* sector_code(Sector s);  // "PO" / "VO"
const char* sector_key(Sector s);   // "po" / "vo"

// Finance items per board and year, in euro cents. The enum order is the order of the
// columns in the two finance files.
enum FinItem : int {
  // balans
  kMaterieleVasteActiva,
  kGebouwenBoekwaarde,
  kGebouwenAanschafwaarde,
  kFinancieleVasteActiva,
  kVasteActiva,
  kVorderingen,
  kLiquideMiddelen,
  kVlottendeActiva,
  kTotaalActiva,
  kEigenVermogen,
  kPriveVermogen,
  kVoorzieningen,
  kLanglopendeSchulden,
  kKortlopendeSchulden,
  // staat van baten en lasten
  kRijksbijdragen,
  kOverigeOverheidsbijdragen,
  kOverigeBaten,
  kTotaleBaten,
  kPersoneelslasten,
  kAfschrijvingen,
  kHuisvestingslasten,
  kOverigeLasten,
  kTotaleLasten,
  kFinancieleBaten,
  kFinancieleLasten,
  kResultaat,
  kFinItemCount
};
constexpr int kFirstIncomeItem = kRijksbijdragen;

struct FinItemInfo {
  const char* measure;     // name in docs/measures.md
  const char* duo_column;  // column header in the demo finance file
};
const FinItemInfo& fin_item_info(int item);

using Finance = std::array<std::int64_t, kFinItemCount>;  // euro cents

// Staff: fte in units of 1/10,000 fte.
enum StaffGroup : int { kDirectie, kOnderwijsgevend, kOndersteunend, kLio, kStaffGroupCount };
const char* staff_group_name(int group);  // DUO FUNCTIEGROEP value
constexpr int kAgeBandCount = 6;          // 15-25, 25-35, 35-45, 45-55, 55-65, 65+
const char* age_band_label(int band);     // "15 - 25", ..., "65 JAAR EN OUDER" handled by writer

struct StaffCell {
  std::int64_t fte = 0, fte_man = 0, fte_vrouw = 0, fte_vast = 0, fte_tijdelijk = 0;
  std::array<std::int64_t, kAgeBandCount> fte_age{};
  std::int64_t personen = 0;
  std::int64_t gem_leeftijd_tiende = 0;  // mean age in tenths of a year
};

struct Absence {                  // per board and year
  std::int64_t verzuim_honderdste;  // verzuimpercentage x 100 (5,83 % -> 583)
  std::int64_t meldingsfrequentie_honderdste;
  std::int64_t verzuimduur_tiende;  // days x 10
  std::int64_t nulverzuim_tiende;   // percent x 10
};

struct RefResult {  // po doorstroomtoets, per branch and year
  int tested = 0, at_1f = 0, at_2f1s = 0;
  // per domain (rekenen, lezen, taalverzorging): pupils at >= 1F and at 1S/2F
  std::array<int, 3> domain_1f{}, domain_2f{};
};

struct ExamProgramme {  // vo exam results of one programme at one branch
  std::string onderwijstype;  // VMBO / HAVO / VWO
  std::string inspectiecode;
  std::string opleiding;
  // per year: candidates man, passed man, candidates vrouw, passed vrouw
  std::vector<std::array<int, 4>> per_year;
};

struct Branch {
  std::string code;  // BRIN + 2 digits
  std::string name;
  std::size_t school = 0;
  std::size_t board = 0;
  int municipality = 0;
  int place = 0;
  std::string street, house_number, postcode, website;
  std::string soort;  // po: "BO"/"SBO"; vo: ONDERWIJSSTRUCTUUR
  std::string denomination;
  std::vector<std::int64_t> pupils;      // per year, 1 October
  std::vector<std::int64_t> repeaters;   // vo only
  std::vector<RefResult> ref;            // po only
  std::vector<ExamProgramme> exams;      // vo only
};

struct School {
  std::string brin;
  std::string name;
  std::size_t board = 0;
  std::vector<std::size_t> branches;
};

struct Board {
  std::string number;  // 5 digits
  std::string name;
  Sector sector = Sector::po;
  std::string denomination;
  int municipality = 0;
  int place = 0;
  std::string street, house_number, postcode, website;
  std::vector<std::size_t> schools;
  std::vector<Finance> finance;  // per year
  std::array<std::vector<StaffCell>, kStaffGroupCount> staff;  // [group][year]
  std::vector<Absence> absence;  // per year
  // Which stress case the generator put this board in (for tests and documentation).
  std::string stress;
};

struct DemoModel {
  DemoOptions options;
  std::vector<int> years;
  std::vector<Board> boards;
  std::vector<School> schools;
  std::vector<Branch> branches;
};

// Geography (public DUO geography: provinces, municipalities, regions, places).
struct GeoRegion {
  const char* code;
  const char* name;
};
struct GeoMunicipality {
  const char* province;
  const char* number;
  const char* name;  // capitals, as DUO writes GEMEENTENAAM
  int weight;
  // nodaal gebied, RPA-gebied, WGR-gebied, COROP-gebied, onderwijsgebied, RMC-regio
  GeoRegion regions[6];
};
struct GeoPlace {
  int municipality;
  const char* name;  // capitals
  const char* pc4;
  int weight;
};
const std::vector<GeoMunicipality>& geo_municipalities();
const std::vector<GeoPlace>& geo_places();
enum GeoRegionKind { kNodaal, kRpa, kWgr, kCorop, kOnderwijsgebied, kRmc };

DemoModel build_demo_model(const DemoOptions& options);

// Writes every file into options.out_dir (created if missing); fills summary.files.
void write_demo_files(const DemoModel& model, DemoSummary& summary);

// Sector totals the generator reports in demo-totals.csv: (measure, value as text).
struct TotalsRow {
  std::string sector;  // po / vo
  int year;
  std::string measure;
  std::string value;  // '.' decimal separator
};
std::vector<TotalsRow> demo_totals(const DemoModel& model);

}  // namespace povo::demo
