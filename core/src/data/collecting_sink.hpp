// A DiagnosticSink that keeps every message for the run's data-quality summary.
#pragma once

#include <povo/diagnostics.hpp>

#include <mutex>
#include <vector>

namespace povo::data {

class CollectingSink final : public DiagnosticSink {
 public:
  void report(Diagnostic d) noexcept override;
  std::vector<Diagnostic> take();
  std::size_t errors() const;
  std::size_t warnings() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
};

}  // namespace povo::data
