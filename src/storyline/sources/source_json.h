#pragma once
// A source and its health as JSON, the same for `storyline sources list --json` and
// GET /api/sources: {"id", "url", "name", "html_url", "category", "added_at", "last_fetch",
// "last_status", "last_outcome", "consecutive_errors", "last_error", "last_attempts",
// "items_seen", "next_due"}; times ISO 8601 UTC, unknown values null.
#include <cstdint>
#include <string>

#include "storyline/core/iso_time.h"  // iso_utc: the times of these records
#include "storyline/store/source_record.h"

namespace storyline::sources {

std::string source_to_json(const store::SourceRecord& source);

}  // namespace storyline::sources
