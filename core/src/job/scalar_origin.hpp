// Where each character of a configuration scalar is, for located errors inside texts and
// expressions (also inside folded and literal YAML block scalars).
#pragma once

#include "expr/expression.hpp"

#include <povo/config_node.hpp>

namespace povo::job {

/// The origin of a scalar's text: byte `offset` of node.scalar() maps to its file:line:col.
expr::TextOrigin scalar_origin(const ConfigNode& node);

}  // namespace povo::job
