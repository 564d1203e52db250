#include "storyline/sources/feed_poller.h"

#include <atomic>
#include <climits>
#include <set>
#include <thread>

#include "storyline/ingest/input_format.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/sources/item_pages.h"
#include "storyline/store/source_record.h"

namespace storyline::sources {
namespace {

bool is_feed_format(ingest::InputFormat format) {
  using ingest::InputFormat;
  return format == InputFormat::kRss || format == InputFormat::kRdf || format == InputFormat::kAtom ||
         format == InputFormat::kJsonFeed;
}

// What identifies an item across polls: its link, else its id.
std::string item_key(const Document& item) { return item.url ? *item.url : "id:" + item.id; }

}  // namespace

size_t PollReport::failed() const {
  size_t count = 0;
  for (const auto& source : sources)
    count += source.outcome == store::kOutcomeError || source.outcome == store::kOutcomeRobotsDisallowed;
  return count;
}

size_t PollReport::new_items() const {
  size_t count = 0;
  for (const auto& source : sources) count += source.new_items;
  return count;
}

int64_t unix_seconds_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

FeedPoller::FeedPoller(store::Store& store, IngestSink sink, PollerOptions options)
    : store_(store), sink_(std::move(sink)), options_(std::move(options)), fetcher_(options_.fetch, options_.host_turns) {}

FeedPoller::~FeedPoller() = default;

int64_t FeedPoller::seconds_until_due(int64_t now_unix_seconds) {
  std::lock_guard lock(store_mutex_);
  int64_t soonest = -1;
  for (const auto& source : store_.sources().all()) {
    const int64_t wait = std::max<int64_t>(0, source.state.next_due_at - now_unix_seconds);
    if (soonest < 0 || wait < soonest) soonest = wait;
  }
  return soonest;
}

PollReport FeedPoller::poll_due(int64_t now_unix_seconds, bool all) {
  std::vector<store::SourceRecord> due;
  {
    std::lock_guard lock(store_mutex_);
    due = all ? store_.sources().all() : store_.sources().due(now_unix_seconds);
  }
  PollReport report;
  report.sources.resize(due.size());
  std::vector<char> started(due.size(), 0);  // not vector<bool>: workers write neighbouring entries
  std::atomic<size_t> next{0};
  std::atomic<size_t> claimed_elsewhere{0};
  const auto work = [&] {
    std::unique_ptr<HttpClient> client;
    for (size_t i = next++; i < due.size() && !cancelled_; i = next++) {
      started[i] = 1;
      SourcePollReport& out = report.sources[i];
      out.source_id = due[i].id;
      out.url = due[i].url;
      SourceClaims* claims = options_.claims;
      try {
        store::SourceRecord source = due[i];
        if (claims && !claims->claim(source.id)) {
          started[i] = 0;
          ++claimed_elsewhere;
          continue;
        }
        if (claims && !still_due(source, now_unix_seconds, all)) {
          claims->release(source.id);
          started[i] = 0;
          ++claimed_elsewhere;
          continue;
        }
        if (!client) {
          HttpClientOptions http = options_.http;
          http.cancel = &cancelled_;
          client = std::make_unique<HttpClient>(http);
        }
        out = poll_source(*client, source, now_unix_seconds);
      } catch (const std::exception& error) {
        // The store or the client failed, not the source: reported, and the next poll tries again.
        out.outcome = store::kOutcomeError;
        out.error = error.what();
      }
      if (claims) claims->release(due[i].id);
    }
  };
  const size_t workers = std::min(std::max<size_t>(1, options_.max_concurrent_fetches), due.size());
  std::vector<std::thread> threads;
  for (size_t i = 1; i < workers; ++i) threads.emplace_back(work);
  work();
  for (auto& thread : threads) thread.join();
  report.claimed_elsewhere = claimed_elsewhere;
  if (cancelled_ || claimed_elsewhere) {
    std::vector<SourcePollReport> polled;
    for (size_t i = 0; i < due.size(); ++i)
      if (started[i]) polled.push_back(std::move(report.sources[i]));
    report.sources = std::move(polled);
  }
  return report;
}

bool FeedPoller::still_due(store::SourceRecord& source, int64_t now, bool all) {
  std::lock_guard lock(store_mutex_);
  std::optional<store::SourceRecord> current = store_.sources().get(source.id);
  if (!current) return false;  // removed meanwhile
  // Polled by another since this round began (with `all`), or no longer due.
  if (all ? current->state.last_fetch_at.value_or(INT64_MIN) >= now : current->state.next_due_at > now) return false;
  source = std::move(*current);
  return true;
}

SourcePollReport FeedPoller::poll_source(HttpClient& client, const store::SourceRecord& source, int64_t now) {
  SourcePollReport report;
  report.source_id = source.id;
  report.url = source.url;
  store::SourceFetchState state = source.state;
  state.last_fetch_at = now;
  const auto save_state = [&] {
    state.last_outcome = report.outcome;
    std::lock_guard lock(store_mutex_);
    store_.sources().save_state(source.id, state);
  };
  const auto fail = [&](const std::string& error) {
    report.outcome = store::kOutcomeError;
    report.error = error;
    ++state.consecutive_errors;
    state.last_error = error;
    state.next_due_at = next_due_at(now, state.consecutive_errors, options_.schedule);
    save_state();
    return report;
  };

  const FetchResult fetched = fetcher_.fetch(client, {source.url, source.state.etag, source.state.last_modified});
  if (cancelled_) {
    // Shutting down: what this fetch came to says nothing about the source; nothing is saved.
    report.outcome = store::kOutcomeError;
    report.error = "cancelled";
    return report;
  }
  state.last_attempts = fetched.attempts;
  state.last_status = fetched.response.status ? std::optional<int>(fetched.response.status) : std::nullopt;
  report.status = state.last_status;
  if (fetched.disallowed) {
    // Not the feed's fault and not worth backing off for: skipped, and the reason kept.
    report.outcome = store::kOutcomeRobotsDisallowed;
    report.error = fetched.error;
    state.last_error = fetched.error;
    state.next_due_at = next_due_at(now, 0, options_.schedule);
    save_state();
    return report;
  }
  if (!fetched.error.empty()) return fail(fetched.error);
  if (fetched.response.status == 304) {
    report.outcome = store::kOutcomeNotModified;
    state.consecutive_errors = 0;
    state.last_error.reset();
    state.next_due_at = next_due_at(now, 0, options_.schedule);
    save_state();
    return report;
  }

  const HttpResponse& response = fetched.response;
  ingest::ReadResult read;
  try {
    // Feeds only: a page or a text answered with 200 (a login wall, a parked domain) is not news.
    const ingest::InputFormat format = ingest::detect_input_format(response.body);
    if (format == ingest::InputFormat::kHtml) return fail("an HTML page, not a feed (add the feed's own URL)");
    if (!is_feed_format(format)) return fail(std::string("not a feed: the answer is ") + ingest::format_name(format));
    read = ingest::read_documents({source.url, response.body, fetched.final_url});
  } catch (const std::exception& error) {
    return fail(std::string("cannot read the feed: ") + error.what());
  }
  report.problems = read.problems;

  // Only items not seen before, from this source or any other.
  std::vector<Document> fresh;
  std::set<std::string> keys_this_poll;
  {
    std::lock_guard lock(store_mutex_);
    for (auto& item : read.documents) {
      const std::string key = item_key(item);
      if (!keys_this_poll.insert(key).second || store_.sources().item_known(key)) continue;
      fresh.push_back(std::move(item));
    }
  }
  std::vector<std::string> keys;
  for (const auto& item : fresh) keys.push_back(item_key(item));
  std::vector<char> handed_on(fresh.size(), 0);
  if (options_.fetch_item_pages) fresh = fetch_item_pages(client, std::move(fresh), report, handed_on);
  if (cancelled_) {
    report.outcome = store::kOutcomeError;
    report.error = "cancelled";
    return report;
  }
  if (options_.claims && !options_.claims->holds(source.id)) {
    // The claim lapsed during the poll (this poller stalled): another may be polling the source
    // now, so nothing is written; the items come again with its poll or the next.
    report.outcome = store::kOutcomeError;
    report.error = "the claim on the source lapsed during the poll; nothing written";
    return report;
  }

  {
    // Items whose page was handed on are in the queue already; the others go to the sink.
    std::vector<Document> documents;
    std::vector<std::string> document_keys;
    std::vector<std::pair<std::string, std::string>> handed;  // key, id
    for (size_t i = 0; i < fresh.size(); ++i) {
      if (handed_on[i]) {
        handed.emplace_back(keys[i], fresh[i].id);
      } else {
        document_keys.push_back(keys[i]);
        documents.push_back(fresh[i]);
      }
    }
    std::lock_guard lock(store_mutex_);
    std::vector<pipeline::IngestOutcome> outcomes;
    if (!documents.empty()) outcomes = sink_(documents);
    // Recorded once stored: a crash in between fetches the items again, and storing them
    // again changes nothing (ingest is idempotent).
    if (!outcomes.empty() || !handed.empty())
      store_.in_transaction([&] {
        for (size_t i = 0; i < outcomes.size() && i < document_keys.size(); ++i)
          store_.sources().record_item(source.id, document_keys[i], outcomes[i].id);
        for (const auto& [key, id] : handed) store_.sources().record_item(source.id, key, id);
      });
  }
  report.new_items = fresh.size();
  report.outcome = store::kOutcomeOk;
  state.items_seen += static_cast<int64_t>(fresh.size());
  state.consecutive_errors = 0;
  state.last_error.reset();
  state.etag = response.etag;
  state.last_modified = response.last_modified;
  state.next_due_at = next_due_at(now, 0, options_.schedule);
  save_state();
  return report;
}

std::vector<Document> FeedPoller::fetch_item_pages(HttpClient& client, std::vector<Document> items, SourcePollReport& report,
                                                   std::vector<char>& handed_on) {
  for (size_t i = 0; i < items.size(); ++i) {
    Document& item = items[i];
    if (report.pages_fetched >= options_.max_item_pages_per_poll || cancelled_) break;
    if (!is_teaser(item)) continue;
    ++report.pages_fetched;
    const FetchResult page = fetcher_.fetch(client, {*item.url, std::nullopt, std::nullopt});
    // A page that cannot be had leaves the teaser as it is: better than nothing, and not asked
    // for again (the item is seen).
    const auto keep_teaser = [&](const std::string& why) {
      report.problems.push_back("item " + *item.url + ": " + why + "; the feed's teaser kept");
    };
    if (!page.error.empty()) {
      keep_teaser(page.error);
      continue;
    }
    try {
      if (ingest::detect_input_format(page.response.body) != ingest::InputFormat::kHtml) {
        keep_teaser("the page is not HTML");
        continue;
      }
      if (options_.hand_on_page) {
        options_.hand_on_page(item, page.response.body, page.final_url);
        handed_on[i] = 1;
        continue;
      }
      ingest::ReadResult read = ingest::read_documents({*item.url, page.response.body, page.final_url});
      if (!read.documents.empty()) item = merge_item_page(item, std::move(read.documents.front()));
    } catch (const std::exception& error) {
      keep_teaser(std::string(options_.hand_on_page ? "cannot hand the page on: " : "cannot read the page: ") +
                  error.what());
    }
  }
  return items;
}

}  // namespace storyline::sources
