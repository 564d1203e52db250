#pragma once
// Documents between the roles: `serve` (and later the pollers and extract workers) publishes each
// document it read; `worker cluster` consumes them. One JetStream stream, STORYLINE_DOCUMENTS, on
// subject storyline.documents. A message holds the documents of one write (a POSTed body, which is
// taken whole or not at all) as Document JSON Lines (INTERFACE.md, with the reader's section and
// page types); its message id is the first document's id and a hash of the whole, so that a
// client's retry within two minutes is stored once in the stream, and an edited article is not
// taken for a retry.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "storyline/core/document.h"
#include "storyline/queue/jetstream.h"

namespace storyline::queue {

StreamSettings documents_stream(int replicas = 0);

// The message of a write's documents, and back. document_lines throws std::invalid_argument
// naming the line that is no document.
std::string documents_message(const std::vector<Document>& documents);
std::vector<Document> message_documents(std::string_view message);
// The message id of `documents`, whose message is `message`.
std::string documents_message_id(const std::vector<Document>& documents, std::string_view message);

class DocumentPublisher {
 public:
  // Connects and makes the stream when missing. Throws QueueError.
  explicit DocumentPublisher(const std::string& address, int replicas = 0,
                             std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Returns once JetStream has stored the documents, as one message (on a majority of the stream's
  // replicas). Thread-safe. Throws QueueError when it could not within the timeout, or when the
  // message is over the server's max_payload (scripts/nats/start.sh sets 8 MiB).
  void publish(const std::vector<Document>& documents);

 private:
  std::unique_ptr<JetStream> jetstream_;
};

}  // namespace storyline::queue
