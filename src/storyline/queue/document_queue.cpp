#include "storyline/queue/document_queue.h"

#include <random>
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

StreamSettings pages_stream(int replicas) {
  StreamSettings stream;
  stream.name = "STORYLINE_PAGES";
  stream.subject = "storyline.pages";
  stream.replicas = replicas;
  return stream;
}

namespace {

// New for every write: the publish's own retries share it (JetStream keeps one copy); two writes
// never do, so that a removal between two identical writes is not undone by the second's dedup.
std::string new_message_id(const std::string& first) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::string id = first;
  id.append(":").append(hex64(random()));
  return id;
}

}  // namespace

DocumentPublisher::DocumentPublisher(const std::string& address, int replicas, std::chrono::milliseconds timeout)
    : jetstream_(std::make_unique<JetStream>(address, timeout)) {
  jetstream_->ensure_stream(documents_stream(replicas));
  jetstream_->ensure_stream(pages_stream(replicas));
}

void DocumentPublisher::publish(const std::vector<Document>& documents, std::optional<int64_t> expires_at) {
  JetStream::Headers headers;
  if (expires_at) headers.emplace_back(kExpiresAtHeader, std::to_string(*expires_at));
  jetstream_->publish(documents_stream().subject, documents_message(documents),
                      new_message_id(documents.empty() ? std::string() : documents.front().id), headers);
}

void DocumentPublisher::remove(const std::string& id) {
  jetstream_->publish(documents_stream().subject, "", new_message_id("remove:" + id), {{kRemoveHeader, id}});
}

void DocumentPublisher::publish_page(const Page& page) {
  JetStream::Headers headers;
  if (page.name) headers.emplace_back(kNameHeader, *page.name);
  if (page.url) headers.emplace_back(kUrlHeader, *page.url);
  if (page.expires_at) headers.emplace_back(kExpiresAtHeader, std::to_string(*page.expires_at));
  if (page.item) headers.emplace_back(kItemHeader, *page.item);
  jetstream_->publish(pages_stream().subject, page.body, new_message_id("page:" + page.name.value_or("")), headers);
}

}  // namespace storyline::queue
