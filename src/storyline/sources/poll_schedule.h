#pragma once
// When a source is next due: its interval after a good fetch; after failures, the interval
// doubled for each failure in a row (so a dead feed is asked less and less), up to a ceiling.
#include <cstdint>

namespace storyline::sources {

struct PollSchedule {
  int64_t interval_seconds = 30 * 60;       // a news feed changes every few minutes to hours
  int64_t max_backoff_seconds = 24 * 3600;  // a failing feed is still tried daily
};

int64_t next_due_at(int64_t now_unix_seconds, int consecutive_errors, const PollSchedule& schedule);

}  // namespace storyline::sources
