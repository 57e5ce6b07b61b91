#include "job/number_format.hpp"

namespace povo::job {
namespace {

constexpr int max_decimals = 6;

// "0" followed by nothing, or "." and 1..6 zeros; returns the number of decimals.
std::optional<int> zeros(std::string_view s) {
  if (s == "0") return 0;
  if (s.size() < 3 || s.substr(0, 2) != "0.") return std::nullopt;
  const std::string_view tail = s.substr(2);
  if (tail.size() > static_cast<std::size_t>(max_decimals) || tail.find_first_not_of('0') != std::string_view::npos) {
    return std::nullopt;
  }
  return static_cast<int>(tail.size());
}

}  // namespace

std::optional<format::NumberStyle> parse_number_format(std::string_view text) {
  using K = format::NumberKind;
  if (text == "eur") return format::NumberStyle{K::euro, 0};
  if (text == "eur_mln") return format::NumberStyle{K::euro_millions, 1};
  if (text == "eur_compact") return format::NumberStyle{K::euro_compact, 1};
  if (!text.empty() && text.back() == '%') {
    if (auto d = zeros(text.substr(0, text.size() - 1))) return format::NumberStyle{K::percent_of_fraction, *d};
    return std::nullopt;
  }
  if (auto d = zeros(text)) return format::NumberStyle{*d == 0 ? K::integer : K::decimal, *d};
  return std::nullopt;
}

const std::vector<std::string>& number_format_names() {
  static const std::vector<std::string> names = {"0", "0.0", "0.00", "0.000", "0%", "0.0%", "0.00%",
                                                 "eur", "eur_mln", "eur_compact"};
  return names;
}

std::string number_format_name(format::NumberStyle style) {
  using K = format::NumberKind;
  auto digits = [&] { return style.decimals > 0 ? "0." + std::string(static_cast<std::size_t>(style.decimals), '0') : std::string("0"); };
  switch (style.kind) {
    case K::integer:
    case K::decimal: return digits();
    case K::percent_of_fraction:
    case K::percent_points: return digits() + "%";
    case K::euro: return "eur";
    case K::euro_millions: return "eur_mln";
    case K::euro_compact: return "eur_compact";
  }
  return digits();
}

}  // namespace povo::job
