#include "storyline/serve/server_state.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>

#include "storyline/core/decompress.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/serve/http_helpers.h"

namespace storyline::serve {

ServerState::ServerState(ServerOptions options)
    : options_(std::move(options)), writer_store_(store::open_store(options_.db)), pipeline_(*writer_store_) {
  if (!options_.queue.empty()) queue_ = std::make_unique<queue::DocumentPublisher>(options_.queue, options_.queue_replicas);
}

store::Store& ServerState::reader() {
  thread_local std::map<std::string, std::unique_ptr<store::Store>> stores;
  auto& slot = stores[options_.db];
  if (!slot) slot = store::open_store(options_.db);
  return *slot;
}

uint64_t ServerState::write(const std::function<void()>& work) {
  return write_if_changed([&] {
    work();
    return true;
  });
}

uint64_t ServerState::write_if_changed(const std::function<bool()>& work) {
  bool changed = false;
  uint64_t number = 0;
  {
    std::lock_guard lock(writer_mutex_);
    pipeline_.in_transaction([&] {
      changed = work();
      if (write_probe_) write_probe_();
    });
    stale_stories_ = pipeline_.has_stale_stories();
    stale_counts_ = pipeline_.has_stale_counts();
    number = ++writes_committed_;
  }
  if (changed) cache_.invalidate();
  return number;
}

std::vector<pipeline::IngestOutcome> ServerState::ingest_body(const std::string& body, const std::string& source,
                                                              std::optional<std::string> url,
                                                              std::optional<std::string> forced_id,
                                                              std::optional<int64_t> expires_at) {
  // A body that is itself gzip (a saved .html.gz, sent without Content-Encoding) is inflated
  // within the body limit here: the readers' own bound (256 MiB, for files) let six such bodies
  // of 1 MB each take gigabytes at once (issue 16). Throws InputError (a 400) past it.
  // One such body is inflated at a time: each may take the body limit, and more while its string
  // grows, so that six at once took 455 MiB.
  if (queue_ && options_.extract_in_workers && forced_id) {
    // Unread: `worker extract` reads it (the extraction's CPU scales with the extract workers).
    queue_->publish_page({body, forced_id, url, expires_at, std::nullopt});
    metrics_.count_queued(1);
    return {{*forced_id, store::UpsertOutcome::kInserted, {}}};
  }
  ingest::ReadResult result;
  if (is_gzip(body)) {
    std::lock_guard one_at_a_time(inflating_mutex_);
    result = ingest::read_documents({source, gunzip(body, options_.max_body_bytes), std::move(url)});
  } else {
    result = ingest::read_documents({source, body, std::move(url)});
  }
  // Over HTTP a body is taken whole or not at all: a part that could not be read (a date that is
  // no date, a record with nothing in it) refuses it, named, before anything is stored, so that
  // the client can fix it and send it again. (Files given to `ingest` keep their good parts.)
  if (!result.problems.empty()) {
    constexpr size_t kNamed = 3;
    std::string message = "nothing stored: ";
    for (size_t i = 0; i < std::min(result.problems.size(), kNamed); ++i) message += (i ? "; " : "") + result.problems[i];
    if (result.problems.size() > kNamed)
      message += " (and " + std::to_string(result.problems.size() - kNamed) + " more problems)";
    throw ingest::InputError(message);
  }
  std::vector<pipeline::IngestOutcome> outcomes;
  if (queue_) {
    // Durable once JetStream has it (replicated when the stream is): `worker cluster` labels,
    // deduplicates, stores and clusters it; the answer names the ids it will have.
    if (forced_id && !result.documents.empty()) {
      result.documents.resize(1);  // a contest article is one page
      result.documents.front().id = *forced_id;
    }
    queue_->publish(result.documents, forced_id ? expires_at : std::nullopt);
    for (const auto& document : result.documents) outcomes.push_back({document.id, store::UpsertOutcome::kInserted, {}});
    metrics_.count_queued(outcomes.size());
    return outcomes;
  }
  uint64_t written = 0;
  {
    const InLine in_line(*this);  // until committed, not until its records are written
    written = write([&] {
      for (auto& document : result.documents) {
        if (forced_id) document.id = *forced_id;
        outcomes.push_back(pipeline_.add(std::move(document)));
        if (forced_id) writer_store_->documents().set_expiry(outcomes.back().id, expires_at);
        if (forced_id) break;  // a contest article is one page
      }
      pipeline_.cluster_pending(pipeline::IngestPipeline::Storys::kLater);
    });
  }
  // The client's next read must find the article in its story (an article read right after its
  // 201 had "story": null): the records are written before the answer, in a transaction of their
  // own.
  rewrite_stories_after(written);
  metrics_.count_ingested(outcomes.size());
  return outcomes;
}

std::vector<pipeline::IngestOutcome> ServerState::ingest_documents(std::vector<Document>& documents) {
  std::vector<pipeline::IngestOutcome> outcomes;
  if (queue_) {
    queue_->publish(documents);
    for (const auto& document : documents) outcomes.push_back({document.id, store::UpsertOutcome::kInserted, {}});
    metrics_.count_queued(outcomes.size());
    return outcomes;
  }
  write([&] {
    outcomes.clear();
    for (auto& document : documents) outcomes.push_back(pipeline_.add(document));
    pipeline_.cluster_pending(pipeline::IngestPipeline::Storys::kLater);
  });
  metrics_.count_ingested(outcomes.size());
  return outcomes;
}

bool ServerState::remove_article(const std::string& id) {
  if (queue_) {
    // Known as the store has it now (a write still in the queue is not yet); the worker removes it.
    if (!reader().documents().get(id)) return false;
    queue_->remove(id);
    return true;
  }
  bool removed = false;
  write([&] { removed = pipeline_.remove(id); });
  return removed;
}

size_t ServerState::purge_expired() {
  if (queue_) return 0;  // the cluster worker, the one writer, removes them
  size_t removed = 0;
  // Runs every few seconds: cached answers stay valid unless an article actually expired.
  write_if_changed([&] {
    removed = pipeline_.purge_expired(unix_now());
    return removed > 0;
  });
  return removed;
}

void ServerState::refresh_stale_stories() {
  std::lock_guard one_at_a_time(rewriting_mutex_);
  if (stale_stories_) rewrite_stale_stories(pipeline::IngestPipeline::Texts::kRewrite);
}

void ServerState::rewrite_stale_stories(pipeline::IngestPipeline::Texts texts) {
  uint64_t after = 0;
  write([&] {
    after = writes_committed_;  // every write before this rewrite: read under the writer's mutex
    pipeline_.refresh_stories(texts);
  });
  rewritten_after_ = after;
}

namespace {

constexpr std::chrono::milliseconds kMostWaitForLine{50};

}  // namespace

ServerState::InLine::InLine(ServerState& state) : state_(state) {
  std::lock_guard lock(state_.line_mutex_);
  ++state_.ingests_entered_;
}

ServerState::InLine::~InLine() {
  {
    std::lock_guard lock(state_.line_mutex_);
    ++state_.ingests_left_;
  }
  state_.line_changed_.notify_all();
}

void ServerState::rewrite_stories_after(uint64_t write) {
  std::lock_guard one_at_a_time(rewriting_mutex_);
  if (rewritten_after_ >= write) return;
  // The ingests already in line commit first, so that this rewrite serves them too: a rewrite
  // as soon as one ingest had committed served one or two, while the others waited for it.
  {
    std::unique_lock lock(line_mutex_);
    const uint64_t ahead = ingests_entered_;
    line_changed_.wait(lock, [&] { return ingests_left_ >= ahead; });
    // And those that join meanwhile, while there are (the handlers' pool bounds them: each one
    // that commits then waits here); the bound in time only keeps a steady stream of writers
    // from holding the rewrite back. 4.2 ingests a rewrite became 5.7 (a rewrite took 3.1 ms).
    line_changed_.wait_for(lock, kMostWaitForLine, [&] { return ingests_left_ == ingests_entered_; });
  }
  // Cleared only once a rewrite has committed: a writer that finds it clear after its own commit
  // knows its stories' counts were rewritten since (or that it left none stale). The texts are
  // the upkeep's to write (within 200 ms).
  if (stale_counts_) rewrite_stale_stories(pipeline::IngestPipeline::Texts::kLater);
}

}  // namespace storyline::serve
