// Peer-group definitions from `peer_groups:` in the configuration.
//
//   peer_groups:
//     - id: omvang
//       label: Besturen van vergelijkbare omvang
//       by: [sector]                       # board attributes that must be equal
//       size: {measure: leerlingen_bestuur, bounds: [500, 2000, 8000],
//              labels: [klein, middelgroot, groot, zeer groot]}
//       min_size: 5                        # k: fewer boards and the fallback is used
//       fallback: sector
//     - id: sector
//       by: [sector]
//     - id: noord
//       boards: ["10001", "10002"]         # an explicit list
#pragma once

#include <povo/config_node.hpp>

#include <optional>
#include <string>
#include <vector>

namespace povo::peers {

struct SizeClasses {
  std::string measure;            ///< a board-level measure, e.g. leerlingen_bestuur or totale_baten
  std::vector<double> bounds;     ///< ascending; class i is [bounds[i-1], bounds[i])
  std::vector<std::string> labels;  ///< bounds.size() + 1 labels
  std::string label_for(double value) const;
};

struct PeerGroupDef {
  std::string id;
  std::string label;
  std::vector<std::string> by;      ///< board attributes, e.g. sector, province, denomination, rpa_region
  std::optional<SizeClasses> size;
  std::vector<std::string> boards;  ///< explicit board numbers; when set, `by` and `size` are not used
  std::size_t min_size = 5;
  std::string fallback;             ///< id of a broader definition
  SourceLocation where;
};

/// The option specs of one peer-group entry, for `povo validate`.
std::vector<OptionSpec> peer_group_specs();

/// Reads and checks `peer_groups:`: unique ids, ascending bounds with one label more
/// than bounds, fallbacks that exist and do not form a cycle. Throws a located Error.
std::vector<PeerGroupDef> parse_peer_groups(const ConfigNode& root);

}  // namespace povo::peers
