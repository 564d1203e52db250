#pragma once
// What the route handlers share: the one writer (store + ingest pipeline, behind a mutex, as
// SQLite has one writer), a store connection per reader thread, the answer cache and metrics.
// Readers never take the writer's mutex: each reads the last committed records on its own
// connection (SQLite's WAL), so that no read waits behind a write (issue 16).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "storyline/pipeline/ingest_pipeline.h"
#include "storyline/queue/document_queue.h"
#include "storyline/serve/http_server.h"
#include "storyline/serve/keyed_mutex.h"
#include "storyline/serve/metrics.h"
#include "storyline/serve/response_cache.h"
#include "storyline/store/store.h"

namespace storyline::serve {

class ServerState {
 public:
  explicit ServerState(ServerOptions options);

  const ServerOptions& options() const { return options_; }
  Metrics& metrics() { return metrics_; }
  ResponseCache& cache() { return cache_; }
  // Answers being computed, by cache key: one computation of an answer at a time, any number of
  // different answers at once.
  KeyedMutex& computing() { return computing_; }

  // This thread's read connection (handler threads live as long as the server's pool).
  store::Store& reader();

  // Reads the body (HTML, JSON document, any format `extract` reads) and ingests what it holds,
  // durably: committed before this returns, with the records of the stories it changed, so that
  // the client's next read sees its articles in their stories; or, with a queue (`--queue`),
  // stored by JetStream for `worker cluster` (so are removals, the poller's documents and the times
  // to live: a server with a queue writes nothing itself). Throws queue::QueueError when the queue
  // did not take it. Throws ingest::InputError for unreadable input, and for input any part of
  // which could not be read (nothing is stored then).
  std::vector<pipeline::IngestOutcome> ingest_body(const std::string& body, const std::string& source,
                                                   std::optional<std::string> url, std::optional<std::string> forced_id,
                                                   std::optional<int64_t> expires_at);
  // Ingests documents read elsewhere (the source poller), durably, in one transaction; their
  // stories' records are left to refresh_stale_stories().
  std::vector<pipeline::IngestOutcome> ingest_documents(std::vector<Document>& documents);
  // Removes an article and updates its story; false when unknown.
  bool remove_article(const std::string& id);
  size_t purge_expired();
  // Rewrites the records of stories that ingest changed (deferred from the ingest's transaction
  // so that ingest stays fast). Called by the server's upkeep and by writers after their write
  // (rewrite_stories_after), never by readers.
  void refresh_stale_stories();

  // For tests: runs inside every write, under the writer's mutex, before it commits.
  void set_write_probe(std::function<void()> probe) { write_probe_ = std::move(probe); }

 private:
  // Runs a write in one transaction under the writer mutex, then makes cached answers stale.
  // Returns the write's number (writes are numbered from 1 in the order they commit).
  uint64_t write(const std::function<void()>& work);
  // The same, but cached answers stay valid when `work` says it changed nothing.
  uint64_t write_if_changed(const std::function<bool()>& work);
  // Returns once the records that write number `write` left stale are rewritten, but for the
  // texts of stories that had a record (their headlines and summaries: the upkeep writes them
  // within 200 ms): by a rewrite that began after it, this caller's or another's. Writers take
  // turns here, so that one rewrite serves every write that committed before it. A whole
  // rewrite per write cut ingest through the API from about 9,000 articles/s to 236 (a story of
  // 120 articles read takes about 10 ms to summarise).
  void rewrite_stories_after(uint64_t write);
  // A rewrite of the stale records (texts: the stories' headlines and summaries too, or later);
  // the caller holds rewriting_mutex_.
  void rewrite_stale_stories(pipeline::IngestPipeline::Texts texts);
  // An ingest from the moment its body is read to its commit (or failure): what a rewrite waits
  // for before it begins.
  class InLine {
   public:
    explicit InLine(ServerState& state);
    ~InLine();

   private:
    ServerState& state_;
  };

  ServerOptions options_;
  Metrics metrics_;
  ResponseCache cache_;
  KeyedMutex computing_;
  std::mutex writer_mutex_;
  std::mutex inflating_mutex_;  // one gzip body (a saved .html.gz) inflated and read at a time
  std::unique_ptr<store::Store> writer_store_;
  pipeline::IngestPipeline pipeline_;
  std::unique_ptr<queue::DocumentPublisher> queue_;  // null: writes go to the store here
  std::atomic<bool> stale_stories_{false};           // some record is behind its story
  std::atomic<bool> stale_counts_{false};            // in its counts, dates, heat or publishers
  uint64_t writes_committed_ = 0;                    // under writer_mutex_
  std::mutex rewriting_mutex_;                       // one rewrite at a time; writers wait for theirs here
  uint64_t rewritten_after_ = 0;                     // under rewriting_mutex_: the writes a rewrite has served
  std::mutex line_mutex_;
  std::condition_variable line_changed_;
  uint64_t ingests_entered_ = 0, ingests_left_ = 0;  // under line_mutex_
  std::function<void()> write_probe_;
};

}  // namespace storyline::serve
