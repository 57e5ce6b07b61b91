// Which boards each board is compared with, per peer-group definition and year.
#pragma once

#include "job/peer_group_def.hpp"

#include <povo/dataset.hpp>

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace povo::peers {

using job::PeerGroupDef;
using job::SizeClasses;

/// The comparison group of one board under one definition in one year.
struct Membership {
  std::size_t definition = 0;  ///< the definition actually used (after any fallback)
  std::string key;             ///< e.g. "po|middelgroot": the attribute values and size class
  std::string label;           ///< e.g. "Besturen van vergelijkbare omvang (po, middelgroot)"
  const std::vector<EntityIndex>* members = nullptr;  ///< sorted board indexes, the board itself included
  bool fallback_used = false;
  bool too_small = false;      ///< fewer than k boards even after every fallback: show no statistics
  std::string note;            ///< for the report, e.g. why the fallback was used
};

class PeerGroups {
 public:
  PeerGroups(const Dataset& dataset, std::vector<PeerGroupDef> definitions);

  const std::vector<PeerGroupDef>& definitions() const { return defs_; }
  std::optional<std::size_t> find(std::string_view id) const;

  /// The group of `board` under definition `def` in `year`, following fallbacks.
  Membership membership(std::size_t def, EntityIndex board, int year) const;
  /// Every group of a definition in a year: key -> members. Boards that cannot be
  /// placed (an attribute or the size measure is missing) are under the key "".
  const std::map<std::string, std::vector<EntityIndex>>& partition(std::size_t def, int year) const;

 private:
  std::string key_of(const PeerGroupDef& d, EntityIndex board, int year) const;

  const Dataset& dataset_;
  std::vector<PeerGroupDef> defs_;
  // Filled on first use; reports render on several threads, hence the mutex. Map
  // nodes never move, so references handed out stay valid.
  mutable std::mutex mutex_;
  mutable std::map<std::pair<std::size_t, int>, std::map<std::string, std::vector<EntityIndex>>> partitions_;
};

}  // namespace povo::peers
