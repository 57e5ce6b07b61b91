#include "job/derived_facts.hpp"

namespace povo::job {

const std::vector<std::string>& derived_board_attributes() {
  static const std::vector<std::string> list = {"sector", "province", "denomination", "rpa_region", "municipality"};
  return list;
}

}  // namespace povo::job
