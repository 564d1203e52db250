#pragma once
// A source and its health as JSON, the same for `storyline sources list --json` and
// GET /api/sources: {"id", "url", "name", "html_url", "category", "added_at", "last_fetch",
// "last_status", "last_outcome", "consecutive_errors", "last_error", "last_attempts",
// "items_seen", "next_due"}; times ISO 8601 UTC, unknown values null.
#include <cstdint>
#include <string>

#include "storyline/store/source_record.h"

namespace storyline::sources {

std::string source_to_json(const store::SourceRecord& source);

// "2026-12-01T18:38:23Z"
std::string iso_utc(int64_t unix_seconds);

}  // namespace storyline::sources
