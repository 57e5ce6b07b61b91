#include "report/value_text.hpp"

namespace povo::report {

format::NumberStyle style_for(const std::string& f) {
  using K = format::NumberKind;
  if (f == "eur") return {K::euro, 0};
  if (f == "eur_mln") return {K::euro_millions, 1};
  if (f == "eur_compact") return {K::euro_compact, 1};
  if (f == "0") return {K::integer, 0};
  if (!f.empty() && f.back() == '%') {
    auto dot = f.find('.');
    int decimals = dot == std::string::npos ? 0 : static_cast<int>(f.size() - dot - 2);
    return {K::percent_of_fraction, decimals};
  }
  auto dot = f.find('.');
  if (dot == std::string::npos) return {K::decimal, 2};
  return {K::decimal, static_cast<int>(f.size() - dot - 1)};
}

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
