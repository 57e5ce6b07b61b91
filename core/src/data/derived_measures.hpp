// Facts the core derives once all sources are loaded, so that every job has them
// whatever its sources (the names are in job/derived_facts.hpp, where the job compiler
// counts them among the names a configuration may use): board attributes taken from the
// board's branches and schools, and counts of schools and branches per board.
#pragma once

#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace povo::data {

/// Boards whose branches disagree on a derived attribute: attribute -> (board, "the
/// values with their branch counts, and the one chosen").
using AttributeConflicts = std::map<std::string, std::vector<std::pair<EntityIndex, std::string>>>;

/// For each derived attribute (job::derived_board_attributes) that a board lacks, takes
/// the value most of its branches have (or, for a board without branch values, most of
/// its schools); a tie goes to the alphabetically first value, so the result never
/// depends on load order. Returns the boards whose branches disagree (the data checks
/// warn about those attributes a report uses). Adds board measures vestigingen_bestuur
/// and scholen_bestuur for every year in the dataset.
AttributeConflicts derive_board_facts(Dataset& dataset);

}  // namespace povo::data
