#pragma once
// Many leases held by one process over one connection (a lease per source for `sources poll`,
// issue 17): keys of one bucket of JetStream's key-value store, each created only when absent
// (the holder's name as its value), renewed in the background with a compare-and-set on its
// revision, deleted when given up, and gone by itself `ttl` after its last renewal (the bucket's
// time to live), so another process takes the work of one that died within `ttl`. One lease
// (lease.h) has a connection of its own; a poller holds a few of thousands at a time.
#include <chrono>
#include <memory>
#include <string>

namespace storyline::queue {

struct LeaseTableSettings {
  std::string bucket;  // letters, digits, - and _
  std::string holder;  // who holds them: host and process id, for the logs
  std::chrono::milliseconds ttl{60'000};
  int replicas = 0;  // as for streams (0: 3 when the address lists 3 servers or more)
};

class LeaseTable {
 public:
  // Connects, makes the bucket when missing and starts renewing (every third of the time to live).
  // Throws QueueError.
  LeaseTable(const std::string& address, LeaseTableSettings settings);
  ~LeaseTable();  // gives up every lease still held
  LeaseTable(const LeaseTable&) = delete;
  LeaseTable& operator=(const LeaseTable&) = delete;

  // Takes the lease `name` (letters, digits, -, _, =, /, .) when nobody holds it; true when this
  // process holds it now. Thread-safe, as are the others.
  bool try_acquire(const std::string& name);
  // Whether this process still holds it: false once a renewal failed (it lapsed, or JetStream did
  // not answer in time, so another may hold it now). Look before writing what the lease guards.
  bool holds(const std::string& name);
  // Gives it up (deletes the key) so that another need not wait for the time to live.
  void release(const std::string& name);
  // Leases held now, and renewals that failed so far (for the metrics).
  size_t held();
  uint64_t lost();
  // The bucket's time to live, which all holders share (that of the process that made it).
  std::chrono::milliseconds ttl() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::queue
