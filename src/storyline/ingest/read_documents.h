#pragma once
// The front door of the pipeline: one raw input (any format, any encoding, maybe gzip) to clean,
// finalized documents. Formats are detected from content.
#include "storyline/ingest/input_format.h"
#include "storyline/ingest/raw_input.h"
#include "storyline/ingest/read_result.h"

namespace storyline::ingest {

// Inputs larger than this are refused before parsing (nothing news-shaped is this big).
inline constexpr size_t kMaxInputBytes = size_t{256} << 20;

// Throws InputError when no document at all can be made of the input.
ReadResult read_documents(const RawInput& input);

// The format read_documents() would read the bytes as (gzip inflated and charset converted first),
// for callers that accept only some formats (the source poller wants feeds). Throws InputError
// for inputs over the size limits.
InputFormat detect_input_format(std::string_view bytes);

}  // namespace storyline::ingest
