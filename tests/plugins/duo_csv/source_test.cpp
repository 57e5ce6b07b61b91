// The duo_csv source end to end on small fixture files (tests/data/duo_csv/), one
// quirk of the DUO files per test where possible.
#include "test_support.hpp"

#include <gtest/gtest.h>

using namespace duo_test;
using povo::EntityKind;
using povo::Value;

namespace {

const char* po_yaml = R"(options:
  file: po_branches_cp1252.csv
  entity: branch
  key: VESTIGINGSNUMMER
  attributes:
    VESTIGINGSNAAM: name
    GEMEENTENAAM: municipality
    DENOMINATIE: denomination
    PROVINCIE: province
    RPA-GEBIED NAAM: rpa_region
    INTERNETADRES: website
  constants: {sector: po}
  parents:
    - kind: school
      key: BRIN NUMMER
      constants: {sector: po}
    - kind: board
      key: BEVOEGD GEZAG NUMMER
      attributes: {PROVINCIE: province}
      constants: {sector: po}
)";

const char* vo_yaml = R"(options:
  file: vo_schools_cp1252.csv
  entity: school
  key: BRIN NUMMER
  attributes: {INSTELLINGSNAAM: name, ONDERWIJSSTRUCTUUR: school_type, DENOMINATIE: denomination}
  constants: {sector: vo}
  parents:
    - {kind: board, key: BEVOEGD GEZAG NUMMER, constants: {sector: vo}}
)";

const char* exam_yaml = R"(options:
  file: exams_utf8_bom.csv
  decimal: dot
  entity: branch
  key: VESTIGINGSCODE
  attributes: {INSTELLINGSNAAM VESTIGING: name}
  parents:
    - {kind: school, key: INSTELLINGSCODE, create: false}
  duplicates: sum
  wide:
    - {measure: examenkandidaten_vmbo, pattern: "EXAMENKANDIDATEN SCHOOLJAAR {year_from}-{year} - TOTAAL", filter: {ONDERWIJSTYPE VO: VMBO}}
    - {measure: geslaagden_vmbo, pattern: "GESLAAGDEN SCHOOLJAAR {year_from}-{year} - TOTAAL", filter: {ONDERWIJSTYPE VO: VMBO}}
    - {measure: examenkandidaten_havo, pattern: "EXAMENKANDIDATEN SCHOOLJAAR {year_from}-{year} - TOTAAL", filter: {ONDERWIJSTYPE VO: HAVO}}
    - {measure: geslaagden_havo, regex: "^GESLAAGDEN SCHOOLJAAR \\d{4}-(?<year>\\d{4}) - TOTAAL$", filter: {ONDERWIJSTYPE VO: HAVO}}
  rollup:
    - {measure: examenkandidaten_vmbo}
    - {measure: geslaagden_vmbo}
    - {measure: examenkandidaten_havo}
    - {measure: geslaagden_havo, to: board, as: geslaagden_havo_bestuur}
)";

}  // namespace

TEST(DuoCsvSource, Windows1252PaddedFieldsTrailingHeaderSpaceAndParents) {
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(po_yaml, ds, sink);
  ASSERT_TRUE(r.configured) << r.configured.error().str();
  ASSERT_TRUE(r.loaded) << r.loaded.error().str();
  EXPECT_TRUE(sink.all.empty()) << sink.lines()[0];
  EXPECT_EQ(r.report.encoding, povo::duo_csv::Encoding::windows1252);
  EXPECT_EQ(r.report.rows, 3u);
  EXPECT_EQ(ds.entity_count(EntityKind::branch), 3u);
  EXPECT_EQ(ds.entity_count(EntityKind::school), 2u);
  EXPECT_EQ(ds.entity_count(EntityKind::board), 2u);
  // "VESTIGINGSNAAM " (trailing space in the header) is found as VESTIGINGSNAAM.
  EXPECT_EQ(attr(ds, EntityKind::branch, "01AA00", "name"), "OBS De Frysl\u00e2n");
  EXPECT_EQ(attr(ds, EntityKind::branch, "02BB00", "name"), "Hindoe\u00efstische school Re\u00ebel");
  EXPECT_EQ(attr(ds, EntityKind::branch, "02BB00", "denomination"), "Hindoe\u00efstisch");
  EXPECT_EQ(attr(ds, EntityKind::branch, "02BB00", "website"), "www.b.nl");      // padding trimmed
  EXPECT_EQ(attr(ds, EntityKind::branch, "01AA01", "website"), "<none>");        // spaces only: not set
  EXPECT_EQ(attr(ds, EntityKind::branch, "01AA01", "rpa_region"), "Friesland");
  EXPECT_EQ(attr(ds, EntityKind::board, "40001", "province"), "Frysl\u00e2n");
  EXPECT_EQ(attr(ds, EntityKind::school, "01AA", "sector"), "po");
  const auto b = *ds.find_entity(EntityKind::branch, "01AA01");
  EXPECT_EQ(ds.entity_code(EntityKind::board, *ds.board_of(EntityKind::branch, b)), "40001");
}

