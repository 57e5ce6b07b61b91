// How a value reads in a report: Dutch (or English) number formats per indicator
// format, and disclosure control: counts from 1 to 4 print as "<5", values derived
// from suppressed inputs as a range or a dash, never as a made-up number.
#pragma once

#include "format/format.hpp"

#include <povo/indicator.hpp>
#include <povo/value.hpp>

#include <string>

namespace povo::report {

/// Formats a value: numbers in `style`; a suppressed count as "<5"; a range as
/// "low–high" (both in style); missing as "–" (en dash).
std::string value_text(const Value& v, format::NumberStyle style, format::Locale locale);

/// A count with disclosure control: 1..4 print as "<5" (0 stays 0).
std::string count_text(double count, format::Locale locale);

}  // namespace povo::report
