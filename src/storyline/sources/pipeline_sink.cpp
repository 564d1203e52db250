#include "storyline/sources/pipeline_sink.h"

namespace storyline::sources {

IngestSink pipeline_sink(pipeline::IngestPipeline& pipeline) {
  return [&pipeline](std::vector<Document>& documents) {
    std::vector<pipeline::IngestOutcome> outcomes;
    pipeline.in_transaction([&] {
      outcomes.clear();
      for (auto& document : documents) outcomes.push_back(pipeline.add(document));
      pipeline.cluster_pending();
    });
    return outcomes;
  };
}

}  // namespace storyline::sources
