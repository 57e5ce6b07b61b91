// Fuzz target: DUO CSV files. The first byte picks the options; the rest is the file.
// Path 1 (always): decode_text -> sniff_separator -> CsvReader over every row, with the
// column of every field and parse_duo_number on every cell.
// Path 2 (bit 7 of the option byte): the same bytes as a file loaded by the duo_csv
// source itself (DuoCsvSource::configure + load, as povo does), long and wide layout.
// Expected failures are povo::Error (a located message) or a Status error; anything
// else (another exception, a crash, a leak, a hang) is a bug.
#include "fuzz_common.hpp"

#include "csv_reader.hpp"
#include "duo_csv_source.hpp"
#include "duo_number.hpp"
#include "text_decoding.hpp"

#include "config/yaml_loader.hpp"

#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace dc = povo::duo_csv;

namespace {

struct NullSink : povo::DiagnosticSink {
  std::size_t n = 0;
  void report(povo::Diagnostic d) noexcept override {
    n += d.str().size() > 0;  // format every message: str() must not crash either
  }
};

void read_csv(std::string_view bytes, std::uint8_t opt) {
  static const dc::Encoding encodings[] = {dc::Encoding::auto_detect, dc::Encoding::utf8, dc::Encoding::windows1252,
                                           dc::Encoding::auto_detect};
  static const char separators[] = {0, ';', ',', '\t'};
  dc::NumberFormat fmt;
  fmt.decimal = (opt & 0x10) ? '.' : ',';
  static const char thousands[2][4] = {{0, '.', ' ', '\''}, {0, ',', ' ', '\''}};  // never equal to decimal
  fmt.thousands = thousands[(opt >> 4) & 1][(opt >> 5) & 3];
  fmt.missing = {"-", "n.v.t."};
  try {
    dc::DecodedText decoded = dc::decode_text(bytes, encodings[opt & 3], "fuzz.csv");
    const std::string_view text = decoded.text;
    char sep = separators[(opt >> 2) & 3];
    if (sep == 0) sep = dc::sniff_separator(text);
    dc::CsvReader reader(text, sep, (opt & 0x40) != 0, "fuzz.csv");
    std::vector<dc::CsvField> row;
    std::size_t rows = 0;
    while (reader.next_row(row)) {
      if (++rows > 1000000) __builtin_trap();  // next_row must make progress
      for (const auto& f : row) {
        (void)reader.column_of(f);
        (void)dc::parse_duo_number(f.text, fmt);
        (void)dc::line_column_at(text, f.offset);
      }
    }
  } catch (const povo::Error& e) {
    (void)e.diagnostic().str();
  }
}

const char* const configs[] = {
    // long layout, with a parent and attributes
    R"(options:
  file: data.csv
  entity: branch
  key: VESTIGINGSNUMMER
  parents:
    - {kind: school, key: BRIN NUMMER}
  attributes: {NAAM: name}
  measures: {AANTAL: leerlingen_vestiging}
  year: 2024
  separator: auto
)",
    // year column, duplicates summed, roll-up
    R"(options:
  file: data.csv
  entity: school
  key: BRIN NUMMER
  parents:
    - {kind: board, key: BEVOEGD GEZAG NUMMER}
  measures: {AANTAL: leerlingen}
  year_column: JAAR
  duplicates: sum
  decimal: dot
  thousands: comma
  rollup:
    - {measure: leerlingen, to: board}
)",
    // wide layout
    R"(options:
  file: data.csv
  entity: branch
  key: [BRIN NUMMER, VESTIGINGSNUMMER]
  encoding: auto
  wide:
    - measure: examenkandidaten
      pattern: "EXAMENKANDIDATEN SCHOOLJAAR {year_from}-{year} - TOTAAL"
    - measure: geslaagden
      regex: "^GESLAAGDEN (?<year>\\d{4})$"
  duplicates: first
)",
};

void load_source(std::string_view bytes, std::uint8_t opt) {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("povo-fuzz-duo-csv-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  {
    std::ofstream out(dir / "data.csv", std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  static std::vector<povo::ConfigNode> roots = [] {
    std::vector<povo::ConfigNode> v;
    for (const char* c : configs) v.push_back(povo::config::load_yaml_string(c, "fuzz.yaml"));
    return v;
  }();
  const povo::ConfigNode& root = roots[opt % roots.size()];
  povo::duo_csv::DuoCsvSource source;
  povo::SourceContext ctx;
  ctx.source_id = "fuzz";
  ctx.base_dir = dir.string();
  ctx.strict = (opt & 0x20) != 0;
  povo::Dataset ds;
  NullSink sink;
  povo::Status configured = source.configure(root.at("options"), ctx);
  if (!configured) __builtin_trap();  // the configs above are valid
  povo::Status loaded = source.load(ds, sink);
  if (!loaded) (void)loaded.error().str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in = povo_fuzz::as_view(data, size);
  const std::uint8_t opt = povo_fuzz::take_byte(in);
  read_csv(in, opt);
  if (opt & 0x80) load_source(in, opt);
  return 0;
}
