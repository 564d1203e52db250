#include "storyline/sources/poll_schedule.h"

#include <algorithm>

namespace storyline::sources {

int64_t next_due_at(int64_t now_unix_seconds, int consecutive_errors, const PollSchedule& schedule) {
  int64_t wait = std::max<int64_t>(1, schedule.interval_seconds);
  for (int i = 0; i < consecutive_errors && wait < schedule.max_backoff_seconds; ++i) wait *= 2;
  return now_unix_seconds + std::min(wait, std::max(schedule.max_backoff_seconds, schedule.interval_seconds));
}

}  // namespace storyline::sources
