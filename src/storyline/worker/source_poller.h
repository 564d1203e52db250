#pragma once
// `storyline sources poll --queue`: polling feeds as a role over JetStream (issue 17), any number
// at once on any machines. The sources and their fetch state are in the shared store (`--db`); each
// due source is polled by one poller at a time, the one holding its lease (worker/shared_polling.h),
// and requests to a host keep the host's delay across all pollers. New items (with their article
// pages, fetched and read) are published to STORYLINE_DOCUMENTS as `serve --queue` publishes a
// write, for `worker cluster` to store; an item is recorded as seen only once JetStream has it.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "storyline/sources/feed_poller.h"

namespace storyline::worker {

struct SourcePollerStatus;

struct SourcePollerOptions {
  std::string queue;  // nats://host:port[,...]
  std::string db;     // the store holding the sources: postgresql://... shared, or a file
  sources::PollerOptions poller;
  bool all = false;   // every source on the first round, due or not
  bool once = false;  // one round, then exit
  // Teaser items' article pages go to `worker extract` unread (STORYLINE_PAGES, with their item),
  // as `serve --queue --extract-workers` hands on PUT pages, instead of being read by the poller.
  bool extract_workers = false;
  // A source's lease lapses this long after its poller's death (or stall); another takes it then.
  // Longer than a poll's slowest request (the client's total timeout), which renewals cover anyway.
  std::chrono::milliseconds lease_ttl{60'000};
  int replicas = 0;
  std::string holder;  // who this poller is, in the leases and the logs (host:pid when empty)
  SourcePollerStatus* status = nullptr;
};

struct SourcePollerCounts {
  uint64_t rounds = 0;
  uint64_t polled = 0;             // sources this poller polled
  uint64_t failed = 0;             // of them, failed (error, robots.txt)
  uint64_t items = 0;              // new items published
  uint64_t claimed_elsewhere = 0;  // due sources left to the poller holding them
};

struct SourcePollerStatus {
  mutable std::mutex mutex;
  bool ready = false;  // connected to JetStream and the store
  SourcePollerCounts counts;
  uint64_t leases_held = 0, leases_lost = 0, pace_conflicts = 0;
  double last_round_seconds = 0;

  bool is_ready() const;
  std::string render() const;  // Prometheus text
};

// Polls until `stop` is set (or one round with `once`). Throws std::runtime_error when it cannot
// start (no JetStream, no store); failures of sources are logged and tried again as scheduled.
SourcePollerCounts run_source_poller(const SourcePollerOptions& options, const std::atomic<bool>& stop,
                                     const std::function<void(const std::string&)>& log);

// One line for a source's poll, for the logs.
std::string describe_poll(const sources::SourcePollReport& source);

}  // namespace storyline::worker
