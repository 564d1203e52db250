#pragma once
// The poller's sink for a process that owns the store: each batch of new items is added to the
// ingest pipeline and clustered in one transaction, exactly as `storyline ingest` does.
#include "storyline/pipeline/ingest_pipeline.h"
#include "storyline/sources/feed_poller.h"
#include "storyline/store/store.h"

namespace storyline::sources {

IngestSink pipeline_sink(pipeline::IngestPipeline& pipeline);

}  // namespace storyline::sources
