#pragma once
// The front door of the pipeline: one raw input (any format, any encoding, maybe gzip) to clean,
// finalized documents. Formats are detected from content.
#include "storyline/ingest/raw_input.h"
#include "storyline/ingest/read_result.h"

namespace storyline::ingest {

// Inputs larger than this are refused before parsing (nothing news-shaped is this big).
inline constexpr size_t kMaxInputBytes = size_t{256} << 20;

// Throws InputError when no document at all can be made of the input.
ReadResult read_documents(const RawInput& input);

}  // namespace storyline::ingest
