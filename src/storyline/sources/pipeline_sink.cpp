#include "storyline/sources/pipeline_sink.h"

namespace storyline::sources {

IngestSink pipeline_sink(store::DocumentStore& store, pipeline::IngestPipeline& pipeline) {
  return [&store, &pipeline](std::vector<Document>& documents) {
    std::vector<pipeline::IngestOutcome> outcomes;
    store.in_transaction([&] {
      outcomes.clear();
      for (auto& document : documents) outcomes.push_back(pipeline.add(document));
      pipeline.cluster_pending();
    });
    return outcomes;
  };
}

}  // namespace storyline::sources
