#include "stats/stats.hpp"

#include <povo/diagnostics.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace povo::stats {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::array<double, 5> levels = {0.10, 0.25, 0.50, 0.75, 0.90};

double interpolate(double lo, double hi, double g) noexcept { return g == 0 ? lo : lo + g * (hi - lo); }

// Selects the order statistics at `positions` (sorted, distinct) in [first, last):
// afterwards base[pos] holds the value it would hold if the range were sorted.
void multiselect(double* base, double* first, double* last, const std::size_t* pos_first, const std::size_t* pos_last) {
  while (pos_first != pos_last && first != last) {
    const std::size_t* mid = pos_first + (pos_last - pos_first) / 2;
    double* nth = base + *mid;
    std::nth_element(first, nth, last);
    multiselect(base, first, nth, pos_first, mid);
    first = nth + 1;
    pos_first = mid + 1;
  }
}

Value number_or_empty(double x) { return std::isnan(x) ? Value::missing(Reason::missing_input) : Value::of(x); }

void fill(Summary& s, double mean, const std::array<double, 5>& q, double lo, double hi) {
  s.mean = number_or_empty(mean);
  s.p10 = number_or_empty(q[0]);
  s.p25 = number_or_empty(q[1]);
  s.median = number_or_empty(q[2]);
  s.p75 = number_or_empty(q[3]);
  s.p90 = number_or_empty(q[4]);
  s.min = number_or_empty(lo);
  s.max = number_or_empty(hi);
}

// A number that can be ordered. NaN never comes out of povo's arithmetic, but would
// break sorting, so it counts as missing.
bool usable(const Value& v) noexcept { return v.is_number() && !std::isnan(v.number()); }

void count(const Value& v, std::size_t& n_missing, std::size_t& n_suppressed) {
  if (v.is_missing() || v.is_number()) {
    ++n_missing;
  } else if (!v.is_number()) {
    ++n_suppressed;
  }
}

}  // namespace

double quantile_sorted(std::span<const double> x, double p) noexcept {
  if (x.empty()) return nan;
  p = std::clamp(p, 0.0, 1.0);
  double h = static_cast<double>(x.size() - 1) * p;
  auto j = static_cast<std::size_t>(std::floor(h));
  if (j + 1 >= x.size()) return x.back();
  return interpolate(x[j], x[j + 1], h - static_cast<double>(j));
}

Summary summarize(std::span<const Value> values, std::vector<double>& scratch) {
  Summary s;
  scratch.clear();
  double sum = 0;
  for (const auto& v : values) {
    if (usable(v)) {
      scratch.push_back(v.number());
      sum += v.number();
    } else {
      count(v, s.n_missing, s.n_suppressed);
    }
  }
  const std::size_t n = scratch.size();
  s.n = n;
  if (n == 0) {
    fill(s, nan, {nan, nan, nan, nan, nan}, nan, nan);
    return s;
  }
  // Positions needed: min, max, and floor(h), floor(h)+1 for each level.
  std::array<std::size_t, 12> pos{};
  std::size_t np = 0;
  pos[np++] = 0;
  pos[np++] = n - 1;
  std::array<std::size_t, 5> j{};
  std::array<double, 5> g{};
  for (std::size_t k = 0; k < levels.size(); ++k) {
    double h = static_cast<double>(n - 1) * levels[k];
    j[k] = static_cast<std::size_t>(std::floor(h));
    g[k] = h - static_cast<double>(j[k]);
    pos[np++] = j[k];
    if (j[k] + 1 < n) pos[np++] = j[k] + 1;
  }
  std::sort(pos.begin(), pos.begin() + np);
  np = static_cast<std::size_t>(std::unique(pos.begin(), pos.begin() + np) - pos.begin());
  double* base = scratch.data();
  multiselect(base, base, base + n, pos.data(), pos.data() + np);
  std::array<double, 5> q{};
  for (std::size_t k = 0; k < levels.size(); ++k) {
    q[k] = j[k] + 1 < n ? interpolate(base[j[k]], base[j[k] + 1], g[k]) : base[j[k]];
  }
  fill(s, sum / static_cast<double>(n), q, base[0], base[n - 1]);
  return s;
}

Summary summarize(std::span<const Value> values) {
  std::vector<double> scratch;
  scratch.reserve(values.size());
  return summarize(values, scratch);
}

Summary apply_minimum_k(Summary s, std::size_t k) noexcept {
  if (s.n >= k) return s;
  s.withheld = true;
  const Value hidden = Value::missing(Reason::too_few_peers);
  s.mean = s.median = s.p10 = s.p25 = s.p75 = s.p90 = s.min = s.max = hidden;
  return s;
}

void Distribution::assign(std::span<const Value> values) {
  sorted_.clear();
  n_missing_ = n_suppressed_ = 0;
  sum_ = 0;
  for (const auto& v : values) {
    if (usable(v)) {
      sorted_.push_back(v.number());
      sum_ += v.number();
    } else {
      count(v, n_missing_, n_suppressed_);
    }
  }
  std::sort(sorted_.begin(), sorted_.end());
}

Summary Distribution::summary() const {
  Summary s;
  s.n = sorted_.size();
  s.n_missing = n_missing_;
  s.n_suppressed = n_suppressed_;
  if (sorted_.empty()) {
    fill(s, nan, {nan, nan, nan, nan, nan}, nan, nan);
    return s;
  }
  std::array<double, 5> q{};
  for (std::size_t k = 0; k < levels.size(); ++k) q[k] = quantile(levels[k]);
  fill(s, sum_ / static_cast<double>(sorted_.size()), q, sorted_.front(), sorted_.back());
  return s;
}

