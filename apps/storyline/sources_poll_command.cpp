// storyline sources poll [--db FILE] [--once] : fetch due feeds and ingest their new items; with
// --queue nats://..., one of any number of pollers over a shared store (worker/source_poller.h).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "commands.h"
#include "storyline/pipeline/ingest_pipeline.h"
#include "storyline/sources/feed_poller.h"
#include "storyline/sources/pipeline_sink.h"
#include "storyline/store/store.h"
#include "storyline/worker/metrics_endpoint.h"
#include "storyline/worker/source_poller.h"

namespace storyline::cli {
namespace {

struct PollOptions {
  std::string db = "storyline.db";
  bool once = false;
  bool all = false;
  bool no_pages = false;
  bool ignore_robots = false;
  size_t concurrency = 4;
  long host_delay_ms = 1000;
  double timeout_seconds = 30;
  int64_t interval_seconds = 30 * 60;
  // Several pollers (issue 17).
  std::string queue;
  double lease_ttl_seconds = 60;
  bool extract_workers = false;
  int replicas = 0;
  std::string metrics_host = "127.0.0.1";
  int metrics_port = 0;
};

std::atomic<bool> stop_polling{false};
sources::FeedPoller* running_poller = nullptr;

extern "C" void stop_polling_on_signal(int) {
  stop_polling = true;
  // Only sets an atomic flag: requests in flight are abandoned, nothing half-done is saved.
  if (running_poller) running_poller->cancel();
}

void print_report(const sources::PollReport& report) {
  for (const auto& source : report.sources) {
    std::cerr << "storyline sources poll: " << worker::describe_poll(source) << "\n";
    for (const auto& problem : source.problems)
      std::cerr << "storyline sources poll: " << source.url << ": " << problem << "\n";
  }
}

sources::PollerOptions poller_options_of(const PollOptions& options) {
  sources::PollerOptions poller_options;
  poller_options.max_concurrent_fetches = options.concurrency;
  poller_options.fetch.min_host_delay = std::chrono::milliseconds(options.host_delay_ms);
  poller_options.fetch.honour_robots = !options.ignore_robots;
  poller_options.http.total_timeout_ms = static_cast<long>(options.timeout_seconds * 1000);
  poller_options.http.connect_timeout_ms = std::min(poller_options.http.connect_timeout_ms,
                                                    poller_options.http.total_timeout_ms);
  poller_options.fetch_item_pages = !options.no_pages;
  poller_options.schedule.interval_seconds = options.interval_seconds;
  return poller_options;
}

// One of several pollers: sources claimed through leases, hosts paced across pollers, new items
// into the queue (README, "Running on several machines").
int run_poll_role(const PollOptions& options) {
  worker::SourcePollerOptions role;
  role.queue = options.queue;
  role.db = options.db;
  role.poller = poller_options_of(options);
  role.all = options.all;
  role.once = options.once;
  role.extract_workers = options.extract_workers;
  role.lease_ttl = std::chrono::milliseconds(static_cast<int64_t>(options.lease_ttl_seconds * 1000));
  role.replicas = options.replicas;
  std::signal(SIGINT, stop_polling_on_signal);
  std::signal(SIGTERM, stop_polling_on_signal);
  const auto log = [](const std::string& line) { std::cerr << "storyline sources poll: " << line << "\n"; };
  try {
    worker::SourcePollerStatus status;
    std::unique_ptr<worker::MetricsEndpoint> endpoint;
    if (options.metrics_port) {
      role.status = &status;
      endpoint = std::make_unique<worker::MetricsEndpoint>(
          options.metrics_host, options.metrics_port, [&status] { return status.render(); },
          [&status] { return status.is_ready(); });
    }
    const worker::SourcePollerCounts counts = worker::run_source_poller(role, stop_polling, log);
    log("stopped: " + std::to_string(counts.polled) + " sources polled in " + std::to_string(counts.rounds) + " rounds, " +
        std::to_string(counts.items) + " new items queued, " + std::to_string(counts.failed) + " failed, " +
        std::to_string(counts.claimed_elsewhere) + " left to other pollers");
    return options.once && counts.failed ? 1 : 0;
  } catch (const std::exception& error) {
    log(error.what());
    return 2;
  }
}

int run_poll(const PollOptions& options) {
  if (!options.queue.empty()) return run_poll_role(options);
  std::unique_ptr<store::Store> store;
  std::unique_ptr<pipeline::IngestPipeline> pipeline;
  try {
    store = store::open_store(options.db);
    pipeline = std::make_unique<pipeline::IngestPipeline>(*store);
  } catch (const std::exception& error) {
    std::cerr << "storyline sources poll: " << error.what() << "\n";
    return 2;
  }
  sources::FeedPoller poller(*store, sources::pipeline_sink(*pipeline), poller_options_of(options));

  if (options.once) {
    const auto report = poller.poll_due(sources::unix_seconds_now(), options.all);
    print_report(report);
    std::cerr << "storyline sources poll: " << report.sources.size() << " sources polled, " << report.new_items()
              << " new items, " << report.failed() << " failed; " << store->documents().count() << " documents in "
              << options.db << "\n";
    return report.failed() ? 1 : 0;
  }
  running_poller = &poller;
  std::signal(SIGINT, stop_polling_on_signal);
  std::signal(SIGTERM, stop_polling_on_signal);
  bool all = options.all;
  while (!stop_polling) {
    print_report(poller.poll_due(sources::unix_seconds_now(), all));
    all = false;
    // Sleeps until the next source is due, waking each second to notice a signal, and at least
    // once a minute to see sources added meanwhile.
    const int64_t wait = poller.seconds_until_due(sources::unix_seconds_now());
    const int64_t seconds = wait < 0 ? 60 : std::clamp<int64_t>(wait, 1, 60);
    for (int64_t i = 0; i < seconds && !stop_polling; ++i) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  running_poller = nullptr;
  return 0;
}

}  // namespace

Runner add_sources_poll_command(CLI::App& app) {
  auto options = std::make_shared<PollOptions>();
  CLI::App* group = command_group(app, "sources", "Live sources: the feeds `sources poll` and `serve --poll` fetch");
  CLI::App* command = group->add_subcommand(
      "poll",
      "Fetch the sources that are due (conditional GET, robots.txt, per-host politeness) and ingest their "
      "new items; runs until interrupted unless --once");
  command->add_option("--db", options->db, "The store file")->capture_default_str();
  command->add_flag("--once", options->once, "Poll the due sources once and exit (1 when some failed)");
  command->add_flag("--all", options->all, "Poll every source now, due or not");
  command->add_flag("--no-pages", options->no_pages, "Do not fetch the article pages of teaser-only items");
  command->add_option("--concurrency", options->concurrency, "Sources fetched at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  command->add_option("--host-delay-ms", options->host_delay_ms, "Least time between two requests to one host")
      ->capture_default_str()
      ->check(CLI::Range(0, 600000));
  command->add_option("--timeout", options->timeout_seconds, "Seconds a request may take in all")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 600.0));
  command->add_option("--interval", options->interval_seconds, "Seconds between two polls of a healthy source")
      ->capture_default_str()
      ->check(CLI::Range(1, 7 * 24 * 3600));
  command
      ->add_option("--queue", options->queue,
                   "Poll as one of any number of pollers sharing --db (postgresql://...): new items go to NATS "
                   "JetStream (nats://host:port[,...]) for `worker cluster`, each source is polled by one poller at a "
                   "time (a lease per source) and each host paced across all pollers")
      ->group("Several pollers");
  command
      ->add_option("--lease-ttl", options->lease_ttl_seconds,
                   "With --queue: seconds after a poller's death before another takes its sources")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 3600.0))
      ->group("Several pollers");
  command
      ->add_flag("--extract-workers", options->extract_workers,
                 "With --queue: hand teaser items' article pages to `worker extract` unread instead of reading them here")
      ->group("Several pollers");
  command->add_option("--replicas", options->replicas, "With --queue: copies of the streams and buckets it makes")
      ->capture_default_str()
      ->check(CLI::Range(0, 5))
      ->group("Several pollers");
  command
      ->add_option("--metrics-port", options->metrics_port,
                   "With --queue: answer GET /healthz, /readyz and /metrics (sources polled, items queued, leases) "
                   "on this port (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535))
      ->group("Several pollers");
  command->add_option("--metrics-host", options->metrics_host, "Address for --metrics-port (loopback by default)")
      ->capture_default_str()
      ->group("Several pollers");
  return [options] {
    if (options->queue.empty() && (options->metrics_port || options->extract_workers)) {
      std::cerr << "storyline sources poll: --metrics-port and --extract-workers need --queue (several pollers)\n";
      return 2;
    }
    return run_poll(*options);
  };
}

}  // namespace storyline::cli
