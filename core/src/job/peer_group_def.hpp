// Comparison groups (`peer_groups:`) as the compiled job holds them.
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

#include <povo/diagnostics.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace povo::job {

struct SizeClasses {
  std::string measure;              ///< a board-level measure, e.g. leerlingen_bestuur or totale_baten
  std::vector<double> bounds;       ///< ascending; class i is [bounds[i-1], bounds[i])
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
  std::optional<std::size_t> fallback;  ///< index of a broader definition
  SourceLocation where;             ///< the entry
  SourceLocation by_where;          ///< its `by:` (or the entry), for data-dependent warnings
  SourceLocation boards_where;      ///< its `boards:` (or the entry)
};

}  // namespace povo::job