Value Distribution::percentile_rank(const Value& v) const noexcept {
  if (v.is_number() && std::isnan(v.number())) return Value::missing(Reason::invalid);
  if (!v.is_number()) return Value::missing(reason_for_input(v));
  if (sorted_.empty()) return Value::missing(Reason::missing_input);
  auto [lo, hi] = std::equal_range(sorted_.begin(), sorted_.end(), v.number());
  double below = static_cast<double>(lo - sorted_.begin());
  double ties = static_cast<double>(hi - lo);
  return Value::of(100.0 * (below + 0.5 * ties) / static_cast<double>(sorted_.size()));
}

std::optional<int> Distribution::quartile(const Value& v) const noexcept {
  if (!usable(v) || sorted_.empty()) return std::nullopt;
  double x = v.number();
  if (x <= quantile(0.25)) return 1;
  if (x <= quantile(0.50)) return 2;
  if (x <= quantile(0.75)) return 3;
  return 4;
}

Value percentile_rank(const Value& v, std::span<const Value> peers) noexcept {
  if (v.is_number() && std::isnan(v.number())) return Value::missing(Reason::invalid);
  if (!v.is_number()) return Value::missing(reason_for_input(v));
  std::size_t n = 0, below = 0, ties = 0;
  for (const auto& p : peers) {
    if (!usable(p)) continue;
    ++n;
    if (p.number() < v.number()) ++below;
    else if (p.number() == v.number()) ++ties;
  }
  if (n == 0) return Value::missing(Reason::missing_input);
  return Value::of(100.0 * (static_cast<double>(below) + 0.5 * static_cast<double>(ties)) / static_cast<double>(n));
}

void percentile_ranks(std::span<const Value> values, std::span<Value> out) {
  if (values.size() != out.size()) throw std::invalid_argument("percentile_ranks: output size differs from input size");
  std::vector<std::pair<double, std::size_t>> order;
  order.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (usable(values[i])) {
      order.emplace_back(values[i].number(), i);
    } else {
      out[i] = Value::missing(values[i].is_number() ? Reason::invalid : reason_for_input(values[i]));
    }
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const double n = static_cast<double>(order.size());
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start + 1;
    while (end < order.size() && order[end].first == order[start].first) ++end;
    const Value rank = Value::of(100.0 * (static_cast<double>(start) + 0.5 * static_cast<double>(end - start)) / n);
    for (std::size_t k = start; k < end; ++k) out[order[k].second] = rank;
    start = end;
  }
}

RatioOfSums ratio_of_sums(std::span<const Value> numerators, std::span<const Value> denominators) {
  if (numerators.size() != denominators.size()) {
    throw std::invalid_argument("ratio_of_sums: " + std::to_string(numerators.size()) + " numerators but " +
                                std::to_string(denominators.size()) + " denominators");
  }
  RatioOfSums r;
  for (std::size_t i = 0; i < numerators.size(); ++i) {
    if (usable(numerators[i]) && usable(denominators[i])) {
      r.numerator += numerators[i].number();
      r.denominator += denominators[i].number();
      ++r.n_used;
    } else {
      ++r.n_skipped;
    }
  }
  r.value = r.n_used == 0 ? Value::missing(Reason::missing_input)
                          : divide(Value::of(r.numerator), Value::of(r.denominator));
  return r;
}

std::optional<Compare> to_compare(std::string_view op) noexcept {
  if (op == "<") return Compare::lt;
  if (op == "<=") return Compare::le;
  if (op == ">") return Compare::gt;
  if (op == ">=") return Compare::ge;
  return std::nullopt;
}

Compare parse_compare(std::string_view op) {
  if (auto c = to_compare(op)) return *c;
  throw Error("unknown comparison '" + std::string(op) + "'", {}, "use <, <=, > or >=");
}

const char* compare_text(Compare op) noexcept {
  switch (op) {
    case Compare::lt: return "<";
    case Compare::le: return "<=";
    case Compare::gt: return ">";
    case Compare::ge: return ">=";
  }
  return "?";
}

bool Threshold::applies(const Value& when) const noexcept {
  if (!conditional) return true;
  return when.is_number() && !std::isnan(when.number()) && when.number() >= when_min && when.number() < when_max;
}

bool Threshold::flags(const Value& value, const Value& when) const noexcept {
  return value.is_number() && !std::isnan(value.number()) && applies(when) && beyond(value.number(), op, threshold);
}

SignalCount count_beyond(std::span<const Value> values, Compare op, double threshold) noexcept {
  SignalCount c;
  for (const auto& v : values) {
    if (!usable(v)) continue;
    ++c.n_with_value;
    if (beyond(v.number(), op, threshold)) ++c.n_beyond;
  }
  c.share = c.n_with_value == 0 ? Value::missing(Reason::missing_input)
                                : Value::of(static_cast<double>(c.n_beyond) / static_cast<double>(c.n_with_value));
  return c;
}

SignalCount count_signal(std::span<const Value> values, const Threshold& signal, std::span<const Value> when_values) {
  if (!signal.conditional) return count_beyond(values, signal.op, signal.threshold);
  if (when_values.size() != values.size()) {
    throw std::invalid_argument("count_signal: a conditional signal needs its condition value for every board");
  }
  SignalCount c;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!usable(values[i]) || !signal.applies(when_values[i])) continue;
    ++c.n_with_value;
    if (beyond(values[i].number(), signal.op, signal.threshold)) ++c.n_beyond;
  }
  c.share = c.n_with_value == 0 ? Value::missing(Reason::missing_input)
                                : Value::of(static_cast<double>(c.n_beyond) / static_cast<double>(c.n_with_value));
  return c;
}

}  // namespace povo::stats
