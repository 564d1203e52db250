#pragma once
// One holder at a time for a piece of work shared by several processes (one active cluster worker
// per partition, issue 17): a key in JetStream's key-value store. The key is created only when
// absent (the holder's name as its value), renewed by its holder with a compare-and-set on its
// revision, and gone by itself `ttl` after the last renewal (the bucket's time to live), so a
// standby takes over within `ttl` of its holder's death. A holder that misses renewals for longer
// has lost it, and must stop before its next write.
#include <chrono>
#include <memory>
#include <string>

namespace storyline::queue {

struct LeaseSettings {
  std::string name;    // what is held: "cluster-all" (letters, digits, - and _)
  std::string holder;  // who holds it: host and process id, for the logs
  std::chrono::milliseconds ttl{10'000};
  int replicas = 0;  // the bucket's, as for streams (0: 3 when the address lists 3 servers or more)
};

class Lease {
 public:
  // Connects and makes the bucket (storyline_leases) when missing. Throws QueueError.
  Lease(const std::string& address, LeaseSettings settings);
  ~Lease();  // gives the lease up when held, so a standby need not wait for the time to live
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  // Takes the lease when nobody holds it; true when this holder holds it now.
  bool try_acquire();
  // Renews a held lease; false when it lapsed and another took it, or JetStream did not answer
  // (it is then no longer held). Thread-safe with try_acquire and holder_now.
  bool renew();
  // The time to live of the bucket, which all holders share: the one asked for unless another
  // process made the bucket first with another. Renew well within it.
  std::chrono::milliseconds ttl() const;
  // Who holds the lease now ("" when nobody).
  std::string holder_now();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::queue
