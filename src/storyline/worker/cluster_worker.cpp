#include "storyline/worker/cluster_worker.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <condition_variable>
#include <csignal>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "storyline/pipeline/ingest_pipeline.h"
#include "storyline/queue/document_queue.h"
#include "storyline/queue/lease.h"
#include "storyline/store/store.h"
#include "storyline/worker/metrics_endpoint.h"

namespace storyline::worker {
namespace {

// The lease lapsed or another worker holds it: this one must write nothing more.
class LeaseLost : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::string this_process() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(getpid());
}

// Renews the lease in the background while the worker works (loading a large store may take longer
// than the lease lives), and once more inside each transaction, just before its commit: a worker
// that was stalled past the time to live finds the lease gone and rolls back, so that two workers
// never commit for one partition in the same period.
class LeaseKeeper {
 public:
  LeaseKeeper(queue::Lease& lease, std::chrono::milliseconds every) : lease_(lease) {
    thread_ = std::thread([this, every] {
      std::unique_lock lock(mutex_);
      while (!done_) {
        if (wake_.wait_for(lock, every, [this] { return done_; })) break;
        if (!lease_.renew()) lost_ = true;
      }
    });
  }
  ~LeaseKeeper() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  void check() const {
    if (lost_) throw LeaseLost("lost the lease (another cluster worker is active now): stopping without writing");
  }
  void renew_before_commit() {
    if (!lease_.renew()) lost_ = true;
    check();
  }

 private:
  queue::Lease& lease_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::atomic<bool> lost_{false};
  std::thread thread_;
};

// How often articles past their time to live are removed (serve's own upkeep does it as often).
constexpr std::chrono::seconds kPurgeInterval{5};

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// One message: a write's documents (with a contest article's time to live), or a removal.
struct Write {
  std::vector<Document> documents;
  std::optional<int64_t> expires_at;
  std::optional<std::string> remove;
};

Write read_write(const queue::Message& message) {
  Write write;
  write.remove = message.header(queue::kRemoveHeader);
  if (write.remove) return write;
  write.documents = queue::message_documents(message.data());
  if (const auto expires = message.header(queue::kExpiresAtHeader)) write.expires_at = std::stoll(*expires);
  return write;
}

// Inside the caller's transaction.
void apply(const Write& write, pipeline::IngestPipeline& pipeline, store::Store& store,
           std::vector<pipeline::IngestOutcome>& outcomes, uint64_t& removed) {
  if (write.remove) {
    // The documents added before it in this batch join their stories first, so that the removal
    // finds a document that was written just before it where the pipeline expects it.
    pipeline.cluster_pending(pipeline::IngestPipeline::Storys::kRewriteNow);
    removed += pipeline.remove(*write.remove);
    return;
  }
  for (const auto& document : write.documents) {
    outcomes.push_back(pipeline.add(document));
    if (write.expires_at) store.documents().set_expiry(outcomes.back().id, write.expires_at);
  }
  // Placed now, one write after another in the order they came, as one `serve` places each write
  // it takes: the online clusterer's stories depend on where its batches end, and a batch of the
  // queue's messages ends wherever a fetch did. The records are rewritten once, at the commit.
  pipeline.place_pending();
}

void count(ClusterWorkerCounts& counts, const pipeline::IngestOutcome& outcome) {
  if (outcome.outcome == store::UpsertOutcome::kUnchanged) ++counts.unchanged;
  else ++counts.stored;
}

// How often the consumer's depth is read for the status (one request to JetStream).
constexpr std::chrono::seconds kDepthInterval{5};

}  // namespace

bool ClusterWorkerStatus::is_active() const {
  std::lock_guard lock(mutex);
  return active;
}

