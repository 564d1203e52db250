#pragma once
// What lets any number of `sources poll --queue` run at once (issue 17), as the poller's hooks
// (sources/source_claims.h, sources/host_pacer.h) over JetStream's key-value store: a source is
// claimed through a lease of its own (queue/lease_table.h: renewed while its poll runs, given up
// after, lapsing `ttl` after a poller's death so that another takes the source), and each
// request waits for its host's turn booked across the pollers (queue/host_pace.h).
#include <chrono>
#include <memory>
#include <string>

#include "storyline/queue/host_pace.h"
#include "storyline/queue/lease_table.h"
#include "storyline/sources/host_pacer.h"
#include "storyline/sources/source_claims.h"

namespace storyline::worker {

// Leases named source-ID in the bucket storyline_source_leases.
class SourceLeases : public sources::SourceClaims {
 public:
  explicit SourceLeases(queue::LeaseTable& table) : table_(table) {}
  bool claim(int64_t source_id) override { return table_.try_acquire(name(source_id)); }
  bool holds(int64_t source_id) override { return table_.holds(name(source_id)); }
  void release(int64_t source_id) override { table_.release(name(source_id)); }

  static constexpr const char* kBucket = "storyline_source_leases";

 private:
  static std::string name(int64_t source_id) { return "source-" + std::to_string(source_id); }
  queue::LeaseTable& table_;
};

// Sleeps until the turn HostPace booked.
class SharedHostTurns : public sources::HostTurns {
 public:
  explicit SharedHostTurns(queue::HostPace& pace) : pace_(pace) {}
  void wait_turn(const std::string& host, std::chrono::milliseconds delay) override;

 private:
  queue::HostPace& pace_;
};

}  // namespace storyline::worker
