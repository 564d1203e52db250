#include "storyline/queue/document_queue.h"

#include <stdexcept>

#include "storyline/core/document_json.h"
#include "storyline/core/hash.h"

namespace storyline::queue {

StreamSettings documents_stream(int replicas) {
  StreamSettings stream;
  stream.name = "STORYLINE_DOCUMENTS";
  stream.subject = "storyline.documents";
  stream.replicas = replicas;
  return stream;
}

std::string documents_message(const std::vector<Document>& documents) {
  std::string message;
  for (const auto& document : documents) message.append(to_json_line(document)).append("\n");
  return message;
}

std::vector<Document> message_documents(std::string_view message) {
  std::vector<Document> documents;
  size_t start = 0, line = 0;
  while (start < message.size()) {
    size_t end = message.find('\n', start);
    if (end == std::string_view::npos) end = message.size();
    ++line;
    if (end > start) {
      try {
        documents.push_back(document_from_json(message.substr(start, end - start)));
      } catch (const std::invalid_argument& error) {
        throw std::invalid_argument("line " + std::to_string(line) + " of the message: " + error.what());
      }
    }
    start = end + 1;
  }
  return documents;
}

std::string documents_message_id(const std::vector<Document>& documents, std::string_view message) {
  std::string id = documents.empty() ? std::string() : documents.front().id;
  id.append(":").append(hex64(fnv1a64(message)));
  return id;
}

DocumentPublisher::DocumentPublisher(const std::string& address, int replicas, std::chrono::milliseconds timeout)
    : jetstream_(std::make_unique<JetStream>(address, timeout)) {
  jetstream_->ensure_stream(documents_stream(replicas));
}

void DocumentPublisher::publish(const std::vector<Document>& documents) {
  const std::string message = documents_message(documents);
  jetstream_->publish(documents_stream().subject, message, documents_message_id(documents, message));
}

}  // namespace storyline::queue
