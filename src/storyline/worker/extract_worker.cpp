#include "storyline/worker/extract_worker.h"

#include <thread>
#include <vector>

#include "storyline/core/decompress.h"
#include "storyline/core/document_json.h"
#include "storyline/ingest/read_documents.h"
#include "storyline/queue/document_queue.h"
#include "storyline/sources/item_pages.h"

namespace storyline::worker {
namespace {

// As `serve` bounds a body it inflates (ServerOptions::max_body_bytes).
constexpr size_t kMaxPageBytes = size_t{16} << 20;

// The page's document, as `serve` would read it for a PUT; throws InputError naming what is wrong.
// A feed item's article page (`sources poll --extract-workers`) is read as the poller reads one:
// the item's metadata fills what the page lacks, and a page with no article leaves the item's teaser.
Document read_page(const queue::Message& message) {
  const std::optional<std::string> name = message.header(queue::kNameHeader), url = message.header(queue::kUrlHeader);
  std::string body(message.data());
  if (is_gzip(body)) body = gunzip(body, kMaxPageBytes);
  if (const std::optional<std::string> item_line = message.header(queue::kItemHeader)) {
    const Document item = document_from_json(*item_line);
    try {
      ingest::ReadResult read = ingest::read_documents({item.url.value_or(item.source), std::move(body), url});
      if (!read.documents.empty()) return sources::merge_item_page(item, std::move(read.documents.front()));
    } catch (const std::exception&) {
      // Unreadable: the teaser, as the poller keeps it.
    }
    return item;
  }
  const ingest::ReadResult result = ingest::read_documents({name.value_or("queue"), std::move(body), url});
  if (!result.problems.empty()) throw ingest::InputError(result.problems.front());
  if (result.documents.empty()) throw ingest::InputError("no article found in the page");
  Document document = result.documents.front();  // a contest article is one page
  if (name) document.id = *name;
  return document;
}

}  // namespace

ExtractWorkerCounts run_extract_worker(const ExtractWorkerOptions& options, const std::atomic<bool>& stop,
                                       const std::function<void(const std::string&)>& log) {
  queue::DocumentPublisher publisher(options.queue, options.replicas);
  queue::JetStream jetstream(options.queue);
  queue::ConsumerSettings settings;
  settings.durable = "extract";
  settings.ack_wait = options.ack_wait;
  const auto consumer = jetstream.pull_consumer(queue::pages_stream(options.replicas), settings);
  ExtractWorkerCounts counts;
  auto idle_since = std::chrono::steady_clock::now();
  while (!stop) {
    std::vector<queue::Message> messages;
    try {
      messages = consumer->fetch(options.batch, std::chrono::milliseconds(500));
    } catch (const queue::QueueError& error) {
      log(std::string("fetch failed, retrying: ") + error.what());
      std::this_thread::sleep_for(std::chrono::seconds(1));
      continue;
    }
    if (messages.empty()) {
      if (options.exit_when_idle.count() > 0 && std::chrono::steady_clock::now() - idle_since > options.exit_when_idle)
        break;
      continue;
    }
    for (auto& message : messages) {
      ++counts.pages;
      if (message.deliveries() > 1) ++counts.redelivered;
      try {
        Document document;
        try {
          document = read_page(message);
        } catch (const std::exception& error) {
          ++counts.rejected;
          log("page " + message.header(queue::kNameHeader).value_or(std::to_string(message.stream_sequence())) +
              " dropped: " + error.what());
          message.term();
          continue;
        }
        std::optional<int64_t> expires_at;
        if (const auto expires = message.header(queue::kExpiresAtHeader)) expires_at = std::stoll(*expires);
        publisher.publish({document}, expires_at);  // stored by JetStream before the page is let go
        ++counts.documents;
        message.ack();
      } catch (const queue::QueueError& error) {
        // Not acknowledged: the page comes again after the ack wait.
        log(std::string("page left for later: ") + error.what());
      }
    }
    try {
      consumer->flush();
    } catch (const queue::QueueError& error) {
      log(std::string("acknowledgements not sent (the pages will come again): ") + error.what());
    }
    idle_since = std::chrono::steady_clock::now();
  }
  return counts;
}

}  // namespace storyline::worker
