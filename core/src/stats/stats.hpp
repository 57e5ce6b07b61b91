// Benchmark statistics per indicator, peer group and year (issue 4).
//
// Definitions (stated once, used everywhere):
//
// * Which values count. Only numbers count in n and in every statistic. Missing values
//   are counted in n_missing; suppressed counts ("<5") and ranges are counted in
//   n_suppressed and are left out of the mean, quantiles, min and max (their exact value
//   is unknown; putting them anywhere would bias the distribution). A NaN number (never
//   produced by povo's arithmetic) counts as missing.
//
// * Quantiles: Hyndman & Fan (1996) type 7, the default of R's quantile() and NumPy's
//   percentile(). For the sorted numbers x[0] <= ... <= x[n-1] and 0 <= p <= 1:
//   h = (n - 1) p, j = floor(h), Q(p) = x[j] + (h - j) (x[j+1] - x[j]).
//   So Q(0) = min, Q(1) = max, Q(0.5) = the usual median; for n = 1 every quantile is
//   that number. Example: [1, 2, 3, 4]: P25 = 1.75, P90 = 3.7.
//
// * Percentile rank of a value v among the peer numbers (the board itself included):
//   100 * (number of peers < v + 0.5 * number of peers == v) / n. The lowest of n
//   distinct values gets 50/n, the highest 100 - 50/n; a board equal to all others 50.
//
// * Quartile of v from the peers' P25, P50, P75 (type 7): 1 if v <= P25, 2 if
//   P25 < v <= P50, 3 if P50 < v <= P75, 4 if v > P75. A value exactly on a boundary
//   belongs to the lower quartile (consistent with "at least 25% are <= P25").
//   Quartile 1 holds the lowest values, whatever the indicator's direction.
//
// * Sector aggregate: the ratio of sums, sum(numerators) / sum(denominators), over the
//   boards where both are numbers.
//
// * Signal counts: boards whose number is beyond the threshold (value <op> threshold),
//   and their share of the boards with a number.
#pragma once

