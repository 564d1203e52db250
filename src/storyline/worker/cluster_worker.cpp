#include "storyline/worker/cluster_worker.h"

#include <unistd.h>

#include <algorithm>
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

void count(ClusterWorkerCounts& counts, const pipeline::IngestOutcome& outcome) {
  if (outcome.outcome == store::UpsertOutcome::kUnchanged) ++counts.unchanged;
  else ++counts.stored;
}

}  // namespace

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
  while (!stop) {
    keeper.check();
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
    counts.messages += messages.size();
    ++counts.batches;
    // A message is a write's documents; they are stored together or not at all.
    std::vector<std::vector<Document>> writes;
    std::vector<queue::Message*> held;  // the message of each write, in order
    for (auto& message : messages) {
      if (message.deliveries() > 1) ++counts.redelivered;
      try {
        writes.push_back(queue::message_documents(message.data()));
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
      pipeline.in_transaction([&] {
        outcomes.clear();
        for (const auto& documents : writes)
          for (const auto& document : documents) outcomes.push_back(pipeline.add(document));
        pipeline.cluster_pending(pipeline::IngestPipeline::Storys::kRewriteNow);
        keeper.renew_before_commit();
      });
      for (const auto& outcome : outcomes) count(counts, outcome);
      committed.assign(writes.size(), true);
    } catch (const LeaseLost&) {
      throw;  // rolled back; the batch goes to the worker that holds the lease now
    } catch (const std::exception& error) {
      // One write at a time, so that one the store refuses does not hold back the others.
      log("a batch of " + std::to_string(writes.size()) + " messages failed, storing them one by one: " + error.what());
      for (size_t i = 0; i < writes.size(); ++i) {
        try {
          std::vector<pipeline::IngestOutcome> outcomes;
          pipeline.in_transaction([&] {
            outcomes.clear();
            for (const auto& document : writes[i]) outcomes.push_back(pipeline.add(document));
            pipeline.cluster_pending(pipeline::IngestPipeline::Storys::kRewriteNow);
            keeper.renew_before_commit();
          });
          for (const auto& outcome : outcomes) count(counts, outcome);
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
  }
  return counts;
}

}  // namespace storyline::worker
