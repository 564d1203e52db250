// storyline worker cluster --queue nats://... --db ADDRESS: the online clusterer as a role over
// NATS JetStream (src/storyline/worker/cluster_worker.h; README, "Running on several machines").
#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <iostream>
#include <memory>

#include "commands.h"
#include "storyline/worker/cluster_worker.h"
#include "storyline/worker/extract_worker.h"
#include "storyline/worker/metrics_endpoint.h"

namespace storyline::cli {
namespace {

std::atomic<bool> stop_requested{false};

void request_stop(int) { stop_requested = true; }  // a lock-free store: safe in a handler

struct WorkerOptions {
  worker::ClusterWorkerOptions cluster;
  double ack_wait_seconds = 30;
  double exit_when_idle_seconds = 0;
  double lease_ttl_seconds = 10;
  std::string metrics_host = "127.0.0.1";
  int metrics_port = 0;
};

int run_worker_cluster(WorkerOptions& options) {
  options.cluster.ack_wait = std::chrono::milliseconds(static_cast<int64_t>(options.ack_wait_seconds * 1000));
  options.cluster.exit_when_idle = std::chrono::milliseconds(static_cast<int64_t>(options.exit_when_idle_seconds * 1000));
  // SIGTERM and SIGINT finish the batch in hand (committed and acknowledged), then exit.
  std::signal(SIGTERM, request_stop);
  std::signal(SIGINT, request_stop);
  const auto log = [](const std::string& line) { std::cerr << "storyline worker cluster: " << line << "\n"; };
  try {
    worker::ClusterWorkerStatus status;
    std::unique_ptr<worker::MetricsEndpoint> endpoint;
    if (options.metrics_port) {
      options.cluster.status = &status;
      endpoint = std::make_unique<worker::MetricsEndpoint>(
          options.metrics_host, options.metrics_port, [&status] { return status.render(); },
          [&status] { return status.is_active(); });
    }
    log("taking documents from " + options.cluster.queue + " into " + options.cluster.db);
    const worker::ClusterWorkerCounts counts = worker::run_cluster_worker(options.cluster, stop_requested, log);
    log("stopped: " + std::to_string(counts.messages) + " messages in " + std::to_string(counts.batches) + " batches, " +
        std::to_string(counts.stored) + " documents stored, " + std::to_string(counts.unchanged) + " unchanged, " +
        std::to_string(counts.redelivered) + " redelivered, " + std::to_string(counts.rejected) + " rejected, " +
        std::to_string(counts.removed) + " removed");
    return counts.rejected ? 1 : 0;
  } catch (const std::exception& error) {
    log(error.what());
    return 1;
  }
}

struct ExtractOptions {
  worker::ExtractWorkerOptions extract;
  double ack_wait_seconds = 30;
  double exit_when_idle_seconds = 0;
};

int run_worker_extract(ExtractOptions& options) {
  options.extract.ack_wait = std::chrono::milliseconds(static_cast<int64_t>(options.ack_wait_seconds * 1000));
  options.extract.exit_when_idle = std::chrono::milliseconds(static_cast<int64_t>(options.exit_when_idle_seconds * 1000));
  std::signal(SIGTERM, request_stop);
  std::signal(SIGINT, request_stop);
  const auto log = [](const std::string& line) { std::cerr << "storyline worker extract: " << line << "\n"; };
  try {
    log("reading pages from " + options.extract.queue);
    const worker::ExtractWorkerCounts counts = worker::run_extract_worker(options.extract, stop_requested, log);
    log("stopped: " + std::to_string(counts.pages) + " pages, " + std::to_string(counts.documents) +
        " documents published, " + std::to_string(counts.rejected) + " rejected, " + std::to_string(counts.redelivered) +
        " redelivered");
    return counts.rejected ? 1 : 0;
  } catch (const std::exception& error) {
    log(error.what());
    return 1;
  }
}

}  // namespace

Runner add_worker_extract_command(CLI::App& app) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* group = command_group(app, "worker", "Roles that take their work from NATS JetStream (several machines)");
  CLI::App* command = group->add_subcommand(
      "extract",
      "Takes unread pages from JetStream (serve --queue --extract-workers), reads each and publishes its document "
      "for `worker cluster`; run as many as the pages need");
  command->add_option("--queue", options->extract.queue, "NATS servers: nats://host:port[,nats://host:port...]")->required();
  command->add_option("--batch", options->extract.batch, "Pages fetched at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 1'000));
  command
      ->add_option("--ack-wait", options->ack_wait_seconds,
                   "Seconds after which a page not acknowledged (its worker died) is delivered again")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  command->add_option("--replicas", options->extract.replicas, "Copies the streams keep when this worker makes them")
      ->capture_default_str()
      ->check(CLI::Range(0, 5));
  command
      ->add_option("--exit-when-idle", options->exit_when_idle_seconds,
                   "Exit once the queue has had nothing for this many seconds (0: run until SIGTERM)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
  return [options] { return run_worker_extract(*options); };
}

Runner add_worker_cluster_command(CLI::App& app) {
  auto options = std::make_shared<WorkerOptions>();
  CLI::App* group = command_group(app, "worker", "Roles that take their work from NATS JetStream (several machines)");
  CLI::App* command = group->add_subcommand(
      "cluster",
      "Takes written documents from JetStream, labels, deduplicates, stores and clusters them into the store, one "
      "transaction a batch, acknowledged after commit; one worker is active, others wait as standbys");
  command->add_option("--queue", options->cluster.queue, "NATS servers: nats://host:port[,nats://host:port...]")->required();
  command->add_option("--db", options->cluster.db, "The store shared with `serve`: postgresql://... (or a file)")
      ->required();
  command->add_option("--batch", options->cluster.batch, "Messages per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 10'000));
  command
      ->add_option("--ack-wait", options->ack_wait_seconds,
                   "Seconds after which a batch not acknowledged (its worker died) is delivered again")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  command
      ->add_option("--replicas", options->cluster.replicas,
                   "Copies the stream keeps when this worker makes it (0: 3 when --queue lists 3 servers or more, else 1)")
      ->capture_default_str()
      ->check(CLI::Range(0, 5));
  command
      ->add_option("--exit-when-idle", options->exit_when_idle_seconds,
                   "Exit once the queue has had nothing for this many seconds (0: run until SIGTERM)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
  command
      ->add_option("--lease-ttl", options->lease_ttl_seconds,
                   "One cluster worker is active, the others wait as standbys: seconds after the active one's death "
                   "before a standby takes over")
      ->capture_default_str()
      ->check(CLI::Range(0.5, 600.0));
  command
      ->add_option("--metrics-port", options->metrics_port,
                   "Answer GET /healthz, /readyz (200 when active, 503 as a standby) and /metrics (counts, queue "
                   "depth, lag, redeliveries) on this port (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  command->add_option("--metrics-host", options->metrics_host, "Address for --metrics-port (loopback by default)")
      ->capture_default_str();
  // For the tests only (hidden): commit the first batch, then die (SIGKILL) before acknowledging it.
  command->add_flag("--die-before-ack", options->cluster.die_before_ack)->group("");
  return [options] { return run_worker_cluster(*options); };
}

}  // namespace storyline::cli
