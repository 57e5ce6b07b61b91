// Number formats of indicators, as a type. A plugin or a YAML indicator names its
// format as text ("0.00", "0.0%", "eur_mln"); the compiled job holds the checked
// format::NumberStyle, so nothing downstream parses a format string.
#pragma once

#include "format/format.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace povo::job {

/// "0", "0.0" .. "0.000000" (decimals), "0%", "0.0%" .. (a fraction printed as a
/// percentage), "eur" (whole euros), "eur_mln" (€ 1,2 mln), "eur_compact" (the unit
/// chosen by size). Anything else: nullopt.
std::optional<format::NumberStyle> parse_number_format(std::string_view text);

/// The accepted spellings, for messages and the configuration reference.
const std::vector<std::string>& number_format_names();

/// "0.00", "0.0%", "eur", ...: the spelling of a style (the inverse of parse_number_format).
std::string number_format_name(format::NumberStyle style);

}  // namespace povo::job