TEST(DuoCsvSource, QuotedFieldsWithDoubledQuotesAndSeparators) {
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(vo_yaml, ds, sink);
  ASSERT_TRUE(r.loaded) << r.loaded.error().str();
  EXPECT_EQ(attr(ds, EntityKind::school, "10AA", "name"), "VMBO \"De Jutter\" Vlieland");
  EXPECT_EQ(attr(ds, EntityKind::school, "10CC", "name"), "College; Utrecht");
  EXPECT_EQ(attr(ds, EntityKind::school, "10CC", "school_type"), "VBO/MAVO/HAVO/VWO");
  EXPECT_EQ(ds.entity_count(EntityKind::board), 2u);
}

TEST(DuoCsvSource, ExamsWideToLongWithBomSuppressionJoinAndRollUp) {
  povo::Dataset ds;
  CollectingSink sink;
  ASSERT_TRUE(load_source(vo_yaml, ds, sink).loaded);
  auto r = load_source(exam_yaml, ds, sink);
  ASSERT_TRUE(r.loaded) << r.loaded.error().str();
  EXPECT_EQ(r.report.encoding, povo::duo_csv::Encoding::utf8);
  EXPECT_EQ(attr(ds, EntityKind::branch, "10CC00", "name"), "College \u00c9\u00e9n");
  // Branch level: rows of one branch are summed per type; "<5" + 12 is the range [13;16].
  EXPECT_EQ(value(ds, "examenkandidaten_vmbo", EntityKind::branch, "10AA00", 2024), Value::range(13, 16));
  EXPECT_EQ(value(ds, "examenkandidaten_vmbo", EntityKind::branch, "10AA00", 2023), Value::of(30));
  EXPECT_EQ(value(ds, "examenkandidaten_havo", EntityKind::branch, "10BB01", 2023), Value::suppressed_count());
  // The school year 2023-2024 is stored as 2024.
  EXPECT_EQ(ds.years(), (std::vector<int>{2023, 2024}));
  // Board 50001 = schools 10AA and 10BB.
  EXPECT_EQ(value(ds, "examenkandidaten_vmbo_bestuur", EntityKind::board, "50001", 2024), Value::range(13, 16));
  EXPECT_EQ(value(ds, "geslaagden_vmbo_bestuur", EntityKind::board, "50001", 2024), Value::range(12, 15));
  EXPECT_EQ(value(ds, "examenkandidaten_havo_bestuur", EntityKind::board, "50001", 2024), Value::of(46));
  EXPECT_EQ(value(ds, "geslaagden_havo_bestuur", EntityKind::board, "50001", 2024), Value::of(42));
  EXPECT_EQ(value(ds, "examenkandidaten_havo_bestuur", EntityKind::board, "50001", 2023), Value::range(31, 34));
  // The join: 99ZZ is not among the vo schools.
  ASSERT_EQ(r.report.joins.size(), 1u);
  EXPECT_EQ(r.report.joins[0].distinct_keys, 4u);
  EXPECT_EQ(r.report.joins[0].matched_keys, 3u);
  EXPECT_EQ(r.report.joins[0].rows, 6u);
  EXPECT_EQ(r.report.joins[0].matched_rows, 5u);
  EXPECT_EQ(r.report.joins[0].unmatched, (std::vector<std::string>{"99ZZ"}));
  EXPECT_EQ(r.report.suppressed_cells, 4u);  // SLAAGPERC is not mapped here
}

