// Indicators x peer groups -> statistics: per indicator, group and year the summary
// (n, missing, mean, median, P10..P90, min, max), each board's percentile rank and
// quartile, the sector aggregate as a ratio of sums, and counts beyond each signal value.
#pragma once

#include "indicators/indicator_table.hpp"
#include "peers/peer_groups.hpp"
#include "stats/stats.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <tuple>

namespace povo::peers {

/// One board's standing on one indicator in one year among its peers.
struct BoardPosition {
  Value value;
  Membership membership;
  stats::Summary peers;        ///< withheld when the group has fewer than k values
  Value percentile_rank;       ///< 0..100, missing when the value or the statistics are not shown
  std::optional<int> quartile; ///< 1..4
  std::vector<bool> beyond;    ///< per signal value of the indicator
};

/// A group's or the sector's figure for one indicator, formed as the indicator declares
/// (job::IndicatorDef::aggregation): the total, the ratio of sums, or the median.
struct GroupFigure {
  Value value;                 ///< missing(too_few_peers) when withheld
  Aggregation how = Aggregation::median;
  std::size_t n_used = 0;      ///< boards whose values went into it
  std::size_t n_total = 0;     ///< boards in the group to which the indicator applies
  bool withheld = false;       ///< fewer than min_k boards with a value: not shown
};

class PeerStatistics {
 public:
  /// `min_k`: statistics over fewer boards with a value are withheld (disclosure control).
  PeerStatistics(const Dataset& dataset, const indicators::IndicatorTable& table, const PeerGroups& groups,
                 std::size_t min_k);

  /// The summary of indicator `i` over `members` (a group from PeerGroups) in `year`.
  const stats::Summary& summary(std::size_t i, const std::vector<EntityIndex>& members, int year) const;
  BoardPosition position(std::size_t i, EntityIndex board, std::size_t definition, int year) const;
  /// Σ numerator inputs / Σ denominator inputs over `members`, when the indicator declares them.
  std::optional<stats::RatioOfSums> aggregate(std::size_t i, std::span<const EntityIndex> members, int year) const;
  /// The group's figure for indicator `i` over `members` in `year`, with disclosure control:
  /// over fewer than min_k boards with a value it is withheld. This is the one place where
  /// a figure for many boards is formed, for reports and for `povo data --table stats`.
  GroupFigure figure(std::size_t i, std::span<const EntityIndex> members, int year) const;
  /// For each of the indicator's signal values: boards beyond it among `members`.
  std::vector<stats::SignalCount> signal_counts(std::size_t i, std::span<const EntityIndex> members, int year) const;

  /// A measure or indicator value by name (measures first), for board `b` in `year`.
  Value lookup(std::string_view name, EntityIndex b, int year) const;
  std::size_t min_k() const { return min_k_; }

 private:
  struct Cached {
    stats::Distribution distribution;
    stats::Summary summary;
  };
  const Cached& cached(std::size_t i, const std::vector<EntityIndex>& members, int year) const;

  const Dataset& dataset_;
  const indicators::IndicatorTable& table_;
  const PeerGroups& groups_;
  std::size_t min_k_;
  // Keyed by the members vector's address: PeerGroups keeps each group's vector alive.
  mutable std::mutex mutex_;  // reports render on several threads
  mutable std::map<std::tuple<std::size_t, const void*, int>, std::unique_ptr<Cached>> cache_;
};

}  // namespace povo::peers
