#pragma once
// Readers for article records: YAML front matter (seed 000's aggregator layout), JSON objects or
// arrays, JSON Lines. Field names of aggregators (Bing News API: name, description, datePublished,
// provider[]; seed 000: excerpt, publishedDateTime, webUrl, provider{}, related[]) and our own
// Document JSON are all understood. Each related[] entry becomes a document of its own.
#include <string_view>

#include "storyline/ingest/raw_input.h"
#include "storyline/ingest/read_result.h"

namespace storyline::ingest {

ReadResult read_front_matter_record(std::string_view utf8, const RawInput& input);
ReadResult read_json_records(std::string_view utf8, const RawInput& input);
ReadResult read_json_lines(std::string_view utf8, const RawInput& input);

}  // namespace storyline::ingest
