#pragma once
// Writes between the roles: `serve --queue` (and its poller) publishes what it read; `worker
// cluster` stores it. One JetStream stream, STORYLINE_DOCUMENTS, on subject storyline.documents.
// A message is one write: the documents of one request (a POSTed body is taken whole or not at
// all) as Document JSON Lines (INTERFACE.md, with the reader's section and page types), with the
// header Storyline-Expires-At (Unix seconds) for a contest article's time to live; or a removal
// (DELETE), an empty message with the header Storyline-Remove naming the document. Its message id
// is new for each write (the first document's id and a random number), so that JetStream keeps one
// copy when serve retries a publish whose answer was lost; a client that sends a write again makes
// a second message, which the worker finds already stored.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/queue/jetstream.h"

namespace storyline::queue {

StreamSettings documents_stream(int replicas = 0);

// Pages not yet read (`serve --queue --extract-workers`): the stream STORYLINE_PAGES, subject
// storyline.pages, one page a message as the client sent it (maybe gzip), with the headers
// Storyline-Name (the contest name, the document's id), Storyline-Url and Storyline-Expires-At.
// `worker extract` reads them and publishes their documents to STORYLINE_DOCUMENTS.
StreamSettings pages_stream(int replicas = 0);
inline constexpr const char* kNameHeader = "Storyline-Name";
inline constexpr const char* kUrlHeader = "Storyline-Url";
inline constexpr const char* kItemHeader = "Storyline-Item";

struct Page {
  std::string body;
  std::optional<std::string> name, url;
  std::optional<int64_t> expires_at;
  // The feed item whose article this page is (`sources poll --extract-workers`), as one Document
  // JSON line in the header Storyline-Item: the reader fills what the page lacks from it.
  std::optional<std::string> item;
};

// The message of a write's documents, and back. document_lines throws std::invalid_argument
// naming the line that is no document.
std::string documents_message(const std::vector<Document>& documents);
std::vector<Document> message_documents(std::string_view message);
inline constexpr const char* kExpiresAtHeader = "Storyline-Expires-At";
inline constexpr const char* kRemoveHeader = "Storyline-Remove";

class DocumentPublisher {
 public:
  // Connects and makes the stream when missing. Throws QueueError.
  explicit DocumentPublisher(const std::string& address, int replicas = 0,
                             std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Returns once JetStream has stored the documents, as one message (on a majority of the stream's
  // replicas). Thread-safe. Throws QueueError when it could not within the timeout, or when the
  // message is over the server's max_payload (scripts/nats/start.sh sets 8 MiB).
  void publish(const std::vector<Document>& documents, std::optional<int64_t> expires_at = std::nullopt);
  // The removal of a document (DELETE), for the worker to carry out.
  void remove(const std::string& id);
  // A page for `worker extract`, unread. Returns once JetStream has stored it, as publish().
  void publish_page(const Page& page);

 private:
  std::unique_ptr<JetStream> jetstream_;
};

}  // namespace storyline::queue
