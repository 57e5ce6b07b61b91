#include "report/report_builder.hpp"
#include "report/value_text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace povo::report::detail {

std::string label(const ReportContext& c, std::size_t i) {
  const IndicatorInfo& info = c.indicators().info(i);
  const std::string& l = c.locale == format::Locale::en ? info.label_en : info.label_nl;
  return l.empty() ? info.id : l;
}

format::NumberStyle style(const ReportContext& c, std::size_t i) { return c.indicators().def(i).style; }

std::string caption_or(const ReportContext& c, const std::optional<job::TitleTemplate>& caption, std::string fallback) {
  return caption ? c.fill(*caption) : std::move(fallback);
}

std::string text_of(const ReportContext& c, std::size_t i, const Value& v) { return value_text(v, style(c, i), c.locale); }

double number_or_nan(const Value& v) { return v.is_number() ? v.number() : std::numeric_limits<double>::quiet_NaN(); }

std::string attribute_label(const std::string& by, const ReportContext& c) {
  static const std::vector<std::array<const char*, 3>> names = {
      {"province", "provincie", "province"},     {"denomination", "denominatie", "denomination"},
      {"sector", "sector", "sector"},            {"rpa_region", "RPA-regio", "RPA region"},
      {"municipality", "gemeente", "municipality"}, {"school_type", "schoolsoort", "school type"}};
  for (const auto& n : names) {
    if (by == n[0]) return c.locale == format::Locale::nl ? n[1] : n[2];
  }
  return by;
}

std::string signal_text(const ReportContext& c, std::size_t i, const job::SignalRule& s) {
  std::string op;
  switch (s.rule.op) {
    case stats::Compare::lt: op = "<"; break;
    case stats::Compare::le: op = "\xE2\x89\xA4"; break;
    case stats::Compare::gt: op = ">"; break;
    case stats::Compare::ge: op = "\xE2\x89\xA5"; break;
  }
  std::string text = op + " " + text_of(c, i, Value::of(s.rule.threshold));
  if (!s.when_input.empty()) {
    std::string range;
    const bool euro = s.when_input.find("baten") != std::string::npos;
    auto amount = [&](double x) {
      return euro ? format::format_euro_compact(x, c.locale) : format::format_decimal(x, 0, c.locale);
    };
    const double lo = s.rule.when_min, hi = s.rule.when_max;
    if (std::isfinite(lo) && std::isfinite(hi)) range = amount(lo) + "\xE2\x80\x93" + amount(hi);
    else if (std::isfinite(lo)) range = "\xE2\x89\xA5 " + amount(lo);
    else if (std::isfinite(hi)) range = "< " + amount(hi);
    text += " (" + s.when_input + " " + range + ")";
  }
  return text;
}

void add_target(pdf::Document& doc, pdf::LineChart& chart, const job::Target& target, const ReportContext& c,
                std::size_t i, const std::vector<double>& values) {
  job::Target t = target;
  if (t.label.empty()) t.label = (c.locale == format::Locale::nl ? "doel " : "target ") + std::to_string(t.year);
  pdf::Series line;
  line.name = t.label;
  line.values.assign(chart.x_labels.size(), t.value);
  chart.series.push_back(line);
  doc.add(chart);
  // On course: the latest value against the straight path from the baseline to the target.
  double latest = std::numeric_limits<double>::quiet_NaN();
  for (double v : values) {
    if (!std::isnan(v)) latest = v;
  }
  if (std::isnan(latest)) return;
  double expected = t.value;
  if (t.baseline && t.baseline_year && t.year > *t.baseline_year && c.year < t.year) {
    double progress = static_cast<double>(c.year - *t.baseline_year) / (t.year - *t.baseline_year);
    expected = *t.baseline + (t.value - *t.baseline) * std::clamp(progress, 0.0, 1.0);
  }
  const Direction d = c.indicators().info(i).direction;
  const bool lower_is_better = d == Direction::lower_is_better ||
                               (d == Direction::neutral && t.baseline && t.value < *t.baseline);
  const bool on_course = lower_is_better ? latest <= expected : latest >= expected;
  const bool nl = c.locale == format::Locale::nl;
  std::string text = nl ? "**" + t.label + ":** " + text_of(c, i, Value::of(t.value)) + " in " + std::to_string(t.year) +
                              ". In " + std::to_string(c.year) + " is de waarde " + text_of(c, i, Value::of(latest)) +
                              (on_course ? ": **op koers**." : ": **niet op koers**.")
                        : "**" + t.label + ":** " + text_of(c, i, Value::of(t.value)) + " by " + std::to_string(t.year) +
                              ". In " + std::to_string(c.year) + " the value is " + text_of(c, i, Value::of(latest)) +
                              (on_course ? ": **on course**." : ": **off course**.");
  doc.add(pdf::Paragraph::markup(text));
}

}  // namespace povo::report::detail
