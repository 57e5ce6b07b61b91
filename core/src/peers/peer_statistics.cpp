#include "peers/peer_statistics.hpp"


namespace povo::peers {

PeerStatistics::PeerStatistics(const Dataset& dataset, const indicators::IndicatorTable& table, const PeerGroups& groups,
                               std::size_t min_k)
    : dataset_(dataset), table_(table), groups_(groups), min_k_(min_k) {}

Value PeerStatistics::lookup(std::string_view name, EntityIndex b, int year) const {
  if (auto m = dataset_.find_measure(name); m && dataset_.measure_level(*m) == EntityKind::board) {
    return dataset_.get(*m, b, year);
  }
  if (auto i = table_.find(name)) return table_.get(*i, b, year);
  return Value::missing(Reason::missing_input);
}

const PeerStatistics::Cached& PeerStatistics::cached(std::size_t i, const std::vector<EntityIndex>& members,
                                                     int year) const {
  auto key = std::make_tuple(i, static_cast<const void*>(&members), year);
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) return *it->second;
  }
  std::vector<Value> values;
  values.reserve(members.size());
  for (EntityIndex b : members) values.push_back(table_.get(i, b, year));
  auto entry = std::make_unique<Cached>();
  entry->distribution.assign(values);
  entry->summary = stats::apply_minimum_k(entry->distribution.summary(), min_k_);
  std::lock_guard lock(mutex_);
  // Another thread may have filled it meanwhile; emplace keeps the first.
  return *cache_.emplace(key, std::move(entry)).first->second;
}

const stats::Summary& PeerStatistics::summary(std::size_t i, const std::vector<EntityIndex>& members, int year) const {
  return cached(i, members, year).summary;
}

BoardPosition PeerStatistics::position(std::size_t i, EntityIndex board, std::size_t definition, int year) const {
  BoardPosition p;
  p.value = table_.get(i, board, year);
  p.membership = groups_.membership(definition, board, year);
  for (const auto& s : table_.def(i).signals) {
    Value when = s.when_input.empty() ? Value() : lookup(s.when_input, board, year);
    p.beyond.push_back(s.rule.flags(p.value, when));
  }
  if (!p.membership.members || p.membership.too_small) {
    p.peers.withheld = true;
    p.percentile_rank = Value::missing(Reason::too_few_peers);
    return p;
  }
  const Cached& c = cached(i, *p.membership.members, year);
  p.peers = c.summary;
  if (c.summary.withheld) {
    p.percentile_rank = Value::missing(Reason::too_few_peers);
    return p;
  }
  p.percentile_rank = c.distribution.percentile_rank(p.value);
  p.quartile = c.distribution.quartile(p.value);
  return p;
}

std::optional<stats::RatioOfSums> PeerStatistics::aggregate(std::size_t i, std::span<const EntityIndex> members,
                                                            int year) const {
  const IndicatorInfo& info = table_.info(i);
  if (info.aggregation != Aggregation::ratio_of_sums) return std::nullopt;
  std::vector<Value> num, den;
  auto total = [&](const std::vector<std::string>& names, EntityIndex b) {
    Value sum = Value::of(0);
    for (const auto& n : names) sum = add(sum, lookup(n, b, year));
    return sum;
  };
  for (EntityIndex b : members) {
    num.push_back(total(info.aggregate_numerator, b));
    den.push_back(total(info.aggregate_denominator, b));
  }
  return stats::ratio_of_sums(num, den);
}

GroupFigure PeerStatistics::figure(std::size_t i, std::span<const EntityIndex> members, int year) const {
  GroupFigure f;
  f.how = table_.info(i).aggregation;
  // Boards to which the indicator does not apply (no vwo, no exam candidates) are not
  // among those a figure should cover.
  for (EntityIndex b : members) {
    const Value v = table_.get(i, b, year);
    if (!(v.is_missing() && v.reason() == Reason::not_applicable)) ++f.n_total;
  }
  switch (f.how) {
    case Aggregation::sum: {
      Value total = Value::of(0);
      for (EntityIndex b : members) {
        const Value v = table_.get(i, b, year);
        if (!v.has_bounds()) continue;
        total = add(total, v);
        ++f.n_used;
      }
      f.value = f.n_used ? total : Value::missing(Reason::missing_input);
      break;
    }
    case Aggregation::ratio_of_sums: {
      auto agg = aggregate(i, members, year);
      f.n_used = agg ? agg->n_used : 0;
      f.value = agg ? agg->value : Value::missing(Reason::missing_input);
      break;
    }
    case Aggregation::median: {
      std::vector<Value> values;
      values.reserve(members.size());
      for (EntityIndex b : members) values.push_back(table_.get(i, b, year));
      const stats::Summary s = stats::summarize(values);
      f.n_used = s.n;
      f.value = s.median;
      break;
    }
  }
  if (f.n_used < min_k_) {
    f.withheld = true;
    f.value = Value::missing(Reason::too_few_peers);
  }
  return f;
}

std::vector<stats::SignalCount> PeerStatistics::signal_counts(std::size_t i, std::span<const EntityIndex> members,
                                                              int year) const {
  std::vector<Value> values;
  for (EntityIndex b : members) values.push_back(table_.get(i, b, year));
  std::vector<stats::SignalCount> out;
  for (const auto& s : table_.def(i).signals) {
    std::vector<Value> when;
    if (!s.when_input.empty()) {
      for (EntityIndex b : members) when.push_back(lookup(s.when_input, b, year));
    }
    out.push_back(stats::count_signal(values, s.rule, when));
  }
  return out;
}

}  // namespace povo::peers
