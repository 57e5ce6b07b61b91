// What povo itself adds to every dataset after the sources have loaded, named here so
// that the compiled job can count it among the names a configuration may use, and the
// data stage derives exactly these (data/derived_measures.cpp).
#pragma once

#include <string>
#include <vector>

namespace povo::job {

/// Board attributes taken from a board's branches (or else schools) when the board lacks
/// them: the value most of its branches have, ties to the alphabetically first.
const std::vector<std::string>& derived_board_attributes();

/// Board measures of the number of branches and of schools, for every year with data.
inline constexpr const char* branches_per_board = "vestigingen_bestuur";
inline constexpr const char* schools_per_board = "scholen_bestuur";

}  // namespace povo::job
