// Numbers as DUO writes them: decimal comma or dot (per file), a leading zero that
// may be left out (",25", "-,25"), optional thousands separators, "<5" for a
// suppressed count of 1-4, and empty cells for "not reported". Anything else is an
// error: a cell is never silently read as 0, and "NaN"/"inf" are not numbers here.
#pragma once

#include <povo/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace povo::duo_csv {

struct NumberFormat {
  char decimal = ',';   ///< ',' or '.'
  char thousands = 0;   ///< 0 (none), '.', ',', ' ' or '\''; never equal to `decimal`
  std::vector<std::string> suppressed = {"<5"};  ///< texts meaning a count of 1 to 4
  std::vector<std::string> missing;              ///< extra texts meaning "not reported" (empty always is)
};

struct NumberResult {
  bool ok = false;
  Value value;  ///< when ok: a number, Value::suppressed_count() or missing(not_reported)
};

/// Parses one cell (surrounding spaces are ignored). Allocates nothing.
NumberResult parse_duo_number(std::string_view text, const NumberFormat& format) noexcept;

/// The expected form, for error messages: "a number such as 1.234,5 or ,25".
std::string describe_number_format(const NumberFormat& format);

}  // namespace povo::duo_csv
