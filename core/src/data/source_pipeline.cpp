#include "data/source_pipeline.hpp"

#include "data/collecting_sink.hpp"
#include "data/derived_measures.hpp"

namespace povo::data {

LoadResult load_sources(const job::Job& job) {
  LoadResult result;
  CollectingSink sink;
  for (const auto& s : job.sources) {
    Status status = s.source->load(result.dataset, sink);
    if (!status) {
      Diagnostic d = status.error();
      d.message = "source '" + s.id + "' (" + s.plugin_id + ") failed: " + d.message;
      if (!d.location.known()) d.location = s.where;
      sink.report(std::move(d));
      ++result.failed_sources;
    }
    if (job.strict && sink.errors() > 0) break;
  }
  result.diagnostics = sink.take();
  result.attribute_conflicts = derive_board_facts(result.dataset);
  return result;
}

}  // namespace povo::data
