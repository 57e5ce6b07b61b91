// Sources -> dataset: loads the compiled job's data sources in order into one Dataset,
// then derives what povo adds to every dataset (data/derived_measures.hpp).
#pragma once

#include "data/derived_measures.hpp"
#include "job/job.hpp"

#include <povo/dataset.hpp>
#include <povo/diagnostics.hpp>

#include <vector>

namespace povo::data {

/// The outcome of loading: the dataset plus every data-quality message.
struct LoadResult {
  Dataset dataset;
  std::vector<Diagnostic> diagnostics;  ///< warnings and errors from the sources and from deriving
  std::size_t failed_sources = 0;       ///< sources whose load() failed outright
  AttributeConflicts attribute_conflicts;  ///< boards whose branches disagree on a derived attribute
};

/// Loads every source in order. A source that fails is reported and the others still
/// load, unless the job is strict, in which case loading stops at the first error.
LoadResult load_sources(const job::Job& job);

}  // namespace povo::data
