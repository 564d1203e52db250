#pragma once
// What the route handlers share: the one writer (store + ingest pipeline, behind a mutex, as
// SQLite has one writer), a store connection per reader thread, the answer cache and metrics.
#include <atomic>
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

  // This thread's read connection (handler threads live as long as the server's pool).
  store::Store& reader();

  // Reads the body (HTML, JSON document, any format `extract` reads) and ingests what it holds,
  // durably: committed before this returns, or, with a queue (`--queue`), stored by JetStream for
  // `worker cluster` (so are removals, the poller's documents and the times to live: a server
  // with a queue writes nothing itself). Throws queue::QueueError when the queue did not take it. Throws ingest::InputError
  // for unreadable input, and for input any part of which could not be read (nothing is stored then).
  std::vector<pipeline::IngestOutcome> ingest_body(const std::string& body, const std::string& source,
                                                   std::optional<std::string> url, std::optional<std::string> forced_id,
                                                   std::optional<int64_t> expires_at);
  // Ingests documents read elsewhere (the source poller), durably, in one transaction.
  std::vector<pipeline::IngestOutcome> ingest_documents(std::vector<Document>& documents);
  // Removes an article and updates its story; false when unknown.
  bool remove_article(const std::string& id);
  size_t purge_expired();
  // Rewrites the records of stories that ingest changed (deferred so that ingest stays fast).
  // Readers call it first, so that they see the stories of articles already acknowledged.
  void refresh_stale_stories();

 private:
  // Runs a write in one transaction under the writer mutex, then makes cached answers stale.
  void write(const std::function<void()>& work);
  // The same, but cached answers stay valid when `work` says it changed nothing.
  void write_if_changed(const std::function<bool()>& work);

  ServerOptions options_;
  Metrics metrics_;
  ResponseCache cache_;
  std::mutex writer_mutex_;
  std::mutex inflating_mutex_;  // one gzip body (a saved .html.gz) inflated and read at a time
  std::unique_ptr<store::Store> writer_store_;
  pipeline::IngestPipeline pipeline_;
  std::unique_ptr<queue::DocumentPublisher> queue_;  // null: writes go to the store here
  std::atomic<bool> stale_stories_{false};
};

}  // namespace storyline::serve
