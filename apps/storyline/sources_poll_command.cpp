// storyline sources poll [--db FILE] [--once] : fetch due feeds and ingest their new items.
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
    std::cerr << "storyline sources poll: " << source.url << ": " << source.outcome;
    if (source.status) std::cerr << " (HTTP " << *source.status << ")";
    if (source.new_items) std::cerr << ", " << source.new_items << " new items";
    if (source.pages_fetched) std::cerr << ", " << source.pages_fetched << " article pages fetched";
    // "error (HTTP 404)" says it all; other errors (timeouts, limits, unreadable feeds) are told.
    if (!source.error.empty() && (!source.status || source.error != "HTTP " + std::to_string(*source.status)))
      std::cerr << ": " << source.error;
    std::cerr << "\n";
    for (const auto& problem : source.problems)
      std::cerr << "storyline sources poll: " << source.url << ": " << problem << "\n";
  }
}

int run_poll(const PollOptions& options) {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<pipeline::IngestPipeline> pipeline;
  try {
    store = store::open_store(options.db);
    pipeline = std::make_unique<pipeline::IngestPipeline>(*store);
  } catch (const std::exception& error) {
    std::cerr << "storyline sources poll: " << error.what() << "\n";
    return 2;
  }
  sources::PollerOptions poller_options;
  poller_options.max_concurrent_fetches = options.concurrency;
  poller_options.fetch.min_host_delay = std::chrono::milliseconds(options.host_delay_ms);
  poller_options.fetch.honour_robots = !options.ignore_robots;
  poller_options.http.total_timeout_ms = static_cast<long>(options.timeout_seconds * 1000);
  poller_options.http.connect_timeout_ms = std::min(poller_options.http.connect_timeout_ms,
                                                    poller_options.http.total_timeout_ms);
  poller_options.fetch_item_pages = !options.no_pages;
  poller_options.schedule.interval_seconds = options.interval_seconds;
  sources::FeedPoller poller(*store, sources::pipeline_sink(*pipeline), poller_options);

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
  return [options] { return run_poll(*options); };
}

}  // namespace storyline::cli
