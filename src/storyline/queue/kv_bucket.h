#pragma once
// Inside the queue folder only (it includes nats.h): a bucket of JetStream's key-value store,
// made by the first process that asks and bound by the others, for the leases and the pace kept
// across processes (lease.h, lease_table.h, host_pace.h).
#include <chrono>
#include <string>

#include "storyline/queue/nats_status.h"

namespace storyline::queue::detail {

struct BucketSettings {
  std::string name;
  // How long a key lives after its last write (0: for ever); one time to live for the whole bucket.
  std::chrono::milliseconds ttl{0};
  int replicas = 0;  // 0: 3 when the connection lists 3 servers or more, else 1
};

// Throws QueueError naming the bucket and the address when it can neither make nor bind it.
OwnedKeyValue open_bucket(const Connection& connection, const BucketSettings& settings, const std::string& address);

// The bucket's own time to live: the one asked for unless another process made it first with another.
std::chrono::milliseconds bucket_ttl(kvStore* bucket, const std::string& address);

}  // namespace storyline::queue::detail