std::string ClusterWorkerStatus::render() const {
  std::lock_guard lock(mutex);
  std::string text;
  append_metric(text, "storyline_worker_active", "gauge", "1 when this cluster worker holds the lease, 0 as a standby.",
                active ? 1 : 0);
  append_metric(text, "storyline_worker_messages_total", "counter", "Messages delivered to this worker.", counts.messages);
  append_metric(text, "storyline_worker_stored_total", "counter", "Documents new or changed in the store.", counts.stored);
  append_metric(text, "storyline_worker_unchanged_total", "counter",
                "Documents found stored as they are (redeliveries, repeats).", counts.unchanged);
  append_metric(text, "storyline_worker_redelivered_total", "counter", "Messages delivered more than once.",
                counts.redelivered);
  append_metric(text, "storyline_worker_removed_total", "counter", "Documents removed (DELETE, time to live).",
                counts.removed);
  append_metric(text, "storyline_worker_rejected_total", "counter", "Messages that held no documents, dropped.",
                counts.rejected);
  append_metric(text, "storyline_worker_batches_total", "counter", "Transactions committed.", counts.batches);
  append_metric(text, "storyline_worker_queue_pending", "gauge", "Messages in the stream not yet delivered (queue depth).",
                pending);
  append_metric(text, "storyline_worker_queue_ack_pending", "gauge", "Messages delivered and not yet acknowledged.",
                ack_pending);
  append_metric(text, "storyline_worker_last_batch_seconds", "gauge", "Time the last batch took, fetch to acknowledgement.",
                last_batch_seconds);
  append_metric(text, "storyline_worker_lag_seconds", "gauge", "Age of the last batch's oldest message when it was taken.",
                oldest_pending_seconds);
  return text;
}

