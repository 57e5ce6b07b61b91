#include "job/peer_group_def.hpp"

namespace povo::job {

std::string SizeClasses::label_for(double value) const {
  std::size_t i = 0;
  while (i < bounds.size() && value >= bounds[i]) ++i;
  return labels.at(i);
}

}  // namespace povo::job
