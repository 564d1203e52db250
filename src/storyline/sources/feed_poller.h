#pragma once
// The poller: fetches every due source (conditional GET, politely, a few at a time), reads the
// feed with the ingest readers, fetches the pages of teaser-only items, and hands new items to
// the ingest pipeline through a sink, exactly as `storyline ingest` would store them. Each
// source's fetch state and health are saved in the store after every fetch.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/pipeline/ingest_pipeline.h"
#include "storyline/sources/http_client.h"
#include "storyline/sources/polite_fetcher.h"
#include "storyline/sources/poll_schedule.h"
#include "storyline/sources/source_claims.h"
#include "storyline/store/store.h"

namespace storyline::sources {

struct PollerOptions {
  HttpClientOptions http;
  FetchPolicy fetch;
  PollSchedule schedule;
  size_t max_concurrent_fetches = 4;  // sources fetched at once, over all hosts
  bool fetch_item_pages = true;       // fetch the article page of teaser-only items
  // Per source and poll. Beyond it, teasers are stored as they are: a new feed's backlog of
  // hundreds of items would otherwise take many minutes of paced page fetches.
  size_t max_item_pages_per_poll = 50;
  // Several pollers over one store: politeness per host kept across them, and each source polled by
  // the one that claims it (both outlive the poller). Null: this poller is the only one.
  std::shared_ptr<HostTurns> host_turns;
  SourceClaims* claims = nullptr;
  // When set, a teaser item's article page, once fetched, is handed on unread with its item (to
  // `worker extract` through the queue: `sources poll --extract-workers`), whose reader fills
  // what the page lacks from the item as merge_item_page does; the item is then not given to the
  // sink. Throws when it cannot (the teaser is kept then).
  std::function<void(const Document& item, const std::string& page, const std::string& final_url)> hand_on_page;
};

// Stores documents for the poller and returns, for each, what the pipeline made of it (same
// order). Runs under the poller's lock, one call at a time.
using IngestSink = std::function<std::vector<pipeline::IngestOutcome>(std::vector<Document>&)>;

struct SourcePollReport {
  int64_t source_id = 0;
  std::string url;
  std::string outcome;  // store::kOutcome*
  std::optional<int> status;
  size_t new_items = 0;
  size_t pages_fetched = 0;
  std::string error;                  // why the fetch failed, when it did
  std::vector<std::string> problems;  // parts of the feed that could not be read
};

struct PollReport {
  std::vector<SourcePollReport> sources;
  size_t claimed_elsewhere = 0;  // due, but another poller holds them (or polled them just now)
  size_t failed() const;
  size_t new_items() const;
};

class FeedPoller {
 public:
  // `store` holds the sources and their state; the poller uses it from its own threads, one at a
  // time (under its lock), so nothing else may use it while a poll runs.
  FeedPoller(store::Store& store, IngestSink sink, PollerOptions options);
  ~FeedPoller();

  // Polls the sources due at `now` (every source when `all`), at most max_concurrent_fetches at
  // a time; returns when all are done. With claims, a source is polled only when claimed and still
  // due as the store has it then (another poller may have polled it since the list was read).
  PollReport poll_due(int64_t now_unix_seconds, bool all = false);
  // Makes a running poll_due() return soon, and every later one at once: requests in flight are
  // abandoned, and sources not finished are left as they were. Safe from a signal handler.
  void cancel() { cancelled_ = true; }
  // Seconds until the next source is due (0 when one is due now; -1 when there are none).
  int64_t seconds_until_due(int64_t now_unix_seconds);

 private:
  // With claims: the source as the store has it now, when it is still due (false when not).
  bool still_due(store::SourceRecord& source, int64_t now, bool all);
  SourcePollReport poll_source(HttpClient& client, const store::SourceRecord& source, int64_t now);
  // Items with their pages read in, or (hand_on_page) handed on: `handed_on` marks those.
  std::vector<Document> fetch_item_pages(HttpClient& client, std::vector<Document> items, SourcePollReport& report,
                                         std::vector<char>& handed_on);

  store::Store& store_;
  IngestSink sink_;
  PollerOptions options_;
  PoliteFetcher fetcher_;  // shared by every worker: one robots cache and one pace per host
  std::mutex store_mutex_;
  std::atomic<bool> cancelled_{false};
};

// Unix seconds now.
int64_t unix_seconds_now();

}  // namespace storyline::sources
