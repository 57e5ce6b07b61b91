// Facts the core derives once all sources are loaded, so that every job has them
// whatever its sources: board attributes taken from the board's schools and
// branches, and counts of schools and branches per board.
#pragma once

#include <povo/dataset.hpp>

#include <string>
#include <vector>

namespace povo::data {

/// For each attribute in `attributes` that a board lacks, takes the value most of its
/// branches (or else schools) have; ties go to the alphabetically first value, so the
/// result never depends on load order. Adds board measures `vestigingen_bestuur` and
/// `scholen_bestuur` for every year in the dataset.
void derive_board_facts(Dataset& dataset, const std::vector<std::string>& attributes);

/// The attributes derived by default: sector, province, denomination, rpa_region, municipality.
const std::vector<std::string>& default_derived_attributes();

}  // namespace povo::data
