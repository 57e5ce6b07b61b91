#include "job/scalar_origin.hpp"

namespace povo::job {

// The loader knows where every byte of a scalar was written (ConfigNode::location_at),
// also inside folded `>-` texts whose lines it joined: errors point at the character.
expr::TextOrigin scalar_origin(const ConfigNode& node) {
  if (!node.is_scalar()) return expr::TextOrigin(node.location());
  return expr::TextOrigin(node.location(), [node](std::size_t offset) { return node.location_at(offset); });
}

}  // namespace povo::job
