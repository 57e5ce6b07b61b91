// Demo national dataset: a fictional but realistic po and vo sector written in DUO's
// own file layouts (';' separated, windows-1252, CRLF, decimal comma, "<5").
// Used by `povo demo-data --out DIR [--seed N]`; see docs/demo-data.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace povo::demo {

struct DemoOptions {
  std::string out_dir;
  std::uint64_t seed = 2026;
  int first_year = 2020;  // first calendar / financial year (pupils on 1 Oct of it)
  int last_year = 2024;   // at most 20 years in all
};

struct DemoSectorSummary {
  int boards = 0;
  int single_school_boards = 0;
  int schools = 0;    // BRIN
  int branches = 0;   // vestigingen
  std::int64_t pupils_last_year = 0;
};

struct DemoSummary {
  std::uint64_t seed = 0;
  std::string out_dir;
  std::vector<std::string> files;  // file names written, relative to out_dir
  DemoSectorSummary po, vo;
};

// Builds the dataset for options.seed and writes it into options.out_dir.
// Throws std::invalid_argument for bad options and std::runtime_error on I/O errors.
DemoSummary generate_demo_data(const DemoOptions& options);

}  // namespace povo::demo
