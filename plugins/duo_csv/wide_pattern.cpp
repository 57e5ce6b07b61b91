#include "wide_pattern.hpp"

#include <regex>
#include <stdexcept>

namespace povo::duo_csv {

struct WidePattern::Impl {
  std::regex re;
  int year_group = 0;       // capture group index, 0 = absent
  int year_from_group = 0;
};

WidePattern::WidePattern() : impl_(std::make_unique<Impl>()) {}
WidePattern::WidePattern(WidePattern&&) noexcept = default;
WidePattern& WidePattern::operator=(WidePattern&&) noexcept = default;
WidePattern::~WidePattern() = default;

namespace {

std::string escape_regex(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// Replaces (?<year>...) and (?<year_from>...) (std::regex has no named groups) by
// plain groups and records their numbers.
std::string strip_named_groups(const std::string& p, int& year_group, int& year_from_group) {
  std::string out;
  int group = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      out += p.substr(i, 2);
      ++i;
      continue;
    }
    if (c == '[') {  // character class: copy through the closing bracket
      std::size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j < p.size() && p[j] != ']') j += p[j] == '\\' ? 2 : 1;
      out += p.substr(i, j - i + 1);
      i = j;
      continue;
    }
    if (c == '(') {
      if (p.compare(i, 3, "(?<") == 0 && p.compare(i, 4, "(?<=") != 0 && p.compare(i, 4, "(?<!") != 0) {
        const std::size_t close = p.find('>', i);
        if (close == std::string::npos) throw std::invalid_argument("unterminated group name in '" + p + "'");
        const std::string name = p.substr(i + 3, close - i - 3);
        ++group;
        if (name == "year") year_group = group;
        else if (name == "year_from") year_from_group = group;
        else throw std::invalid_argument("unknown group name '" + name + "': use (?<year>...) or (?<year_from>...)");
        out.push_back('(');
        i = close;
        continue;
      }
      if (p.compare(i, 2, "(?") != 0) ++group;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

WidePattern WidePattern::placeholders(const std::string& pattern) {
  WidePattern w;
  w.text_ = pattern;
  std::string re = "^";
  int group = 0;
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    if (open == std::string::npos) {
      re += escape_regex(std::string_view(pattern).substr(i));
      break;
    }
    re += escape_regex(std::string_view(pattern).substr(i, open - i));
    const std::size_t close = pattern.find('}', open);
    if (close == std::string::npos) throw std::invalid_argument("unclosed '{' in '" + pattern + "'");
    const std::string name = pattern.substr(open + 1, close - open - 1);
    ++group;
    if (name == "year" && !w.impl_->year_group) w.impl_->year_group = group;
    else if (name == "year_from" && !w.impl_->year_from_group) w.impl_->year_from_group = group;
    else throw std::invalid_argument("unknown or repeated placeholder '{" + name + "}': use {year} and {year_from}");
    re += "(\\d{4})";
    i = close + 1;
  }
  re += "$";
  if (!w.impl_->year_group && !w.impl_->year_from_group) {
    throw std::invalid_argument("the pattern has no {year} or {year_from} placeholder");
  }
  w.impl_->re = std::regex(re, std::regex::ECMAScript | std::regex::optimize);
  return w;
}

WidePattern WidePattern::regex(const std::string& pattern) {
  WidePattern w;
  w.text_ = pattern;
  const std::string re = strip_named_groups(pattern, w.impl_->year_group, w.impl_->year_from_group);
  if (!w.impl_->year_group && !w.impl_->year_from_group) {
    throw std::invalid_argument("the regex has no (?<year>...) or (?<year_from>...) group");
  }
  try {
    w.impl_->re = std::regex(re, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    throw std::invalid_argument(std::string("not a valid regular expression: ") + e.what());
  }
  return w;
}

std::optional<int> WidePattern::match(std::string_view header) const {
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(header.begin(), header.end(), m, impl_->re)) return std::nullopt;
  auto number = [&](int g) -> std::optional<int> {
    if (!g || !m[g].matched) return std::nullopt;
    const std::string s = m[g].str();
    if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoi(s);
  };
  if (auto y = number(impl_->year_group)) return y;
  if (auto from = number(impl_->year_from_group)) return *from + 1;
  return std::nullopt;
}

}  // namespace povo::duo_csv
