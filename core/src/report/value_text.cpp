#include "report/value_text.hpp"

namespace povo::report {

std::string value_text(const Value& v, format::NumberStyle style, format::Locale locale) {
  switch (v.kind()) {
    case Value::Kind::number: return format::format_value(v.number(), style, locale);
    case Value::Kind::suppressed: return "<5";
    case Value::Kind::range:
      return format::format_value(v.low(), style, locale) + "\xE2\x80\x93" + format::format_value(v.high(), style, locale);
    case Value::Kind::missing: break;
  }
  return "\xE2\x80\x93";
}

std::string count_text(double count, format::Locale locale) {
  if (count >= 1 && count <= 4) return "<5";
  return format::format_integer(count, locale);
}

}  // namespace povo::report
