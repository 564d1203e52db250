#pragma once
// `storyline worker cluster`: the online clusterer as a role over JetStream (issue 17). It takes
// writes from the STORYLINE_DOCUMENTS stream (queue/document_queue.h) through a durable pull
// consumer, runs the ingest pipeline on each batch (label, dedup, store, cluster, rewrite the
// changed stories' records; removals; times to live) in one transaction of the store, and acknowledges the batch only after
// that transaction committed. A worker that dies in between leaves its batch unacknowledged:
// JetStream delivers it again after the ack wait, and the pipeline finds every document already
// stored, unchanged (by id and content), so nothing is stored twice.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

namespace storyline::worker {

struct ClusterWorkerStatus;

struct ClusterWorkerOptions {
  std::string queue;  // nats://host:port[,...]
  std::string db;     // the store: postgresql://... shared with `serve`, or a file
  // Documents per transaction: one commit and one round of clustering for many documents.
  int batch = 256;
  // A batch not acknowledged within this (its worker died, its transaction failed) is delivered
  // again. Longer than a batch takes to cluster and commit.
  std::chrono::milliseconds ack_wait{30'000};
  int replicas = 0;  // the stream's, when this worker makes it (queue::StreamSettings)
  // Exits once the stream has had nothing for it this long (0: runs until stopped).
  std::chrono::milliseconds exit_when_idle{0};
  // One worker is active per partition, the others wait as standbys: the active one holds a lease
  // (queue/lease.h) named cluster-PARTITION, renewed every third of `lease_ttl` and before each
  // commit; a standby takes over within `lease_ttl` of the active one's death, rebuilding the
  // clusterer's state from the store. One partition, "all", until documents are partitioned (by
  // language, say) on the stream's subjects.
  std::string partition = "all";
  std::chrono::milliseconds lease_ttl{10'000};
  std::string holder;  // who this worker is, in the lease and the logs (host:pid when empty)
  // For the tests: commit the first batch, then kill this process (SIGKILL) before acknowledging.
  bool die_before_ack = false;
  // Where the worker says what it is doing, for its /readyz and /metrics (metrics_endpoint.h).
  ClusterWorkerStatus* status = nullptr;
};

struct ClusterWorkerCounts {
  uint64_t messages = 0;     // delivered to this worker
  uint64_t stored = 0;       // documents new or changed in the store
  uint64_t unchanged = 0;    // already stored as they are (a redelivery, a repeat)
  uint64_t removed = 0;      // documents removed (DELETE) or past their time to live
  uint64_t redelivered = 0;  // messages delivered more than once
  uint64_t rejected = 0;     // not a document: dropped (term), said on the log
  uint64_t batches = 0;
};

// What a running worker is doing, updated after each batch (and the queue's depth every few
// seconds); read from the metrics endpoint's thread.
struct ClusterWorkerStatus {
  mutable std::mutex mutex;
  bool active = false;
  ClusterWorkerCounts counts;
  uint64_t pending = 0;      // messages in the stream not yet delivered to the worker
  uint64_t ack_pending = 0;  // delivered and not yet acknowledged
  double last_batch_seconds = 0;
  double oldest_pending_seconds = 0;  // lag: age of the last batch's oldest message when taken

  bool is_active() const;
  // The Prometheus text exposition of all of the above.
  std::string render() const;
};

// Waits as a standby until it holds the partition's lease, then runs until `stop` is set (looked
// at between batches) or, with exit_when_idle, the queue stays empty. Throws std::runtime_error
// when the lease is lost (another worker is active: this one must not write). Throws std::runtime_error (queue::QueueError,
// the store's errors) when it cannot start; failures once running are logged and retried. `log` gets one line per event
// worth a line.
ClusterWorkerCounts run_cluster_worker(const ClusterWorkerOptions& options, const std::atomic<bool>& stop,
                                       const std::function<void(const std::string&)>& log);

}  // namespace storyline::worker