#include <povo/indicator.hpp>
#include <povo/value.hpp>

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace povo::stats {

/// Statistics of one indicator for one peer group and year. Statistics are
/// Value::missing(Reason::missing_input) when n == 0, and
/// Value::missing(Reason::too_few_peers) after apply_minimum_k() when n < k.
struct Summary {
  std::size_t n = 0;             ///< numbers
  std::size_t n_missing = 0;     ///< missing values
  std::size_t n_suppressed = 0;  ///< suppressed counts and ranges (not in n)
  Value mean, median, p10, p25, p75, p90, min, max;
  bool withheld = false;         ///< set by apply_minimum_k(): fewer than k numbers

  std::size_t total() const noexcept { return n + n_missing + n_suppressed; }
};

/// One type-7 quantile of sorted numbers; NaN when empty. `p` in [0, 1].
double quantile_sorted(std::span<const double> sorted, double p) noexcept;

/// Summary of `values`. Copies the numbers into `scratch` (reused between calls, so no
/// allocation once it has grown) and selects order statistics with nth_element.
Summary summarize(std::span<const Value> values, std::vector<double>& scratch);
/// Convenience overload with its own scratch buffer.
Summary summarize(std::span<const Value> values);

/// Minimum-k disclosure rule: true if the summary rests on at least k numbers.
inline bool enough_peers(const Summary& s, std::size_t k) noexcept { return s.n >= k; }
/// If s.n < k, replaces every statistic with missing(too_few_peers) and sets withheld;
/// the counts stay. Returns the (possibly) changed summary.
Summary apply_minimum_k(Summary s, std::size_t k) noexcept;

/// The sorted numbers of a peer group, for percentile ranks and quartiles of many boards
/// (each lookup is O(log n)). Reusable: assign() keeps the buffer.
class Distribution {
 public:
  Distribution() = default;
  explicit Distribution(std::span<const Value> values) { assign(values); }
  void assign(std::span<const Value> values);

  std::span<const double> sorted() const noexcept { return sorted_; }
  std::size_t n() const noexcept { return sorted_.size(); }
  std::size_t n_missing() const noexcept { return n_missing_; }
  std::size_t n_suppressed() const noexcept { return n_suppressed_; }

  double quantile(double p) const noexcept { return quantile_sorted(sorted_, p); }
  /// The same summary as summarize() gives for the same values.
  Summary summary() const;
  /// Percentile rank (0..100) of v; missing with reason_for_input(v) if v is not a
  /// number, missing(missing_input) if there are no peer numbers.
  Value percentile_rank(const Value& v) const noexcept;
  /// Quartile 1..4 of v; nullopt if v is not a number or there are no peer numbers.
  std::optional<int> quartile(const Value& v) const noexcept;

 private:
  std::vector<double> sorted_;
  std::size_t n_missing_ = 0;
  std::size_t n_suppressed_ = 0;
  double sum_ = 0;  ///< in input order, so the mean equals summarize()'s
};

/// Percentile ranks of every board among the numbers of `values` (the board itself
/// included), in one O(n log n) pass: out[i] is the rank of values[i], or missing with
/// reason_for_input(values[i]) when it is not a number. out.size() must equal
/// values.size() (std::invalid_argument otherwise).
void percentile_ranks(std::span<const Value> values, std::span<Value> out);

/// Percentile rank of v among `peers` in O(n), without sorting (for a single lookup).
Value percentile_rank(const Value& v, std::span<const Value> peers) noexcept;

/// Sector aggregate as a ratio of sums.
struct RatioOfSums {
  Value value;               ///< Σ numerator / Σ denominator; missing(missing_input) if no board
                             ///< counts, missing(zero_denominator) if Σ denominator is 0
  double numerator = 0;      ///< Σ over the boards used
  double denominator = 0;
  std::size_t n_used = 0;    ///< boards where numerator and denominator are both numbers
  std::size_t n_skipped = 0; ///< the others
};
/// numerators[i] and denominators[i] belong to board i; sizes must match
/// (std::invalid_argument otherwise).
RatioOfSums ratio_of_sums(std::span<const Value> numerators, std::span<const Value> denominators);

enum class Compare { lt, le, gt, ge };
/// "<", "<=", ">" or ">="; throws povo::Error otherwise.
Compare parse_compare(std::string_view op);
/// "<", "<=", ">" or ">="; nullopt otherwise (for checking a plugin's declaration).
std::optional<Compare> to_compare(std::string_view op) noexcept;
/// "<", "<=", ">" or ">=".
const char* compare_text(Compare op) noexcept;
constexpr bool beyond(double v, Compare op, double threshold) noexcept {
  switch (op) {
    case Compare::lt: return v < threshold;
    case Compare::le: return v <= threshold;
    case Compare::gt: return v > threshold;
    case Compare::ge: return v >= threshold;
  }
  return false;
}

struct SignalCount {
  std::size_t n_beyond = 0;      ///< boards with a number beyond the threshold
  std::size_t n_with_value = 0;  ///< boards with a number (that the signal applies to)
  Value share;                   ///< n_beyond / n_with_value (0..1); missing(missing_input) if none
};
/// Counts boards with `value <op> threshold`. Non-numbers are not counted.
SignalCount count_beyond(std::span<const Value> values, Compare op, double threshold) noexcept;
/// A signal value in checked form: a board is flagged when `value <op> threshold`; a
/// conditional one applies only to boards whose condition value (e.g. totale baten) is a
/// number in [when_min, when_max).
struct Threshold {
  Compare op = Compare::lt;
  double threshold = 0;
  bool conditional = false;
  double when_min = -std::numeric_limits<double>::infinity();
  double when_max = std::numeric_limits<double>::infinity();
  /// Whether the signal applies to a board whose condition value is `when`.
  bool applies(const Value& when) const noexcept;
  /// Whether `value` is a number beyond the threshold and the signal applies.
  bool flags(const Value& value, const Value& when) const noexcept;
};
/// Counts boards beyond the threshold among those it applies to. For a conditional
/// threshold, when_values[i] belongs to values[i]; throws std::invalid_argument if the
/// sizes differ. Without a condition, when_values is ignored.
SignalCount count_signal(std::span<const Value> values, const Threshold& signal,
                         std::span<const Value> when_values = {});

}  // namespace povo::stats
