#include "data/collecting_sink.hpp"

#include <algorithm>
#include <utility>

namespace povo::data {

void CollectingSink::report(Diagnostic d) noexcept {
  try {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(d));
  } catch (...) {
    // Out of memory while recording a warning: nothing better to do than drop it.
  }
}

std::vector<Diagnostic> CollectingSink::take() {
  std::lock_guard lock(mutex_);
  return std::exchange(items_, {});
}

std::size_t CollectingSink::errors() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t CollectingSink::warnings() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

}  // namespace povo::data