ClusterWorkerCounts run_cluster_worker(const ClusterWorkerOptions& options, const std::atomic<bool>& stop,
                                       const std::function<void(const std::string&)>& log) {
  // Standby until this worker holds the partition's lease (a test that kills the worker before its
  // acknowledgement needs no lease wait: the lease is given up at exit only when the process ends
  // cleanly, and SIGKILL leaves it to lapse).
  queue::LeaseSettings lease_settings;
  lease_settings.name = "cluster-" + options.partition;
  lease_settings.holder = options.holder.empty() ? this_process() : options.holder;
  lease_settings.ttl = options.lease_ttl;
  lease_settings.replicas = options.replicas;
  queue::Lease lease(options.queue, lease_settings);
  bool said_standby = false;
  while (!stop && !lease.try_acquire()) {
    if (!said_standby) log("standby: " + lease_settings.name + " is held by " + lease.holder_now());
    said_standby = true;
    std::this_thread::sleep_for(lease.ttl() / 5);
  }
  if (stop) return {};
  log("active: holds " + lease_settings.name + " as " + lease_settings.holder + " (time to live " +
      std::to_string(lease.ttl().count()) + " ms)");
  LeaseKeeper keeper(lease, lease.ttl() / 3);
  const auto report = [&options](const std::function<void(ClusterWorkerStatus&)>& change) {
    if (!options.status) return;
    std::lock_guard lock(options.status->mutex);
    change(*options.status);
  };
  report([](ClusterWorkerStatus& status) { status.active = true; });

  // The store first: the pipeline rebuilds its duplicate index and stories from it (the state of
  // the clusterer lives in the store, so a worker that takes over starts where the last left off).
  const std::unique_ptr<store::Store> store = store::open_store(options.db);
  pipeline::IngestPipeline pipeline(*store);
  queue::JetStream jetstream(options.queue);
  const queue::StreamSettings stream = queue::documents_stream(options.replicas);
  jetstream.ensure_stream(stream);
  queue::ConsumerSettings consumer_settings;
  consumer_settings.durable = "cluster";
  consumer_settings.ack_wait = options.ack_wait;
  const std::unique_ptr<queue::PullConsumer> consumer = jetstream.pull_consumer(stream, consumer_settings);

  ClusterWorkerCounts counts;
  auto idle_since = std::chrono::steady_clock::now();
  auto next_purge = std::chrono::steady_clock::now();
  auto next_depth = std::chrono::steady_clock::now();
  while (!stop) {
    keeper.check();
    if (options.status && std::chrono::steady_clock::now() >= next_depth) {
      next_depth = std::chrono::steady_clock::now() + kDepthInterval;
      try {
        const auto depth = consumer->depth();
        report([&](ClusterWorkerStatus& status) {
          status.pending = depth.pending;
          status.ack_pending = depth.ack_pending;
        });
      } catch (const queue::QueueError&) {
        // Read again at the next interval; the depth is for the metrics only.
      }
    }
    // Articles whose time to live has passed (contest PUTs), as `serve` does when it writes itself.
    if (std::chrono::steady_clock::now() >= next_purge) {
      next_purge = std::chrono::steady_clock::now() + kPurgeInterval;
      try {
        size_t expired = 0;
        pipeline.in_transaction([&] {
          expired = pipeline.purge_expired(unix_now());
          keeper.renew_before_commit();
        });
        counts.removed += expired;
      } catch (const LeaseLost&) {
        throw;
      } catch (const std::exception& error) {
        log(std::string("removing expired articles failed, retrying later: ") + error.what());
      }
    }
    std::vector<queue::Message> messages;
    try {
      messages = consumer->fetch(options.batch, std::chrono::milliseconds(500));
    } catch (const queue::QueueError& error) {
      log(std::string("fetch failed, retrying: ") + error.what());
      std::this_thread::sleep_for(std::chrono::seconds(1));
      continue;
    }
    if (messages.empty()) {
      if (options.exit_when_idle.count() > 0 && std::chrono::steady_clock::now() - idle_since > options.exit_when_idle)
        break;
      continue;
    }
    const auto batch_start = std::chrono::steady_clock::now();
    int64_t oldest_unix_nanos = INT64_MAX;
    for (const auto& message : messages) oldest_unix_nanos = std::min(oldest_unix_nanos, message.timestamp_unix_nanos());
    counts.messages += messages.size();
    ++counts.batches;
    // A message is one write (its documents are stored together or not at all), or a removal.
    std::vector<Write> writes;
    std::vector<queue::Message*> held;  // the message of each write, in order
    for (auto& message : messages) {
      if (message.deliveries() > 1) ++counts.redelivered;
      try {
        writes.push_back(read_write(message));
        held.push_back(&message);
      } catch (const std::exception& error) {
        ++counts.rejected;
        log("message " + std::to_string(message.stream_sequence()) + " holds no documents, dropped: " + error.what());
        try {
          message.term();
        } catch (const queue::QueueError& term_error) {
          log(std::string("could not drop it (it will come again): ") + term_error.what());
        }
      }
    }
    std::vector<bool> committed(writes.size(), false);
    try {
      std::vector<pipeline::IngestOutcome> outcomes;
      uint64_t batch_removed = 0;
      pipeline.in_transaction([&] {
        outcomes.clear();
        batch_removed = 0;
        for (const auto& write : writes) apply(write, pipeline, *store, outcomes, batch_removed);
        pipeline.cluster_pending(pipeline::IngestPipeline::Storys::kRewriteNow);
        keeper.renew_before_commit();
      });
      for (const auto& outcome : outcomes) count(counts, outcome);
      counts.removed += batch_removed;
      committed.assign(writes.size(), true);
    } catch (const LeaseLost&) {
      throw;  // rolled back; the batch goes to the worker that holds the lease now
    } catch (const std::exception& error) {
      // One write at a time, so that one the store refuses does not hold back the others.
      log("a batch of " + std::to_string(writes.size()) + " messages failed, storing them one by one: " + error.what());
      for (size_t i = 0; i < writes.size(); ++i) {
        try {
          std::vector<pipeline::IngestOutcome> outcomes;
          uint64_t write_removed = 0;
          pipeline.in_transaction([&] {
            outcomes.clear();
            write_removed = 0;
            apply(writes[i], pipeline, *store, outcomes, write_removed);
            pipeline.cluster_pending(pipeline::IngestPipeline::Storys::kRewriteNow);
            keeper.renew_before_commit();
          });
          for (const auto& outcome : outcomes) count(counts, outcome);
          counts.removed += write_removed;
          committed[i] = true;
        } catch (const LeaseLost&) {
          throw;
        } catch (const std::exception& one_error) {
          // Left unacknowledged: delivered again after the ack wait (never dropped: a store that is
          // down fails every write, and dropping them would lose acknowledged articles).
          log("message " + std::to_string(held[i]->stream_sequence()) + " not stored (delivery " +
              std::to_string(held[i]->deliveries()) + "), to be delivered again: " + one_error.what());
        }
      }
      // Nothing stored at all: most likely the store is unreachable; give it a moment.
      if (std::find(committed.begin(), committed.end(), true) == committed.end())
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    if (options.die_before_ack) std::raise(SIGKILL);
    // After the commit: a worker that dies before these leaves the batch to be delivered again,
    // and the pipeline finds it stored (unchanged).
    try {
      for (size_t i = 0; i < writes.size(); ++i)
        if (committed[i]) held[i]->ack();
      consumer->flush();
    } catch (const queue::QueueError& error) {
      log(std::string("acknowledgement failed (the batch will be delivered again, and found stored): ") + error.what());
    }
    idle_since = std::chrono::steady_clock::now();
    report([&](ClusterWorkerStatus& status) {
      status.counts = counts;
      status.last_batch_seconds = std::chrono::duration<double>(idle_since - batch_start).count();
      const auto now_nanos =
          std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
      if (oldest_unix_nanos > 0 && oldest_unix_nanos < now_nanos)
        status.oldest_pending_seconds = static_cast<double>(now_nanos - oldest_unix_nanos) / 1e9;
    });
  }
  return counts;
}

}  // namespace storyline::worker
