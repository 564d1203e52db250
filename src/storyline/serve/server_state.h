#pragma once
// What the route handlers share: the one writer (store + ingest pipeline, behind a mutex, as
// SQLite has one writer), a store connection per reader thread, the answer cache and metrics.
// Readers never take the writer's mutex: each reads the last committed records on its own
// connection (SQLite's WAL), so that no read waits behind a write (issue 16).
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "storyline/pipeline/ingest_pipeline.h"
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
  // the client's next read sees its articles in their stories. Throws ingest::InputError for
  // unreadable input, and for input any part of which could not be read (nothing is stored then).
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
  // so that ingest stays fast: one rewrite serves every write that waited meanwhile). Called by
  // writers after their write and by the server's upkeep, never by readers.
  void refresh_stale_stories();

  // For tests: runs inside every write, under the writer's mutex, before it commits.
  void set_write_probe(std::function<void()> probe) { write_probe_ = std::move(probe); }

 private:
  // Runs a write in one transaction under the writer mutex, then makes cached answers stale.
  void write(const std::function<void()>& work);
  // The same, but cached answers stay valid when `work` says it changed nothing.
  void write_if_changed(const std::function<bool()>& work);

  ServerOptions options_;
  Metrics metrics_;
  ResponseCache cache_;
  KeyedMutex computing_;
  std::mutex writer_mutex_;
  std::mutex inflating_mutex_;  // one gzip body (a saved .html.gz) inflated and read at a time
  std::unique_ptr<store::Store> writer_store_;
  pipeline::IngestPipeline pipeline_;
  std::atomic<bool> stale_stories_{false};
  std::function<void()> write_probe_;
};

}  // namespace storyline::serve
