#include "storyline/worker/source_poller.h"

#include <unistd.h>

#include <algorithm>
#include <memory>
#include <thread>

#include "storyline/core/document_json.h"
#include "storyline/queue/document_queue.h"
#include "storyline/store/store.h"
#include "storyline/worker/metrics_endpoint.h"
#include "storyline/worker/shared_polling.h"

namespace storyline::worker {
namespace {

std::string this_process() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(getpid());
}

// New items go to the queue as one write per source and poll; the worker labels, deduplicates,
// stores and clusters them. Their ids are the items' own, so a write published twice (a poller
// that died before recording them) is found stored.
sources::IngestSink queue_sink(queue::DocumentPublisher& publisher) {
  return [&publisher](std::vector<Document>& documents) {
    publisher.publish(documents);
    std::vector<pipeline::IngestOutcome> outcomes;
    for (const auto& document : documents) outcomes.push_back({document.id, store::UpsertOutcome::kInserted, {}});
    return outcomes;
  };
}

}  // namespace

bool SourcePollerStatus::is_ready() const {
  std::lock_guard lock(mutex);
  return ready;
}

std::string SourcePollerStatus::render() const {
  std::lock_guard lock(mutex);
  std::string text;
  append_metric(text, "storyline_poller_rounds_total", "counter", "Rounds over the due sources.", counts.rounds);
  append_metric(text, "storyline_poller_sources_polled_total", "counter", "Sources this poller polled.", counts.polled);
  append_metric(text, "storyline_poller_sources_failed_total", "counter", "Polls that failed (errors, robots.txt).",
                counts.failed);
  append_metric(text, "storyline_poller_items_published_total", "counter", "New items published to the queue.",
                counts.items);
  append_metric(text, "storyline_poller_claimed_elsewhere_total", "counter",
                "Due sources left to the poller that held them.", counts.claimed_elsewhere);
  append_metric(text, "storyline_poller_leases_held", "gauge", "Source leases this poller holds now.", leases_held);
  append_metric(text, "storyline_poller_leases_lost_total", "counter", "Source leases that lapsed while held.", leases_lost);
  append_metric(text, "storyline_poller_host_pace_conflicts_total", "counter",
                "Turns booked again because another poller booked the same host at once.", pace_conflicts);
  append_metric(text, "storyline_poller_last_round_seconds", "gauge", "Time the last round took.", last_round_seconds);
  return text;
}

std::string describe_poll(const sources::SourcePollReport& source) {
  std::string line = source.url + ": " + source.outcome;
  if (source.status) line += " (HTTP " + std::to_string(*source.status) + ")";
  if (source.new_items) line += ", " + std::to_string(source.new_items) + " new items";
  if (source.pages_fetched) line += ", " + std::to_string(source.pages_fetched) + " article pages fetched";
  // "error (HTTP 404)" says it all; other errors (timeouts, limits, unreadable feeds) are told.
  if (!source.error.empty() && (!source.status || source.error != "HTTP " + std::to_string(*source.status)))
    line += ": " + source.error;
  return line;
}

SourcePollerCounts run_source_poller(const SourcePollerOptions& options, const std::atomic<bool>& stop,
                                     const std::function<void(const std::string&)>& log) {
  const std::unique_ptr<store::Store> store = store::open_store(options.db);
  queue::DocumentPublisher publisher(options.queue, options.replicas);
  queue::LeaseTable leases(options.queue, {SourceLeases::kBucket, options.holder.empty() ? this_process() : options.holder,
                                           options.lease_ttl, options.replicas});
  queue::HostPace pace(options.queue, options.replicas);
  SourceLeases claims(leases);
  sources::PollerOptions poller_options = options.poller;
  poller_options.claims = &claims;
  poller_options.host_turns = std::make_shared<SharedHostTurns>(pace);
  if (options.extract_workers)
    poller_options.hand_on_page = [&publisher](const Document& item, const std::string& page, const std::string& final_url) {
      publisher.publish_page({page, item.id, final_url, std::nullopt, to_json_line(item)});
    };
  sources::FeedPoller poller(*store, queue_sink(publisher), poller_options);
  log("polling the sources of " + options.db + " into " + options.queue + " (source leases live " +
      std::to_string(leases.ttl().count()) + " ms)");
  const auto report = [&options](const std::function<void(SourcePollerStatus&)>& change) {
    if (!options.status) return;
    std::lock_guard lock(options.status->mutex);
    change(*options.status);
  };
  report([](SourcePollerStatus& status) { status.ready = true; });
  // A stop request abandons the requests in flight (nothing half-done is written; the leases are
  // given up as the table goes).
  std::atomic<bool> finished{false};
  std::thread watcher([&] {
    while (!finished && !stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (stop) poller.cancel();
  });
  SourcePollerCounts counts;
  bool all = options.all;
  try {
    while (!stop) {
      const auto started = std::chrono::steady_clock::now();
      const sources::PollReport round = poller.poll_due(sources::unix_seconds_now(), all);
      all = false;
      ++counts.rounds;
      counts.polled += round.sources.size();
      counts.failed += round.failed();
      counts.items += round.new_items();
      counts.claimed_elsewhere += round.claimed_elsewhere;
      for (const auto& source : round.sources) {
        log(describe_poll(source));
        for (const auto& problem : source.problems) log(source.url + ": " + problem);
      }
      report([&](SourcePollerStatus& status) {
        status.counts = counts;
        status.leases_held = leases.held();
        status.leases_lost = leases.lost();
        status.pace_conflicts = pace.conflicts();
        status.last_round_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      });
      if (options.once) break;
      // Until the next source is due; a source another poller holds stays due until it is polled,
      // so the round comes again within a second (taking it over once its lease lapsed).
      const int64_t wait = poller.seconds_until_due(sources::unix_seconds_now());
      const int64_t seconds = wait < 0 ? 60 : std::clamp<int64_t>(wait, 1, 60);
      for (int64_t i = 0; i < seconds * 10 && !stop; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  } catch (...) {
    finished = true;
    watcher.join();
    throw;
  }
  finished = true;
  watcher.join();
  return counts;
}

}  // namespace storyline::worker
