#include "job/job.hpp"

#include <algorithm>

namespace povo::job {

bool DeclaredData::has(const std::vector<std::string>& list, const std::string& name) const {
  return std::binary_search(list.begin(), list.end(), name);
}

const std::vector<std::string>* DeclaredData::values_of(const std::string& attribute) const {
  for (const auto& [name, values] : attribute_values) {
    if (name == attribute) return &values;
  }
  return nullptr;
}

const ReportSpec* Job::find_report(std::string_view id) const {
  for (const auto& r : reports) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace povo::job
