#include "job/scalar_origin.hpp"

namespace povo::job {

expr::TextOrigin scalar_origin(const ConfigNode& node) {
  return expr::TextOrigin(node.location());
}

}  // namespace povo::job
