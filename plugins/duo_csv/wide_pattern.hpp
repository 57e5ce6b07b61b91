// Year-suffixed ("wide") columns: one column per year, e.g.
// "EXAMENKANDIDATEN SCHOOLJAAR 2023-2024 - TOTAAL". A pattern names the year parts:
//   EXAMENKANDIDATEN SCHOOLJAAR {year_from}-{year} - TOTAAL     (literal text + placeholders)
// or a regular expression (ECMAScript) with named groups (?<year>...) / (?<year_from>...):
//   ^LEERLINGEN_(?<year>\d{4})$
// The year stored is {year}; with only {year_from} (a school year "2023-2024" written
// by its first year), the year stored is year_from + 1: the school year's end year.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace povo::duo_csv {

class WidePattern {
 public:
  /// Throws std::invalid_argument with a readable reason for a malformed pattern.
  static WidePattern placeholders(const std::string& pattern);
  static WidePattern regex(const std::string& pattern);

  WidePattern(WidePattern&&) noexcept;
  WidePattern& operator=(WidePattern&&) noexcept;
  ~WidePattern();

  /// The year a column header stands for, or nullopt when it does not match.
  std::optional<int> match(std::string_view header) const;
  const std::string& text() const noexcept { return text_; }

 private:
  WidePattern();
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string text_;
};

}  // namespace povo::duo_csv