TEST(DuoCsvSource, LongLayoutDecimalCommaThousandsAndJoinOnBranches) {
  povo::Dataset ds;
  CollectingSink sink;
  ASSERT_TRUE(load_source(po_yaml, ds, sink).loaded);
  auto r = load_source(R"(options:
  file: pupils_comma.csv
  separator: auto
  decimal: comma
  thousands: dot
  entity: branch
  key: VESTIGINGSCODE
  create: false
  year_column: JAAR
  measures:
    AANTAL LEERLINGEN: leerlingen_vestiging
    GEWICHT: gewicht
  rollup:
    - {measure: leerlingen_vestiging, to: school}
    - {measure: leerlingen_vestiging}
)",
                       ds, sink);
  ASSERT_TRUE(r.loaded) << r.loaded.error().str();
  EXPECT_EQ(r.report.separator, ';');
  EXPECT_EQ(value(ds, "leerlingen_vestiging", EntityKind::branch, "01AA00", 2024), Value::of(1234));
  EXPECT_EQ(value(ds, "gewicht", EntityKind::branch, "01AA00", 2024), Value::of(0.25));
  EXPECT_EQ(value(ds, "gewicht", EntityKind::branch, "01AA01", 2024), Value::of(-0.25));
  EXPECT_EQ(value(ds, "leerlingen_vestiging", EntityKind::branch, "02BB00", 2024), Value::of(567));
  EXPECT_EQ(value(ds, "leerlingen", EntityKind::school, "01AA", 2024), Value::range(1235, 1238));
  EXPECT_EQ(value(ds, "leerlingen_bestuur", EntityKind::board, "40001", 2024), Value::range(1235, 1238));
  ASSERT_EQ(r.report.joins.size(), 1u);
  EXPECT_EQ(r.report.joins[0].unmatched, (std::vector<std::string>{"77XX00"}));
  ASSERT_EQ(sink.all.size(), 1u);
  EXPECT_EQ(sink.lines()[0],
            fixtures + "/pupils_comma.csv: warning: 1 of 4 branch codes in column 'VESTIGINGSCODE' are not among "
                       "the loaded branches: match rate 3/4 = 75.0% of codes, 3/4 = 75.0% of rows; unmatched: 77XX00 "
                       "(line 5) (load the source that defines these branches first, or set `create: true`)");
}

TEST(DuoCsvSource, OptionSpecsCoverEveryOptionAndValidateWithoutData) {
  povo::duo_csv::DuoCsvSource source;
  const auto specs = source.option_specs();
  std::vector<std::string> names;
  for (const auto& s : specs) names.push_back(s.name);
  for (const char* n : {"file", "encoding", "separator", "decimal", "thousands", "entity", "key", "create",
                        "attributes", "constants", "parents", "filter", "year", "year_column", "measures", "wide",
                        "duplicates", "unmatched", "rollup"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
  }
  // configure() does no I/O: a file that does not exist is only found by load().
  const auto root = duo_test::load_yaml_string("options: {file: nope.csv, entity: school, key: BRIN}\n",
                                                   "test.yaml");
  povo::SourceContext ctx;
  EXPECT_TRUE(source.configure(root.at("options"), ctx));
}

TEST(DuoCsvSource, FilterKeepsOnlyMatchingRows) {
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(R"(options:
  file: exams_utf8_bom.csv
  decimal: dot
  entity: branch
  key: VESTIGINGSCODE
  filter: {ONDERWIJSTYPE VO: [HAVO, VWO]}
  duplicates: sum
  wide:
    - {measure: kandidaten, pattern: "EXAMENKANDIDATEN SCHOOLJAAR {year_from}-{year} - TOTAAL"}
)",
                       ds, sink);
  ASSERT_TRUE(r.loaded) << r.loaded.error().str();
  EXPECT_EQ(r.report.rows_filtered, 2u);
  EXPECT_FALSE(ds.find_entity(EntityKind::branch, "10AA00"));
  EXPECT_EQ(value(ds, "kandidaten", EntityKind::branch, "10CC00", 2024), Value::of(9));
}

TEST(DuoCsvSource, TrimFalseKeepsPaddingButHeaderNamesAreStillTrimmed) {
  povo::Dataset ds;
  CollectingSink sink;
  auto r = load_source(R"(options:
  file: po_branches_cp1252.csv
  trim: false
  entity: branch
  key: VESTIGINGSNUMMER
  attributes: {VESTIGINGSNAAM: name, INTERNETADRES: website}
)",
                       ds, sink);
  ASSERT_TRUE(r.loaded) << r.loaded.error().str();
  EXPECT_EQ(attr(ds, EntityKind::branch, "02BB00", "website"), "www.b.nl  ");
  EXPECT_EQ(attr(ds, EntityKind::branch, "01AA00", "name"), "OBS De Frysl\u00e2n");
}
